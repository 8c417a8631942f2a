import type { CurationReport } from "../analytics/report.js";
import type { AnalyticsStore, ChannelKind } from "../analytics/types.js";

export type { CurationReport, QuestionGroupReport } from "../analytics/report.js";
export type { ChannelKind } from "../analytics/types.js";
/** Longest question the core reads; adapters cap text to it before any parsing. */
export { MAX_QUESTION_CHARS } from "../core/answer.js";
export type { Knowledge } from "../core/knowledge.js";
export type { ReloadResult, StoreStatus } from "../knowledge/store.js";

import type { Answer } from "../core/types.js";
import type { PreviewResult } from "../knowledge/compare.js";
import type { KnowledgeStore, ReloadResult, StoreStatus } from "../knowledge/store.js";
import type { Logger } from "../log.js";
import type { Dedupe } from "../reliability/dedupe.js";
import type { RateLimiter } from "../reliability/rate-limit.js";
import type { Conversations } from "./conversations.js";

/**
 * The types of the one door between every surface (Slack, Teams, web, terminal) and the core, the
 * knowledge store and analytics. Kept apart from the functions so handle.ts, curation.ts and the
 * adapters share them without importing each other.
 */

export type Platform = "slack" | "teams" | "web" | "cli";

export interface Asker {
  platform: Platform;
  /** Slack user id, Teams AAD object id, web address, or the terminal's user. */
  userId: string;
  /** Where it was asked, for the curator's report. */
  channel?: ChannelKind;
  /**
   * The conversation follow-ups belong to: a Slack thread, a Teams conversation, a web or terminal
   * session. Without one, every question stands alone.
   */
  conversation?: string;
}

export type AdminCommand = "reload" | "status" | "report";

export type CurationReply =
  | { kind: "report"; report: CurationReport }
  | { kind: "dry-run"; file: string; result: PreviewResult };

export type CurationCommand = { command: "report"; sinceMs: number } | { command: "reload-dry-run" };

/** Greetings and thanks typed alone ("help" alone gets the help reply). */
export type SmallTalk = "greeting" | "thanks";

export type BotReply =
  | {
      kind: "answer";
      answer: Answer;
      /** The recorded answer's id (analytics on): feedback buttons carry it. */
      answerId?: string;
    }
  | { kind: "help"; examples: string[] }
  | { kind: "small-talk"; talk: SmallTalk; examples: string[] }
  | { kind: "reload"; result: ReloadResult }
  | { kind: "status"; status: StoreStatus }
  | { kind: "refused"; command: AdminCommand }
  | { kind: "empty"; examples: string[] }
  | { kind: "rate-limited"; retryAfterSeconds: number }
  | { kind: "curation"; curation: CurationReply };

/** What a surface shows when the bot joins a conversation or a page opens. */
export interface Welcome {
  title: string;
  version: string;
  examples: string[];
}

/** A 👍/👎 on an answer, as every surface's buttons carry it back. */
export interface VoteInput {
  vote: "up" | "down";
  /** The recorded answer (analytics on); validated before it is stored. */
  answerId?: string;
  factId?: string;
  version?: string;
}

/** The optional "what was wrong?" text after a 👎. */
export interface CommentInput extends Omit<VoteInput, "vote"> {
  comment: string;
}

export interface BotDeps {
  store: KnowledgeStore;
  admins: ReadonlySet<string>;
  log: Logger;
  /** Per-user rate limit on messages; none when absent. */
  limiter?: RateLimiter;
  /** Where questions and feedback are recorded; nothing is when absent. */
  analytics?: AnalyticsStore;
  /** The clock for records and reports (tests inject one). */
  now?: () => Date;
  /** Follow-up memory per conversation; questions stand alone when absent. */
  conversations?: Conversations;
  /** Delivery ids already handled (platform retries); every delivery is new when absent. */
  deliveries?: Dedupe;
}
