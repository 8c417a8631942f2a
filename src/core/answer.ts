import { hasTerm } from "./bm25.js";
import { resolveFollowUp } from "./follow-up.js";
import { gapOf } from "./gap.js";
import type { SearchIndex } from "./index-build.js";
import type { Fact } from "./knowledge.js";
import type { Candidate, Ranked } from "./scorer.js";
import { TUNABLES } from "./tunables.js";
import type { Answer, ConversationContext, Suggestion } from "./types.js";

/**
 * answer(question, index) -> Answer. Pure: no I/O, no clock, no platform types.
 *
 * The index's scorer (scorer.ts) ranks facts by BM25F and computes named signals for the best few;
 * a logistic calibration (calibration.json) turns them into a confidence. Status comes from the
 * calibrated thresholds, then the answer checks: a fact that lacks the attribute asked about ("who
 * runs it") or the type of answer ("when" without a date) is at most `suggested`, with `gap` naming
 * what is missing.
 */

/** The thresholds of the fallback calibration (kept for callers of earlier versions). */
export const THRESHOLDS = { answered: 0.5, suggested: 0.3, suggestion: TUNABLES.suggestionFloor };
/** Longest question we read; beyond this is pasted text, not a question. */
export const MAX_QUESTION_CHARS = TUNABLES.maxQuestionChars;

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function textOf(fact: Fact): string {
  return fact.answer ?? fact.citations.map((c) => c.quote).join(" ");
}

function suggestionOf(fact: Fact, confidence: number): Suggestion {
  const first = fact.citations[0]?.quote ?? "";
  return {
    factId: fact.id,
    question: fact.questions[0] ?? first,
    answer: textOf(fact),
    citations: fact.citations,
    confidence: round(confidence),
  };
}

export function statusOf(
  best: Candidate | undefined,
  index: SearchIndex,
  unknownNames: readonly string[] = [],
): Answer["status"] {
  if (!best) return "unknown";
  const t = index.scorer.thresholds;
  // A question that restates a curated example question (same words, same intent) is the curator's
  // own question: answered whatever the calibration says (33 of 33 right on the tune and dev sets).
  const restates = TUNABLES.answerRestatedExamples && best.signals.exampleExact === 1;
  const status =
    best.confidence >= t.answered || restates
      ? "answered"
      : best.confidence >= t.suggested
        ? "suggested"
        : "unknown";
  const checked = best.focusCovered && best.typeMatch && best.namesCovered && unknownNames.length === 0;
  return status === "answered" && !checked ? "suggested" : status;
}

/**
 * The answer and the ranking it came from (for --explain); no ranking when a follow-up was answered
 * from the conversation itself ("tell me more": the next sentences of the cited paragraph).
 */
export function answerRanked(
  question: string,
  index: SearchIndex,
  context?: ConversationContext,
): { answer: Answer; ranked?: Ranked } {
  const facts = index.knowledge.facts;
  // Chat register and follow-ups (src/core/follow-up.ts): `q` is what the scorer reads, `question` is shown.
  const resolved = resolveFollowUp(question, index, context, {
    ranked: (s) =>
      index.scorer.rank(s).candidates.map((c) => ({ factId: facts[c.doc]?.id ?? "", confidence: c.related })),
  });
  if (resolved.kind === "answer") return { answer: resolved.answer };
  const ranked = index.scorer.rank(resolved.question.slice(0, MAX_QUESTION_CHARS));
  const best = ranked.candidates[0];
  const bestFact = best ? facts[best.doc] : undefined;
  const base = { question: question.slice(0, MAX_QUESTION_CHARS), version: index.knowledge.version };
  const status = statusOf(best, index, ranked.unknownNames);
  const found = gapOf(ranked, facts, (term, doc) => hasTerm(index, term, doc));
  const gap = found?.gap;
  const shown = status === "unknown" ? undefined : best;
  // A near-miss offers the closest facts about its topic first, however weakly they match the rest.
  const others = [
    ...(found?.about ?? []),
    ...ranked.candidates.filter((r) => r.related >= TUNABLES.suggestionFloor),
  ]
    .filter((r, i, all) => r !== shown && all.indexOf(r) === i)
    .slice(0, 3)
    .map((r) => suggestionOf(facts[r.doc] as Fact, r.confidence));
  if (status === "unknown" || !best || !bestFact) {
    const a: Answer = {
      ...base,
      status: "unknown",
      text: "",
      citations: [],
      confidence: round(best?.confidence ?? 0),
      suggestions: others,
      ...(gap ? { gap } : {}),
    };
    return { answer: a, ranked };
  }
  const a: Answer = {
    ...base,
    status,
    text: textOf(bestFact),
    factId: bestFact.id,
    citations: bestFact.citations,
    confidence: round(best.confidence),
    suggestions: status === "answered" ? [] : others,
    ...(bestFact.asOf ? { asOf: bestFact.asOf } : {}),
    ...(gap ? { gap } : {}),
  };
  return { answer: a, ranked };
}

export function answer(question: string, index: SearchIndex, context?: ConversationContext): Answer {
  return answerRanked(question, index, context).answer;
}

/** The Answer for a fact picked directly (a clicked suggestion): no matching, full confidence. */
export function answerFact(factId: string, index: SearchIndex): Answer | undefined {
  const fact = index.knowledge.facts.find((f) => f.id === factId);
  if (!fact) return undefined;
  return {
    status: "answered",
    question: fact.questions[0] ?? fact.citations[0]?.quote ?? fact.id,
    text: textOf(fact),
    factId: fact.id,
    citations: fact.citations,
    confidence: 1,
    suggestions: [],
    version: index.knowledge.version,
    ...(fact.asOf ? { asOf: fact.asOf } : {}),
  };
}
