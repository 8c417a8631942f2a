import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { readQuestions } from "../src/cli/eval.js";
import { type Profile, type ProfileWeights, parseCalibration, sigmoid } from "../src/core/calibration.js";
import { type EvalQuestion, hitRank } from "../src/core/evaluate.js";
import { buildIndex } from "../src/core/index-build.js";
import { SIGNAL_NAMES, type SignalName } from "../src/core/signals.js";
import { loadKnowledgeFile } from "../src/knowledge/load.js";
import { balancedThreshold, fitLogistic, type Sample, thresholdFor } from "./logistic.js";

/**
 * `npm run calibrate [-- --out FILE] [--eval-dir DIR]`: trains the confidence model (calibration.ts)
 * and writes src/core/calibration.json. Deterministic: no sampling, fixed iterations.
 * - curated profile, on the shipped knowledge (follow-ups left out), each set weighted equally:
 *   rounds 1 to 6 of the blind set (all twelve halves: their test halves are spent), the dev set, and
 *   round 7's tune half (tests/fixtures/blind7/tune.jsonl). Never round 7's test half. Both thresholds
 *   are read on round 7's tune half alone: the knowledge was never fitted to it, so its
 *   confidences look like those of questions nobody wrote down (on the other sets, example questions
 *   written from those very questions make every match look surer than it is).
 * - sources profile: the public dev sets in ../shared/eval (SQuAD 2.0 dev-a, WikiQA dev), each set
 *   weighted equally. They stay outside the repository; without them that profile is left out and the
 *   bot uses the hand-set fallback for sources-only knowledge.
 * One row per question: the top candidate's signals, labelled 1 when its quote is a gold sentence.
 * Thresholds: `answered` = the lowest confidence at which the threshold set's answers reach the
 * profile's precision target; `suggested` (curated) = the confidence that keeps SUGGEST_RECALL of the
 * threshold set's right top quotes showing; (sources) the split that best separates right from wrong
 * top quotes (balanced by class) below `answered`.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
/** Training files of the curated profile and the set each belongs to (sets weigh equally). */
const CURATED_SETS: readonly [string, string][] = [
  ["tests/fixtures/blind/tune.jsonl", "round1"],
  ["tests/fixtures/blind/test.jsonl", "round1"],
  ["tests/fixtures/blind2/tune.jsonl", "round2"],
  ["tests/fixtures/blind2/test.jsonl", "round2"],
  ["tests/fixtures/blind3/tune.jsonl", "round3"],
  ["tests/fixtures/blind3/test.jsonl", "round3"],
  ["tests/fixtures/blind4/tune.jsonl", "round4"],
  ["tests/fixtures/blind4/test.jsonl", "round4"],
  ["tests/fixtures/blind5/tune.jsonl", "round5"],
  ["tests/fixtures/blind5/test.jsonl", "round5"],
  ["tests/fixtures/blind6/tune.jsonl", "round6"],
  ["tests/fixtures/blind6/test.jsonl", "round6"],
  ["tests/fixtures/questions.jsonl", "dev"],
  ["tests/fixtures/blind7/tune.jsonl", "blind7-tune"],
];
/**
 * Precision the `answered` threshold is read at. Curated: 0.96, one point above the 0.95 asked for on
 * unseen questions, because the threshold set holds ~70 confident answers (one answer is 1.5 points):
 * read at exactly 0.95, an unseen set of that size lands below it about half the time. On round 5's
 * tune half 0.95 gave answered >= 0.742 (precision 0.955 of 67), 0.96 gives >= 0.775 (0.970 of 66).
 */
const TARGET_PRECISION: Record<Profile, number> = { curated: 0.96, sources: 0.66 };
/**
 * The curated profile has ~120 training questions: it learns over fewer signals (the rest weigh 0),
 * or it learns the tune set's quirks (e.g. that "what" questions are rarely near-misses).
 */
