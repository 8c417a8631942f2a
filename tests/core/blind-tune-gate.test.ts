import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readQuestions } from "../../src/cli/eval.js";
import { answer } from "../../src/core/answer.js";
import { type EvalRow, summarise } from "../../src/core/evaluate.js";
import { loadShipped } from "../knowledge/fixtures.js";

/**
 * Quality gates on the blind sets we may tune on (follow-ups left out: they need the conversation).
 * Thresholds sit just below what the core measures. Round 5's tune half is the one that matters: the
 * knowledge was never fitted to it (its calibration threshold was read on it and rules were fitted to
 * it, so it is not a blind measure either; round 5's test half is, run once by the lead). Rounds 1 to
 * 4 are fitted all through.
 */

const GATES = [
  {
    set: "round 5 tune half (blind5/tune.jsonl)",
    file: "../fixtures/blind5/tune.jsonl",
    // measured: precision 0.970 of 66 answered, hit@1 0.950, answered hit@1 0.800, declined 1.000
    gate: { answered: 60, precision: 0.95, hit1: 0.93, answeredHit1: 0.77, declined: 0.97 },
  },
  {
    set: "round 4 tune half (blind4/tune.jsonl)",
    file: "../fixtures/blind4/tune.jsonl",
    // measured: precision 0.969 of 97 answered, hit@1 0.954, answered hit@1 0.870, declined 0.953
    gate: { answered: 88, precision: 0.95, hit1: 0.93, answeredHit1: 0.84, declined: 0.93 },
  },
  {
    set: "round 3 tune half (blind3/tune.jsonl)",
    file: "../fixtures/blind3/tune.jsonl",
    // measured: precision 0.972 of 71 answered, hit@1 0.968, answered hit@1 0.742, declined 0.955
    gate: { answered: 64, precision: 0.95, hit1: 0.95, answeredHit1: 0.71, declined: 0.93 },
  },
  {
    set: "round 2 tune half (blind2/tune.jsonl)",
    file: "../fixtures/blind2/tune.jsonl",
    // measured: precision 0.986 of 74 answered, hit@1 0.947, answered hit@1 0.768, declined 0.978
    gate: { answered: 67, precision: 0.96, hit1: 0.93, answeredHit1: 0.74, declined: 0.95 },
  },
  {
    set: "round 1 tune half (blind/tune.jsonl)",
    file: "../fixtures/blind/tune.jsonl",
    // measured: precision 0.983 of 59 answered, hit@1 0.986, answered hit@1 0.841, declined 0.981
    gate: { answered: 53, precision: 0.96, hit1: 0.96, answeredHit1: 0.81, declined: 0.96 },
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
