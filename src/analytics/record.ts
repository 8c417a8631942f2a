import type { Answer } from "../core/types.js";
import { newAnswerId } from "./hash.js";
import type { AnalyticsStore, ChannelKind, FeedbackRecord, Platform } from "./types.js";

/** The glue between a handled question and the store: gives the answer an id and records it. */

export interface Who {
  platform: Platform;
  userId: string;
  channel?: ChannelKind;
}

const DEFAULT_CHANNEL: Record<Platform, ChannelKind> = {
  slack: "channel",
  teams: "channel",
  web: "web",
  cli: "dm",
};

export function recordAnswer(store: AnalyticsStore, who: Who, a: Answer, at: Date): string {
  const answerId = newAnswerId();
  const factIds = [...(a.factId ? [a.factId] : []), ...a.suggestions.map((s) => s.factId)];
  try {
    store.recordQuestion({
      answerId,
      at,
      platform: who.platform,
      channel: who.channel ?? DEFAULT_CHANNEL[who.platform],
      userId: who.userId,
      question: a.question,
      status: a.status,
      confidence: a.confidence,
      factIds: [...new Set(factIds)],
      version: a.version,
    });
  } catch {
    // Stores log their own failures; recording must never break an answer.
  }
  return answerId;
}

export function recordVote(store: AnalyticsStore, f: FeedbackRecord): void {
  try {
    store.recordFeedback(f);
  } catch {
    // As above: feedback is best effort.
  }
}
