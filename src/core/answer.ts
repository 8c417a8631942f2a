import { resolveFollowUp } from "./follow-up.js";
import { idfOf, type SearchIndex } from "./index-build.js";
import type { Fact } from "./knowledge.js";
import { type Concept, parseQuestion, QUERY } from "./query.js";
import { terms } from "./text.js";
import type { Answer, ConversationContext, Suggestion } from "./types.js";

/**
 * answer(question, index) -> Answer. Pure: no I/O, no clock, no platform types.
 *
 * Scoring is BM25F over the inverted index with each question word's best alternative (itself, a
 * typo correction, a synonym). Confidence is calibrated from how much of the question's information
 * (idf mass) the best fact covers, so a question about something the knowledge never mentions gets
 * "unknown" instead of a confident wrong quote.
 */

export const THRESHOLDS = { answered: 0.5, suggested: 0.3, suggestion: 0.15 };
/** Longest question we read; beyond this is pasted text, not a question. */
export const MAX_QUESTION_CHARS = 2000;
const CANDIDATES = 8;
/** Candidates re-scored with the phrase bonus before confidence is computed. */
const RERANK_POOL = 50;
/** How much calibrated confidence (vs raw BM25F score) orders the candidates. */
export const RANKING = { confidenceMix: 1, exampleMix: 0.5 };

interface Scored {
  doc: number;
  score: number;
  coverage: number;
  confidence: number;
  /** Confidence before the example-question check: how related the fact is, for suggestions. */
  related?: number;
}

/** Sum over concepts of each doc's best alternative; a synonym and the word itself don't add up. */
/**
 * Per-index scratch buffers, reused by every question: allocating two arrays of one slot per fact
 * for each question (1.6 MB at 100k facts) made the garbage collector the p99. answer() is
 * synchronous, so one set per index is never shared by two questions at once.
 */
interface Scratch {
  scores: Float64Array;
  best: Float64Array;
  seen: Int32Array;
  touched: Int32Array;
}
const scratchOf = new WeakMap<SearchIndex, Scratch>();

function scratchFor(index: SearchIndex): Scratch {
  let s = scratchOf.get(index);
  if (!s) {
    const n = index.knowledge.facts.length;
    s = {
      scores: new Float64Array(n),
      best: new Float64Array(n),
      seen: new Int32Array(n),
      touched: new Int32Array(n),
    };
    scratchOf.set(index, s);
  }
  return s;
}

/**
 * Sum over concepts of each doc's best alternative; a synonym and the word itself don't add up.
 * Fills scratch.scores for the first `count` docs of scratch.touched; the caller clears them.
 */
function scoreDocs(concepts: Concept[], index: SearchIndex, scratch: Scratch): number {
  const { scores, best, seen, touched } = scratch;
  const { offsets, docs, weights, idf, terms } = index;
  let count = 0;
  for (const c of concepts) {
    let nSeen = 0;
    for (const alt of c.alternatives) {
      const id = terms.get(alt.term);
      if (id === undefined) continue;
      const k = alt.weight * (idf[id] as number);
      const end = offsets[id + 1] as number;
      for (let i = offsets[id] as number; i < end; i++) {
        const d = docs[i] as number;
        const s = k * (weights[i] as number);
        const b = best[d] as number;
        if (b === 0) seen[nSeen++] = d;
        if (s > b) best[d] = s;
      }
    }
    for (let j = 0; j < nSeen; j++) {
      const d = seen[j] as number;
      if (scores[d] === 0) touched[count++] = d;
      scores[d] = (scores[d] as number) + (best[d] as number);
      best[d] = 0;
    }
  }
  return count;
}

/** The k highest-scoring docs, without sorting every touched doc (a common word touches thousands). */
function topK(scores: Float64Array, touched: Int32Array, count: number, k: number): number[] {
  const top: number[] = [];
  for (let t = 0; t < count; t++) {
    const d = touched[t] as number;
    const s = scores[d] as number;
    if (top.length === k && s <= (scores[top[k - 1] as number] as number)) continue;
    let i = top.length < k ? top.length : k - 1;
    while (i > 0 && (scores[top[i - 1] as number] as number) < s) {
      top[i] = top[i - 1] as number;
      i--;
    }
    top[i] = d;
  }
  return top;
}

