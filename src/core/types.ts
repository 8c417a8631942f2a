/**
 * The values the core hands to every adapter. Adapters render these; they never search or score.
 * Kept free of any platform SDK type so Slack, Teams, the CLI and the web page all read the same shape.
 */

/** One verbatim source sentence (or run of consecutive sentences) that an answer relies on. */
export interface Citation {
  /** Source id from the knowledge file. */
  source: string;
  /** Human title of the source. */
  title: string;
  url?: string;
  /** Where the quote stands in its source, e.g. "paragraph 4, sentence 2". */
  locator: string;
  /** The exact sentence text as it stands in the source. */
  quote: string;
}

/** A curated or implicit fact the asker may have meant, offered when the core is not sure. */
export interface Suggestion {
  factId: string;
  /** A question that would reach this fact: the curated example question, or the sentence itself. */
  question: string;
  answer: string;
  citations: Citation[];
  confidence: number;
}

export type AnswerStatus = "answered" | "suggested" | "unknown";

export interface Answer {
  /**
   * answered: confident, cite it. suggested: a plausible match, shown as "this may answer it".
   * unknown: nothing in the knowledge answers it; `suggestions` holds what came closest.
   */
  status: AnswerStatus;
  question: string;
  /** The curated short answer, or the quoted sentence for implicit facts; empty when unknown. */
  text: string;
  factId?: string;
  citations: Citation[];
  /** Calibrated 0..1: how sure the core is that the citations answer the question. */
  confidence: number;
  suggestions: Suggestion[];
  /** Content hash of the knowledge this answer came from (never mixes two versions). */
  version: string;
  asOf?: string;
  /**
   * Set when the question names something the knowledge knows (`topic`) but asks for an attribute it
   * never states (`missing`): "I know about Huawei Cloud, but not who runs it". Wording lives in src/bot.
   */
  gap?: { topic: string; missing: string };
}

/** One earlier exchange in the same conversation. */
export interface ConversationTurn {
  question: string;
  answer: Answer;
}

/**
 * What came before in one conversation (oldest first, a few turns at most). The bot layer keeps it per
 * Slack thread, Teams conversation, web or terminal session; the core only reads it, for follow-ups
 * such as "and its chips?", "why?" or "tell me more".
 */
export interface ConversationContext {
  turns: readonly ConversationTurn[];
}
