import { foldText } from "./text.js";
import type { Answer } from "./types.js";

/**
 * Scoring of answers against gold sentences, shared by `strategy-bot eval`, the tests and the benchmark.
 * A hit is the top answer quoting a gold sentence; a neighbouring sentence may come along, a whole
 * paragraph may not.
 */

export interface EvalQuestion {
  id: string;
  question: string;
  /** Gold sentences; [] = not in the knowledge; undefined = unlabelled. */
  expect?: string[];
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

export interface EvalSummary {
  answerable: number;
  hit1: number;
  /** Top candidate quotes gold, even when the bot abstained: how good the ranking is alone. */
  ranked1: number;
  hit3: number;
  outOfScope: number;
  abstained: number;
  /** Answerable questions the bot wrongly refused. */
  falseUnknown: number;
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

export function summarise(rows: EvalRow[]): EvalSummary {
  let answerable = 0;
  let hit1 = 0;
  let ranked1 = 0;
  let hit3 = 0;
  let outOfScope = 0;
  let abstained = 0;
  let falseUnknown = 0;
  for (const { q, answer } of rows) {
    if (!q.expect) continue;
    if (q.expect.length === 0) {
      outOfScope++;
      if (answer.status === "unknown") abstained++;
      continue;
    }
    answerable++;
    const r = hitRank(answer, q.expect);
    if (r === 1 && answer.status !== "unknown") hit1++;
    if (r === 1) ranked1++;
    if (r >= 1 && r <= 3) hit3++;
    if (answer.status === "unknown") falseUnknown++;
  }
  const ms = rows.map((r) => r.ms).sort((a, b) => a - b);
  const rate = (n: number, d: number) => (d > 0 ? n / d : 0);
  return {
    answerable,
    hit1: rate(hit1, answerable),
    ranked1: rate(ranked1, answerable),
    hit3: rate(hit3, answerable),
    outOfScope,
    abstained: rate(abstained, outOfScope),
    falseUnknown: rate(falseUnknown, answerable),
    p50ms: percentile(ms, 50),
    p95ms: percentile(ms, 95),
    maxMs: ms[ms.length - 1] ?? 0,
  };
}
