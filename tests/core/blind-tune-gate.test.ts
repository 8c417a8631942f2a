import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readQuestions } from "../../src/cli/eval.js";
import { answer } from "../../src/core/answer.js";
import { type EvalRow, summarise } from "../../src/core/evaluate.js";
import { loadShipped } from "../knowledge/fixtures.js";

/**
 * Quality gates on the blind sets we may tune on (follow-ups left out: they need the conversation).
 * Thresholds sit just below what the core measures. Round 7's tune half is the one that matters: the
 * knowledge was never fitted to it (the calibration thresholds were read on it, so it is not a blind
 * measure either; round 7's test half is, run once by the lead). Rounds 1 to 6 are fitted all through.
 */

const GATES = [
  {
    set: "round 7 tune half (blind7/tune.jsonl)",
    file: "../fixtures/blind7/tune.jsonl",
    // measured: precision 0.972 of 71 answered, hit@1 0.933, answered hit@1 0.775, declined 0.981
    gate: { answered: 65, precision: 0.95, hit1: 0.91, answeredHit1: 0.74, declined: 0.96 },
  },
  {
    set: "round 6 tune half (blind6/tune.jsonl)",
    file: "../fixtures/blind6/tune.jsonl",
    // measured: precision 0.977 of 86 answered, hit@1 0.971, answered hit@1 0.824, declined 0.983
    gate: { answered: 79, precision: 0.95, hit1: 0.95, answeredHit1: 0.79, declined: 0.96 },
  },
  {
    set: "round 5 tune half (blind5/tune.jsonl)",
    file: "../fixtures/blind5/tune.jsonl",
    // measured: precision 0.958 of 72 answered, hit@1 0.975, answered hit@1 0.863, declined 0.981
    gate: { answered: 66, precision: 0.94, hit1: 0.95, answeredHit1: 0.83, declined: 0.96 },
  },
  {
    set: "round 4 tune half (blind4/tune.jsonl)",
    file: "../fixtures/blind4/tune.jsonl",
    // measured: precision 0.970 of 100 answered, hit@1 0.981, answered hit@1 0.898, declined 0.953
    gate: { answered: 92, precision: 0.95, hit1: 0.96, answeredHit1: 0.87, declined: 0.93 },
  },
  {
    set: "round 3 tune half (blind3/tune.jsonl)",
    file: "../fixtures/blind3/tune.jsonl",
    // measured: precision 0.987 of 76 answered, hit@1 0.989, answered hit@1 0.806, declined 0.977
    gate: { answered: 70, precision: 0.96, hit1: 0.97, answeredHit1: 0.78, declined: 0.95 },
  },
  {
    set: "round 2 tune half (blind2/tune.jsonl)",
    file: "../fixtures/blind2/tune.jsonl",
    // measured: precision 1.000 of 80 answered, hit@1 0.979, answered hit@1 0.842, declined 1.000
    gate: { answered: 74, precision: 0.97, hit1: 0.96, answeredHit1: 0.81, declined: 0.97 },
  },
  {
    set: "round 1 tune half (blind/tune.jsonl)",
    file: "../fixtures/blind/tune.jsonl",
    // measured: precision 0.984 of 63 answered, hit@1 0.986, answered hit@1 0.899, declined 0.981
    gate: { answered: 58, precision: 0.96, hit1: 0.96, answeredHit1: 0.87, declined: 0.96 },
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
