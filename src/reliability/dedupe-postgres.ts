import { createHash } from "node:crypto";
import type pg from "pg";
import { safeError } from "../analytics/postgres-pool.js";
import type { Logger } from "../log.js";
import { type Dedupe, SeenEvents } from "./dedupe.js";

/**
 * Event dedupe shared by every replica: one row per delivery id in PostgreSQL, inserted if absent
 * (or if its expiry passed), so Slack's retry that the balancer sends to another replica is ignored
 * there. The replica's own memory is asked first and always updated; when the database is down or
 * slow the memory decides alone (a retry reaching the same replica is still caught), and the database
 * is left alone for `backoffMs` before it is tried again.
 */

export interface PgDedupeOptions {
  pool: pg.Pool;
  log: Logger;
  ttlMs?: number;
  /** A claim waits at most this long for the database before the memory decides. */
  timeoutMs?: number;
  backoffMs?: number;
  now?: () => number;
}

const CLAIM = `INSERT INTO seen_events (key, expires_at) VALUES ($1, now() + $2 * interval '1 millisecond')
  ON CONFLICT (key) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE seen_events.expires_at < now()
  RETURNING key`;

export class PgDedupe implements Dedupe {
  private readonly memory: SeenEvents;
  private readonly ttlMs: number;
  private readonly timeoutMs: number;
  private readonly backoffMs: number;
  private readonly now: () => number;
  private downUntil = 0;
  private down = false;
  private warnedAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly opts: PgDedupeOptions) {
    this.ttlMs = opts.ttlMs ?? 10 * 60_000;
    this.timeoutMs = opts.timeoutMs ?? 1_000;
    this.backoffMs = opts.backoffMs ?? 2_000;
    this.now = opts.now ?? Date.now;
    this.memory = new SeenEvents({ ttlMs: this.ttlMs, now: this.now });
  }

  /** True while claims are decided by this replica's memory alone. */
  get fallback(): boolean {
    return this.down;
  }

  async claim(key: string): Promise<boolean> {
    if (!this.memory.firstTime(key)) return false;
    if (this.now() < this.downUntil) return true;
    try {
      // Hashed: Teams keys hold a NUL separator (TEXT refuses it) and conversation ids can be long.
      const row = createHash("sha256").update(key).digest("base64url");
      const r = await withTimeout(this.opts.pool.query(CLAIM, [row, this.ttlMs]), this.timeoutMs);
      if (this.down) {
        this.down = false;
        this.opts.log.debug("dedupe: PostgreSQL answers again; event ids shared by every replica");
      }
      return (r.rowCount ?? 0) > 0;
    } catch (error) {
      this.downUntil = this.now() + this.backoffMs;
      // After a restart each stale pooled connection fails once: one line a minute, not one per flap.
      if (!this.down && this.now() - this.warnedAt > 60_000) {
        this.warnedAt = this.now();
        this.opts.log.warn(
          "dedupe: PostgreSQL failed or is unavailable; each replica remembers its own event ids",
          {
            error: safeError(error),
          },
        );
      }
      this.down = true;
      return true;
    }
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error(`no answer within ${ms} ms`), { code: "TIMEOUT" })),
      ms,
    );
  });
  // The query may still finish later; its result is then ignored.
  p.catch(() => undefined);
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}
