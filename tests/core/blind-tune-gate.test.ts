import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readQuestions } from "../../src/cli/eval.js";
import { answer } from "../../src/core/answer.js";
import { type EvalRow, summarise } from "../../src/core/evaluate.js";
import { loadShipped } from "../knowledge/fixtures.js";

/**
 * Quality gate on the blind TUNE half (tests/fixtures/blind/tune.jsonl; follow-ups left out, they need
 * the conversation context). Thresholds sit just below what the core measures (precision 0.966 of
 * `answered`, hit@1 0.957, answered-and-right 0.826, declined 0.962 on near-miss + off-topic). The calibration was trained on
 * this set, so these are in-sample figures: the test half, run once by the lead, is the real check.
 */

const TUNE = fileURLToPath(new URL("../fixtures/blind/tune.jsonl", import.meta.url));
const GATE = { precision: 0.95, hit1: 0.94, answeredHit1: 0.81, declined: 0.95 };

describe("quality gate on the blind tune set", () => {
  it("keeps confident answers right, answers most answerable ones and declines the rest", async () => {
    const index = await loadShipped();
    const read = await readQuestions(TUNE);
    if (!read.ok) throw new Error(read.error);
    const rows: EvalRow[] = read.questions
      .filter((q) => !q.follows)
      .map((q) => ({ q, answer: answer(q.question, index), ms: 0 }));
    const s = summarise(rows);
    expect(s.answerable).toBeGreaterThanOrEqual(60);
    expect(s.outOfScope).toBeGreaterThanOrEqual(40);
    expect(s.answered).toBeGreaterThanOrEqual(45);
    expect(s.precision).toBeGreaterThanOrEqual(GATE.precision);
    expect(s.hit1).toBeGreaterThanOrEqual(GATE.hit1);
    expect(s.answeredHit1).toBeGreaterThanOrEqual(GATE.answeredHit1);
    expect(s.declined).toBeGreaterThanOrEqual(GATE.declined);
  });
});
