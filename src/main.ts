import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { Adapter } from "./adapters/adapter.js";
import { type SlackSettings, slackAdapter, slackSettings } from "./adapters/slack/app.js";
import { teamsAdapter, teamsSettings } from "./adapters/teams/index.js";
import type { RetryTimings } from "./adapters/teams/retry.js";
import { checkPost } from "./adapters/web/access.js";
import { webAdapter } from "./adapters/web/routes.js";
import { startAnalytics } from "./analytics/start.js";
import { createBotDeps } from "./bot/deps.js";
import { healthOf } from "./bot/health.js";
import type { BotDeps } from "./bot/types.js";
import { type Config, isLoopback, loadConfig } from "./config.js";
import { KnowledgeStore } from "./knowledge/store.js";
import { createLogger, type Logger } from "./log.js";
import { RateLimiter } from "./reliability/rate-limit.js";
import { startShared } from "./replicas/start.js";
import { SharedKnowledgeStore } from "./replicas/store.js";
import { type BotServer, createBotServer } from "./server.js";

/**
 * Wiring: config -> knowledge store -> HTTP server -> adapters. Returns a handle so tests can run the
 * real bot in-process on a loopback port and stop it.
 */

export interface RunningBot {
  config: Config;
  store: KnowledgeStore;
  server: BotServer;
  address: AddressInfo;
  deps: BotDeps;
  log: Logger;
  /** True when ADMIN_TOKEN was not set and config.ADMIN_TOKEN was made for this run. */
  adminTokenGenerated: boolean;
  stop(): Promise<void>;
}

export type StartResult = { ok: true; bot: RunningBot } | { ok: false; exitCode: number; message: string };

/**
 * Platform SDK waits, not configuration: production keeps the defaults (Bolt answers a request no
 * listener acknowledged after 3 s; Bot connector replies retry 3 times from 1 s). Tests shorten them.
 */
export interface StartOptions {
  slackUnhandledRequestTimeoutMs?: number;
  slackWebApiRetries?: SlackSettings["webApiRetries"];
  teamsRetries?: RetryTimings;
}

