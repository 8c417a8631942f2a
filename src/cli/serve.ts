import { loadConfig } from "../config.js";
import { asCodedError } from "../errors.js";
import { createLogger } from "../log.js";
import { startBot } from "../main.js";
import type { SharedReloadResult } from "../replicas/store.js";
import { runChat } from "./chat.js";
import { chatLog } from "./chat-log.js";
import { type CliIO, EXIT } from "./io.js";
import { CHAT_WORDING } from "./render-reply.js";

/**
 * `strategy-bot serve` (what `npm start` runs): the HTTP server for Slack and Teams, plus a terminal
 * chat when stdin is a terminal. SIGHUP reloads the knowledge; SIGTERM/SIGINT stop gracefully.
 */
export async function serveCommand(_argv: string[], io: CliIO): Promise<number> {
  // A person chatting here: log lines go to a file (or, if it cannot be written, stderr at warn).
  const chatting = process.stdin.isTTY === true;
  const cfg = chatting ? loadConfig(io.env) : undefined;
  const logs = cfg?.ok ? chatLog(cfg.config.DATA_DIR, cfg.config.LOG_LEVEL) : undefined;
  const logger = logs?.logger ?? (cfg?.ok ? createLogger("warn") : undefined);
  const started = await startBot(io.env, logger);
  if (!started.ok) {
    io.err(started.message);
    return started.exitCode;
  }
  const bot = started.bot;
  const { address, config } = bot;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const base = `http://${host}:${address.port}`;
  io.out(`strategy-bot is serving knowledge ${bot.store.status().version} on ${base}`);
  io.out(
    `  web chat:    ${config.web.enabled ? `${base}/` : "off (WEB_CHAT=on, with ADMIN_TOKEN beyond loopback)"}`,
  );
  if (config.web.enabled) {
    // As Jupyter does: one click opens the admin view. Printed only for a token made for this run.
    io.out(
      `  admin:       ${bot.adminTokenGenerated ? `${base}/#token=${config.ADMIN_TOKEN}` : `${base}/#admin (ADMIN_TOKEN)`}`,
    );
  }
  io.out(`  health:      ${base}/healthz`);
  io.out(
    `  Slack:       ${config.slack.mode === "off" ? "off (set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN)" : config.slack.mode === "socket" ? "Socket Mode" : `${base}/slack/events`}`,
  );
  io.out(
    `  Teams:       ${base}/api/messages${config.teams.auth ? "" : " (local mode: no MICROSOFT_APP_ID, authentication off, loopback only; use the Bot Framework Emulator)"}`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    bot.log.info("shutting down", { signal });
    await bot.stop();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGHUP", () => {
    // store.reload() never rejects (a broken file is a refused reload); the catch is for the logging.
    void bot.store
      .reload()
      .then((r) =>
        r.ok
          ? bot.log.info("knowledge reloaded (SIGHUP)", { version: r.version, ms: r.ms, ...replicasOf(r) })
          : bot.log.warn("knowledge reload refused (SIGHUP)", { error: r.message }),
      )
      .catch((e: unknown) => bot.log.error("SIGHUP reload failed", { error: asCodedError(e) }));
  });
  // A promise nobody awaited that rejects is a bug: logged with its stack, and the bot keeps answering.
  process.on("unhandledRejection", (e) =>
    bot.log.error("unhandled rejection", { error: asCodedError(e, "unexpected") }),
  );

  if (chatting) {
    if (logs) io.out(`  logs:        ${logs.file} (while you chat here)`);
    io.out("");
    // Ctrl-C in the chat is readline's, not a signal: pass it on so it stops the server as usual.
    await runChat({ deps: bot.deps, io, onInterrupt: () => process.kill(process.pid, "SIGINT") });
    if (!stopping) {
      logs?.release();
      io.out(CHAT_WORDING.ended(base));
    }
  }
  // Without a terminal the server runs until a signal stops it.
  await new Promise(() => {});
  return EXIT.ok;
}

/** With DATABASE_URL, what the other replicas did with the reload. */
const replicasOf = (r: SharedReloadResult) => (r.replicas ? { replicas: r.replicas.text } : {});
