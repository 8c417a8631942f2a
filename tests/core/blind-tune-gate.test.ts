import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readQuestions } from "../../src/cli/eval.js";
import { answer } from "../../src/core/answer.js";
import { type EvalRow, summarise } from "../../src/core/evaluate.js";
import { loadShipped } from "../knowledge/fixtures.js";

/**
 * Quality gates on the blind sets we may tune on (follow-ups left out: they need the conversation).
 * Thresholds sit just below what the core measures. Round 3's tune half is the one that matters: the
 * knowledge was never fitted to it (its calibration threshold was read on it, so it is not a blind
 * measure either; round 3's test half is, run once by the lead). Rounds 1 and 2 are fitted all through.
 */

const GATES = [
  {
    set: "round 3 tune half (blind3/tune.jsonl)",
    file: "../fixtures/blind3/tune.jsonl",
    // measured: precision 0.956 of 68 answered, hit@1 0.903, answered hit@1 0.699, declined 0.932
    gate: { answered: 60, precision: 0.94, hit1: 0.88, answeredHit1: 0.67, declined: 0.91 },
  },
  {
    set: "round 2 tune half (blind2/tune.jsonl)",
    file: "../fixtures/blind2/tune.jsonl",
    // measured: precision 0.973 of 73 answered, hit@1 0.958, answered hit@1 0.747, declined 0.957
    gate: { answered: 65, precision: 0.95, hit1: 0.94, answeredHit1: 0.72, declined: 0.94 },
  },
  {
    set: "round 1 tune half (blind/tune.jsonl)",
    file: "../fixtures/blind/tune.jsonl",
    // measured: precision 0.985 of 65 answered, hit@1 0.986, answered hit@1 0.928, declined 0.981
    gate: { answered: 60, precision: 0.96, hit1: 0.96, answeredHit1: 0.9, declined: 0.96 },
  },
];

describe("quality gates on the blind tune sets", () => {
  it.each(GATES)(
    "$set: confident answers right, most answerable ones answered, the rest declined",
    async ({ file, gate }) => {
      const index = await loadShipped();
      const read = await readQuestions(fileURLToPath(new URL(file, import.meta.url)));
      if (!read.ok) throw new Error(read.error);
      const rows: EvalRow[] = read.questions
        .filter((q) => !q.follows)
        .map((q) => ({ q, answer: answer(q.question, index), ms: 0 }));
      const s = summarise(rows);
      expect(s.answerable).toBeGreaterThanOrEqual(60);
      expect(s.outOfScope).toBeGreaterThanOrEqual(40);
      expect(s.answered).toBeGreaterThanOrEqual(gate.answered);
      expect(s.precision).toBeGreaterThanOrEqual(gate.precision);
      expect(s.hit1).toBeGreaterThanOrEqual(gate.hit1);
      expect(s.answeredHit1).toBeGreaterThanOrEqual(gate.answeredHit1);
      expect(s.declined).toBeGreaterThanOrEqual(gate.declined);
    },
  );
});
