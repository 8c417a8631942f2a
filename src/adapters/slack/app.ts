import {
  App,
  type AuthorizeResult,
  type BlockAction,
  type Logger as BoltLogger,
  ExpressReceiver,
  LogLevel,
  type RespondFn,
  type SlackViewAction,
  SocketModeReceiver,
  type webApi,
} from "@slack/bolt";
import { claimDelivery } from "../../bot/deliveries.js";
import type { BotDeps } from "../../bot/types.js";
import type { Config } from "../../config.js";
import type { Level, Logger } from "../../log.js";
import { requestIdOf, sendJson } from "../../server.js";
import type { Adapter } from "../adapter.js";
import { ACTION_ID_PATTERN, COMMENT_VIEW } from "./actions.js";
import {
  type Ctx,
  type Outbox,
  onAction,
  onCommand,
  onCommentSubmission,
  onDirectMessage,
  onMention,
  type Respond,
} from "./handlers.js";
import { isOurs, SLACK_COMMAND, SLACK_PATH } from "./parse.js";
import { timestampAcceptable } from "./timestamp.js";

/**
 * The one file that knows Bolt. Builds the Bolt app over HTTP (ExpressReceiver, its route mounted on
 * the bot's one server at /slack/events) or Socket Mode (when SLACK_APP_TOKEN is set), and turns Bolt's
 * listener arguments into calls to handlers.ts.
 */

/** The part of the configuration the Slack adapter reads. */
export interface SlackSettings {
  mode: "off" | "http" | "socket";
  botToken?: string;
  signingSecret?: string;
  appToken?: string;
  apiUrl?: string;
  logLevel: Level;
  /**
   * How long Bolt waits for a listener to acknowledge before answering by itself (Slack's rule is
   * 3 seconds). Every request is acknowledged long before; tests shorten it for garbage bodies.
   */
  unhandledRequestTimeoutMs?: number;
  /** The Web API client's retry waits (see WEB_API_RETRIES); tests shorten them. */
  webApiRetries?: webApi.WebClientOptions["retryConfig"];
}

export function slackSettings(config: Config): SlackSettings {
  return {
    mode: config.slack.mode,
    logLevel: config.LOG_LEVEL,
    ...(config.SLACK_BOT_TOKEN ? { botToken: config.SLACK_BOT_TOKEN } : {}),
    ...(config.SLACK_SIGNING_SECRET ? { signingSecret: config.SLACK_SIGNING_SECRET } : {}),
    ...(config.SLACK_APP_TOKEN ? { appToken: config.SLACK_APP_TOKEN } : {}),
    ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
  };
}

export function slackAdapter(settings: SlackSettings, deps: BotDeps): Adapter {
  const { botToken, mode } = settings;
  if (mode === "off" || !botToken)
    return { name: "slack", routes: [], start: async () => {}, stop: async () => {} };
  const log = deps.log.child({ adapter: "slack" });
  const logger = boltLogger(log, settings.logLevel);
  // A fresh object per client: the Socket Mode client writes its own retry policy into the one it gets.
  const clientOptions = (): webApi.WebClientOptions => ({
    ...(settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {}),
    ...WEB_API_RETRIES,
    ...(settings.webApiRetries ? { retryConfig: { ...settings.webApiRetries } } : {}),
  });

  const receiver =
    mode === "socket" && settings.appToken
      ? new SocketModeReceiver({
          appToken: settings.appToken,
          logger,
          // apps.connections.open goes through this client, so SLACK_API_URL must reach it too.
          installerOptions: { clientOptions: clientOptions() },
        })
      : new ExpressReceiver({
          // loadConfig requires SLACK_SIGNING_SECRET whenever Slack runs over HTTP.
          signingSecret: settings.signingSecret as string,
          endpoints: SLACK_PATH,
          logger,
          // Slack payloads are a few KB; anything near this is not from Slack (answered 413).
          bodyLimit: 1024 * 1024,
          // Only bodies Bolt cannot read at all get here (a form without a payload, an unknown type).
          unhandledRequestTimeoutMillis: settings.unhandledRequestTimeoutMs ?? 3001,
          unhandledRequestHandler: ({ response }) => {
            log.debug("slack request not understood", {});
            if (!response.headersSent) response.writeHead(400).end();
          },
        });

  // authorize only runs once the app exists (first event, or the check below).
  const authorize = botAuthorize(botToken, () => app.client);
  const app = new App({ receiver, authorize, logger, clientOptions: clientOptions(), convoStore: false });
  listen(app, { deps, log });

  const identify = () =>
    authorize()
      .then((a) => log.info("slack bot identity", { botUserId: a.botUserId, mode }))
      .catch((error: unknown) =>
        log.error("slack auth.test failed: check SLACK_BOT_TOKEN (and SLACK_API_URL if set)", { error }),
      );

  if (receiver instanceof ExpressReceiver) {
    receiver.app.disable("x-powered-by");
    const express = receiver.app;
    // Bolt refuses only old timestamps; one from the future is refused here (either way, 5 minutes).
    const handler: Adapter["routes"][number]["handler"] = (req, res) => {
      if (timestampAcceptable(req.headers["x-slack-request-timestamp"], Date.now())) return express(req, res);
      log.warn("slack request refused: timestamp more than 5 minutes from now", {
        requestId: requestIdOf(req),
      });
      sendJson(res, 401, { error: "request timestamp more than 5 minutes from now" });
    };
    return {
      name: "slack",
      routes: [{ method: "POST", path: SLACK_PATH, handler }],
      // Learn the bot's identity now (and log a bad token at startup) rather than on the first event.
      start: async () => void identify(),
      stop: async () => {},
    };
  }
  return {
    name: "slack",
    routes: [],
    start: async () => {
      void identify();
      // Not awaited: the HTTP server (health, Teams) should not wait on Slack being reachable.
      void app.start().then(
        () => log.info("slack socket mode connected"),
        (error: unknown) => log.error("slack socket mode failed to connect", { error }),
      );
    },
    // Nor does stopping wait on it: the client may still be retrying apps.connections.open.
    stop: async () => {
      await app.stop().catch((error: unknown) => log.warn("slack stop failed", { error }));
    },
  };
}