const CURATED_SIGNALS: readonly SignalName[] = [
  "handSet",
  "coverage",
  "exampleSim",
  "exampleIntent",
  "margin",
  "typeMismatch",
  "focusMissing",
  "missingIdf",
  "nameMissing",
  "numberMissing",
  "exampleExact",
];
function used(profile: Profile, s: SignalName): boolean {
  return profile === "sources" || CURATED_SIGNALS.includes(s);
}
/**
 * Curated profile: the suggested threshold keeps this share of the right top quotes showing (as
 * `suggested` at least). A wrong suggestion is flagged "not sure" and, for a near-miss, comes with the
 * gap and the closest facts; a right quote hidden behind `unknown` is an answer lost. The balanced split
 * (TPR + TNR) hid 11 right answers of the 127 dev questions. Read on the threshold set, as `answered`
 * is: over all rows (mostly fitted sets, where right answers look surer) it was 0.387 and hid 28 right
 * top quotes of rounds 1–6; read on round 6 (unfitted then) it was 0.319 and hid 13, while off-topic
 * questions shown as "not sure" went from 6 to 7 of 151. Sources: the balanced split, as before.
 */
const SUGGEST_RECALL: Record<Profile, number | undefined> = { curated: 0.97, sources: undefined };

/** The highest threshold (at most `max`) at which at least `recall` of the right rows are kept. */
function recallThreshold(rows: { p: number; right: boolean }[], max: number, recall: number): number {
  const right = rows
    .filter((r) => r.right)
    .map((r) => r.p)
    .sort((a, b) => b - a);
  const at = right[Math.max(0, Math.ceil(recall * right.length) - 1)] ?? max;
  return Math.min(max, at);
}

const L2: Record<Profile, number> = { curated: 0.01, sources: 0.003 };
/** The set whose rows place the `answered` threshold (undefined: all rows). */
const THRESHOLD_SET: Record<Profile, string | undefined> = { curated: "blind7-tune", sources: undefined };

interface Row {
  signals: Record<SignalName, number>;
  right: boolean;
  capped: boolean;
  set: string;
}

async function rowsOf(knowledgeFile: string, questionsFile: string, set: string): Promise<Row[]> {
  const k = await loadKnowledgeFile(knowledgeFile);
  if (!k.ok) throw new Error(`${knowledgeFile} does not load`);
  const index = buildIndex(k.knowledge, { calibration: null });
  const read = await readQuestions(questionsFile);
  if (!read.ok) throw new Error(read.error);
  const rows: Row[] = [];
  for (const q of read.questions.filter((x: EvalQuestion) => x.expect && !x.follows)) {
    const best = index.scorer.rank(q.question).candidates[0];
    if (!best) continue;
    const fact = index.knowledge.facts[best.doc];
    const gold = q.expect ?? [];
    const right =
      gold.length > 0 &&
      hitRank({ status: "answered", citations: fact?.citations ?? [], suggestions: [] } as never, gold) === 1;
    rows.push({ signals: best.signals, right, capped: !best.focusCovered || !best.typeMatch, set });
  }
  return rows;
}

