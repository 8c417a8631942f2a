import { type Calibration, DEFAULT_CALIBRATION } from "./calibration.js";
import { backwards } from "./edits.js";
import type { Fact, Knowledge } from "./knowledge.js";
import type { Alternative } from "./query.js";
import { Scorer } from "./scorer.js";
import { CHUNK, runNow, runSliced, type Steps } from "./steps.js";
import { isStopword, termOf, words } from "./text.js";
import { type Field, TUNABLES } from "./tunables.js";

/**
 * The search index: an inverted index over facts with BM25F weights precomputed per posting, plus
 * the surface vocabulary that fuzzy matching corrects typos against. Built once per knowledge load,
 * so a question costs a few posting-list walks, not a scan of every fact.
 */

/** Field weights and BM25 parameters: see TUNABLES in tunables.ts for meaning and range. */
export const FIELD_WEIGHTS = TUNABLES.fields;
export const BM25 = TUNABLES.bm25;

export interface SearchIndex {
  knowledge: Knowledge;
  /** Index term -> term id. */
  terms: Map<string, number>;
  idf: Float64Array;
  /** Postings in CSR form: term t's docs are docs[offsets[t] .. offsets[t+1]), ascending. */
  offsets: Int32Array;
  docs: Int32Array;
  /** Saturated BM25F weight of the term in each posting's doc (multiply by idf to score). */
  weights: Float32Array;
  /** Each fact's term ids in text order, -1 between texts; fact d is seq[seqStart[d] .. seqStart[d+1]). */
  seq: Int32Array;
  seqStart: Int32Array;
  /** Surface word -> term id, for every word that occurs (typo correction works on surfaces). */
  surfaces: Map<string, number>;
  /** Term id -> index term. */
  termNames: string[];
  /** Surface words sorted, for prefix completion of partial words. */
  sortedSurfaces: string[];
  /** Surface words spelt backwards, sorted: the words with a given ending form one block (edits.ts). */
  reversedSurfaces: string[];
  /** A misspelt word's corrections, worked out once per index (typos.ts). */
  typoCache: Map<string, Alternative[]>;
  /** Whether the knowledge writes a word (or a word after another) as a name: follow-up-topic.ts. */
  nameCache: Map<string, boolean>;
  /** Synonym groups as term sequences. */
  synonyms: string[][][];
  /** idf given to a question term that matches nothing: the rarest possible. */
  maxIdf: number;
  /** The scorer built for this index: its buffers, caches and calibration (see scorer.ts). */
  scorer: Scorer;
}

export interface BuildOptions {
  /** Calibration to use; default the committed one; null = the hand-set fallback. */
  calibration?: Calibration | null;
}

function fieldTexts(fact: Fact, k: Knowledge, titles: Map<string, string>): Record<Field, string[]> {
  const quotes = fact.sentences.map((i) => k.sentences[i]?.text ?? "");
  const first = k.sentences[fact.sentences[0] ?? -1];
  const prev = first ? k.sentences[first.index - 1] : undefined;
  const context: string[] = [];
  if (
    !fact.curated &&
    prev &&
    prev.source === first?.source &&
    prev.paragraph === first.paragraph &&
    !fact.sentences.includes(prev.index)
  ) {
    context.push(prev.text);
  }
  const title = first ? titles.get(first.source) : undefined;
  if (title) context.push(title);
  return {
    questions: fact.questions,
    keywords: fact.keywords,
    answer: fact.answer ? [fact.answer] : [],
    quote: quotes,
    context,
  };
}

const FIELDS = Object.keys(FIELD_WEIGHTS) as Field[];