/**
 * The Web API client retries by itself: network errors and non-200 answers with backoff, and a 429 after
 * waiting its Retry-After (rejectRateLimitedCalls false). Its default policy is 10 retries over about
 * 30 minutes, far too long for an answer someone is waiting for (and it would hold auth.test at
 * startup): here 3 retries within about 10 s, each request cut off after 10 s.
 */
export const WEB_API_RETRIES = {
  retryConfig: { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 4000, randomize: true },
  timeout: 10_000,
  rejectRateLimitedCalls: false,
} satisfies webApi.WebClientOptions;

/**
 * Bolt's default single-token authorize calls auth.test once and caches the promise, failure included
 * (an early failure is an unhandled rejection). This one caches only success, so a Slack outage at
 * startup heals on the next event. auth.test gives the bot's user id, which Bolt uses to ignore itself.
 */
function botAuthorize(token: string, client: () => webApi.WebClient): () => Promise<AuthorizeResult> {
  let identity: Promise<{ botId?: string; botUserId?: string }> | undefined;
  return async () => {
    identity ??= client()
      .auth.test({ token })
      .then((r) => ({
        ...(r.bot_id ? { botId: r.bot_id } : {}),
        ...(r.user_id ? { botUserId: r.user_id } : {}),
      }));
    const pending = identity;
    try {
      return { botToken: token, ...(await pending) };
    } catch (e) {
      if (identity === pending) identity = undefined;
      throw e;
    }
  };
}

function listen(app: App, ctx: Ctx): void {
  // Slack redelivers an event it thinks failed with the same event_id (Events API and Socket Mode).
  app.use(async ({ body, context, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === "string" && !(await claimDelivery(`slack:${eventId}`, ctx.deps))) {
      ctx.log.info("duplicate event ignored", {
        eventId,
        retryNum: context.retryNum,
        retryReason: context.retryReason,
      });
      return;
    }
    await next();
  });
  // Another app's slash command, a stale button, a shortcut or modal this bot never registered (shared
  // workspaces, old messages): acknowledge at once, or Bolt answers 404 after 3 s and logs an error.
  app.use(async (args) => {
    if (isOurs(args.body as Record<string, unknown>)) return args.next();
    const ack = (args as { ack?: () => Promise<void> }).ack;
    const body = args.body as { type?: string; command?: string };
    ctx.log.debug("slack request for no listener acknowledged", { type: body.type, command: body.command });
    if (ack) await ack();
  });
  // Bolt acknowledges Events API requests itself before these run.
  app.event("app_mention", ({ event, client }) => onMention(event, outbox(client), ctx));
  app.event("message", ({ event, client, context }) =>
    onDirectMessage(event, context.botUserId, outbox(client), ctx),
  );
  // Slash commands and button clicks must be acknowledged within 3 seconds: ack first, then answer.
  app.command(SLACK_COMMAND, async ({ command, ack, respond }) => {
    await ack();
    await onCommand(command, responder(respond), ctx);
  });
  app.action<BlockAction>(
    { type: "block_actions", action_id: ACTION_ID_PATTERN },
    async ({ body, ack, respond, client }) => {
      await ack();
      await onAction(body, responder(respond), ctx, async (trigger_id, view) => {
        await client.views.open({ trigger_id, view });
      });
    },
  );
  // The "What was wrong?" modal: an empty ack closes it; the comment is then recorded.
  app.view<SlackViewAction>(
    { type: "view_submission", callback_id: COMMENT_VIEW.callbackId },
    async ({ body, ack }) => {
      await ack();
      onCommentSubmission(body, ctx);
    },
  );
  app.error(async (error) => {
    ctx.log.error("slack listener failed", { error, code: (error as { code?: string }).code });
  });
}

function outbox(client: webApi.WebClient): Outbox {
  return {
    post: async (msg) => {
      await client.chat.postMessage(msg);
    },
    postEphemeral: async (msg) => {
      await client.chat.postEphemeral(msg);
    },
  };
}

function responder(respond: RespondFn): Respond {
  return async (r) => {
    await respond(r);
  };
}

const BOLT_LEVEL: Record<Level, LogLevel> = {
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
};

/** Bolt's and the Socket Mode client's logs, as our structured JSON lines. */
function boltLogger(log: Logger, level: Level): BoltLogger {
  const line = (parts: unknown[]) => parts.map((p) => (p instanceof Error ? p.message : String(p))).join(" ");
  return {
    debug: (...m) => log.debug(line(m), { source: "bolt" }),
    info: (...m) => log.info(line(m), { source: "bolt" }),
    warn: (...m) => log.warn(line(m), { source: "bolt" }),
    error: (...m) => log.error(line(m), { source: "bolt" }),
    setLevel: () => {},
    getLevel: () => BOLT_LEVEL[level],
    setName: () => {},
  };
}
