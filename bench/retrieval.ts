import Fuse from "fuse.js";
import MiniSearch from "minisearch";
import { answer } from "../src/core/answer.js";
import type { EvalQuestion } from "../src/core/evaluate.js";
import { hitRank, percentile } from "../src/core/evaluate.js";
import { buildIndex } from "../src/core/index-build.js";
import { loadKnowledgeText } from "../src/knowledge/load.js";
import { ENGLISH_STOPWORDS } from "./prose.js";

/**
 * The bot's answer() next to plain Fuse.js and MiniSearch, measured in one process and interleaved
 * question by question, so that machine noise (GC, other processes) falls on all three alike.
 */

export interface EngineRow {
  engine: string;
  /** For the bot: loadKnowledgeText (parse + validate + verify) and buildIndex, separately. */
  loadMs?: number;
  indexMs?: number;
  buildMs: number;
  /** Heap + array buffers retained by the engine's index after a full GC (null without --expose-gc). */
  heapMB: number | null;
  asked: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  hit1: number;
  /** Bot only: share of questions answered or suggested (not "unknown"). */
  answered?: number;
}

interface Engine {
  name: string;
  /** Which of the questions this engine is asked (all, or a sample when it is too slow). */
  asks: (i: number) => boolean;
  ask: (q: EvalQuestion) => { hit: boolean; answered?: boolean };
}

const gc = (globalThis as { gc?: () => void }).gc;

/** Heap in use plus typed-array memory (the bot's index lives in array buffers, outside the JS heap). */
export function memoryMB(): number | null {
  if (!gc) return null;
  gc();
  gc();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 1e6;
}

function timed<T>(f: () => T): [T, number] {
  const t = performance.now();
  const value = f();
  return [value, performance.now() - t];
}

function every(n: number, asked: number): (i: number) => boolean {
  const step = Math.max(1, Math.floor(n / Math.max(1, asked)));
  return (i) => i % step === 0 && i / step < asked;
}

export interface RetrievalOptions {
  /** How many questions plain Fuse.js gets (it scans every sentence: seconds per question at 100k). */
  fuseSample: number;
  warmup: number;
}

type Build = Pick<EngineRow, "engine" | "buildMs" | "heapMB" | "loadMs" | "indexMs">;

/** Builds the three engines over one knowledge text and asks them the questions, interleaved. */
export function measureRetrieval(
  text: string,
  questions: EvalQuestion[],
  opts: RetrievalOptions,
): EngineRow[] {
  const builds: Build[] = [];
  const engines: Engine[] = [];
  const retained = (from: number | null) => {
    const now = memoryMB();
    return from === null || now === null ? null : now - from;
  };

  let before = memoryMB();
  const [loaded, loadMs] = timed(() => loadKnowledgeText(text, "bench.json"));
  if (!loaded.ok) throw new Error(`the generated knowledge was refused: ${loaded.problems[0]?.message}`);
  const [index, indexMs] = timed(() => buildIndex(loaded.knowledge));
  builds.push({ engine: "bot", buildMs: loadMs + indexMs, heapMB: retained(before), loadMs, indexMs });
  engines.push({
    name: "bot",
    asks: () => true,
    ask: (q) => {
      const a = answer(q.question, index);
      return { hit: hitRank(a, q.expect ?? []) === 1, answered: a.status !== "unknown" };
    },
  });
  // The baselines index the very sentences the bot split the file into.
  const sentences = index.knowledge.sentences.map((s) => s.text);

  before = memoryMB();
  const [fuse, fuseMs] = timed(() => new Fuse(sentences));
  builds.push({ engine: "fuse", buildMs: fuseMs, heapMB: retained(before) });
  engines.push({
    name: "fuse",
    asks: every(questions.length, opts.fuseSample),
    ask: (q) => ({ hit: fuse.search(q.question, { limit: 1 })[0]?.item === q.expect?.[0] }),
  });

  before = memoryMB();
  const [mini, miniMs] = timed(() => {
    const ms = new MiniSearch<{ id: number; text: string }>({
      fields: ["text"],
      processTerm: (t) => (ENGLISH_STOPWORDS.has(t.toLowerCase()) ? null : t.toLowerCase()),
    });
    ms.addAll(sentences.map((s, id) => ({ id, text: s })));
    return ms;
  });
  builds.push({ engine: "minisearch", buildMs: miniMs, heapMB: retained(before) });
  engines.push({
    name: "minisearch",
    asks: () => true,
    ask: (q) => ({ hit: sentences[mini.search(q.question)[0]?.id as number] === q.expect?.[0] }),
  });

  const rows = ask(engines, builds, questions, opts.warmup);
  // The bot once more on its own: the same questions without the baselines' garbage around them, to
  // tell the bot's own tail latency from the GC pauses that interleaving shares out.
  memoryMB();
  const alone = ask(
    [engines[0] as Engine],
    [{ ...(builds[0] as Build), engine: "bot (alone)" }],
    questions,
    0,
  );
  return [...rows, ...alone];
}

function ask(engines: Engine[], builds: Build[], questions: EvalQuestion[], warmup: number): EngineRow[] {
  // Warm the JIT on the fast engines; plain Fuse.js is warm after its first (long) question anyway.
  for (const q of questions.slice(0, warmup)) {
    for (const e of engines) if (e.name !== "fuse") e.ask(q);
  }
  const ms = engines.map(() => [] as number[]);
  const hits = engines.map(() => 0);
  const answered = engines.map(() => 0);
  questions.forEach((q, i) => {
    for (let k = 0; k < engines.length; k++) {
      // Rotate who goes first, so no engine always runs right after another's garbage.
      const e = (i + k) % engines.length;
      const engine = engines[e] as Engine;
      if (!engine.asks(i)) continue;
      const [r, t] = timed(() => engine.ask(q));
      (ms[e] as number[]).push(t);
      if (r.hit) hits[e] = (hits[e] ?? 0) + 1;
      if (r.answered) answered[e] = (answered[e] ?? 0) + 1;
    }
  });
  return builds.map((row, e) => {
    const sorted = (ms[e] as number[]).sort((a, b) => a - b);
    const n = sorted.length;
    return {
      ...row,
      asked: n,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted[n - 1] ?? 0,
      hit1: n ? (hits[e] ?? 0) / n : 0,
      ...(row.engine === "bot" ? { answered: n ? (answered[e] ?? 0) / n : 0 } : {}),
    };
  });
}
