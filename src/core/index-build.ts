import type { Fact, Knowledge } from "./knowledge.js";
import { isStopword, termOf, words } from "./text.js";

/**
 * The search index: an inverted index over facts with BM25F weights precomputed per posting, plus
 * the surface vocabulary that fuzzy matching corrects typos against. Built once per knowledge load,
 * so a question costs a few posting-list walks, not a scan of every fact.
 */

/** How much each part of a fact counts. Example questions and keywords are what askers type. */
export const FIELD_WEIGHTS: Record<"questions" | "keywords" | "answer" | "quote" | "context", number> = {
  questions: 1.0,
  keywords: 1.0,
  answer: 0.7,
  quote: 0.8,
  /** The sentence before an implicit fact's sentence, and the source title: context, not content. */
  context: 0.25,
};
type Field = keyof typeof FIELD_WEIGHTS;

// BM25 saturation and length normalisation; questions/keywords are lists, so their length says little.
// Tuned on the development questions and the public sources-only benchmarks (see README).
export const BM25 = {
  pairs: true,
  k1: 1.2,
  b: { questions: 0.3, keywords: 0.2, answer: 0.5, quote: 0.6, context: 0.5 } as Record<Field, number>,
};

export interface Posting {
  docs: Int32Array;
  /** Saturated BM25F term weight per doc (multiply by idf to score). */
  weights: Float32Array;
  idf: number;
}

export interface SearchIndex {
  knowledge: Knowledge;
  postings: Map<string, Posting>;
  /** Surface word -> index term, for every word that occurs (typo correction works on surfaces). */
  surfaces: Map<string, string>;
  /** Surface words sorted, for prefix completion of partial words. */
  sortedSurfaces: string[];
  /** Synonym groups as term sequences. */
  synonyms: string[][][];
  /** idf given to a question term that matches nothing: the rarest possible. */
  maxIdf: number;
}

function fieldTexts(fact: Fact, k: Knowledge): Record<Field, string[]> {
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
  const title = k.sources.find((s) => s.id === first?.source)?.title;
  if (title) context.push(title);
  return {
    questions: fact.questions,
    keywords: fact.keywords,
    answer: fact.answer ? [fact.answer] : [],
    quote: quotes,
    context,
  };
}

export function buildIndex(knowledge: Knowledge): SearchIndex {
  const n = knowledge.facts.length;
  const fieldTerms: Map<string, number>[][] = [];
  const lengths: Record<Field, Float64Array> = {
    questions: new Float64Array(n),
    keywords: new Float64Array(n),
    answer: new Float64Array(n),
    quote: new Float64Array(n),
    context: new Float64Array(n),
  };
  const surfaces = new Map<string, string>();
  const fields = Object.keys(FIELD_WEIGHTS) as Field[];

  knowledge.facts.forEach((fact, d) => {
    const texts = fieldTexts(fact, knowledge);
    fieldTerms[d] = fields.map((f) => {
      const counts = new Map<string, number>();
      let len = 0;
      for (const text of texts[f]) {
        let prev = "";
        for (const w of words(text)) {
          if (isStopword(w)) continue;
          const t = termOf(w);
          if (!surfaces.has(w)) surfaces.set(w, t);
          counts.set(t, (counts.get(t) ?? 0) + 1);
          len++;
          // Adjacent topic words also index as a pair, so a question that reuses a phrase ranks it first.
          if (prev && BM25.pairs) {
            const pair = `${prev} ${t}`;
            counts.set(pair, (counts.get(pair) ?? 0) + 1);
          }
          prev = t;
        }
      }
      lengths[f][d] = len;
      return counts;
    });
  });

  const avg = Object.fromEntries(
    fields.map((f) => [f, Math.max(1, lengths[f].reduce((a, b) => a + b, 0) / Math.max(1, n))]),
  ) as Record<Field, number>;

  // Collect per-term (doc, weight) pairs, then freeze into typed arrays.
  const lists = new Map<string, { docs: number[]; weights: number[] }>();
  for (let d = 0; d < n; d++) {
    const perField = fieldTerms[d] ?? [];
    const combined = new Map<string, number>();
    perField.forEach((counts, fi) => {
      const f = fields[fi] as Field;
      const norm = 1 - BM25.b[f] + (BM25.b[f] * (lengths[f][d] ?? 0)) / avg[f];
      for (const [t, tf] of counts) combined.set(t, (combined.get(t) ?? 0) + (FIELD_WEIGHTS[f] * tf) / norm);
    });
    for (const [t, tf] of combined) {
      let l = lists.get(t);
      if (!l) {
        l = { docs: [], weights: [] };
        lists.set(t, l);
      }
      l.docs.push(d);
      l.weights.push((tf * (BM25.k1 + 1)) / (tf + BM25.k1));
    }
  }
  const postings = new Map<string, Posting>();
  for (const [t, l] of lists) {
    const df = l.docs.length;
    postings.set(t, {
      docs: Int32Array.from(l.docs),
      weights: Float32Array.from(l.weights),
      idf: Math.log(1 + (n - df + 0.5) / (df + 0.5)),
    });
  }

  const synonyms = knowledge.synonyms.map((group) =>
    group
      .map((member) =>
        words(member)
          .filter((w) => !isStopword(w))
          .map(termOf),
      )
      .filter((m) => m.length > 0),
  );

  return {
    knowledge,
    postings,
    surfaces,
    sortedSurfaces: [...surfaces.keys()].sort(),
    synonyms,
    maxIdf: Math.log(1 + (n + 0.5) / 0.5),
  };
}
