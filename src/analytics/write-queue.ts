import type { Logger } from "../log.js";
import { isUnavailable, safeError } from "./postgres-pool.js";

/**
 * Analytics writes for a database that may be away: recording only queues (answering never waits),
 * one writer drains the queue in order. While the database is unreachable the queue holds up to
 * `max` records and retries every `retryMs`; past that, new records are dropped. Each outage logs one
 * line when it starts, one if records start being dropped, one when writing resumes (with how many
 * were dropped) and one when the queue is empty again after drops.
 */

export interface WriteQueueOptions {
  log: Logger;
  max?: number;
  retryMs?: number;
}

export const QUEUE_MAX = 10_000;

export class WriteQueue<T> {
  private readonly items: T[] = [];
  private readonly max: number;
  private readonly retryMs: number;
  private running = false;
  private closed = false;
  private outage: { since: number } | undefined;
  /** Records dropped on a full queue since the last time it was written empty. */
  private dropped = 0;
  private failures = 0;
  private idle: (() => void)[] = [];
  private wake: (() => void) | undefined;

  constructor(
    private readonly write: (item: T) => Promise<void>,
    private readonly opts: WriteQueueOptions,
  ) {
    this.max = opts.max ?? QUEUE_MAX;
    this.retryMs = opts.retryMs ?? 1_000;
  }

  get size(): number {
    return this.items.length;
  }

  /** True while the database is unreachable. */
  get down(): boolean {
    return this.outage !== undefined;
  }

  push(item: T): void {
    if (this.closed) return;
    if (this.items.length >= this.max) {
      if (this.dropped++ === 0) {
        this.opts.log.warn("analytics: write queue full; dropping records until it drains", {
          queued: this.items.length,
        });
      }
      return;
    }
    this.items.push(item);
    void this.run();
  }

  /** Resolves true once everything queued is written, false if `timeoutMs` passes first. */
  drained(timeoutMs: number): Promise<boolean> {
    if (this.items.length === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.idle.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  /** Stops retrying; what is still queued is dropped (the caller drains first if it wants it written). */
  close(): void {
    this.closed = true;
    this.wake?.();
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    while (this.items.length > 0 && !this.closed) {
      const item = this.items[0] as T;
      try {
        await this.write(item);
        this.items.shift();
        this.recovered();
      } catch (error) {
        if (!isUnavailable(error)) {
          // The record itself is bad: retrying cannot help. Log the first few, then every hundredth.
          this.items.shift();
          if (++this.failures <= 3 || this.failures % 100 === 0)
            this.opts.log.error("analytics: could not record; answering goes on", {
              error: safeError(error),
              failures: this.failures,
            });
          continue;
        }
        if (!this.outage) {
          this.outage = { since: Date.now() };
          this.opts.log.warn("analytics: PostgreSQL unavailable; buffering records until it is back", {
            error: safeError(error),
            queued: this.items.length,
            max: this.max,
          });
        }
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, this.retryMs);
          this.wake = () => {
            clearTimeout(t);
            resolve();
          };
        });
      }
    }
    this.running = false;
    if (this.items.length > 0) return;
    if (this.dropped > 0) this.opts.log.info("analytics: write queue drained", { dropped: this.dropped });
    this.dropped = 0;
    for (const done of this.idle.splice(0)) done();
  }

  private recovered(): void {
    if (!this.outage) return;
    const { since } = this.outage;
    this.outage = undefined;
    this.opts.log.info("analytics: PostgreSQL back; writing buffered records", {
      outageMs: Date.now() - since,
      queued: this.items.length,
      dropped: this.dropped,
    });
  }
}