function hasTerm(index: SearchIndex, term: string, doc: number): boolean {
  const id = index.terms.get(term);
  if (id === undefined) return false;
  let lo = index.offsets[id] ?? 0;
  let hi = (index.offsets[id + 1] ?? 0) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = index.docs[mid] as number;
    if (v === doc) return true;
    if (v < doc) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/**
 * Phrase bonus: question words that stand side by side in the fact too ("mining trucks") are
 * stronger evidence than the same words scattered. Checked on candidates only, from their term ids.
 */
function pairBonus(concepts: Concept[], index: SearchIndex, doc: number): number {
  const ids = concepts.map((c) => {
    const a = c.alternatives[0];
    return a && a.weight === 1 ? (index.terms.get(a.term) ?? -2) : -2;
  });
  let bonus = 0;
  const from = index.seqStart[doc] ?? 0;
  const to = index.seqStart[doc + 1] ?? 0;
  for (let i = 0; i + 1 < ids.length; i++) {
    const a = ids[i] as number;
    const b = ids[i + 1] as number;
    if (a < 0 || b < 0) continue;
    for (let j = from; j + 1 < to; j++) {
      if (index.seq[j] === a && index.seq[j + 1] === b) {
        bonus += QUERY.pairWeight * ((index.idf[a] ?? 0) + (index.idf[b] ?? 0));
        break;
      }
    }
  }
  return bonus;
}

/** Fraction of the question's idf mass that a doc matches, discounted by match quality. */
function coverageOf(concepts: Concept[], index: SearchIndex, doc: number): number {
  let total = 0;
  let matched = 0;
  for (const c of concepts) {
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

/**
 * How much of the closest curated example question the asker's words cover, by idf. "Who is Huawei's
 * CEO?" covers little of "what did nvidia's ceo say about huawei": a hint that the fact is about
 * someone else. 1 for facts without example questions (nothing to compare with).
 */
/** Each example question of a fact as (term, idf) pairs, computed once per index and fact. */
const examplesOf = new WeakMap<SearchIndex, Map<number, { term: string; idf: number }[][]>>();

function exampleTerms(index: SearchIndex, doc: number): { term: string; idf: number }[][] {
  let perIndex = examplesOf.get(index);
  if (!perIndex) {
    perIndex = new Map();
    examplesOf.set(index, perIndex);
  }
  let examples = perIndex.get(doc);
  if (!examples) {
    const questions = index.knowledge.facts[doc]?.questions ?? [];
    examples = questions.map((q) =>
      [...new Set(terms(q))].map((term) => ({ term, idf: idfOf(index, term) ?? 0 })),
    );
    perIndex.set(doc, examples);
  }
  return examples;
}

function exampleCoverage(concepts: Concept[], index: SearchIndex, doc: number): number {
  const examples = exampleTerms(index, doc);
  if (examples.length === 0) return 1;
  const asked = new Set<string>();
  for (const c of concepts) for (const a of c.alternatives) asked.add(a.term);
  let best = 0;
  for (const example of examples) {
    let total = 0;
    let covered = 0;
    for (const { term, idf } of example) {
      total += idf;
      if (asked.has(term)) covered += idf;
    }
    if (total > 0 && covered / total > best) best = covered / total;
  }
  return best;
}

function rank(question: string, index: SearchIndex): Scored[] {
  const concepts = parseQuestion(question, index);
  if (concepts.length === 0) return [];
  const scratch = scratchFor(index);
  let count = 0;
  let done = false;
  let pool: { doc: number; score: number }[];
  try {
    count = scoreDocs(concepts, index, scratch);
    pool = topK(scratch.scores, scratch.touched, count, RERANK_POOL).map((doc) => ({
      doc,
      score: (scratch.scores[doc] ?? 0) + pairBonus(concepts, index, doc),
    }));
    done = true;
  } finally {
    // Leave the shared buffers clean for the next question: cheaply when all went well, wholly if not.
    if (done) for (let t = 0; t < count; t++) scratch.scores[scratch.touched[t] as number] = 0;
    else {
      scratch.scores.fill(0);
      scratch.best.fill(0);
    }
  }
  const top = pool.sort((a, b) => b.score - a.score).slice(0, CANDIDATES);
  const bestScore = top[0]?.score || 1;
  const order = (r: Scored) => RANKING.confidenceMix * r.confidence + r.score / bestScore;
  const ranked: Scored[] = top
    .map(({ doc, score }) => {
      const coverage = coverageOf(concepts, index, doc);
      return { doc, score, coverage, confidence: calibrate(coverage, score, concepts) };
    })
    .sort((a, b) => order(b) - order(a));
  // The example-question check lowers confidence but does not reorder: an implicit fact has no
  // examples to fail it, and must not overtake a curated fact for that reason.
  for (const r of ranked) {
    const reverse = RANKING.exampleMix > 0 ? exampleCoverage(concepts, index, r.doc) : 1;
    r.related = r.confidence;
    r.confidence *= 1 - RANKING.exampleMix * (1 - reverse);
  }
  return ranked;
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

export function answer(question: string, index: SearchIndex, context?: ConversationContext): Answer {
  // Chat register and follow-ups (src/core/follow-up.ts): `q` is what the scorer reads, `question` is shown.
  const resolved = resolveFollowUp(question, index, context, {
    ranked: (s) =>
      rank(s, index).map((r) => ({
        factId: index.knowledge.facts[r.doc]?.id ?? "",
        confidence: r.related ?? r.confidence,
      })),
  });
  if (resolved.kind === "answer") return resolved.answer;
  const q = resolved.question;
  const ranked = rank(q, index);
  const facts = index.knowledge.facts;
  const best = ranked[0];
  const bestFact = best ? facts[best.doc] : undefined;
  const base = { question: question.slice(0, MAX_QUESTION_CHARS), version: index.knowledge.version };
  const status = !best
    ? "unknown"
    : best.confidence >= THRESHOLDS.answered
      ? "answered"
      : best.confidence >= THRESHOLDS.suggested
        ? "suggested"
        : "unknown";
  const others = ranked
    .slice(status === "unknown" ? 0 : 1)
    .filter((r) => (r.related ?? r.confidence) >= THRESHOLDS.suggestion)
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
