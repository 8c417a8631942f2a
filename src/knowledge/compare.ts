import { answer } from "../core/answer.js";
import { buildIndexSliced, type SearchIndex } from "../core/index-build.js";
import { runKnowledgeTests, type TestFailure } from "../core/knowledge-tests.js";
import { runNow, runSliced, type Steps } from "../core/steps.js";
import { shortMessage } from "../errors.js";
import { diffKnowledge, type KnowledgeDiff } from "./diff.js";
import type { KnowledgeLimits } from "./limits.js";
import { loadKnowledgeFile } from "./load.js";
import { formatProblems, messages } from "./problems.js";
import { type ChangedSource, changedSources } from "./stale.js";

/**
 * What a new knowledge file would change for the people asking: facts added, removed and changed,
 * sources whose text changed, and which questions (the new file's test questions and every example
 * question of either file) would get a different answer. Used by `check --diff` and `reload --dry-run`.
 */

export interface ChangedAnswer {
  question: string;
  /** A fact id, or "unknown". */
  before: string;
  after: string;
  /** Set for the new file's test questions: what the test expects. */
  expect?: string;
}

export interface KnowledgeComparison extends KnowledgeDiff {
  before: string;
  after: string;
  sources: ChangedSource[];
  tests: ChangedAnswer[];
  questions: ChangedAnswer[];
  /** The new file's test questions that fail: a reload of it would be refused. */
  failures: TestFailure[];
}

export type PreviewResult = { ok: true; comparison: KnowledgeComparison } | { ok: false; message: string };

const outcome = (q: string, index: SearchIndex) => {
  const a = answer(q, index);
  return a.status === "answered" && a.factId ? a.factId : "unknown";
};

export function compareKnowledge(before: SearchIndex, after: SearchIndex): KnowledgeComparison {
  return runNow(compareSteps(before, after));
}

function* compareSteps(before: SearchIndex, after: SearchIndex): Steps<KnowledgeComparison> {
  const differs = (question: string, expect?: string): ChangedAnswer | undefined => {
    const b = outcome(question, before);
    const a = outcome(question, after);
    return a === b ? undefined : { question, before: b, after: a, ...(expect ? { expect } : {}) };
  };
  const tests: ChangedAnswer[] = [];
  for (const t of after.knowledge.tests) {
    const d = differs(t.question, t.expect);
    if (d) tests.push(d);
    yield;
  }
  const testQuestions = new Set(after.knowledge.tests.map((t) => t.question));
  const examples = new Set([...before.knowledge.facts, ...after.knowledge.facts].flatMap((f) => f.questions));
  const questions: ChangedAnswer[] = [];
  for (const q of examples) {
    if (testQuestions.has(q)) continue;
    const d = differs(q);
    if (d) questions.push(d);
    yield;
  }
  yield;
  return {
    before: before.knowledge.version,
    after: after.knowledge.version,
    ...diffKnowledge(before.knowledge, after.knowledge),
    sources: changedSources(before.knowledge, after.knowledge),
    tests,
    questions,
    failures: runKnowledgeTests(after),
  };
}

/**
 * Loads `file` off to the side and compares it with `serving`; nothing is swapped. In slices, as a
 * reload is (it runs in the serving process, from chat), and never rejects.
 */
export async function previewFile(
  file: string,
  serving: SearchIndex,
  limits?: KnowledgeLimits,
): Promise<PreviewResult> {
  try {
    const r = await loadKnowledgeFile(file, { sliced: true, ...(limits ? { limits } : {}) });
    if (!r.ok) return { ok: false, message: formatProblems(r.problems) };
    const next = await buildIndexSliced(r.knowledge);
    return { ok: true, comparison: await runSliced(compareSteps(serving, next)) };
  } catch (e) {
    return { ok: false, message: `${file}: ${messages.loadFailed(shortMessage(e)).message}` };
  }
}

const ids = (label: string, list: string[]) =>
  `${label} ${list.length}${list.length ? `: ${list.slice(0, 20).join(", ")}${list.length > 20 ? ", …" : ""}` : ""}`;

const changeLine = (c: ChangedAnswer) =>
  `  "${c.question}": ${c.before} -> ${c.after}${c.expect ? ` (test expects ${c.expect})` : ""}`;

/** Plain text, shared by the CLI and the chat renderers. */
export function describeComparison(c: KnowledgeComparison): string {
  const lines = [
    `Knowledge ${c.before} -> ${c.after}`,
    ids("Facts added", c.added),
    ids("Facts removed", c.removed),
    ids("Facts changed", c.changed),
  ];
  for (const s of c.sources)
    lines.push(
      `Source "${s.source}" text changed; review facts citing it: ${s.facts.join(", ") || "(none)"}`,
    );
  lines.push(`Test questions answered differently: ${c.tests.length}`, ...c.tests.map(changeLine));
  lines.push(`Example questions answered differently: ${c.questions.length}`, ...c.questions.map(changeLine));
  lines.push(
    c.failures.length
      ? `${c.failures.length} test question(s) fail: a reload would be refused (${c.failures.map((f) => `"${f.question}" expects ${f.expect}, got ${f.got}`).join("; ")})`
      : "All test questions pass: a reload would go live.",
  );
  return lines.join("\n");
}
