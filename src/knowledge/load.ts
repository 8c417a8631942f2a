import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import type { Knowledge } from "../core/knowledge.js";
import type { TestFailure } from "../core/knowledge-tests.js";
import { runNow, runSliced, type Steps } from "../core/steps.js";
import { shortMessage } from "../errors.js";
import { compileSteps } from "./compile.js";
import { DEFAULT_LIMITS, type KnowledgeLimits } from "./limits.js";
import { parseSteps } from "./parse.js";
import { type KnowledgeProblem, messages, type ProblemCode } from "./problems.js";

export type LoadResult = { ok: true; knowledge: Knowledge } | { ok: false; problems: KnowledgeProblem[] };

/** Parse, validate and verify knowledge text. Pure apart from hashing; used by the loader and tests. */
export function loadKnowledgeText(
  text: string,
  fileName: string,
  limits: KnowledgeLimits = DEFAULT_LIMITS,
): LoadResult {
  return guarded(fileName, () => runNow(loadSteps(text, fileName, limits)));
}

export interface LoadOptions {
  /** Yield to the event loop between chunks (src/core/steps.ts), for reloads while the bot is serving. */
  sliced?: boolean;
  limits?: KnowledgeLimits;
}

/**
 * Read and load a knowledge file. Never rejects: whatever goes wrong (a limit, a parser throwing, a
 * bug) comes back as problems, so every caller refuses the file the same way.
 */
export async function loadKnowledgeFile(path: string, opts: LoadOptions = {}): Promise<LoadResult> {
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const problem = (code: ProblemCode, m: { message: string; hint: string }): LoadResult => ({
    ok: false,
    problems: [{ code, file: path, line: 1, column: 1, ...m }],
  });
  let text: string;
  try {
    // Checked before reading: a 2 GB file is refused without being read.
    const size = (await stat(path)).size;
    if (size > limits.maxBytes)
      return problem("limit", messages.limit("file size", `${size} bytes`, "maxBytes"));
    text = await readFile(path, "utf8");
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? String(e);
    return problem("file-unreadable", messages.unreadable(reason));
  }
  if (!opts.sliced) return loadKnowledgeText(text, path, limits);
  try {
    return await runSliced(loadSteps(text, path, limits));
  } catch (e) {
    return failed(path, e);
  }
}

function guarded(fileName: string, load: () => LoadResult): LoadResult {
  try {
    return load();
  } catch (e) {
    return failed(fileName, e);
  }
}

function failed(fileName: string, e: unknown): LoadResult {
  return {
    ok: false,
    problems: [
      {
        code: "load-failed",
        file: fileName,
        line: 1,
        column: 1,
        ...messages.loadFailed(shortMessage(e)),
      },
    ],
  };
}

const HASH_SLICE = 1 << 20;

/** versionOf in 1M-character slices (a 32 MB file hashed at once held the loop ~100 ms). */
function* versionSteps(text: string): Steps<string> {
  const h = createHash("sha256");
  for (let i = 0; i < text.length; ) {
    let end = Math.min(text.length, i + HASH_SLICE);
    // Never between the two halves of a surrogate pair: each half alone would encode as U+FFFD.
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
    h.update(text.slice(i, end));
    i = end;
    yield;
  }
  return h.digest("hex").slice(0, 12);
}

/** Every step is short (bounded by the limits); the sliced run yields after any step of a slice or more. */
function* loadSteps(text: string, path: string, limits: KnowledgeLimits): Steps<LoadResult> {
  const version = yield* versionSteps(text);
  const parsed = yield* parseSteps(text, path, limits);
  if (!parsed.ok) return parsed;
  yield;
  return yield* compileSteps(parsed.file, parsed.locate, path, version, limits);
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
