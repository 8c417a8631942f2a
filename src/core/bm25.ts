import type { SearchIndex } from "./index-build.js";
import type { Alternative, Concept } from "./query.js";
import { TUNABLES } from "./tunables.js";

/**
 * The retrieval half of the scorer: BM25F over the inverted index, top-k selection, the phrase bonus
 * and idf coverage. Pure functions over the index; buffers come from the caller (the Scorer).
 */

/** Scratch buffers of one slot per fact, reused by every question (see Scorer). */
export interface Scratch {
  scores: Float64Array;
  best: Float64Array;
  seen: Int32Array;
  touched: Int32Array;
}

export function newScratch(n: number): Scratch {
  return {
    scores: new Float64Array(n),
    best: new Float64Array(n),
    seen: new Int32Array(n),
    touched: new Int32Array(n),
  };
}

/**
 * Sum over concepts of each doc's best alternative; a synonym and the word itself don't add up.
 * Leaves in scratch.touched only the `k` best docs (in the order the concepts first reached them,
 * which topK breaks ties by) and zeroes the other scores, so the caller selects and clears k docs
 * instead of the thousands a common word touches. Returns how many are left; the caller clears them.
 */
export function scoreDocs(
  concepts: Concept[],
  index: SearchIndex,
  scratch: Scratch,
  k: number = TUNABLES.ranking.rerankPool,
): number {
  let count = 0;
  for (const c of concepts) {
    const alt = c.alternatives.length === 1 ? c.alternatives[0] : undefined;
    count = alt ? addTerm(alt, index, scratch, count) : addBestOf(c, index, scratch, count);
  }
  return keepBest(scratch.scores, scratch.touched, count, k);
}

/** topK's choice, made while zeroing every score it passes over; the k best stay, in touched order. */
function keepBest(scores: Float64Array, touched: Int32Array, count: number, k: number): number {
  const top: number[] = [];
  const at: number[] = [];
  let floor = Number.NEGATIVE_INFINITY;
  for (let t = 0; t < count; t++) {
    const d = touched[t] as number;
    const s = scores[d] as number;
    if (k <= 0 || s <= floor) {
      scores[d] = 0;
      continue;
    }
    let i = top.length;
    if (i === k) {
      i = k - 1;
      scores[top[i] as number] = 0;
    }
    while (i > 0 && (scores[top[i - 1] as number] as number) < s) {
      top[i] = top[i - 1] as number;
      at[i] = at[i - 1] as number;
      i--;
    }
    top[i] = d;
    at[i] = t;
    if (top.length === k) floor = scores[top[k - 1] as number] as number;
  }
  // touched[t] is the doc that arrived t-th: the arrival indices, sorted, give the docs in that order
  // (and as at[j] >= j, each is read before its slot is overwritten).
  const arrival = Int32Array.from(at).sort();
  for (let j = 0; j < arrival.length; j++) touched[j] = touched[arrival[j] as number] as number;
  return top.length;
}

/**
 * Most concepts are one word with no alternative: its postings add straight to the scores, with no
 * per-doc best to keep (a third of the memory traffic of addBestOf, on lists of thousands of docs).
 * Same sums, same order of addition and of touching as addBestOf gives a one-alternative concept.
 */
function addTerm(alt: Alternative, index: SearchIndex, scratch: Scratch, count: number): number {
  const id = index.terms.get(alt.term);
  if (id === undefined) return count;
  const { scores, touched } = scratch;
  const { docs, weights } = index;
  const k = alt.weight * (index.idf[id] as number);
  const end = index.offsets[id + 1] as number;
  for (let i = index.offsets[id] as number; i < end; i++) {
    const d = docs[i] as number;
    const v = scores[d] as number;
    if (v === 0) touched[count++] = d;
    scores[d] = v + k * (weights[i] as number);
  }
  return count;
}

/** A concept with alternatives (synonyms, typo corrections): each doc scores its best one. */
function addBestOf(c: Concept, index: SearchIndex, scratch: Scratch, count: number): number {
  const { scores, best, seen, touched } = scratch;
  const { offsets, docs, weights, idf, terms } = index;
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
  return count;
}

/** The k highest-scoring docs, without sorting every touched doc (a common word touches thousands). */
export function topK(scores: Float64Array, touched: Int32Array, count: number, k: number): number[] {
  const top: number[] = [];
  // The k-th best score so far, once there are k: most docs fall below it and cost one comparison.
  let floor = Number.NEGATIVE_INFINITY;
  for (let t = 0; t < count; t++) {
    const d = touched[t] as number;
    const s = scores[d] as number;
    if (s <= floor) continue;
    let i = top.length < k ? top.length : k - 1;
    while (i > 0 && (scores[top[i - 1] as number] as number) < s) {
      top[i] = top[i - 1] as number;
      i--;
    }
    top[i] = d;
    if (top.length === k) floor = scores[top[k - 1] as number] as number;
  }
  return top;
}

export function hasTerm(index: SearchIndex, term: string, doc: number): boolean {
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

/** The term id of each concept's word as typed, or -1 (no such term, or read only through others). */
export function pairIdsOf(concepts: Concept[], index: SearchIndex): Int32Array {
  return Int32Array.from(concepts, (c) => {
    const a = c.alternatives[0];
    return a && a.weight === 1 ? (index.terms.get(a.term) ?? -1) : -1;
  });
}

/**
 * Phrase bonus: question words that stand side by side in the fact too ("mining trucks") are
 * stronger evidence than the same words scattered. Checked on candidates only, from their term ids
 * (`ids` from pairIdsOf, worked out once per question rather than once per candidate).
 */
export function pairBonus(ids: Int32Array, index: SearchIndex, doc: number): number {
  const { seq, idf } = index;
  let bonus = 0;
  const from = index.seqStart[doc] ?? 0;
  const to = index.seqStart[doc + 1] ?? 0;
  for (let i = 0; i + 1 < ids.length; i++) {
    const a = ids[i] as number;
    const b = ids[i + 1] as number;
    if (a < 0 || b < 0) continue;
    for (let j = from; j + 1 < to; j++) {
      if (seq[j] === a && seq[j + 1] === b) {
        bonus += TUNABLES.query.pairWeight * ((idf[a] ?? 0) + (idf[b] ?? 0));
        break;
      }
    }
  }
  return bonus;
}

/** Idf coverage of a doc: the share of the question's idf mass it matches, and of that, through typo corrections. */
export function coverageOf(
  concepts: Concept[],
  index: SearchIndex,
  doc: number,
): { coverage: number; fuzzy: number; missingIdf: number } {
  let total = 0;
  let matched = 0;
  let fuzzy = 0;
  let missingIdf = 0;
  for (const c of concepts) {
    total += c.idf;
    let best = 0;
    let viaFuzzy = false;
    for (const a of c.alternatives) {
      if (a.weight > best && hasTerm(index, a.term, doc)) {
        best = a.weight;
        viaFuzzy = a.fuzzy === true;
      }
    }
    matched += c.idf * best;
    if (viaFuzzy) fuzzy += c.idf;
    if (best === 0 && c.idf > missingIdf) missingIdf = c.idf;
  }
  // The rarest word the doc lacks, against the rarest possible: one missing name weighs more than a missing "use".
  const rarest = missingIdf / (index.maxIdf || 1);
  return total > 0
    ? { coverage: matched / total, fuzzy: fuzzy / total, missingIdf: rarest }
    : { coverage: 0, fuzzy: 0, missingIdf: 0 };
}