/** A growable Int32Array: the index of 100k sentences has millions of entries, too many for JS arrays. */
class IntList {
  data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  view(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/**
 * Two passes keep memory flat at 100k sentences: the first tokenises every fact once into term ids
 * (kept: phrase checks use them) and counts document frequency; the second computes BM25F weights
 * straight into preallocated posting arrays.
 */
export function buildIndex(knowledge: Knowledge, options: BuildOptions = {}): SearchIndex {
  return runNow(buildIndexSteps(knowledge, options));
}

/** buildIndex in slices, yielding to the event loop (see steps.ts): for reloads while serving. */
export function buildIndexSliced(
  knowledge: Knowledge,
  sliceMs?: number,
  options: BuildOptions = {},
): Promise<SearchIndex> {
  return runSliced(buildIndexSteps(knowledge, options), sliceMs);
}

function* buildIndexSteps(knowledge: Knowledge, options: BuildOptions): Steps<SearchIndex> {
  const n = knowledge.facts.length;
  const terms = new Map<string, number>();
  const surfaces = new Map<string, number>();
  const termNames: string[] = [];
  const df: number[] = [];
  const lastDoc: number[] = [];
  // Per fact: field f's tokens are tokens[fieldStart[d*F+f] .. fieldStart[d*F+f+1]).
  const F = FIELDS.length;
  const tokens = new IntList();
  const fieldStart = new Int32Array(n * F + 1);
  const lengthSum = new Float64Array(F);

  // A map, not a find() per fact: a wiki export has thousands of sources.
  const titles = new Map(knowledge.sources.map((src) => [src.id, src.title]));
  for (let d = 0; d < n; d++) {
    if (d % CHUNK === CHUNK - 1) yield;
    const fact = knowledge.facts[d] as Fact;
    const texts = fieldTexts(fact, knowledge, titles);
    FIELDS.forEach((f, fi) => {
      fieldStart[d * F + fi] = tokens.length;
      for (const text of texts[f]) {
        for (const w of words(text)) {
          if (isStopword(w)) continue;
          // One lookup per token: surface word -> term id (stemming runs once per distinct word).
          let id = surfaces.get(w);
          if (id === undefined) {
            const t = termOf(w);
            id = terms.get(t);
            if (id === undefined) {
              id = terms.size;
              terms.set(t, id);
              termNames.push(t);
              df.push(0);
              lastDoc.push(-1);
            }
            surfaces.set(w, id);
          }
          if (lastDoc[id] !== d) {
            lastDoc[id] = d;
            df[id] = (df[id] ?? 0) + 1;
          }
          tokens.push(id);
        }
        tokens.push(-1);
      }
      lengthSum[fi] = (lengthSum[fi] ?? 0) + tokens.length - (fieldStart[d * F + fi] ?? 0);
    });
  }
  fieldStart[n * F] = tokens.length;
  const seq = tokens.view();
  const avg = FIELDS.map((_, fi) => Math.max(1, (lengthSum[fi] ?? 0) / Math.max(1, n)));

  yield;
  const T = terms.size;
  const offsets = new Int32Array(T + 1);
  for (let t = 0; t < T; t++) offsets[t + 1] = (offsets[t] ?? 0) + (df[t] ?? 0);
  const fill = offsets.slice(0, T);
  const docs = new Int32Array(offsets[T] ?? 0);
  const weights = new Float32Array(docs.length);
  const tf = new Float64Array(T);
  const touched = new IntList();

  for (let d = 0; d < n; d++) {
    if (d % CHUNK === CHUNK - 1) yield;
    touched.length = 0;
    for (let fi = 0; fi < F; fi++) {
      const from = fieldStart[d * F + fi] ?? 0;
      const to = fieldStart[d * F + fi + 1] ?? 0;
      const f = FIELDS[fi] as Field;
      const norm = 1 - BM25.b[f] + (BM25.b[f] * (to - from)) / (avg[fi] ?? 1);
      const w = FIELD_WEIGHTS[f] / norm;
      for (let i = from; i < to; i++) {
        const id = seq[i] as number;
        if (id < 0) continue;
        if (tf[id] === 0) touched.push(id);
        tf[id] = (tf[id] ?? 0) + w;
      }
    }
    for (let i = 0; i < touched.length; i++) {
      const id = touched.data[i] as number;
      const x = tf[id] ?? 0;
      const at = fill[id] ?? 0;
      docs[at] = d;
      weights[at] = (x * (BM25.k1 + 1)) / (x + BM25.k1);
      fill[id] = at + 1;
      tf[id] = 0;
    }
  }

  const idf = new Float64Array(T);
  for (let t = 0; t < T; t++) idf[t] = Math.log(1 + (n - (df[t] ?? 0) + 0.5) / ((df[t] ?? 0) + 0.5));
  const seqStart = new Int32Array(n + 1);
  for (let d = 0; d <= n; d++) seqStart[d] = fieldStart[d * F] ?? seq.length;

  yield;
  const synonyms = knowledge.synonyms.map((group) =>
    group
      .map((member) =>
        words(member)
          .filter((w) => !isStopword(w))
          .map(termOf),
      )
      .filter((m) => m.length > 0),
  );

  const index: Omit<SearchIndex, "scorer"> & { scorer?: Scorer } = {
    knowledge,
    terms,
    idf,
    offsets,
    docs,
    weights,
    seq,
    seqStart,
    surfaces,
    termNames,
    sortedSurfaces: [...surfaces.keys()].sort(),
    reversedSurfaces: [...surfaces.keys()].map(backwards).sort(),
    synonyms,
    typoCache: new Map(),
    nameCache: new Map(),
    maxIdf: Math.log(1 + (n + 0.5) / 0.5),
  };
  const calibration = options.calibration === undefined ? DEFAULT_CALIBRATION : options.calibration;
  index.scorer = new Scorer(index as SearchIndex, calibration);
  return index as SearchIndex;
}

/** idf of an index term, or undefined when the knowledge never uses it. */
export function idfOf(index: SearchIndex, term: string): number | undefined {
  const id = index.terms.get(term);
  return id === undefined ? undefined : index.idf[id];
}
