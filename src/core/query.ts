import Fuse from "fuse.js";
import { idfOf, type SearchIndex } from "./index-build.js";
import { isStopword, termOf, words } from "./text.js";
import { TUNABLES } from "./tunables.js";

// Misspellings are only looked for among function words that questions are made of: "cost" is a
// word, not a misspelt "most".
const STOPWORD_VOCAB = new Map(
  "what when where which whom whose does have with from this that they them their there these those about would could should"
    .split(" ")
    .map((w) => [w, w]),
);

/**
 * Turns a question into concepts: one per topic word, each with the index terms that may stand for it
 * (the word itself, typo corrections found by Fuse.js, synonyms), weighted by how sure the match is.
 */

export interface Alternative {
  term: string;
  weight: number;
  /** A typo correction or completion, not the word itself or a synonym. */
  fuzzy?: boolean;
}

export interface Concept {
  word: string;
  alternatives: Alternative[];
  /** How much this word matters: the idf of its best-known form, or the maximum for unknown words. */
  idf: number;
}

/** Tunables: how much a synonym or a typo correction counts relative to the word itself. */
export const QUERY = TUNABLES.query;
const MAX_FUZZY = 3;
// Fuse.js score is 0 for a perfect match and 1 for none; beyond this a "correction" is a different word.
const FUZZY_THRESHOLD = 0.34;
const MIN_FUZZY_LENGTH = 4;
const MAX_FUZZY_LENGTH = 30;
const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

/** Words one edit away (delete, transpose, replace, insert) that exist in the vocabulary. */
function oneEditAway(w: string, vocab: ReadonlyMap<string, unknown>, out: Set<string>): void {
  for (let i = 0; i <= w.length; i++) {
    const head = w.slice(0, i);
    const tail = w.slice(i);
    if (tail) {
      const del = head + tail.slice(1);
      if (vocab.has(del)) out.add(del);
      if (tail.length > 1) {
        const tr = head + tail[1] + tail[0] + tail.slice(2);
        if (vocab.has(tr)) out.add(tr);
      }
    }
    for (const c of ALPHABET) {
      if (tail) {
        const rep = head + c + tail.slice(1);
        if (vocab.has(rep)) out.add(rep);
      }
      const ins = head + c + tail;
      if (vocab.has(ins)) out.add(ins);
    }
  }
}

/** Vocabulary words that start with `w` ("cloudm" -> "cloudmatrix"), found by binary search. */
function completions(w: string, sorted: string[], out: Set<string>, limit = 8): void {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? "") < w) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < sorted.length && out.size < limit + 8; i++) {
    const s = sorted[i] ?? "";
    if (!s.startsWith(w)) break;
    if (s !== w) out.add(s);
  }
}

/** Fuzzy alternatives for a word the index does not know: candidates by edit, ranked by Fuse.js. */
function fuzzyAlternatives(w: string, index: SearchIndex): Alternative[] {
  // Past MAX_FUZZY_LENGTH a "word" is pasted junk: correcting it would cost ~(36 x length) strings.
  if (w.length < MIN_FUZZY_LENGTH || w.length > MAX_FUZZY_LENGTH || /\d/.test(w)) return [];
  const candidates = new Set<string>();
  oneEditAway(w, index.surfaces, candidates);
  completions(w, index.sortedSurfaces, candidates);
  if (candidates.size === 0) return [];
  const fuse = new Fuse([...candidates], {
    includeScore: true,
    threshold: FUZZY_THRESHOLD,
    ignoreLocation: true,
  });
  const byTerm = new Map<string, number>();
  for (const r of fuse.search(w).slice(0, MAX_FUZZY * 2)) {
    const id = index.surfaces.get(r.item);
    const term = id === undefined ? undefined : index.termNames[id];
    if (!term) continue;
    const weight = QUERY.fuzzyWeight * (1 - (r.score ?? 1));
    if (weight > (byTerm.get(term) ?? 0)) byTerm.set(term, weight);
  }
  return [...byTerm]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_FUZZY)
    .map(([term, weight]) => ({ term, weight, fuzzy: true }));
}

function isMisspeltStopword(w: string): boolean {
  // Short words are too close to too many stopwords ("cap" ~ "can"): only 4-6 letter ones qualify.
  if (w.length < 4 || w.length > 6) return false;
  const found = new Set<string>();
  oneEditAway(w, STOPWORD_VOCAB, found);
  return found.size > 0;
}

export function parseQuestion(question: string, index: SearchIndex): Concept[] {
  const topic = words(question).filter((w) => !isStopword(w));
  const concepts: Concept[] = [];
  const seen = new Set<string>();
  for (const w of topic) {
    const term = termOf(w);
    if (seen.has(term)) continue;
    seen.add(term);
    const alternatives: Alternative[] = index.terms.has(term)
      ? [{ term, weight: 1 }]
      : fuzzyAlternatives(w, index);
    // "whan", "waht", "thier": a misspelt stopword carries no topic; kept, it would make the question
    // look out of scope.
    if (alternatives.length === 0 && isMisspeltStopword(w)) continue;
    concepts.push({ word: term, alternatives, idf: 0 });
  }
  addSynonyms(concepts, index);
  for (const c of concepts) {
    const idfs = c.alternatives.map((a) => idfOf(index, a.term) ?? 0);
    c.idf = c.alternatives.length > 0 ? Math.max(...idfs) : index.maxIdf * QUERY.unknownIdf;
  }
  return concepts;
}

/** A synonym phrase found in the question adds the other members of its group to its words. */
function addSynonyms(concepts: Concept[], index: SearchIndex): void {
  const seq = concepts.map((c) => c.word);
  for (const group of index.synonyms) {
    for (const member of group) {
      const at = findRun(seq, member);
      if (at < 0) continue;
      for (const other of group) {
        if (other === member) continue;
        const weight = QUERY.synonymWeight / Math.sqrt(other.length);
        for (let i = at; i < at + member.length; i++) {
          const c = concepts[i];
          if (!c) continue;
          for (const term of other) {
            if (!index.terms.has(term) || c.alternatives.some((a) => a.term === term)) continue;
            c.alternatives.push({ term, weight });
          }
        }
      }
    }
  }
}

function findRun(seq: string[], run: string[]): number {
  outer: for (let i = 0; i + run.length <= seq.length; i++) {
    for (let j = 0; j < run.length; j++) if (seq[i + j] !== run[j]) continue outer;
    return i;
  }
  return -1;
}
