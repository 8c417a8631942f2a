/**
 * Per-user rate limiting: a token bucket per key (platform + user id) holding `perMinute` tokens that
 * refill continuously. A burst up to the limit is allowed, then one message per 60/perMinute seconds.
 * Memory is bounded: idle buckets (full again) are dropped, and past `maxKeys` the oldest go first.
 */

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface RateLimiterOptions {
  perMinute: number;
  maxKeys?: number;
  now?: () => number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  private readonly capacity: number;
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(opts: RateLimiterOptions) {
    this.capacity = opts.perMinute;
    this.perMs = opts.perMinute / 60_000;
    this.maxKeys = opts.maxKeys ?? 50_000;
    this.now = opts.now ?? Date.now;
  }

  /** Takes one token for `key`; refused with the seconds until the next one when the bucket is empty. */
  take(key: string): RateDecision {
    if (this.capacity <= 0) return { ok: true }; // 0 turns limiting off
    const now = this.now();
    const b = this.buckets.get(key);
    const tokens = b ? Math.min(this.capacity, b.tokens + (now - b.at) * this.perMs) : this.capacity;
    this.buckets.delete(key); // re-insert at the back: Map order is least recently used first
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: now });
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / this.perMs / 1000)) };
    }
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    this.evict();
    return { ok: true };
  }

  get size(): number {
    return this.buckets.size;
  }

  private evict(): void {
    for (const key of this.buckets.keys()) {
      if (this.buckets.size <= this.maxKeys) break;
      this.buckets.delete(key);
    }
  }
}
