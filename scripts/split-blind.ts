/**
 * Splits the blind question set once into `tune` and `test` halves (tests/fixtures/README.md says why).
 * Deterministic: a fixed seed, stratified by kind, and a follow-up always stays with the question it
 * follows, so a conversation is never cut in two. Run once; re-running on the same file gives the same
 * split byte for byte.
 *
 *   npx tsx scripts/split-blind.ts BLIND.jsonl tests/fixtures/blind            (round 1, seed 20261130)
 *   npx tsx scripts/split-blind.ts BLIND.jsonl tests/fixtures/blind2 20261201  (round 2)
 * Each round's seed is fixed before its set is seen, and written down in tests/fixtures/README.md.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { prng as random } from "../bench/corpus.js";

const ROUND_1_SEED = 20261130;

interface BlindQuestion {
  id: string;
  kind: string;
  follows?: string;
}

const [input, outDir, seedArg] = process.argv.slice(2);
const SEED = seedArg === undefined ? ROUND_1_SEED : Number(seedArg);
if (!input || !outDir || !Number.isInteger(SEED)) {
  console.error("usage: tsx scripts/split-blind.ts BLIND.jsonl OUT_DIR [SEED]");
  process.exit(2);
}
const lines = readFileSync(input, "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "");
const rows = lines.map((line) => ({ line, q: JSON.parse(line) as BlindQuestion }));

// Conversations: a question and every follow-up chained to it.
const groupOf = new Map<string, number>();
const groups: { kind: string; rows: typeof rows }[] = [];
for (const row of rows) {
  const parent = row.q.follows === undefined ? undefined : groupOf.get(row.q.follows);
  if (parent !== undefined) {
    groups[parent]?.rows.push(row);
    groupOf.set(row.q.id, parent);
  } else {
    groupOf.set(row.q.id, groups.length);
    groups.push({ kind: row.q.kind, rows: [row] });
  }
}

const next = random(SEED);
const tune: string[] = [];
const test: string[] = [];
for (const kind of [...new Set(groups.map((g) => g.kind))].sort()) {
  const ofKind = groups.filter((g) => g.kind === kind);
  // Fisher–Yates with the seeded generator, then alternate halves.
  for (let i = ofKind.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [ofKind[i], ofKind[j]] = [ofKind[j] as (typeof ofKind)[number], ofKind[i] as (typeof ofKind)[number]];
  }
  ofKind.forEach((g, i) => {
    (i % 2 === 0 ? tune : test).push(...g.rows.map((r) => r.line));
  });
}
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, "tune.jsonl"), `${tune.join("\n")}\n`);
writeFileSync(join(outDir, "test.jsonl"), `${test.join("\n")}\n`);
console.log(`tune ${tune.length}, test ${test.length} (seed ${SEED})`);
