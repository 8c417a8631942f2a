import type pg from "pg";
import { migratePostgres } from "../analytics/postgres-migrations.js";
import { createPool, redactUrl } from "../analytics/postgres-pool.js";
import type { Logger } from "../log.js";
import { PgDedupe } from "../reliability/dedupe-postgres.js";
import { ReplicaSignal } from "./signal.js";
import type { SharedKnowledgeStore } from "./store.js";

/**
 * What replicas share through DATABASE_URL, started once per process: the pool (also the analytics
 * store's), the schema, event dedupe and reload signalling. Nothing here blocks answering: a database
 * that is down at start is logged, and the schema, dedupe and signalling catch up when it is back.
 */

export interface Shared {
  pool: pg.Pool;
  dedupe: PgDedupe;
  /** Starts reload signalling for the store, once its first load is done. */
  share(store: SharedKnowledgeStore): Promise<void>;
  /** Fields for /healthz. */
  health(): Record<string, unknown>;
  stop(): Promise<void>;
}

export async function startShared(url: string, log: Logger): Promise<Shared> {
  const pool = createPool({ url, log });
  const dedupe = new PgDedupe({ pool, log });
  let signal: ReplicaSignal | undefined;
  let retry: NodeJS.Timeout | undefined;
  const migrate = async (): Promise<boolean> => {
    try {
      const m = await migratePostgres(pool);
      log.info("postgres: schema ready", { database: redactUrl(url), version: m.to, applied: m.to - m.from });
      return true;
    } catch {
      return false;
    }
  };
  if (!(await migrate())) {
    // Dedupe falls back to memory and analytics buffers meanwhile; the schema is retried until it is there.
    log.warn("postgres: unavailable at start; answering goes on, and catches up when it is back", {
      database: redactUrl(url),
    });
    retry = setInterval(() => void migrate().then((ok) => ok && clearInterval(retry)), 2_000);
    retry.unref();
  }
  return {
    pool,
    dedupe,
    async share(store) {
      signal = new ReplicaSignal({ url, pool, store, log });
      store.shareWith(signal);
      await signal.start();
    },
    health: () => ({
      ...(signal?.health() ?? {}),
      dedupe: dedupe.fallback ? "memory (PostgreSQL unavailable)" : "shared",
    }),
    async stop() {
      clearInterval(retry);
      await signal?.stop();
      await pool.end().catch(() => undefined);
    },
  };
}
