import type pg from "pg";
import { inTransaction } from "./postgres-pool.js";

/**
 * PostgreSQL's schema, in order, the same tables as SQLite's (src/analytics/migrations.ts) plus what
 * replicas share: seen event ids (dedupe) and each replica's knowledge version (reload everywhere).
 * Each runs once inside a transaction holding an advisory lock, so replicas starting together (or
 * `strategy-bot migrate` during a deploy) apply each migration once. Append, never edit, a migration.
 * The columns SQLite's migrations share are written out again on purpose, not built from a common
 * fragment: a migration is history, and editing a shared fragment would change what a new database gets
 * but not what an existing one already ran.
 */
export const PG_MIGRATIONS: readonly string[] = [
  `CREATE TABLE questions (
     answer_id TEXT PRIMARY KEY,
     seq BIGSERIAL,
     at BIGINT NOT NULL,
     platform TEXT NOT NULL,
     channel TEXT NOT NULL,
     user_hash TEXT NOT NULL,
     question TEXT NOT NULL,
     status TEXT NOT NULL,
     confidence DOUBLE PRECISION NOT NULL,
     fact_ids TEXT NOT NULL,
     version TEXT NOT NULL
   );
   CREATE INDEX questions_at ON questions(at, seq);
   CREATE TABLE feedback (
     id BIGSERIAL PRIMARY KEY,
     answer_id TEXT,
     at BIGINT NOT NULL,
     platform TEXT NOT NULL,
     user_hash TEXT NOT NULL,
     vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
     fact_id TEXT,
     version TEXT,
     comment TEXT
   );
   CREATE INDEX feedback_at ON feedback(at);
   CREATE INDEX feedback_answer ON feedback(answer_id);
   CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE source_hashes (source TEXT PRIMARY KEY, hash TEXT NOT NULL);`,
  `CREATE TABLE seen_events (key TEXT PRIMARY KEY, expires_at TIMESTAMPTZ NOT NULL);
   CREATE INDEX seen_events_expires ON seen_events(expires_at);
   CREATE TABLE replicas (
     id TEXT PRIMARY KEY,
     version TEXT,
     refused TEXT,
     reload_id TEXT,
     heartbeat_at TIMESTAMPTZ NOT NULL DEFAULT now()
   );`,
];

/** Any fixed number: the advisory lock that serialises migrations across replicas. */
const LOCK = 0x5b07_14;

export interface MigrateResult {
  from: number;
  to: number;
}

/** Applies the migrations the database lacks; throws (and applies nothing) on any error. */
export async function migratePostgres(
  pool: pg.Pool,
  migrations: readonly string[] = PG_MIGRATIONS,
): Promise<MigrateResult> {
  return inTransaction(pool, async (client) => {
    await client.query("SELECT pg_advisory_xact_lock($1)", [LOCK]);
    // Only reads when the schema is current, so `report` works with a user that may not write.
    const table = await client.query<{ t: string | null }>("SELECT to_regclass('schema_version')::text AS t");
    if (!table.rows[0]?.t) await client.query("CREATE TABLE schema_version (version INTEGER NOT NULL)");
    const row = await client.query<{ version: number }>("SELECT version FROM schema_version");
    const from = row.rows[0]?.version ?? 0;
    if (from >= migrations.length) return { from, to: from };
    for (let v = from; v < migrations.length; v++) await client.query(migrations[v] as string);
    const to = migrations.length;
    await client.query("DELETE FROM schema_version");
    await client.query("INSERT INTO schema_version (version) VALUES ($1)", [to]);
    return { from, to };
  });
}
