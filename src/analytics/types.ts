import type { AnswerStatus } from "../core/types.js";

/**
 * What the curator's loop records, and the interface every analytics store implements. SQLite is the
 * default (one file under DATA_DIR); a PostgreSQL store for several replicas implements the same
 * methods. Record calls never throw: a store that cannot write logs and drops the record.
 */

export type Platform = "slack" | "teams" | "web" | "cli";
/** Where a question was asked: a direct message, a channel, a group chat, a slash command, the web page. */
export type ChannelKind = "dm" | "channel" | "group" | "slash" | "web";
export type Vote = "up" | "down";

export interface QuestionRecord {
  /** The id that rides on the answer's feedback buttons. */
  answerId: string;
  at: Date;
  platform: Platform;
  channel: ChannelKind;
  /** The platform user id: the store keeps only its salted hash, never this. */
  userId: string;
  question: string;
  status: AnswerStatus;
  confidence: number;
  /** The answered fact first (if any), then suggested facts, in order. */
  factIds: string[];
  version: string;
}

export interface FeedbackRecord {
  /** The answer rated; absent for answers that were never recorded (e.g. a clicked suggestion). */
  answerId?: string;
  at: Date;
  platform: Platform;
  /** The platform user id: the store keeps only its salted hash. */
  userId: string;
  vote: Vote;
  /** The fact the rated answer cited, from the button. */
  factId?: string;
  version?: string;
  /** "What was wrong?": attached to the asker's latest 👎 of this answer. */
  comment?: string;
}

/** Raw rows for a period, from which src/analytics/report.ts builds the digest. */
export interface AnalyticsSnapshot {
  since: Date;
  questions: (Omit<QuestionRecord, "userId"> & { userHash: string })[];
  feedback: Omit<FeedbackRecord, "userId">[];
}

export interface AnalyticsStore {
  readonly kind: "sqlite" | "postgres" | "off";
  recordQuestion(q: QuestionRecord): void;
  recordFeedback(f: FeedbackRecord): void;
  report(since: Date): Promise<AnalyticsSnapshot>;
  /** Deletes questions and feedback older than the date; returns how many rows went. */
  purge(olderThan: Date): Promise<number>;
  /** Each knowledge source's text hash at the last load (source id -> hash); empty when none is kept. */
  loadSourceHashes(): Promise<Map<string, string>>;
  /** Replaces the stored hashes with those of the knowledge now serving. */
  saveSourceHashes(hashes: ReadonlyMap<string, string>): Promise<void>;
  /** PostgreSQL's resolves once queued records are written (briefly) and the pool is closed. */
  close(): void | Promise<void>;
}

/** ANALYTICS=off, or a database that could not be opened: records nothing, reports nothing. */
export const noopStore: AnalyticsStore = {
  kind: "off",
  recordQuestion: () => {},
  recordFeedback: () => {},
  report: async (since) => ({ since, questions: [], feedback: [] }),
  purge: async () => 0,
  loadSourceHashes: async () => new Map(),
  saveSourceHashes: async () => {},
  close: () => {},
};
