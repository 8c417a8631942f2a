import { describe, expect, it } from "vitest";
import { readQuestions } from "../../src/cli/eval.js";
import { answer } from "../../src/core/answer.js";
import { type EvalRow, hitRank, summarise } from "../../src/core/evaluate.js";
import type { Answer } from "../../src/core/types.js";
import { loadShipped, QUESTIONS } from "../knowledge/fixtures.js";

/**
 * The quality gate: the development question set through the shipped knowledge. Thresholds sit a few
 * points below what the matcher scores today (hit@1 0.921, ranked 0.96, hit@3 0.98, abstention 0.77,
 * precision of `answered` 0.975,
 * with the calibration learned on the blind tune set; the dev set is held out from it), so a change
 * that makes answers worse fails here, not in a chat. The blind tune set has its own gate.
 */

const THRESHOLDS = { hit1: 0.91, hit3: 0.96, abstained: 0.73, precision: 0.95 };

describe("quality gate on tests/fixtures/questions.jsonl", () => {
  it("meets hit@1, hit@3 and abstention thresholds with the shipped knowledge", async () => {
    const index = await loadShipped();
    const read = await readQuestions(QUESTIONS);
    if (!read.ok) throw new Error(read.error);
    const rows: EvalRow[] = read.questions.map((q) => {
      const t = performance.now();
      const a = answer(q.question, index);
      return { q, answer: a, ms: performance.now() - t };
    });
    const s = summarise(rows);
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    console.log(
      `quality gate: ${rows.length} questions (${s.answerable} answerable, ${s.outOfScope} out of scope): ` +
        `hit@1 ${pct(s.hit1)}, ranked hit@1 ${pct(s.ranked1)}, hit@3 ${pct(s.hit3)}, ` +
        `abstention ${pct(s.abstained)}, false unknown ${pct(s.falseUnknown)}, ` +
        `p50 ${s.p50ms.toFixed(3)} ms, p95 ${s.p95ms.toFixed(3)} ms`,
    );
    // The set the issue asks for: at least 80 questions, at least 15 of them out of scope.
    expect(s.answerable + s.outOfScope).toBeGreaterThanOrEqual(80);
    expect(s.outOfScope).toBeGreaterThanOrEqual(15);
    expect(s.hit1).toBeGreaterThanOrEqual(THRESHOLDS.hit1);
    expect(s.ranked1).toBeGreaterThanOrEqual(s.hit1);
    expect(s.hit3).toBeGreaterThanOrEqual(THRESHOLDS.hit3);
    expect(s.abstained).toBeGreaterThanOrEqual(THRESHOLDS.abstained);
    expect(s.precision).toBeGreaterThanOrEqual(THRESHOLDS.precision);
    // Speed is measured by `npm run bench` (ratios in one run), never by a timed test on a shared machine.
  });
});

describe("summarise() and hitRank()", () => {
  const cite = (quote: string) => ({ source: "s", title: "S", locator: "paragraph 1, sentence 1", quote });
  const base: Answer = {
    status: "answered",
    question: "q",
    text: "",
    citations: [],
    confidence: 0.9,
    suggestions: [],
    version: "v",
  };
  const suggestion = (quote: string) => ({
    factId: "f",
    question: "q",
    answer: "",
    citations: [cite(quote)],
    confidence: 0.2,
  });

  it("ranks the answer first, then suggestions, and ignores an abstained answer's citations", () => {
    const gold = ["The gold sentence."];
    expect(hitRank({ ...base, citations: [cite("The gold sentence.")] }, gold)).toBe(1);
    expect(
      hitRank(
        { ...base, citations: [cite("Other.")], suggestions: [suggestion("The gold sentence.")] },
        gold,
      ),
    ).toBe(2);
    expect(
      hitRank({ ...base, status: "unknown", suggestions: [suggestion("The gold sentence.")] }, gold),
    ).toBe(1);
    expect(hitRank({ ...base, citations: [cite("Other.")] }, gold)).toBe(0);
    // Normalised comparison: a straight apostrophe in the gold matches a curly one in the quote.
    expect(hitRank({ ...base, citations: [cite("Huawei’s rise.")] }, ["Huawei's rise."])).toBe(1);
  });

  it("counts hit@1 only for answers, ranked hit@1 also for abstentions, and abstention on out-of-scope", () => {
    const gold = ["Gold."];
    const rows: EvalRow[] = [
      { q: { id: "1", question: "a", expect: gold }, answer: { ...base, citations: [cite("Gold.")] }, ms: 1 },
      {
        q: { id: "2", question: "b", expect: gold },
        answer: { ...base, status: "unknown", suggestions: [suggestion("Gold.")] },
        ms: 2,
      },
      { q: { id: "3", question: "c", expect: [] }, answer: { ...base, status: "unknown" }, ms: 3 },
      { q: { id: "4", question: "d", expect: [] }, answer: base, ms: 4 },
      { q: { id: "5", question: "e" }, answer: base, ms: 5 },
    ];
    expect(summarise(rows)).toMatchObject({
      answerable: 2,
      hit1: 0.5,
      ranked1: 1,
      hit3: 1,
      outOfScope: 2,
      abstained: 0.5,
      falseUnknown: 0.5,
      maxMs: 5,
    });
  });
});
