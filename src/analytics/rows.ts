import type { AnalyticsSnapshot, FeedbackRecord, QuestionRecord } from "./types.js";

/**
 * The questions and feedback rows as both stores write and read them. SQLite and PostgreSQL keep the
 * same columns, so a record becomes the same values and a row the same snapshot entry; only the SQL
 * around them (placeholders, conflict handling) is each database's own.
 */

/** A questions row as read back (the columns the snapshot needs). */
export interface QuestionRow {
  answer_id: string;
  /** PostgreSQL returns BIGINT as a string (it may exceed a double); SQLite returns a number. */
  at: number | string;
  platform: string;
  channel: string;
  user_hash: string;
  question: string;
  status: string;
  confidence: number;
  fact_ids: string;
  version: string;
}

/** A feedback row as the report query selects it (fact_id already falls back to the answer's). */
export interface FeedbackRow {
  answer_id: string | null;
  at: number | string;
  platform: string;
  vote: string;
  fact_id: string | null;
  version: string | null;
  comment: string | null;
}

/** Values for (answer_id, at, platform, channel, user_hash, question, status, confidence, fact_ids, version). */
export function questionValues(q: QuestionRecord, userHash: string): unknown[] {
  return [
    q.answerId,
    q.at.getTime(),
    q.platform,
    q.channel,
    userHash,
    q.question,
    q.status,
    q.confidence,
    JSON.stringify(q.factIds),
    q.version,
  ];
}

/** Values for (answer_id, at, platform, user_hash, vote, fact_id, version, comment); absent is NULL. */
export function feedbackValues(f: FeedbackRecord, userHash: string): unknown[] {
  return [
    f.answerId ?? null,
    f.at.getTime(),
    f.platform,
    userHash,
    f.vote,
    f.factId ?? null,
    f.version ?? null,
    f.comment ?? null,
  ];
}

export function questionFromRow(r: QuestionRow): AnalyticsSnapshot["questions"][number] {
  return {
    answerId: r.answer_id,
    at: new Date(Number(r.at)),
    platform: r.platform as QuestionRecord["platform"],
    channel: r.channel as QuestionRecord["channel"],
    userHash: r.user_hash,
    question: r.question,
    status: r.status as QuestionRecord["status"],
    confidence: r.confidence,
    factIds: JSON.parse(r.fact_ids) as string[],
    version: r.version,
  };
}

/** NULL columns are left out, as the record had them absent. */
export function feedbackFromRow(r: FeedbackRow): AnalyticsSnapshot["feedback"][number] {
  return {
    ...(r.answer_id ? { answerId: r.answer_id } : {}),
    at: new Date(Number(r.at)),
    platform: r.platform as FeedbackRecord["platform"],
    vote: r.vote as FeedbackRecord["vote"],
    ...(r.fact_id ? { factId: r.fact_id } : {}),
    ...(r.version ? { version: r.version } : {}),
    ...(r.comment ? { comment: r.comment } : {}),
  };
}
