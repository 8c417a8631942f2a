import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readQuestions } from "../../src/cli/eval.js";
import { answer } from "../../src/core/answer.js";
import { type EvalRow, summarise } from "../../src/core/evaluate.js";
import { loadShipped } from "../knowledge/fixtures.js";

/**
 * Quality gates on the blind sets we may tune on (follow-ups left out: they need the conversation).
 * Thresholds sit just below what the core measures. Round 4's tune half is the one that matters: the
 * knowledge was never fitted to it (its calibration threshold was read on it, so it is not a blind
 * measure either; round 4's test half is, run once by the lead). Rounds 1 to 3 are fitted all through.
 */

const GATES = [
  {
    set: "round 4 tune half (blind4/tune.jsonl)",
    file: "../fixtures/blind4/tune.jsonl",
    // measured: precision 0.949 of 59 answered, hit@1 0.861, answered hit@1 0.519, declined 0.977
    gate: { answered: 50, precision: 0.93, hit1: 0.84, answeredHit1: 0.49, declined: 0.95 },
  },
  {
    set: "round 3 tune half (blind3/tune.jsonl)",
    file: "../fixtures/blind3/tune.jsonl",
    // measured: precision 0.979 of 48 answered, hit@1 0.957, answered hit@1 0.505, declined 0.977
    gate: { answered: 42, precision: 0.95, hit1: 0.94, answeredHit1: 0.48, declined: 0.95 },
  },
  {
    set: "round 2 tune half (blind2/tune.jsonl)",
    file: "../fixtures/blind2/tune.jsonl",
    // measured: precision 0.980 of 51 answered, hit@1 0.958, answered hit@1 0.526, declined 0.978
    gate: { answered: 45, precision: 0.95, hit1: 0.94, answeredHit1: 0.5, declined: 0.95 },
  },
  {
    set: "round 1 tune half (blind/tune.jsonl)",
    file: "../fixtures/blind/tune.jsonl",
    // measured: precision 1.000 of 45 answered, hit@1 0.986, answered hit@1 0.652, declined 1.000
    gate: { answered: 40, precision: 0.97, hit1: 0.96, answeredHit1: 0.62, declined: 0.97 },
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
