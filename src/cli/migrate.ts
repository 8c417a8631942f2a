import { MIGRATIONS, migrate } from "../analytics/migrations.js";
import { migratePostgres } from "../analytics/postgres-migrations.js";
import { createPool, redactUrl, safeError } from "../analytics/postgres-pool.js";
import { openSqliteStore } from "../analytics/sqlite.js";
import { loadConfig } from "../config.js";
import { silentLogger } from "../log.js";
import { parseCommandArgs } from "./args.js";
import { type CliIO, EXIT } from "./io.js";

const USAGE = "usage: strategy-bot migrate";

/**
 * `strategy-bot migrate`: brings the analytics schema up to date and says where it stands. Replicas
 * migrate on start too; this is for a deploy step that runs before them. With DATABASE_URL it is
 * PostgreSQL's schema (safe while replicas run: an advisory lock serialises migrations), else DATA_DIR's.
 */
export async function migrateCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseCommandArgs(argv, {});
  if ("error" in args) {
    io.err(`${args.error}\n${USAGE}`);
    return EXIT.usage;
  }
  const cfg = loadConfig(io.env);
  if (!cfg.ok) {
    io.err(`configuration error:\n  ${cfg.problems.join("\n  ")}`);
    return EXIT.config;
  }
  const url = cfg.config.DATABASE_URL;
  if (!url) {
    const store = openSqliteStore({ dir: cfg.config.DATA_DIR, log: silentLogger });
    try {
      io.out(`SQLite ${cfg.config.DATA_DIR}: schema version ${migrate(store.db)} of ${MIGRATIONS.length}`);
    } finally {
      store.close();
    }
    return EXIT.ok;
  }
  const pool = createPool({ url, log: silentLogger, max: 1 });
  try {
    const m = await migratePostgres(pool);
    io.out(`PostgreSQL ${redactUrl(url)}: schema version ${m.to} (applied ${m.to - m.from} migrations)`);
    return EXIT.ok;
  } catch (error) {
    io.err(pgFailure(url, error));
    return EXIT.failure;
  } finally {
    await pool.end().catch(() => undefined);
  }
}

/** One message for "the database did not work", naming the redacted URL and what to check. */
export function pgFailure(url: string, error: unknown): string {
  const e = safeError(error);
  return `PG_UNAVAILABLE: PostgreSQL at ${redactUrl(url)} failed (${e.code ?? "no code"}: ${e.message}): check DATABASE_URL, that the server is up and the user may create tables`;
}
