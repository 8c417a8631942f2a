import { existsSync } from "node:fs";
import { join } from "node:path";
import { openPostgresStore } from "../analytics/postgres.js";
import { buildReport, parseSince } from "../analytics/report.js";
import { describeReport } from "../analytics/report-text.js";
import { DB_FILE, openSqliteStore } from "../analytics/sqlite.js";
import type { AnalyticsStore } from "../analytics/types.js";
import { loadConfig } from "../config.js";
import { asCodedError, shortMessage } from "../errors.js";
import { silentLogger } from "../log.js";
import { parseCommandArgs } from "./args.js";
import { type CliIO, EXIT, knowledgePath, loadIndex } from "./io.js";
import { pgFailure } from "./migrate.js";

const USAGE = "usage: strategy-bot report [--since 7d] [--json] [--knowledge F]";

/**
 * The curator's digest from the analytics database (DATABASE_URL's, shared by every replica, else
 * DATA_DIR's), against the knowledge file now on disk.
 */
export async function reportCommand(
  argv: string[],
  io: CliIO,
  now: () => Date = () => new Date(),
): Promise<number> {
  const args = parseCommandArgs(argv, {
    since: { type: "string" },
    json: { type: "boolean" },
    knowledge: { type: "string" },
  });
  if ("error" in args) {
    io.err(`${args.error}\n${USAGE}`);
    return EXIT.usage;
  }
  const sinceMs = parseSince(typeof args.flags.since === "string" ? args.flags.since : "7d");
  if (!sinceMs) {
    io.err(`--since takes a number and h, d or w, like 7d or 24h\n${USAGE}`);
    return EXIT.usage;
  }
  const cfg = loadConfig(io.env);
  if (!cfg.ok) {
    io.err(`configuration error:\n  ${cfg.problems.join("\n  ")}`);
    return EXIT.config;
  }
  const url = cfg.config.DATABASE_URL;
  const file = join(cfg.config.DATA_DIR, DB_FILE);
  if (!url && !existsSync(file)) {
    io.err(`no analytics database at ${file}: the bot records there while it runs (ANALYTICS on, DATA_DIR)`);
    return EXIT.failure;
  }
  const path = knowledgePath(args.flags.knowledge, io);
  const index = path ? await loadIndex(path, io) : undefined;
  if (!index) return path ? EXIT.badKnowledge : EXIT.config;
  const salt = cfg.config.ANALYTICS_SALT ? { salt: cfg.config.ANALYTICS_SALT } : {};
  let store: AnalyticsStore | undefined;
  try {
    store = url
      ? openPostgresStore({ url, log: silentLogger, ...salt })
      : openSqliteStore({ dir: cfg.config.DATA_DIR, log: silentLogger });
    const at = now();
    const report = buildReport(await store.report(new Date(at.getTime() - sinceMs)), index, at);
    io.out(args.flags.json ? JSON.stringify(report, null, 2) : describeReport(report));
    return EXIT.ok;
  } catch (e) {
    if (url) {
      io.err(pgFailure(url, e));
      return EXIT.failure;
    }
    const error = asCodedError(e, "analytics_unavailable");
    const code = (e as { code?: unknown }).code;
    io.err(
      `cannot read the analytics database ${file} (${typeof code === "string" ? `${code}: ` : ""}${shortMessage(error)}): ` +
        "if it is damaged, move it aside (the bot then starts a new, empty one)",
    );
    return EXIT.failure;
  } finally {
    await store?.close();
  }
}
