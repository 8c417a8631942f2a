import { loadConfig } from "../config.js";
import { type BuildOptions, buildIndex, type SearchIndex } from "../core/index-build.js";
import { loadKnowledgeFile } from "../knowledge/load.js";
import { formatProblems } from "../knowledge/problems.js";

/** What a CLI command may touch, injected so tests can capture output. */
export interface CliIO {
  out: (s: string) => void;
  err: (s: string) => void;
  env: Record<string, string | undefined>;
}

export const EXIT = { ok: 0, failure: 1, usage: 2, badKnowledge: 3, config: 78 } as const;

/** The knowledge file a command uses: --knowledge, else KNOWLEDGE_FILE, else the shipped file. */
export function knowledgePath(flag: unknown, io: CliIO): string | undefined {
  if (typeof flag === "string" && flag) return flag;
  const cfg = loadConfig(io.env);
  if (!cfg.ok) {
    io.err(`configuration error:\n  ${cfg.problems.join("\n  ")}`);
    return undefined;
  }
  return cfg.config.knowledgeFile;
}

/** Load and index knowledge, printing problems; undefined when the file is refused. */
export async function loadIndex(
  path: string,
  io: CliIO,
  options?: BuildOptions,
): Promise<SearchIndex | undefined> {
  const r = await loadKnowledgeFile(path);
  if (!r.ok) {
    io.err(`${path} was refused:\n${formatProblems(r.problems)}`);
    return undefined;
  }
  return buildIndex(r.knowledge, options);
}

/**
 * `strategy-bot ask --json … | head -c1`: the reader closes the pipe early and the next write fails
 * with EPIPE. That is the reader saying "enough", not an error: stop quietly instead of printing a
 * stack trace. Other stream errors are still thrown.
 */
export function quietOnClosedPipe(
  stream: NodeJS.WriteStream,
  exit = (code: number) => process.exit(code),
): void {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") return exit(EXIT.ok);
    throw e;
  });
}