export async function startBot(
  env: Record<string, string | undefined>,
  log?: Logger,
  options: StartOptions = {},
): Promise<StartResult> {
  const cfg = loadConfig(env);
  if (!cfg.ok) {
    return { ok: false, exitCode: 78, message: `configuration error:\n  ${cfg.problems.join("\n  ")}` };
  }
  // The web admin view always needs a secret (a same-host proxy makes "loopback" mean "anyone"):
  // without ADMIN_TOKEN each start makes one, and `serve` prints a local URL that carries it.
  const adminTokenGenerated = cfg.config.ADMIN_TOKEN === undefined;
  const config: Config = adminTokenGenerated
    ? { ...cfg.config, ADMIN_TOKEN: randomBytes(24).toString("base64url") }
    : cfg.config;
  const logger =
    log ?? createLogger(config.LOG_LEVEL, undefined, {}, undefined, { userIds: config.LOG_USER_IDS });
  // With authentication off anyone who can reach the port could talk as any user: loopback only.
  if (!config.teams.auth && !isLoopback(config.HOST)) {
    return {
      ok: false,
      exitCode: 78,
      message:
        `HOST=${config.HOST}: local mode (no MICROSOFT_APP_ID) has Bot Framework authentication off, ` +
        "so it only listens on loopback. Set HOST=127.0.0.1, or configure MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD.",
    };
  }
  // Questions and feedback for the curator's report; never in the way of answering. Opened first: it
  // also keeps each source's text hash, so the first load flags sources changed since the last run.
  // DATABASE_URL: analytics, dedupe and reloads shared by every replica (src/replicas).
  const shared = config.DATABASE_URL ? await startShared(config.DATABASE_URL, logger) : undefined;
  const analytics = await startAnalytics(config, logger, undefined, shared?.pool);
  const storeOptions = {
    file: config.knowledgeFile,
    hashes: analytics.store,
    limits: config.knowledgeLimits,
    log: logger,
  };
  const store = shared ? new SharedKnowledgeStore(storeOptions) : new KnowledgeStore(storeOptions);
  const first = await store.reload();
  if (!first.ok) {
    await analytics.stop();
    await shared?.stop();
    return { ok: false, exitCode: 3, message: `${config.knowledgeFile} was refused:\n${first.message}` };
  }
  logger.info("knowledge loaded", {
    version: first.version,
    facts: first.facts,
    sentences: first.sentences,
    ms: first.ms,
  });
  if (first.changedSources?.length) {
    logger.warn("knowledge sources changed since the last load; check the facts citing them", {
      changedSources: first.changedSources,
    });
  }
  const deps = createBotDeps({
    store,
    admins: config.ADMIN_USERS,
    log: logger,
    limiter: new RateLimiter({ perMinute: config.RATE_LIMIT_PER_MINUTE }),
    analytics: analytics.store,
    ...(shared ? { deliveries: shared.dedupe } : {}),
  });
  if (shared && store instanceof SharedKnowledgeStore) await shared.share(store);
  const health = healthOf(store);
  const server = createBotServer({
    // Several replicas: /healthz adds every replica's version and refusal (src/replicas).
    health: shared ? () => ({ ...health(), ...shared.health() }) : health,
    log: logger,
    maxInFlight: config.MAX_IN_FLIGHT,
    headersTimeoutMs: config.HEADERS_TIMEOUT_SECONDS * 1000,
    bodyTimeoutMs: config.BODY_TIMEOUT_SECONDS * 1000,
  });
  // Each adapter gets its own slice of the configuration and the bot layer; its routes join the one server.
  const slackWait = options.slackUnhandledRequestTimeoutMs;
  const adapters: Adapter[] = [
    slackAdapter(
      {
        ...slackSettings(config),
        ...(slackWait !== undefined ? { unhandledRequestTimeoutMs: slackWait } : {}),
      },
      deps,
    ),
    teamsAdapter(
      {
        ...teamsSettings(config),
        ...(options.teamsRetries ? { retries: options.teamsRetries } : {}),
        ...(config.teams.auth ? {} : { localGuard: (req: IncomingMessage) => checkPost(req, config) }),
      },
      deps,
    ),
    webAdapter(config, deps),
  ];
  for (const a of adapters) for (const r of a.routes) server.route(r.method, r.path, r.handler);
  const stops = adapters.map((a) => () => a.stop());

  let address: AddressInfo;
  try {
    address = await server.listen(config.PORT, config.HOST);
  } catch (e) {
    // Socket Mode and analytics are already running: stop them, or the process would hang on.
    for (const s of stops) await s();
    await analytics.stop();
    await shared?.stop();
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    const hint =
      code === "EADDRINUSE" ? "another process uses that port: stop it or set PORT" : "check HOST and PORT";
    return {
      ok: false,
      exitCode: 78,
      message: `cannot listen on ${config.HOST}:${config.PORT} (${code}): ${hint}`,
    };
  }
  for (const a of adapters) await a.start();
  if (config.KNOWLEDGE_WATCH) {
    store.watch((r) =>
      r.ok
        ? logger.info("knowledge reloaded (file changed)", { version: r.version })
        : logger.warn("knowledge reload refused (file changed)", { error: r.message }),
    );
  }
  return {
    ok: true,
    bot: {
      config,
      store,
      server,
      address,
      deps,
      log: logger,
      adminTokenGenerated,
      stop: async () => {
        store.close();
        for (const s of stops) await s();
        const drained = await server.close(config.SHUTDOWN_GRACE_SECONDS * 1000);
        if (!drained) logger.warn("shutdown grace over; requests still in flight were dropped");
        await analytics.stop();
        await shared?.stop();
      },
    },
  };
}