function train(profile: Profile, rows: Row[]): ProfileWeights {
  const perSet = new Map<string, number>();
  for (const r of rows) perSet.set(r.set, (perSet.get(r.set) ?? 0) + 1);
  const samples: Sample[] = rows.map((r) => ({
    x: SIGNAL_NAMES.map((s) => (used(profile, s) ? r.signals[s] : 0)),
    y: r.right ? 1 : 0,
    w: rows.length / perSet.size / (perSet.get(r.set) ?? 1),
  }));
  const fit = fitLogistic(samples, SIGNAL_NAMES.length, { iterations: 4000, step: 0.5, l2: L2[profile] });
  const scored = rows.map((r, i) => {
    let z = fit.bias;
    SIGNAL_NAMES.forEach((_, j) => {
      z += (fit.weights[j] as number) * ((samples[i] as Sample).x[j] as number);
    });
    return { p: sigmoid(z), right: r.right, allowed: !r.capped };
  });
  const unfitted = scored.filter(
    (_, i) => rows[i]?.set === THRESHOLD_SET[profile] || !THRESHOLD_SET[profile],
  );
  // The strictest of the sets' own reads. The unfitted set says where new questions' confidences sit,
  // but ~70 confident answers of one writer can be lucky: every round's questions must reach the target
  // at the threshold too. Round 7: its tune half alone gave 0.694, at which round 6's test half fell to
  // precision 0.93; round 6's own read was 0.733.
  const reads = [...perSet.keys()].map((set) =>
    thresholdFor(
      scored.filter((_, i) => rows[i]?.set === set),
      TARGET_PRECISION[profile],
    ),
  );
  const answered = Math.max(
    thresholdFor(unfitted.length > 0 ? unfitted : scored, TARGET_PRECISION[profile]),
    ...(THRESHOLD_SET[profile] ? reads : []),
  );
  logCurve(profile, scored);
  for (const set of perSet.keys()) {
    const handSet = rows
      .map((r) => ({ p: r.signals.handSet, right: r.right }))
      .filter((_, i) => rows[i]?.set === set);
    logCurve(`${set} hand-set`, handSet);
    logCurve(
      `${set} learned`,
      scored.filter((_, i) => rows[i]?.set === set),
    );
  }
  const recall = SUGGEST_RECALL[profile];
  const suggested =
    recall === undefined
      ? balancedThreshold(scored, answered)
      : recallThreshold(unfitted.length > 0 ? unfitted : scored, answered, recall);
  const r4 = (x: number) => Math.round(x * 10000) / 10000;
  const weights = Object.fromEntries(SIGNAL_NAMES.map((s, j) => [s, r4(fit.weights[j] as number)])) as Record<
    SignalName,
    number
  >;
  console.log(
    `${profile}: ${rows.length} rows, log-loss ${fit.loss.toFixed(4)}, answered >= ${r4(answered)}, suggested >= ${r4(suggested)}`,
  );
  return { bias: r4(fit.bias), weights, thresholds: { answered: r4(answered), suggested: r4(suggested) } };
}

/** Precision of the most confident x% of top answers on the training rows, to see what a threshold buys. */
function logCurve(profile: string, scored: { p: number; right: boolean }[]): void {
  const sorted = [...scored].sort((a, b) => b.p - a.p);
  const at = [0.05, 0.1, 0.2, 0.3, 0.5, 1].map((c) => {
    const top = sorted.slice(0, Math.max(1, Math.round(c * sorted.length)));
    const right = top.filter((r) => r.right).length / top.length;
    return `${Math.round(c * 100)}% ${right.toFixed(2)} (p>=${(top[top.length - 1]?.p ?? 0).toFixed(2)})`;
  });
  console.log(`${profile}: precision at coverage ${at.join(", ")}`);
}

function evalDir(flag: string | undefined): string | undefined {
  const candidates = flag ? [flag] : [join(ROOT, "../shared/eval"), join(ROOT, "../../shared/eval")];
  return candidates.find((d) => existsSync(join(d, "squad2-dev-a.questions.jsonl")));
}

async function main(argv: string[]): Promise<void> {
  const flag = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const out = flag("--out") ?? join(ROOT, "src/core/calibration.json");
  const trainedOn: string[] = [];
  const profiles: Partial<Record<Profile, ProfileWeights>> = {};
  const shipped = join(ROOT, "knowledge/huawei-ai-strategy.yaml");
  const curatedRows: Row[] = [];
  for (const [file, set] of CURATED_SETS) {
    curatedRows.push(...(await rowsOf(shipped, join(ROOT, file), set)));
    trainedOn.push(
      `curated: ${file} (follow-ups left out, set "${set}") on knowledge/huawei-ai-strategy.yaml`,
    );
  }
  profiles.curated = train("curated", curatedRows);
  const dir = evalDir(flag("--eval-dir"));
  if (dir) {
    const rows: Row[] = [];
    for (const set of ["squad2-dev-a", "wikiqa-dev"]) {
      rows.push(
        ...(await rowsOf(join(dir, `${set}.knowledge.json`), join(dir, `${set}.questions.jsonl`), set)),
      );
      trainedOn.push(`sources: ../shared/eval/${set} (weighted equally with the other set)`);
    }
    profiles.sources = train("sources", rows);
  } else {
    console.warn(
      "../shared/eval not found: no sources profile (sources-only knowledge uses the hand-set fallback)",
    );
  }
  const calibration = { trainedOn, profiles };
  parseCalibration(calibration); // what we write must load
  await writeFile(out, `${JSON.stringify(calibration, null, 2)}\n`);
  console.log(`wrote ${out}`);
}

await main(process.argv.slice(2));
