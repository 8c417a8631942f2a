import { answer } from "./answer.js";
import type { SearchIndex } from "./index-build.js";

/**
 * The knowledge file's own test questions (`tests: [{ question, expect }]`): a fact id the question
 * must be answered with, or "unknown" when the bot must not answer. A reload that fails one is refused.
 */

export interface TestFailure {
  question: string;
  line?: number;
  column?: number;
  expect: string;
  /** What the bot answered instead: a fact id, or "unknown". */
  got: string;
  status: string;
}

export function runKnowledgeTests(index: SearchIndex): TestFailure[] {
  const failures: TestFailure[] = [];
  for (const t of index.knowledge.tests) {
    const a = answer(t.question, index);
    const got = a.status === "answered" && a.factId ? a.factId : "unknown";
    const pass = t.expect === "unknown" ? a.status === "unknown" : got === t.expect;
    if (!pass) failures.push({ ...t, got, status: a.status });
  }
  return failures;
}
