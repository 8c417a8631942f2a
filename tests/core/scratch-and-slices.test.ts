import { describe, expect, it } from "vitest";
import { answer } from "../../src/core/answer.js";
import { buildIndex, buildIndexSliced } from "../../src/core/index-build.js";
import { loadKnowledgeFile } from "../../src/knowledge/load.js";
import { SHIPPED } from "../knowledge/fixtures.js";

/**
 * answer() reuses per-index scoring buffers and reloads build in slices: neither may change a
 * single answer compared with a fresh, synchronous build.
 */
const QUESTIONS = [
  "what is CANN?",
  "huwaei ascent chip",
  "what's the weather in Paris tomorrow",
  "who makes huawei's chips now that tsmc is gone",
  "",
  "pangu sectors?",
];

async function shipped() {
  const r = await loadKnowledgeFile(SHIPPED);
  if (!r.ok) throw new Error("the shipped knowledge does not load");
  return r.knowledge;
}

describe("reused scoring buffers", () => {
  it("give the same answer to a question whatever was asked before it", async () => {
    const k = await shipped();
    const warm = buildIndex(k);
    for (const q of QUESTIONS) answer(q, warm);
    for (const q of QUESTIONS) {
      expect(answer(q, warm)).toEqual(answer(q, buildIndex(k)));
    }
  });
});

describe("sliced builds", () => {
  it("load and index to exactly what the synchronous build makes", async () => {
    const sync = await loadKnowledgeFile(SHIPPED);
    const sliced = await loadKnowledgeFile(SHIPPED, { sliced: true });
    expect(sliced).toEqual(sync);
    if (!sync.ok) throw new Error("unreachable");
    const a = buildIndex(sync.knowledge);
    const b = await buildIndexSliced(sync.knowledge);
    expect(Array.from(b.docs)).toEqual(Array.from(a.docs));
    expect(Array.from(b.weights)).toEqual(Array.from(a.weights));
    for (const q of QUESTIONS) expect(answer(q, b)).toEqual(answer(q, a));
  });

  it("yield to the event loop while building", async () => {
    const k = await shipped();
    // Make the knowledge big enough to need several slices.
    const big = { ...k, facts: Array.from({ length: 30 }, () => k.facts).flat() };
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    await buildIndexSliced(big, 0); // a zero slice yields at every step

    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
  });
});
