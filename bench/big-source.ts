import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { silentLogger } from "../src/log.js";
import { startBot } from "../src/main.js";

/**
 * Issue 12's large-source cases: one source of 40k sentences (YAML and JSON) and one of 1M, started
 * with the real startBot. Measured: start time (until startBot resolves: serving, or refused), the
 * longest event-loop stall during it, and for a file that loads, a reload while /healthz is polled
 * over HTTP every 20 ms (its slowest answer, and the longest stall).
 * Standalone: node --import tsx bench/big-source.ts [--sizes 40000,1000000]
 */

export interface BigSourceRow {
  case: string;
  sentences: number;
  fileMB: number;
  startMs: number;
  startStallMs: number;
  outcome: string;
  reloadMs?: number;
  reloadStallMs?: number;
  healthzMaxMs?: number;
}

const WORDS =
  `strategy market chip cloud partner revenue growth model training supply chain developer ecosystem
  device network storage server region customer software platform research budget launch quarter`.split(
    /\s+/,
  );

/** Seeded sentences of 8-20 words in paragraphs of five: prose-shaped, cheap to make. */
export function bigSourceText(n: number, seed = 7): string {
  let x = seed;
  const rand = () => {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    return x / 0x7fffffff;
  };
  const paragraphs: string[] = [];
  let para: string[] = [];
  for (let i = 0; i < n; i++) {
    const len = 8 + Math.floor(rand() * 12);
    const words = Array.from({ length: len }, () => WORDS[Math.floor(rand() * WORDS.length)] as string);
    para.push(`Huawei ${words.join(" ")} ${i}.`);
    if (para.length === 5) {
      paragraphs.push(para.join(" "));
      para = [];
    }
  }
  if (para.length) paragraphs.push(para.join(" "));
  return paragraphs.join("\n\n");
}

function knowledge(text: string, format: "yaml" | "json", title = "Big source"): string {
  const first = text.slice(0, text.indexOf(".") + 1);
  const file = {
    version: 1,
    title,
    sources: [{ id: "big", title: "One big source", text }],
    facts: [{ id: "first", questions: ["What comes first?"], cite: [{ source: "big", quote: first }] }],
  };
  if (format === "json") return JSON.stringify(file);
  const indented = text.replace(/\n/g, "\n      ").replace(/\n {6}\n/g, "\n\n");
  return `version: 1\ntitle: ${title}\nsources:\n  - id: big\n    title: One big source\n    text: |\n      ${indented}\nfacts:\n  - id: first\n    questions: ["What comes first?"]\n    cite:\n      - source: big\n        quote: "${first}"\n`;
}

/** The longest gap between turns of the event loop while it runs (timer every 5 ms). */
function stallMonitor(): () => number {
  let last = performance.now();
  let max = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    max = Math.max(max, now - last - 5);
    last = now;
  }, 5);
  return () => {
    clearInterval(timer);
    return Math.round(Math.max(max, performance.now() - last - 5));
  };
}

async function measureOne(
  dir: string,
  n: number,
  format: "yaml" | "json",
  env: Record<string, string> = {},
): Promise<BigSourceRow> {
  const text = bigSourceText(n);
  const path = join(dir, `big-${n}.${format}`);
  const content = knowledge(text, format);
  writeFileSync(path, content);
  const row = {
    case: `one source, ${format.toUpperCase()}`,
    sentences: n,
    fileMB: Buffer.byteLength(content) / 1e6,
  };
  const stall = stallMonitor();
  const t = performance.now();
  const started = await startBot(
    { HOST: "127.0.0.1", PORT: "0", KNOWLEDGE_FILE: path, ANALYTICS: "off", WEB_CHAT: "off", ...env },
    silentLogger,
  );
  const startMs = Math.round(performance.now() - t);
  const startStallMs = stall();
  if (!started.ok) {
    return {
      ...row,
      startMs,
      startStallMs,
      outcome: `refused: ${started.message.split("\n")[1]?.slice(0, 120) ?? ""}`,
    };
  }
  const bot = started.bot;
  writeFileSync(path, knowledge(text, format, "Big source, reloaded"));
  const base = `http://127.0.0.1:${bot.address.port}/healthz`;
  let healthzMaxMs = 0;
  let done = false;
  const poll = (async () => {
    while (!done) {
      const t0 = performance.now();
      await fetch(base).then((r) => r.arrayBuffer());
      healthzMaxMs = Math.max(healthzMaxMs, performance.now() - t0);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const reloadStall = stallMonitor();
  const r = await bot.store.reload();
  const reloadStallMs = reloadStall();
  done = true;
  await poll;
  await bot.stop();
  return {
    ...row,
    startMs,
    startStallMs,
    outcome: r.ok ? "serving" : `reload refused: ${r.message.slice(0, 120)}`,
    reloadMs: r.ms,
    reloadStallMs,
    healthzMaxMs: Math.round(healthzMaxMs),
  };
}

export async function measureBigSources(sizes = [40_000, 1_000_000]): Promise<BigSourceRow[]> {
  const dir = mkdtempSync(join(tmpdir(), "bench-big-source-"));
  const rows: BigSourceRow[] = [];
  try {
    for (const n of sizes) {
      for (const format of n > 100_000 ? (["json"] as const) : (["yaml", "json"] as const)) {
        rows.push(await measureOne(dir, n, format));
        (globalThis as { gc?: () => void }).gc?.();
      }
      // Past the size limit, the sentence limit: it stops the split at 200k sentences.
      if (n > 200_000)
        rows.push(await measureOne(dir, n, "json", { KNOWLEDGE_MAX_BYTES: String(256 * 2 ** 20) }));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

export function bigSourceTable(rows: BigSourceRow[]): string {
  const head =
    "| case | sentences | file MB | start ms | longest stall at start ms | outcome | reload ms | longest stall in reload ms | slowest /healthz in reload ms |";
  const sep = "|---|---:|---:|---:|---:|---|---:|---:|---:|";
  const cell = (v: number | undefined) => (v === undefined ? "–" : String(v));
  return [
    "Large sources (issue 12): targets start <= 3000 ms at 40k, /healthz <= 200 ms during a reload",
    head,
    sep,
    ...rows.map(
      (r) =>
        `| ${r.case} | ${r.sentences.toLocaleString("en")} | ${r.fileMB.toFixed(1)} | ${r.startMs} | ${r.startStallMs} | ${r.outcome} | ${cell(r.reloadMs)} | ${cell(r.reloadStallMs)} | ${cell(r.healthzMaxMs)} |`,
    ),
  ].join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = process.argv.indexOf("--sizes");
  const sizes = arg > 0 ? (process.argv[arg + 1] ?? "").split(",").map(Number) : undefined;
  const rows = await measureBigSources(sizes);
  process.stdout.write(`${bigSourceTable(rows)}\n`);
}
