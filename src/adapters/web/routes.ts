import type { IncomingMessage, ServerResponse } from "node:http";
import {
  adminKnowledge,
  adminReload,
  adminReport,
  adminStatus,
  describeReload,
  describeStatus,
} from "../../bot/admin.js";
import { comment, vote } from "../../bot/feedback.js";
import { ask, askSuggestion } from "../../bot/handle.js";
import type { Asker, BotDeps } from "../../bot/types.js";
import { welcome } from "../../bot/welcome.js";
import type { Config } from "../../config.js";
import type { Adapter, AdapterRoute } from "../adapter.js";
import { adminNeedsToken, checkAdmin, checkHost, checkPost, clientAddress, type Verdict } from "./access.js";
import { CLIENT_JS } from "./client.js";
import { asset, json, readJson, send, text } from "./http.js";
import { ICON_SVG, renderPage } from "./page.js";
import { factsTableHtml, reportTablesHtml, statusTableHtml } from "./render-admin.js";
import {
  MAX_COMMENT,
  renderAnswerHtml,
  renderReloadHtml,
  renderReplyHtml,
  renderVotedHtml,
} from "./render-html.js";
import { STYLES } from "./styles.js";
import { voteAbout } from "./vote.js";
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
  comment: "/api/web/comment",
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

/**
 * The web has no user accounts: the rate limit, analytics and logs know an asker by address (the
 * forwarded one only with TRUST_PROXY). The page names its session (a random id it keeps while open),
 * which keeps follow-ups per tab.
 */
const askerOf = (req: IncomingMessage, config: Config, session?: unknown): Asker => {
  const address = clientAddress(req, config);
  const tab = typeof session === "string" && /^[\w-]{1,64}$/.test(session) ? session : "page";
  return { platform: "web", userId: address, channel: "web", conversation: `web:${address}:${tab}` };
};

/** The curator's report (unanswered questions, 👎) as tables; undefined when nothing is recorded. */
async function curationReportHtml(deps: BotDeps): Promise<string | undefined> {
  if (!deps.analytics || deps.analytics.kind === "off") return undefined;
  const r = await adminReport(deps);
  return r.kind === "report" ? reportTablesHtml(r.report) : undefined;
}

/** The web adapter: its routes, when the page is on (config.web.enabled). */
export function webAdapter(config: Config, deps: BotDeps): Adapter {
  const routes: AdapterRoute[] = [];
  mountWeb({ route: (method, path, handler) => routes.push({ method, path, handler }) }, config, deps);
  return { name: "web", routes, start: async () => {}, stop: async () => {} };
}

export function mountWeb(
  server: { route(method: AdapterRoute["method"], path: string, handler: AdapterRoute["handler"]): void },
  config: Config,
  deps: BotDeps,
): void {
  if (!config.web.enabled) return;
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
      const w = welcome(deps);
      const page = renderPage({
        title: w.title,
        version: w.version,
        examples: w.examples,
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
      const reply = await ask(question, askerOf(req, config, body.value.session), deps);
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
      const reply = askSuggestion(factId, question, askerOf(req, config, body.value.session), deps);
      if (reply.kind !== "answer") return json(res, 200, { kind: reply.kind, html: renderReplyHtml(reply) });
      json(res, 200, {
        kind: "answer",
        html: renderAnswerHtml(reply.answer, reply.answerId),
        answer: reply.answer,
      });
    }),
  );

  server.route(
    "POST",
    WEB_PATHS.feedback,
    post(async (req, res) => {
      const body = await readJson(req);
      if (!body.ok) return json(res, body.status, { error: body.error });
      const choice = body.value.vote;
      if (choice !== "up" && choice !== "down")
        return json(res, 400, { error: 'vote must be "up" or "down"' });
      const about = voteAbout(body.value);
      vote({ vote: choice, ...about }, askerOf(req, config), deps);
      json(res, 200, { ok: true, text: WORDING.thanks[choice], html: renderVotedHtml(choice, about) });
    }),
  );

  server.route(
    "POST",
    WEB_PATHS.comment,
    post(async (req, res) => {
      const body = await readJson(req);
      if (!body.ok) return json(res, body.status, { error: body.error });
      const said = (text(body.value.comment) ?? "").trim().slice(0, MAX_COMMENT);
      if (!said) return json(res, 400, { error: WORDING.comment.empty });
      // Stored, never shown back on the page; the store attaches it to this person's 👎 of the answer.
      comment({ comment: said, ...voteAbout(body.value) }, askerOf(req, config), deps);
      json(res, 200, {
        ok: true,
        text: WORDING.comment.thanks,
        html: `<p class="note">${WORDING.comment.thanks}</p>`,
      });
    }),
  );

  server.route(
    "GET",
    WEB_PATHS.status,
    admin(
      (req) => checkHost(req, config),
      async (_req, res) => {
        const status = adminStatus(deps);
        const report = await curationReportHtml(deps);
        json(res, 200, {
          status,
          text: describeStatus(status),
          html: statusTableHtml(status),
          facts: factsTableHtml(adminKnowledge(deps)),
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
      async (req, res) => {
        const result = await adminReload(askerOf(req, config), deps);
        json(res, 200, {
          ok: result.ok,
          result,
          text: describeReload(result),
          html: renderReloadHtml(result),
        });
      },
    ),
  );
}
