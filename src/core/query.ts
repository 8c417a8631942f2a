import { withinOneEdit } from "./edits.js";
import { idfOf, type SearchIndex } from "./index-build.js";
import { isStopword, termOf, words } from "./text.js";
import { TUNABLES } from "./tunables.js";
import { fuzzyAlternatives } from "./typos.js";

// Misspellings are only looked for among function words that questions are made of: "cost" is a
// word, not a misspelt "most".
const STOPWORD_VOCAB =
  "what when where which whom whose does have with from this that they them their there these those about would could should".split(
    " ",
  );

/**
 * Turns a question into concepts: one per topic word, each with the index terms that may stand for it
 * (the word itself, typo corrections (typos.ts), synonyms), weighted by how sure the match is.
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

function isMisspeltStopword(w: string): boolean {
  // Short words are too close to too many stopwords ("cap" ~ "can"): only 4-6 letter ones qualify.
  if (w.length < 4 || w.length > 6) return false;
  return STOPWORD_VOCAB.some((s) => withinOneEdit(w, s));
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

/**
 * A synonym phrase found in the question adds the other members of its group to its words. A
 * member of several words is a phrase, not a bag: each word gets only what stands for it, so that
 * "Huawei Cloud" never makes "huawei" stand for "cloud" and "Pangu AI" never makes "pangu" stand for
 * "ai" (both answered near-misses confidently; docs/curation.md). Members that share a word ("Pangu" /
 * "Pangu AI", "trade blacklist" / "blacklist") already match through it: the rest is a qualifier.
 * Otherwise a one-word member stands for every word of the phrase ("changed the rules" ->
 * "redefining"), words map position by position when both members have as many, else the other member
 * stands for the phrase's last word, its head in English.
 */
function addSynonyms(concepts: Concept[], index: SearchIndex): void {
  const seq = concepts.map((c) => c.word);
  for (const group of index.synonyms) {
    for (const member of group) {
      const at = findRun(seq, member);
      if (at < 0) continue;
      for (const other of group) {
        if (other === member || other.some((t) => member.includes(t))) continue;
        member.forEach((_, i) => {
          const c = concepts[at + i];
          const standsFor = termsFor(member, other, i);
          if (!c || standsFor.length === 0) return;
          const weight = QUERY.synonymWeight / Math.sqrt(standsFor.length);
          for (const term of standsFor) {
            if (!index.terms.has(term) || c.alternatives.some((a) => a.term === term)) continue;
            c.alternatives.push({ term, weight });
          }
        });
      }
    }
  }
}

/** The terms of `other` that word `i` of the phrase `member` stands for (addSynonyms). */
function termsFor(member: string[], other: string[], i: number): string[] {
  if (other.length === 1) return other; // one word for the whole phrase
  if (member.length === other.length) return [other[i] as string]; // word for word
  return i === member.length - 1 ? other : []; // the head word for the other phrase
}

function findRun(seq: string[], run: string[]): number {
  outer: for (let i = 0; i + run.length <= seq.length; i++) {
    for (let j = 0; j < run.length; j++) if (seq[i + j] !== run[j]) continue outer;
    return i;
  }
  return -1;
}
