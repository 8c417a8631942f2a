import type { IncomingMessage, ServerResponse } from "node:http";
import { recordVote } from "../../analytics/record.js";
import { describeReport } from "../../analytics/report-text.js";
import { runCuration } from "../../bot/curation.js";
import {
  type Asker,
  type BotDeps,
  describeReload,
  describeStatus,
  handleSuggestion,
  handleText,
} from "../../bot/handle.js";
import type { Config } from "../../config.js";
import { exampleQuestions } from "../../core/examples.js";
import type { BotServer } from "../../server.js";
import { adminNeedsToken, checkAdmin, checkHost, checkPost, clientAddress, type Verdict } from "./access.js";
import { CLIENT_JS } from "./client.js";
import { asset, json, readJson, send, text } from "./http.js";
import { ICON_SVG, renderPage } from "./page.js";
import {
  renderAnswerHtml,
  renderReloadHtml,
  renderReplyHtml,
  renderStatusHtml,
  renderThanksHtml,
  reportHtml,
} from "./render-html.js";
import { STYLES } from "./styles.js";
import { WORDING } from "./wording.js";

/**
 * The web adapter: the chat page at / and its JSON API under /api/web/. Like Slack and Teams it only
 * translates: request -> handleText / handleSuggestion -> render-html. Mounted only when
 * config.web.enabled (see config.ts: WEB_CHAT, and loopback unless ADMIN_TOKEN guards the admin view).
 */

export const WEB_PATHS = {
  page: "/",
  ask: "/api/web/ask",
  suggestion: "/api/web/suggestion",
  feedback: "/api/web/feedback",
  status: "/api/web/admin/status",
  reload: "/api/web/admin/reload",
} as const;

/** Same as the page's input maxlength. */
export const MAX_QUESTION = 1000;

type Route = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/** Runs `route` when `verdict` allows it, else answers the refusal as JSON. */
const guarded =
  (check: (req: IncomingMessage) => Verdict, route: Route): Route =>
  (req, res) => {
    const v = check(req);
    if (!v.ok) return json(res, v.status, { error: v.error });
    return route(req, res);
  };

/** The web has no user accounts: the rate limit, analytics and logs know an asker by address. */
const askerOf = (req: IncomingMessage, config: Config): Asker => ({
  platform: "web",
  userId: clientAddress(req, config),
  channel: "web",
});

const WEEK_MS = 7 * 86_400_000;

/** The curator's report (unanswered questions, 👎) for the admin view; undefined when nothing is recorded. */
async function curationReportHtml(deps: BotDeps): Promise<string | undefined> {
  if (!deps.analytics || deps.analytics.kind === "off") return undefined;
  const r = await runCuration({ command: "report", sinceMs: WEEK_MS }, deps);
  return r.kind === "report" ? reportHtml("info", WORDING.reportTitle, describeReport(r.report)) : undefined;
}

export async function mountWeb(
  server: BotServer,
  config: Config,
  deps: BotDeps,
): Promise<() => Promise<void>> {
  if (!config.web.enabled) return async () => {};
  const log = deps.log.child({ adapter: "web" });
  const get = (r: Route) => guarded((req) => checkHost(req, config), r);
  const post = (r: Route) => guarded((req) => checkPost(req, config), r);
  const admin = (check: (req: IncomingMessage) => Verdict, r: Route) =>
    guarded(
      check,
      guarded((req) => checkAdmin(req, config), r),
    );

  server.route(
    "GET",
    WEB_PATHS.page,
    get((_req, res) => {
      const index = deps.store.current();
      const page = renderPage({
        title: index.knowledge.title,
        version: index.knowledge.version,
        examples: exampleQuestions(index),
        adminNeedsToken: adminNeedsToken(config),
      });
      send(res, 200, "text/html; charset=utf-8", page);
    }),
  );
  server.route("GET", "/web/app.js", get(asset("text/javascript; charset=utf-8", CLIENT_JS)));
  server.route("GET", "/web/app.css", get(asset("text/css; charset=utf-8", STYLES)));
  server.route("GET", "/web/icon.svg", get(asset("image/svg+xml", ICON_SVG)));

  server.route(
    "POST",
    WEB_PATHS.ask,
    post(async (req, res) => {
      const body = await readJson(req);
      if (!body.ok) return json(res, body.status, { error: body.error });
      const question = text(body.value.question)?.trim() ?? "";
      if (question.length > MAX_QUESTION) return json(res, 400, { error: WORDING.tooLong(MAX_QUESTION) });
      const reply = await handleText(question, askerOf(req, config), deps);
      // Rate limiting (when the bot has it) is the one reply that is not a 200.
      const status = "retryAfterSeconds" in reply ? 429 : 200;
      json(res, status, {
        kind: reply.kind,
        html: renderReplyHtml(reply),
        ...(reply.kind === "answer" ? { answer: reply.answer } : {}),
      });
    }),
  );

  server.route(
    "POST",
    WEB_PATHS.suggestion,
    post(async (req, res) => {
      const body = await readJson(req);
      if (!body.ok) return json(res, body.status, { error: body.error });
      const factId = text(body.value.factId) ?? "";
      const question = (text(body.value.question) ?? "").slice(0, MAX_QUESTION);
      if (!factId) return json(res, 400, { error: "factId is required" });
      const answer = handleSuggestion(factId, question, deps);
      json(res, 200, { kind: "answer", html: renderAnswerHtml(answer), answer });
    }),
  );

  server.route(
    "POST",
    WEB_PATHS.feedback,
    post(async (req, res) => {
      const body = await readJson(req);
      if (!body.ok) return json(res, body.status, { error: body.error });
      const vote = body.value.vote;
      if (vote !== "up" && vote !== "down") return json(res, 400, { error: 'vote must be "up" or "down"' });
      const about = {
        version: (text(body.value.version) ?? "").slice(0, 100),
        status: (text(body.value.status) ?? "").slice(0, 20),
        ...(text(body.value.factId) ? { factId: (text(body.value.factId) as string).slice(0, 200) } : {}),
      };
      const answerId = text(body.value.answerId);
      const user = askerOf(req, config).userId;
      log.info("feedback", { vote, ...about, platform: "web", user });
      if (deps.analytics) {
        recordVote(deps.analytics, {
          at: deps.now?.() ?? new Date(),
          platform: "web",
          userId: user,
          vote,
          ...(answerId && /^[\w-]{1,64}$/.test(answerId) ? { answerId } : {}),
          ...(about.version ? { version: about.version } : {}),
          ...(about.factId ? { factId: about.factId } : {}),
        });
      }
      json(res, 200, { ok: true, text: WORDING.thanks[vote], html: renderThanksHtml(vote) });
    }),
  );

  server.route(
    "GET",
    WEB_PATHS.status,
    admin(
      (req) => checkHost(req, config),
      async (_req, res) => {
        const status = deps.store.status();
        const report = await curationReportHtml(deps);
        json(res, 200, {
          status,
          text: describeStatus(status),
          html: renderStatusHtml(status),
          ...(report ? { report } : {}),
        });
      },
    ),
  );

  server.route(
    "POST",
    WEB_PATHS.reload,
    admin(
      (req) => checkPost(req, config),
      async (_req, res) => {
        const result = await deps.store.reload();
        if (result.ok) log.info("knowledge reloaded (web admin)", { version: result.version, ms: result.ms });
        else log.warn("knowledge reload refused (web admin)", { problems: result.problems.length });
        json(res, 200, {
          ok: result.ok,
          result,
          text: describeReload(result),
          html: renderReloadHtml(result),
        });
      },
    ),
  );
  return async () => {};
}
