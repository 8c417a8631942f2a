import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { mountSlack } from "./adapters/slack/app.js";
import { mountTeams } from "./adapters/teams/index.js";
import { mountWeb } from "./adapters/web/routes.js";
import { startAnalytics } from "./analytics/start.js";
import type { BotDeps } from "./bot/handle.js";
import { type Config, isLoopback, loadConfig } from "./config.js";
import { KnowledgeStore } from "./knowledge/store.js";
import { createLogger, type Logger } from "./log.js";
import { RateLimiter } from "./reliability/rate-limit.js";
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

export async function startBot(env: Record<string, string | undefined>, log?: Logger): Promise<StartResult> {
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
  const analytics = await startAnalytics(config, logger);
  const store = new KnowledgeStore({
    file: config.knowledgeFile,
    hashes: analytics.store,
    limits: config.knowledgeLimits,
    log: logger,
  });
  const first = await store.reload();
  if (!first.ok) {
    analytics.stop();
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
  const deps: BotDeps = {
    store,
    admins: new Set(config.ADMIN_USERS),
    log: logger,
    limiter: new RateLimiter({ perMinute: config.RATE_LIMIT_PER_MINUTE }),
    analytics: analytics.store,
  };
  const server = createBotServer({
    store,
    log: logger,
    maxInFlight: config.MAX_IN_FLIGHT,
    headersTimeoutMs: config.HEADERS_TIMEOUT_SECONDS * 1000,
    bodyTimeoutMs: config.BODY_TIMEOUT_SECONDS * 1000,
  });
  const stops: (() => Promise<void>)[] = [];
  // Adapters mount here (each adds its routes to the one server).
  stops.push(await mountSlack(server, config, deps));
  stops.push(await mountTeams(server, config, deps));
  stops.push(await mountWeb(server, config, deps));

  let address: AddressInfo;
  try {
    address = await server.listen(config.PORT, config.HOST);
  } catch (e) {
    // Socket Mode and analytics are already running: stop them, or the process would hang on.
    for (const s of stops) await s();
    analytics.stop();
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    const hint =
      code === "EADDRINUSE" ? "another process uses that port: stop it or set PORT" : "check HOST and PORT";
    return {
      ok: false,
      exitCode: 78,
      message: `cannot listen on ${config.HOST}:${config.PORT} (${code}): ${hint}`,
    };
  }
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
        analytics.stop();
      },
    },
  };
}
