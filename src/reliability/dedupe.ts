/**
 * Remembers delivery ids for a while so a delivery a platform repeats is answered once. Platform-free:
 * Slack keys it by event_id, Teams by conversation id + activity id.
 *
 * Slack retries an event it thinks failed (no 2xx within 3 seconds, or an error) up to three times:
 * almost at once, after 1 minute and after 5 minutes, with X-Slack-Retry-Num / X-Slack-Retry-Reason
 * headers (Socket Mode: retry_attempt / retry_reason) and the same event_id
 * (Events API docs, "Retries"). The Bot Framework channel re-posts an activity with the same id when
 * the bot's endpoint answered 5xx or timed out. Keeping ids for 10 minutes covers both.
 * A retry whose id we never saw (say the first delivery hit a restarting bot) is answered.
 * Several replicas share one table instead (src/reliability/dedupe-postgres.ts, with DATABASE_URL).
 */

/** What adapters call: true when this delivery id is new (answer it), false for a repeat (ignore it). */
export interface Dedupe {
  claim(key: string): Promise<boolean>;
}

export interface SeenEventsOptions {
  ttlMs?: number;
  /** Bound on memory: past this many ids the oldest are forgotten first. */
  max?: number;
  now?: () => number;
}

export class SeenEvents implements Dedupe {
  private readonly seen = new Map<string, number>();
  private readonly ttlMs: number;
  private readonly max: number;
  private readonly now: () => number;

  constructor(opts: SeenEventsOptions = {}) {
    this.ttlMs = opts.ttlMs ?? 10 * 60_000;
    this.max = opts.max ?? 10_000;
    this.now = opts.now ?? Date.now;
  }

  /** True the first time an id is offered within the TTL; false for a repeat. */
  firstTime(id: string): boolean {
    const now = this.now();
    this.evict(now);
    const at = this.seen.get(id);
    if (at !== undefined && now - at < this.ttlMs) return false;
    this.seen.delete(id);
    this.seen.set(id, now);
    return true;
  }

  async claim(id: string): Promise<boolean> {
    return this.firstTime(id);
  }

  get size(): number {
    return this.seen.size;
  }

  /** Map keeps insertion order, so expired and overflowing ids are all at the front. */
  private evict(now: number): void {
    for (const [id, at] of this.seen) {
      if (now - at < this.ttlMs && this.seen.size < this.max) break;
      this.seen.delete(id);
    }
  }
}
