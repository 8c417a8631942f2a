import type { SearchIndex } from "./index-build.js";
import type { Fact } from "./knowledge.js";
import { type Concept, parseQuestion } from "./query.js";
import type { Answer, Suggestion } from "./types.js";

/**
 * answer(question, index) -> Answer. Pure: no I/O, no clock, no platform types.
 *
 * Scoring is BM25F over the inverted index with each question word's best alternative (itself, a
 * typo correction, a synonym). Confidence is calibrated from how much of the question's information
 * (idf mass) the best fact covers, so a question about something the knowledge never mentions gets
 * "unknown" instead of a confident wrong quote.
 */

export const THRESHOLDS = { answered: 0.5, suggested: 0.3, suggestion: 0.15 } as const;
/** Longest question we read; beyond this is pasted text, not a question. */
export const MAX_QUESTION_CHARS = 2000;
const CANDIDATES = 8;
/** How much calibrated confidence (vs raw BM25F score) orders the candidates. */
export const RANKING = { confidenceMix: 0.5 };

interface Scored {
  doc: number;
  score: number;
  coverage: number;
  confidence: number;
}

function scoreDocs(concepts: Concept[], index: SearchIndex): Map<number, number> {
  const scores = new Map<number, number>();
  for (const c of concepts) {
    // Per concept, a doc earns its best alternative only: a synonym and the word itself don't add up.
    const best = new Map<number, number>();
    for (const alt of c.alternatives) {
      const p = index.postings.get(alt.term);
      if (!p) continue;
      const k = alt.weight * p.idf;
      for (let i = 0; i < p.docs.length; i++) {
        const d = p.docs[i] as number;
        const s = k * (p.weights[i] as number);
        if (s > (best.get(d) ?? 0)) best.set(d, s);
      }
    }
    for (const [d, s] of best) scores.set(d, (scores.get(d) ?? 0) + s);
  }
  return scores;
}

function hasTerm(index: SearchIndex, term: string, doc: number): boolean {
  const docs = index.postings.get(term)?.docs;
  if (!docs) return false;
  let lo = 0;
  let hi = docs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = docs[mid] as number;
    if (v === doc) return true;
    if (v < doc) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Fraction of the question's idf mass that a doc matches, discounted by match quality. */
function coverageOf(concepts: Concept[], index: SearchIndex, doc: number): number {
  let total = 0;
  let matched = 0;
  for (const c of concepts) {
    if (c.pair) continue;
    total += c.idf;
    let best = 0;
    for (const a of c.alternatives) if (a.weight > best && hasTerm(index, a.term, doc)) best = a.weight;
    matched += c.idf * best;
  }
  return total > 0 ? matched / total : 0;
}

function calibrate(coverage: number, score: number, concepts: Concept[]): number {
  // A one-word question ("cann?") can be fully covered by chance less easily when the word is rare.
  const informative = Math.min(1, concepts.reduce((a, c) => a + c.idf, 0) / 3);
  const strength = 1 - Math.exp(-score / 3);
  return Math.max(0, Math.min(1, coverage ** 1.5 * (0.6 + 0.4 * strength) * (0.7 + 0.3 * informative)));
}

function rank(question: string, index: SearchIndex): Scored[] {
  const concepts = parseQuestion(question, index);
  if (concepts.length === 0) return [];
  const scores = scoreDocs(concepts, index);
  const top = [...scores].sort((a, b) => b[1] - a[1]).slice(0, CANDIDATES);
  const bestScore = top[0]?.[1] ?? 1;
  const order = (r: Scored) => RANKING.confidenceMix * r.confidence + r.score / bestScore;
  return top
    .map(([doc, score]) => {
      const coverage = coverageOf(concepts, index, doc);
      return { doc, score, coverage, confidence: calibrate(coverage, score, concepts) };
    })
    .sort(
      (a, b) =>
        b.confidence * 0.5 +
        b.score / (top[0]?.[1] ?? 1) -
        (a.confidence * 0.5 + a.score / (top[0]?.[1] ?? 1)),
    );
}

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

export function answer(question: string, index: SearchIndex): Answer {
  const q = question.slice(0, MAX_QUESTION_CHARS);
  const ranked = rank(q, index);
  const facts = index.knowledge.facts;
  const best = ranked[0];
  const bestFact = best ? facts[best.doc] : undefined;
  const base = { question: q, version: index.knowledge.version };
  const status = !best
    ? "unknown"
    : best.confidence >= THRESHOLDS.answered
      ? "answered"
      : best.confidence >= THRESHOLDS.suggested
        ? "suggested"
        : "unknown";
  const others = ranked
    .slice(status === "unknown" ? 0 : 1)
    .filter((r) => r.confidence >= THRESHOLDS.suggestion)
    .slice(0, 3)
    .map((r) => suggestionOf(facts[r.doc] as Fact, r.confidence));
  if (status === "unknown" || !best || !bestFact) {
    return {
      ...base,
      status: "unknown",
      text: "",
      citations: [],
      confidence: round(best?.confidence ?? 0),
      suggestions: others,
    };
  }
  return {
    ...base,
    status,
    text: textOf(bestFact),
    factId: bestFact.id,
    citations: bestFact.citations,
    confidence: round(best.confidence),
    suggestions: status === "answered" ? [] : others,
    ...(bestFact.asOf ? { asOf: bestFact.asOf } : {}),
  };
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
