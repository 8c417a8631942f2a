import Fuse from "fuse.js";
import { CHUNK, runNow, type Steps } from "../core/steps.js";
import { foldText } from "../core/text.js";
import type { SourceSentence } from "./sentences.js";

/**
 * Quote verification: a quote must be one or more whole consecutive sentences of its source,
 * compared after folding whitespace, quote marks and dashes (editors and chat tools change those).
 * Each source is folded once and its sentences are found by their first characters, so verifying
 * q quotes against n sentences costs about n + q, not n * q.
 */

export type QuoteMatch =
  | { kind: "ok"; first: number; last: number }
  | { kind: "partial"; sentence: SourceSentence }
  | { kind: "missing"; closest?: SourceSentence };

/** How many leading characters key the lookup: long enough to be selective, short enough for any sentence. */
const KEY = 24;

export class QuoteIndex {
  private readonly folded: string[];
  private readonly byStart = new Map<string, number[]>();
  private fuse: Fuse<SourceSentence> | undefined;

  private constructor(
    readonly sentences: SourceSentence[],
    folded: string[],
  ) {
    this.folded = folded;
    folded.forEach((f, i) => {
      const key = f.slice(0, KEY);
      const list = this.byStart.get(key);
      if (list) list.push(i);
      else this.byStart.set(key, [i]);
    });
  }

  /** Folding is most of the cost (40k sentences: ~170 ms): done in chunks between yields. */
  static *build(sentences: SourceSentence[]): Steps<QuoteIndex> {
    const folded: string[] = [];
    for (const s of sentences) {
      folded.push(foldText(s.text));
      if (folded.length % CHUNK === 0) yield;
    }
    return new QuoteIndex(sentences, folded);
  }

  /** `closest`: whether to look for the nearest sentence of a missing quote (a fuzzy search: costly). */
  match(quote: string, closest = true): QuoteMatch {
    const q = foldText(quote);
    const { folded, sentences } = this;
    // Sentences whose first KEY characters (or all of a shorter one) begin the quote.
    const candidates: number[] = [];
    for (let len = 1; len <= Math.min(KEY, q.length); len++)
      candidates.push(...(this.byStart.get(q.slice(0, len)) ?? []));
    candidates.sort((a, b) => a - b);
    for (const i of candidates) {
      let joined = folded[i] ?? "";
      if (!q.startsWith(joined)) continue;
      for (let j = i; j < folded.length; j++) {
        // A quote stays inside one paragraph: its citation is the sentences joined by single spaces.
        if (j > i && sentences[j]?.paragraph !== sentences[i]?.paragraph) break;
        if (j > i) joined = `${joined} ${folded[j]}`;
        if (joined === q) return { kind: "ok", first: i, last: j };
        if (!q.startsWith(joined)) break;
      }
    }
    // Not whole sentences: say whether it is a fragment of one (the usual mistake) or not there at all.
    const within = folded.findIndex((s) => s.includes(q));
    if (within >= 0) return { kind: "partial", sentence: sentences[within] as SourceSentence };
    if (!closest) return { kind: "missing" };
    this.fuse ??= new Fuse(sentences, {
      keys: ["text"],
      includeScore: true,
      ignoreLocation: true,
      threshold: 0.6,
    });
    const near = this.fuse.search(quote.slice(0, 200))[0]?.item;
    return near ? { kind: "missing", closest: near } : { kind: "missing" };
  }
}

export function matchQuote(quote: string, sentences: SourceSentence[]): QuoteMatch {
  return runNow(QuoteIndex.build(sentences)).match(quote);
}
