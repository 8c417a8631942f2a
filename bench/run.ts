import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { EvalQuestion } from "../src/core/evaluate.js";
import { type BigSourceRow, bigSourceTable, measureBigSources } from "./big-source.js";
import { collectDocs, knowledgeOf, sentenceCount } from "./corpus.js";
import { measureHttp } from "./http.js";
import { measurePostgres, pgTable } from "./postgres.js";
import { makeQuestions } from "./questions.js";
import { measureReload } from "./reload.js";
import {
  type BenchReport,
  httpTable,
  reloadTable,
  retrievalTable,
  type SizeReport,
  targetsOf,
  targetsTable,
} from "./report.js";
import { measureRetrieval } from "./retrieval.js";

/**
 * npm run bench [-- --quick] [-- --text DIR ...] [-- --only retrieval] [-- --sizes 100000]
 * Corpus -> questions -> retrieval (bot, Fuse.js, MiniSearch) per size -> reload under load -> HTTP.
 * `--only retrieval` stops after the retrieval tables (for profiling answer()); `--sizes` picks the
 * sizes measured, keeping each size's questions and Fuse.js sample as in the full plan.
 * Run with --expose-gc (the npm script does) so heap numbers are measured after a full GC.
 */

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const RESULTS = join(ROOT, "bench", "results");

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const valuesOf = (flag: string) =>
  args.flatMap((a, i) => (a === flag && args[i + 1] ? [args[i + 1] as string] : []));
const extraText = valuesOf("--text");
const onlyRetrieval = valuesOf("--only").includes("retrieval");
const sizesArg = valuesOf("--sizes").flatMap((s) => s.split(",").map(Number));
const basePlan = quick
  ? {
      sizes: [1_000, 10_000],
      questions: 100,
      fuseSample: { 1000: 30, 10000: 3 } as Record<number, number>,
      http: { seconds: 2, rounds: 1, warmupSeconds: 0.5, connections: 10 },
    }
  : {
      sizes: [1_000, 10_000, 100_000],
      questions: 200,
      fuseSample: { 1000: 200, 10000: 20, 100000: 5 } as Record<number, number>,
      http: { seconds: 3, rounds: 5, warmupSeconds: 2, connections: 10 },
    };
const plan = sizesArg.length > 0 ? { ...basePlan, sizes: sizesArg } : basePlan;

const log = (s: string) => process.stderr.write(`${s}\n`);

