/**
 * Everything that can be wrong with a knowledge file, as values with a position and a fix.
 * All user-facing wording lives here so tests can assert on it and it stays consistent.
 */

export type ProblemCode =
  | "file-unreadable"
  | "yaml-syntax"
  | "schema"
  | "duplicate-id"
  | "unknown-source"
  | "misquote"
  | "partial-quote"
  | "unknown-test-fact"
  | "test-failed"
  | "duplicate-key"
  | "limit"
  | "load-failed";

export interface KnowledgeProblem {
  code: ProblemCode;
  file: string;
  line: number;
  column: number;
  factId?: string;
  message: string;
  /** What to do about it. */
  hint: string;
}

export function formatProblem(p: KnowledgeProblem): string {
  const where = `${p.file}:${p.line}:${p.column}`;
  const fact = p.factId ? ` fact "${p.factId}":` : "";
  return `${where}:${fact} ${p.message}\n  -> ${p.hint}`;
}

export function formatProblems(problems: KnowledgeProblem[]): string {
  return problems.map(formatProblem).join("\n");
}

const clip = (s: string, n = 120) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

import { type KnowledgeLimits, LIMIT_VARIABLES } from "./limits.js";

/** Message and hint per problem; positions are added by the caller. */
export const messages = {
  unreadable: (reason: string) => ({
    message: `cannot read the knowledge file (${reason})`,
    hint: "check the path in KNOWLEDGE_FILE or --knowledge",
  }),
  yamlSyntax: (reason: string) => ({
    message: `YAML syntax error: ${reason}`,
    hint: "fix the YAML at this position (indentation, quotes, a missing colon)",
  }),
  schema: (path: string, reason: string) => ({
    message: `${path || "the file"}: ${reason}`,
    hint: "see knowledge/schema.json or the README for the knowledge file format",
  }),
  empty: () => ({
    message: "the file is empty",
    hint: "a knowledge file needs at least version: 1, a title and one source (see docs/examples/knowledge.yaml)",
  }),
  unknownKey: (where: string, key: string, guess: string | undefined, allowed: string[]) => ({
    message: `unknown key "${key}"${where ? ` in ${where}` : " at the top level"}${guess ? `: did you mean "${guess}"?` : ""}`,
    hint: `the keys allowed here are: ${allowed.join(", ")}`,
  }),
  duplicateId: (kind: "fact" | "source", id: string) => ({
    message: `duplicate ${kind} id "${id}"`,
    hint: `give every ${kind} its own id`,
  }),
  unknownSource: (id: string, known: string[]) => ({
    message: `cites unknown source "${id}"`,
    hint: `use one of the source ids: ${known.join(", ")}`,
  }),
  misquote: (source: string, closest: string | undefined) => ({
    message: `quote not found in source "${source}"`,
    hint: closest
      ? `quote whole sentences verbatim; the closest sentence is: "${clip(closest)}"`
      : "quote whole sentences of the source verbatim",
  }),
  partialQuote: (source: string, sentence: string) => ({
    message: `quote is only part of a sentence of source "${source}"`,
    hint: `quote whole sentences; the full sentence is: "${clip(sentence, 200)}"`,
  }),
  testFailed: (question: string, expect: string, got: string) => ({
    message: `test question "${clip(question, 80)}" expects ${expect} but is answered with ${got}`,
    hint: "add example questions or keywords to the expected fact, or correct the test",
  }),
  duplicateKey: (key: string) => ({
    message: `duplicate key "${clip(key, 80)}"`,
    hint: "write each key once per object (JSON readers silently keep only the last one)",
  }),
  limit: (what: string, size: string, limit: keyof KnowledgeLimits) => ({
    message: `${what}: ${size}, past the limit set by ${LIMIT_VARIABLES[limit]}`,
    hint: `split the file, or raise ${LIMIT_VARIABLES[limit]} if it is meant to be this large`,
  }),
  moreProblems: (count: number) => ({
    message: `${count} more problem${count === 1 ? "" : "s"} of the file's structure, not listed`,
    hint: "fix the ones above, then check the file again",
  }),
  loadFailed: (reason: string) => ({
    message: `the file could not be loaded (${clip(reason, 200)})`,
    hint: "the knowledge that was serving keeps serving; the log has the details",
  }),
  unknownTestFact: (expect: string) => ({
    message: `test expects unknown fact "${expect}"`,
    hint: 'expect a fact id from this file, or "unknown"',
  }),
};
