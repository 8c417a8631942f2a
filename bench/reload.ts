import { writeFileSync } from "node:fs";
import { answer } from "../src/core/answer.js";
import type { EvalQuestion } from "../src/core/evaluate.js";
import { percentile } from "../src/core/evaluate.js";
import { KnowledgeStore } from "../src/knowledge/store.js";

/**
 * Questions keep arriving while KnowledgeStore.reload() replaces a big file. Arrivals are on a fixed
 * schedule (not "whenever the loop is free"), so time a question spends waiting behind a blocked event
 * loop counts: response = answered - arrived. Service = the answer() call alone.
 */

export interface LoadWindow {
  questions: number;
  serviceP99: number;
  serviceMax: number;
  responseP50: number;
  responseP99: number;
  responseMax: number;
  /** Longest gap between two turns of the event loop. */
  longestStallMs: number;
}

export interface ReloadRow {
  sentences: number;
  reloadMs: number;
  steady: LoadWindow;
  during: LoadWindow;
  /** Answers during the reload from the old version / the new one (the swap is atomic). */
  oldVersionAnswers: number;
  newVersionAnswers: number;
}

function window(service: number[], response: number[], stall: number): LoadWindow {
  const s = [...service].sort((a, b) => a - b);
  const r = [...response].sort((a, b) => a - b);
  return {
    questions: s.length,
    serviceP99: percentile(s, 99),
    serviceMax: s[s.length - 1] ?? 0,
    responseP50: percentile(r, 50),
    responseP99: percentile(r, 99),
    responseMax: r[r.length - 1] ?? 0,
    longestStallMs: stall,
  };
}

/** Asks questions every `intervalMs` (scheduled), in a setImmediate loop, until `until` settles. */
async function askWhile(
  store: KnowledgeStore,
  questions: EvalQuestion[],
  intervalMs: number,
  until: Promise<unknown>,
): Promise<{ w: LoadWindow; versions: string[] }> {
  let done = false;
  void until.finally(() => {
    done = true;
  });
  const service: number[] = [];
  const response: number[] = [];
  const versions: string[] = [];
  let next = performance.now();
  let last = next;
  let stall = 0;
  let k = 0;
  while (!done) {
    await new Promise<void>((r) => setImmediate(r));
    const now = performance.now();
    stall = Math.max(stall, now - last);
    last = now;
    for (; next <= now; next += intervalMs) {
      const q = questions[k++ % questions.length] as EvalQuestion;
      const t = performance.now();
      const a = answer(q.question, store.current());
      const end = performance.now();
      service.push(end - t);
      response.push(end - next);
      versions.push(a.version);
    }
    last = performance.now();
  }
  return { w: window(service, response, stall), versions };
}

/** Steady state for `steadyMs`, then a reload of a changed copy of `text`, both under the same load. */
export async function measureReload(
  path: string,
  text: string,
  sentences: number,
  questions: EvalQuestion[],
  opts: { intervalMs: number; steadyMs: number },
): Promise<ReloadRow> {
  writeFileSync(path, text);
  const store = new KnowledgeStore({ file: path });
  const first = await store.reload();
  if (!first.ok) throw new Error(`reload benchmark: the knowledge was refused: ${first.message}`);
  // The first load's garbage would otherwise be collected inside the steady-state window.
  (globalThis as { gc?: () => void }).gc?.();
  const steady = await askWhile(
    store,
    questions,
    opts.intervalMs,
    new Promise((r) => setTimeout(r, opts.steadyMs)),
  );
  // A changed title gives a new version, so each answer shows which knowledge it came from.
  writeFileSync(path, text.replace('"title":"', '"title":"Reloaded '));
  let reloadMs = 0;
  const reload = store.reload().then((r) => {
    if (!r.ok) throw new Error(`reload benchmark: the changed knowledge was refused: ${r.message}`);
    reloadMs = r.ms;
  });
  const during = await askWhile(store, questions, opts.intervalMs, reload);
  await reload;
  store.close();
  return {
    sentences,
    reloadMs,
    steady: steady.w,
    during: during.w,
    oldVersionAnswers: during.versions.filter((v) => v === first.version).length,
    newVersionAnswers: during.versions.filter((v) => v !== first.version).length,
  };
}
