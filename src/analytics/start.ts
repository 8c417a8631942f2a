import type pg from "pg";
import type { Logger } from "../log.js";
import { openPostgresStore } from "./postgres.js";
import { redactUrl } from "./postgres-pool.js";
import { openSqliteStore } from "./sqlite.js";
import { type AnalyticsStore, noopStore } from "./types.js";

/**
 * Opens the analytics store the configuration asks for and enforces retention: on start and then
 * once a day. A database that cannot be opened (read-only or missing directory, a corrupt file) is
 * logged and replaced by the no-op store: the bot answers without recording rather than not at all.
 * With DATABASE_URL the store is PostgreSQL's, shared by every replica (it connects lazily).
 */

export interface AnalyticsConfig {
  ANALYTICS: boolean;
  DATA_DIR: string;
  ANALYTICS_SALT?: string | undefined;
  RETENTION_DAYS: number;
  DATABASE_URL?: string | undefined;
}

export interface Analytics {
  store: AnalyticsStore;
  stop(): Promise<void>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function retentionCutoff(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

export async function enforceRetention(
  store: AnalyticsStore,
  now: Date,
  days: number,
  log: Logger,
): Promise<number> {
  try {
    const removed = await store.purge(retentionCutoff(now, days));
    if (removed > 0) log.info("analytics: retention purge", { removed, days });
    return removed;
  } catch (error) {
    log.error("analytics: retention purge failed", { error });
    return 0;
  }
}

export function openAnalytics(config: AnalyticsConfig, log: Logger, pool?: pg.Pool): AnalyticsStore {
  if (!config.ANALYTICS) return noopStore;
  if (config.DATABASE_URL) {
    return openPostgresStore({
      url: config.DATABASE_URL,
      log,
      ...(pool ? { pool } : {}),
      ...(config.ANALYTICS_SALT ? { salt: config.ANALYTICS_SALT } : {}),
    });
  }
  try {
    return openSqliteStore({
      dir: config.DATA_DIR,
      log,
      ...(config.ANALYTICS_SALT ? { salt: config.ANALYTICS_SALT } : {}),
    });
  } catch (error) {
    log.error("analytics: cannot open the database; answering without recording", {
      error,
      dataDir: config.DATA_DIR,
    });
    return noopStore;
  }
}

export async function startAnalytics(
  config: AnalyticsConfig,
  log: Logger,
  now: () => Date = () => new Date(),
  pool?: pg.Pool,
): Promise<Analytics> {
  const store = openAnalytics(config, log, pool);
  if (store.kind === "off") return { store, stop: async () => {} };
  await enforceRetention(store, now(), config.RETENTION_DAYS, log);
  const timer = setInterval(() => void enforceRetention(store, now(), config.RETENTION_DAYS, log), DAY_MS);
  timer.unref();
  const where = config.DATABASE_URL
    ? { database: redactUrl(config.DATABASE_URL) }
    : { dataDir: config.DATA_DIR };
  log.info("analytics recording", { ...where, retentionDays: config.RETENTION_DAYS });
  return {
    store,
    stop: async () => {
      clearInterval(timer);
      await store.close();
    },
  };
}
