import Fuse from "fuse.js";
import { foldText } from "../core/text.js";
import type { SourceSentence } from "./sentences.js";

/**
 * Quote verification: a quote must be one or more whole consecutive sentences of its source,
 * compared after folding whitespace, quote marks and dashes (editors and chat tools change those).
 */

export type QuoteMatch =
  | { kind: "ok"; first: number; last: number }
  | { kind: "partial"; sentence: SourceSentence }
  | { kind: "missing"; closest?: SourceSentence };

const fold = (s: string) => foldText(s);

export function matchQuote(quote: string, sentences: SourceSentence[]): QuoteMatch {
  const q = fold(quote);
  const folded = sentences.map((s) => fold(s.text));
  for (let i = 0; i < folded.length; i++) {
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
  const fuse = new Fuse(sentences, {
    keys: ["text"],
    includeScore: true,
    ignoreLocation: true,
    threshold: 0.6,
  });
  const closest = fuse.search(quote.slice(0, 200))[0]?.item;
  return closest ? { kind: "missing", closest } : { kind: "missing" };
}
