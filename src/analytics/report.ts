import { answer } from "../core/answer.js";
import type { SearchIndex } from "../core/index-build.js";
import { type OverdueFact, overdueFacts } from "../knowledge/stale.js";
import { groupQuestions } from "./group.js";
import type { AnalyticsSnapshot, Platform } from "./types.js";

/**
 * The curator's digest for a period, built from the store's raw rows and the serving knowledge:
 * what people asked that the bot could not answer (grouped, each with the closest fact so the
 * question can be added to it as an example), what it answered unsurely, which facts got 👎 and why,
 * which facts are asked most, counts per platform, and facts past their review date.
 */

export interface QuestionGroupReport {
  question: string;
  count: number;
  variants: string[];
  /** Distinct askers (by hashed id). */
  askers: number;
  /** The fact that comes closest with the serving knowledge, to add the question to. */
  closest?: { factId: string; question: string; confidence: number };
  /** The serving knowledge now answers it (a curator fixed it since). */
  nowAnswered: boolean;
}

export interface FactFeedback {
  factId: string;
  down: number;
  up: number;
  comments: string[];
}

export interface CurationReport {
  since: string;
  until: string;
  version: string;
  totals: {
    questions: number;
    answered: number;
    suggested: number;
    unknown: number;
    up: number;
    down: number;
  };
  platforms: { platform: Platform; questions: number; up: number; down: number }[];
  unanswered: QuestionGroupReport[];
  lowConfidence: QuestionGroupReport[];
  disliked: FactFeedback[];
  mostAsked: { factId: string; count: number }[];
  overdue: OverdueFact[];
}

export interface ReportOptions {
  /** Rows per section. */
  limit?: number;
}

type Row = AnalyticsSnapshot["questions"][number];

function groups(rows: Row[], index: SearchIndex, limit: number): QuestionGroupReport[] {
  return groupQuestions(rows, (r) => r.question)
    .slice(0, limit)
    .map((g) => {
      const a = answer(g.question, index);
      const top = a.factId
        ? { factId: a.factId, question: g.question, confidence: a.confidence }
        : a.suggestions[0];
      return {
        question: g.question,
        count: g.items.length,
        variants: g.variants.slice(0, 5),
        askers: new Set(g.items.map((r) => r.userHash)).size,
        ...(top
          ? { closest: { factId: top.factId, question: top.question, confidence: round(top.confidence) } }
          : {}),
        nowAnswered: a.status === "answered",
      };
    });
}

const round = (n: number) => Math.round(n * 100) / 100;

function tally<K>(keys: K[]): [K, number][] {
  const m = new Map<K, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1]);
}

export function buildReport(
  snap: AnalyticsSnapshot,
  index: SearchIndex,
  now: Date,
  opts: ReportOptions = {},
): CurationReport {
  const limit = opts.limit ?? 10;
  const q = snap.questions;
  const fb = snap.feedback;
  const byStatus = (s: Row["status"]) => q.filter((r) => r.status === s);
  const platforms = [...new Set([...q.map((r) => r.platform), ...fb.map((f) => f.platform)])].sort();
  const facts = new Map<string, FactFeedback>();
  for (const f of fb) {
    if (!f.factId) continue;
    const e = facts.get(f.factId) ?? { factId: f.factId, down: 0, up: 0, comments: [] };
    e[f.vote]++;
    if (f.comment) e.comments.push(f.comment);
    facts.set(f.factId, e);
  }
  return {
    since: snap.since.toISOString(),
    until: now.toISOString(),
    version: index.knowledge.version,
    totals: {
      questions: q.length,
      answered: byStatus("answered").length,
      suggested: byStatus("suggested").length,
      unknown: byStatus("unknown").length,
      up: fb.filter((f) => f.vote === "up").length,
      down: fb.filter((f) => f.vote === "down").length,
    },
    platforms: platforms.map((p) => ({
      platform: p,
      questions: q.filter((r) => r.platform === p).length,
      up: fb.filter((f) => f.platform === p && f.vote === "up").length,
      down: fb.filter((f) => f.platform === p && f.vote === "down").length,
    })),
    unanswered: groups(byStatus("unknown"), index, limit),
    lowConfidence: groups(byStatus("suggested"), index, limit),
    disliked: [...facts.values()]
      .filter((f) => f.down > 0)
      .sort((a, b) => b.down - a.down || a.up - b.up)
      .slice(0, limit),
    mostAsked: tally(byStatus("answered").flatMap((r) => r.factIds.slice(0, 1)))
      .slice(0, limit)
      .map(([factId, count]) => ({ factId, count })),
    overdue: overdueFacts(index.knowledge, now),
  };
}

/** "7d", "24h", "2w" -> milliseconds; undefined when unreadable. */
export function parseSince(s: string): number | undefined {
  const m = /^(\d+)\s*([hdw])$/.exec(s.trim());
  if (!m) return undefined;
  const unit = { h: 3_600_000, d: 86_400_000, w: 604_800_000 }[m[2] as "h" | "d" | "w"];
  return Number(m[1]) * unit;
}
