import { describe, expect, it } from "vitest";
import { newScratch, scoreDocs, topK } from "../../src/core/bm25.js";
import { buildIndex, type SearchIndex } from "../../src/core/index-build.js";
import { parseQuestion } from "../../src/core/query.js";
import { loadKnowledgeFile } from "../../src/knowledge/load.js";
import { SHIPPED } from "../knowledge/fixtures.js";

/**
 * scoreDocs keeps only the pool's k docs: the pool must be the one a plain sum over every fact gives,
 * scores, order and ties alike (ties go to the doc the question's concepts reach first).
 */

/** Every fact's score, summed concept by concept, and the order the concepts first reach the facts. */
function plain(question: string, index: SearchIndex, k: number): { doc: number; score: number }[] {
  const concepts = parseQuestion(question, index);
  const n = index.knowledge.facts.length;
  const scores = new Float64Array(n);
  const reached: number[] = [];
  for (const c of concepts) {
    const best = new Map<number, number>();
    for (const a of c.alternatives) {
      const id = index.terms.get(a.term);
      if (id === undefined) continue;
      for (let i = index.offsets[id] as number; i < (index.offsets[id + 1] as number); i++) {
        const d = index.docs[i] as number;
        const s = a.weight * (index.idf[id] as number) * (index.weights[i] as number);
        if (s > (best.get(d) ?? 0)) best.set(d, s);
      }
    }
    for (const [d, s] of best) {
      if (scores[d] === 0) reached.push(d);
      scores[d] = (scores[d] as number) + s;
    }
  }
  return reached
    .map((doc, at) => ({ doc, score: scores[doc] as number, at }))
    .sort((a, b) => b.score - a.score || a.at - b.at)
    .slice(0, k)
    .map(({ doc, score }) => ({ doc, score }));
}

describe("scoreDocs", () => {
  it("gives the pool a plain sum over every fact gives", async () => {
    const r = await loadKnowledgeFile(SHIPPED);
    if (!r.ok) throw new Error("the shipped knowledge does not load");
    const index = buildIndex(r.knowledge);
    const scratch = newScratch(index.knowledge.facts.length);
    const questions = [
      "huawei ai strategy",
      "huwaei ascent chip",
      "who makes the chips",
      "cann cuda",
      "nothing",
    ];
    for (const k of [1, 3, 8, 50]) {
      for (const q of questions) {
        const count = scoreDocs(parseQuestion(q, index), index, scratch, k);
        const pool = topK(scratch.scores, scratch.touched, count, k).map((doc) => ({
          doc,
          score: scratch.scores[doc] as number,
        }));
        expect(pool).toEqual(plain(q, index, k));
        for (let t = 0; t < count; t++) scratch.scores[scratch.touched[t] as number] = 0;
        // Nothing left over for the next question.
        expect(scratch.scores.every((s) => s === 0)).toBe(true);
      }
    }
  });
});