async function main(): Promise<void> {
  if (!(globalThis as { gc?: unknown }).gc) log("note: run with --expose-gc for heap numbers");
  mkdirSync(RESULTS, { recursive: true });
  const startedAt = new Date().toISOString();
  const loadAtStart = loadavg()[0] ?? 0;
  let t = performance.now();
  const docs = collectDocs(ROOT, extraText);
  const corpus = {
    distinctSentences: sentenceCount(docs),
    documents: docs.length,
    extraText,
    collectMs: Math.round(performance.now() - t),
  };
  log(`corpus: ${corpus.distinctSentences} distinct prose sentences from ${docs.length} documents`);

  const sizes: SizeReport[] = [];
  const files = new Map<number, { path: string; text: string; questions: EvalQuestion[] }>();
  for (const n of plan.sizes) {
    const c = knowledgeOf(docs, n, 1);
    const text = JSON.stringify(c.file);
    const path = join(RESULTS, `knowledge-${n}.json`);
    writeFileSync(path, text);
    const questions = makeQuestions(c.sentences, plan.questions, 1000 + n);
    writeFileSync(join(RESULTS, `questions-${n}.jsonl`), questions.map((q) => JSON.stringify(q)).join("\n"));
    files.set(n, { path, text, questions });
    t = performance.now();
    log(`${n} sentences: measuring bot, Fuse.js (${plan.fuseSample[n]} questions), MiniSearch...`);
    const engines = measureRetrieval(text, questions, { fuseSample: plan.fuseSample[n] ?? 5, warmup: 10 });
    log(`  done in ${Math.round(performance.now() - t)} ms`);
    const fileMB = Buffer.byteLength(text) / 1e6;
    sizes.push({
      sentences: n,
      distinct: c.distinct,
      passes: c.passes,
      fileMB,
      questions: questions.length,
      engines,
    });
  }

  if (onlyRetrieval) {
    const targets = targetsOf(sizes, undefined);
    process.stdout.write(`${retrievalTable(sizes)}\n${targets.length ? `\n${targetsTable(targets)}\n` : ""}`);
    return;
  }

  const largest = plan.sizes[plan.sizes.length - 1] as number;
  const big = files.get(largest);
  let reload: BenchReport["reload"];
  if (big) {
    log(`reload of ${largest} sentences under a steady question load...`);
    reload = await measureReload(join(RESULTS, "reload.json"), big.text, largest, big.questions, {
      intervalMs: 20,
      steadyMs: quick ? 1000 : 3000,
    });
  }

  log("large sources: one source of 40k sentences (YAML, JSON) and of 1M (start, stalls, /healthz)...");
  const bigSources = await measureBigSources(quick ? [40_000] : [40_000, 1_000_000]);

  const mid = files.get(10_000);
  log("HTTP throughput (autocannon)...");
  const http = mid
    ? await measureHttp({
        knowledgeFile: mid.path,
        questions: mid.questions.map((q) => q.question),
        ...plan.http,
      })
    : ({ status: "skipped", reason: "no 10k knowledge file" } as const);

  log("PostgreSQL vs SQLite, and a PostgreSQL outage under load...");
  const postgres = mid
    ? await measurePostgres({
        knowledgeFile: mid.path,
        questions: mid.questions.map((q) => q.question),
        ...plan.http,
        outageSeconds: 10,
      })
    : ({ status: "skipped", reason: "no 10k knowledge file" } as const);

  const report: BenchReport & { bigSources: BigSourceRow[] } = {
    startedAt,
    mode: quick ? "quick" : "full",
    machine: {
      cpu: cpus()[0]?.model ?? "unknown",
      cores: cpus().length,
      memoryGB: Math.round(totalmem() / 1e9),
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      loadAverage: [loadAtStart, loadavg()[0] ?? 0],
    },
    corpus,
    sizes,
    ...(reload ? { reload } : {}),
    http,
    postgres,
    bigSources,
    targets: targetsOf(sizes, reload),
  };
  const out = join(RESULTS, `${startedAt.replace(/[:.]/g, "-")}.json`);
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  print(report, out);
}

function print(r: BenchReport & { bigSources?: BigSourceRow[] }, out: string): void {
  const m = r.machine;
  const lines = [
    `strategy-bot benchmark (${r.mode}), ${m.cpu} x${m.cores}, ${m.memoryGB} GB, Node ${m.node}, ${m.platform}, ` +
      `load average ${m.loadAverage.map((x) => x.toFixed(1)).join(" -> ")}`,
    `Corpus: ${r.corpus.distinctSentences.toLocaleString("en")} distinct prose sentences from ${r.corpus.documents} documents` +
      ` (node_modules docs${r.corpus.extraText.length ? ` + ${r.corpus.extraText.join(", ")}` : ""}, ../shared/eval if present);` +
      " sizes above that reuse documents as further sources.",
    "",
    retrievalTable(r.sizes),
    "",
    r.reload ? reloadTable(r.reload) : "",
    "",
    r.bigSources ? bigSourceTable(r.bigSources) : "",
    "",
    httpTable(r.http),
    "",
    r.postgres ? pgTable(r.postgres) : "",
    "",
    targetsTable(r.targets),
    "",
    `JSON: ${out}`,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

main().catch((e: unknown) => {
  log(String((e as Error).stack ?? e));
  process.exit(1);
});
