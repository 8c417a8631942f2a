import pg from "pg";
import type { Logger } from "../log.js";

/**
 * The one PostgreSQL connection pool a replica uses (analytics, dedupe, replica state), with timeouts
 * everywhere: a database that is down or slow makes a call fail fast, never hang an answer.
 * DATABASE_URL carries the password, so it is only ever logged through `redactUrl`.
 */

export interface PoolOptions {
  url: string;
  log: Logger;
  /** Connections per replica. */
  max?: number;
}

/** Waiting for a connection, and for one statement: past these the call fails and the caller falls back. */
export const CONNECT_TIMEOUT_MS = 2_000;
export const QUERY_TIMEOUT_MS = 3_000;

export function createPool(opts: PoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.max ?? 10,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: 10_000,
    query_timeout: QUERY_TIMEOUT_MS,
    statement_timeout: QUERY_TIMEOUT_MS,
    application_name: "strategy-bot",
  });
  // An idle connection dropped by a restarting server emits here (once per pooled connection); unhandled
  // it would end the process. Debug only: the analytics queue and dedupe each log an outage once.
  pool.on("error", (error) => opts.log.debug("postgres: idle connection lost", { error: safeError(error) }));
  return pool;
}

/**
 * Runs `work` in one transaction on one pooled connection: COMMIT when it returns, ROLLBACK and rethrow
 * when it throws. A connection that failed is discarded, not handed to the next caller.
 */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let failed: Error | undefined;
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (e) {
    failed = e as Error;
    await client.query("ROLLBACK").catch(() => undefined);
    throw e;
  } finally {
    client.release(failed);
  }
}

/** postgres://user:secret@host/db -> postgres://user:***@host/db (and any password= parameter). */
export function redactUrl(url: string): string {
  return url
    .replace(/^(postgres(?:ql)?:\/\/[^:@/]*):[^@/]*@/, "$1:***@")
    .replace(/([?&]password=)[^&]*/i, "$1***");
}

/** An error's loggable parts, with any connection string in its message redacted. */
export function safeError(e: unknown): { message: string; code?: string } {
  const err = e as { message?: unknown; code?: unknown };
  const message = String(err?.message ?? e).replace(/postgres(?:ql)?:\/\/\S+/g, (u) => redactUrl(u));
  return typeof err?.code === "string" ? { message, code: err.code } : { message };
}

/**
 * True when the error says the database could not be reached or answered in time (retry later),
 * false for an error about the statement itself (retrying would fail the same way).
 * SQLSTATE classes 08 (connection), 53 (resources), 57 (operator intervention: shutdown, cancel).
 */
export function isUnavailable(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return /^(08|53|57)/.test(code);
  return true;
}
