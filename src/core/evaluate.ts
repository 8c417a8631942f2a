import { foldText } from "./text.js";
import type { Answer } from "./types.js";

/**
 * Scoring of answers against gold sentences, shared by `strategy-bot eval`, the tests and the benchmark.
 * A hit is the top answer quoting a gold sentence; a neighbouring sentence may come along, a whole
 * paragraph may not.
 *
 * Definitions (per question set; "answerable" = expect is non-empty, "unanswerable" = expect is []):
 * - hit1: answerable questions whose top answer quotes gold and whose status is not `unknown`
 *   (answered or suggested), over answerable questions. The historical column.
 * - answeredHit1: answerable questions *answered* (confidently) with a gold quote, over answerable.
 * - precision: of all `answered` answers (answerable or not), the share that quote gold. An `answered`
 *   reply to an unanswerable question is wrong. 1 when nothing was answered (no wrong claim made).
 * - ranked1: the top candidate quotes gold even when the bot abstained (ranking alone).
 * - abstained: unanswerable questions answered `unknown` (the historical column).
 * - declined: unanswerable questions not `answered` (unknown, or suggested with "this may answer it").
 */

export interface EvalQuestion {
  id: string;
  question: string;
  /** Gold sentences; [] = not in the knowledge; undefined = unlabelled. */
  expect?: string[];
  /** Optional labels of the blind sets: what the writer meant to ask and how. */
  intent?: string;
  kind?: string;
  /** Id of the question this one follows up on (needs the conversation context). */
  follows?: string;
}

const MAX_SENTENCES_IN_HIT = 3;

function sentenceCount(quote: string): number {
  return Math.max(1, quote.split(/(?<=[.?!]["”’]?)\s+(?=["“]?[A-Z0-9])/).length);
}

function quotesGold(quote: string, gold: string[]): boolean {
  if (sentenceCount(quote) > MAX_SENTENCES_IN_HIT) return false;
  const q = foldText(quote);
  return gold.some((g) => q.includes(foldText(g)));
}

/** Rank (1-based) of the first answer candidate that quotes a gold sentence, or 0. */
export function hitRank(a: Answer, gold: string[]): number {
  const candidates = a.status === "unknown" ? [] : [a.citations];
  candidates.push(...a.suggestions.map((s) => s.citations));
  const i = candidates.findIndex((cs) => cs.some((c) => quotesGold(c.quote, gold)));
  return i + 1;
}

/** Whether the answer's own citations (whatever its status) quote gold: the top quote is right. */
export function topQuoteRight(a: Answer, gold: string[]): boolean {
  if (gold.length === 0) return false;
  if (a.status !== "unknown") return a.citations.some((c) => quotesGold(c.quote, gold));
  return hitRank(a, gold) === 1;
}

export interface EvalCounts {
  answerable: number;
  hit1: number;
  answeredHit1: number;
  /** Top candidate quotes gold, even when the bot abstained: how good the ranking is alone. */
  ranked1: number;
  hit3: number;
  outOfScope: number;
  abstained: number;
  declined: number;
  /** How many answers were `answered`, and the precision of those. */
  answered: number;
  precision: number;
  /** Answerable questions the bot wrongly refused. */
  falseUnknown: number;
}

export interface EvalSummary extends EvalCounts {
  p50ms: number;
  p95ms: number;
  maxMs: number;
}

export interface EvalRow {
  q: EvalQuestion;
  answer: Answer;
  ms: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** The counts over labelled rows (unlabelled rows are skipped). */
export function count(rows: readonly EvalRow[]): EvalCounts {
  let [answerable, hit1, answeredHit1, ranked1, hit3, outOfScope, abstained, declined] = [
    0, 0, 0, 0, 0, 0, 0, 0,
  ];
  let [answered, answeredRight, falseUnknown] = [0, 0, 0];
  for (const { q, answer } of rows) {
    if (!q.expect) continue;
    if (answer.status === "answered") answered++;
    if (q.expect.length === 0) {
      outOfScope++;
      if (answer.status === "unknown") abstained++;
      if (answer.status !== "answered") declined++;
      continue;
    }
    answerable++;
    const r = hitRank(answer, q.expect);
    if (r === 1 && answer.status !== "unknown") hit1++;
    if (r === 1 && answer.status === "answered") {
      answeredHit1++;
      answeredRight++;
    }
    if (r === 1) ranked1++;
    if (r >= 1 && r <= 3) hit3++;
    if (answer.status === "unknown") falseUnknown++;
  }
  const rate = (n: number, d: number) => (d > 0 ? n / d : 0);
  return {
    answerable,
    hit1: rate(hit1, answerable),
    answeredHit1: rate(answeredHit1, answerable),
    ranked1: rate(ranked1, answerable),
    hit3: rate(hit3, answerable),
    outOfScope,
    abstained: rate(abstained, outOfScope),
    declined: rate(declined, outOfScope),
    answered,
    precision: answered > 0 ? answeredRight / answered : 1,
    falseUnknown: rate(falseUnknown, answerable),
  };
}

export function summarise(rows: EvalRow[]): EvalSummary {
  const ms = rows.map((r) => r.ms).sort((a, b) => a - b);
  return {
    ...count(rows),
    p50ms: percentile(ms, 50),
    p95ms: percentile(ms, 95),
    maxMs: ms[ms.length - 1] ?? 0,
  };
}

/** Counts per group (intent, kind…), groups in first-seen order. */
export function breakdown(rows: readonly EvalRow[], key: (r: EvalRow) => string): [string, EvalCounts][] {
  const groups = new Map<string, EvalRow[]>();
  for (const r of rows) {
    const k = key(r);
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  return [...groups].map(([k, g]) => [k, count(g)]);
}
