import { readFile } from "node:fs/promises";
import type { Knowledge } from "../core/knowledge.js";
import type { TestFailure } from "../core/knowledge-tests.js";
import { runSliced, type Steps } from "../core/steps.js";
import { compileKnowledge, compileSteps, versionOf } from "./compile.js";
import { parseKnowledgeText, parseSteps } from "./parse.js";
import { type KnowledgeProblem, messages } from "./problems.js";

export type LoadResult = { ok: true; knowledge: Knowledge } | { ok: false; problems: KnowledgeProblem[] };

/** Parse, validate and verify knowledge text. Pure apart from hashing; used by the loader and tests. */
export function loadKnowledgeText(text: string, fileName: string): LoadResult {
  const parsed = parseKnowledgeText(text, fileName);
  if (!parsed.ok) return parsed;
  return compileKnowledge(parsed.file, parsed.locate, fileName, versionOf(text));
}

/**
 * Read and load a knowledge file. With `sliced`, verification yields to the event loop between
 * chunks (src/core/steps.ts), for reloads while the bot is serving.
 */
export async function loadKnowledgeFile(path: string, opts: { sliced?: boolean } = {}): Promise<LoadResult> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? String(e);
    return {
      ok: false,
      problems: [{ code: "file-unreadable", file: path, line: 1, column: 1, ...messages.unreadable(reason) }],
    };
  }
  return opts.sliced ? runSliced(loadSteps(text, path)) : loadKnowledgeText(text, path);
}

/**
 * The steps are short (the JSON parse of a 10 MB file, its validation and its hash are ~50-100 ms
 * apiece at 100k sentences), and the sliced run yields after any step that took a slice or more.
 */
function* loadSteps(text: string, path: string): Steps<LoadResult> {
  const version = versionOf(text);
  yield;
  const parsed = yield* parseSteps(text, path);
  if (!parsed.ok) return parsed;
  yield;
  return yield* compileSteps(parsed.file, parsed.locate, path, version);
}

/** Test-question failures as problems, so check and reload report them like any other. */
export function testProblems(failures: TestFailure[], file: string): KnowledgeProblem[] {
  return failures.map((f) => ({
    code: "test-failed" as const,
    file,
    line: f.line ?? 1,
    column: f.column ?? 1,
    ...messages.testFailed(f.question, f.expect, f.got),
  }));
}
