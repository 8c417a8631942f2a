import type { Answer, ConversationContext, ConversationTurn } from "../core/types.js";

/**
 * Follow-up memory: the last few exchanges of each conversation (a Slack thread, a Teams conversation,
 * a web or terminal session), so "and its chips?" or "tell me more" can be read against what came
 * before. Bounded in size (least recently used conversations go first) and in time (a conversation
 * idle past the TTL starts afresh), so memory stays flat however many people talk to the bot.
 */

export interface ConversationsOptions {
  /** Conversations remembered at once; past this the least recently used is forgotten. */
  max?: number;
  /** A conversation idle this long is forgotten. */
  ttlMs?: number;
  /** Exchanges kept per conversation (the core only reads the last few). */
  turns?: number;
  now?: () => number;
}

interface Entry {
  at: number;
  turns: ConversationTurn[];
}

export class Conversations {
  private readonly map = new Map<string, Entry>();
  private readonly max: number;
  private readonly ttlMs: number;
  private readonly keep: number;
  private readonly now: () => number;

  constructor(opts: ConversationsOptions = {}) {
    this.max = opts.max ?? 10_000;
    this.ttlMs = opts.ttlMs ?? 30 * 60_000;
    this.keep = opts.turns ?? 4;
    this.now = opts.now ?? Date.now;
  }

  /** What came before in `key`, oldest first; undefined for a new (or expired) conversation. */
  context(key: string | undefined): ConversationContext | undefined {
    if (!key) return undefined;
    const e = this.map.get(key);
    if (!e) return undefined;
    if (this.now() - e.at >= this.ttlMs) {
      this.map.delete(key);
      return undefined;
    }
    return { turns: [...e.turns] };
  }

  /** Adds one exchange; the conversation becomes the most recently used. */
  remember(key: string | undefined, question: string, answer: Answer): void {
    if (!key) return;
    const now = this.now();
    const e = this.map.get(key);
    const alive = e && now - e.at < this.ttlMs ? e.turns : [];
    this.map.delete(key);
    this.map.set(key, { at: now, turns: [...alive, { question, answer }].slice(-this.keep) });
    this.evict(now);
  }

  get size(): number {
    return this.map.size;
  }

  /** Map keeps insertion order and remember() re-inserts, so the oldest entries are at the front. */
  private evict(now: number): void {
    for (const [key, e] of this.map) {
      if (this.map.size <= this.max && now - e.at < this.ttlMs) break;
      this.map.delete(key);
    }
  }
}
