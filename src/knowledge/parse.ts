import { isMap, isNode, isScalar, LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import { runNow, type Steps } from "../core/steps.js";
import { closest } from "./closest.js";
import { type KnowledgeProblem, messages } from "./problems.js";
import { type KnowledgeFile, keysAt, knowledgeFileSchema } from "./schema.js";

/**
 * Parses YAML (or JSON, which is YAML) into a validated KnowledgeFile, keeping a way to turn any
 * path in the document back into file:line:column for error messages.
 */

export type PathKey = string | number;
/** `key`: the position of that key itself in the map at `path` (an unknown key has no value to point at). */
export type Locate = (path: PathKey[], key?: string) => { line: number; column: number };

export type ParseResult =
  | { ok: true; file: KnowledgeFile; locate: Locate }
  | { ok: false; problems: KnowledgeProblem[] };

export function parseKnowledgeText(text: string, fileName: string): ParseResult {
  return runNow(parseSteps(text, fileName));
}

/** parseKnowledgeText with a yield between parsing and validating (see src/core/steps.ts). */
export function* parseSteps(text: string, fileName: string): Steps<ParseResult> {
  // Large knowledge files are usually generated JSON: JSON.parse is ~100x faster than the YAML
  // parser. Positions are only needed for error messages, so the YAML document that carries them is
  // built lazily, the first time a problem needs a line number.
  const json = parseJsonFast(text);
  if (json !== undefined) {
    let locate: Locate | undefined;
    const lazyLocate: Locate = (path, key) => {
      locate ??= yamlDocument(text, fileName).locate ?? (() => ({ line: 1, column: 1 }));
      return locate(path, key);
    };
    yield;
    return validate(json.value, fileName, lazyLocate);
  }
  const doc = yamlDocument(text, fileName);
  if (!doc.locate) return { ok: false, problems: doc.problems };
  return validate(doc.raw, fileName, doc.locate);
}

function parseJsonFast(text: string): { value: unknown } | undefined {
  if (!/^\s*\{/.test(text)) return undefined;
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined; // not strict JSON (comments, trailing commas): the YAML parser reports it
  }
}

function yamlDocument(
  text: string,
  fileName: string,
): { raw: unknown; locate: Locate } | { raw?: undefined; locate?: undefined; problems: KnowledgeProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return {
          code: "yaml-syntax",
          file: fileName,
          line: pos.line,
          column: pos.col,
          ...messages.yamlSyntax(firstLine(e.message)),
        };
      }),
    };
  }
  const locate: Locate = (path, key) => {
    const map = key === undefined ? undefined : path.length ? doc.getIn(path, true) : doc.contents;
    const pair = isMap(map) ? map.items.find((p) => isScalar(p.key) && p.key.value === key) : undefined;
    if (pair && isScalar(pair.key) && pair.key.range) {
      const pos = lineCounter.linePos(pair.key.range[0]);
      return { line: pos.line, column: pos.col };
    }
    // Walk up the path until a node with a position exists (a missing key points at its parent).
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) {
        const pos = lineCounter.linePos(node.range[0]);
        return { line: pos.line, column: pos.col };
      }
    }
    return { line: 1, column: 1 };
  };
  return { raw: doc.toJS({ maxAliasCount: 100 }), locate };
}

function validate(raw: unknown, fileName: string, locate: Locate): ParseResult {
  // An empty file (or one holding only comments) parses to null: say so rather than "expected object".
  if (raw === null || raw === undefined) {
    return {
      ok: false,
      problems: [{ code: "schema", file: fileName, line: 1, column: 1, ...messages.empty() }],
    };
  }
  const parsed = knowledgeFileSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.flatMap((i) =>
        i.code === "unrecognized_keys"
          ? unknownKeyProblems(i.keys, i.path, raw, fileName, locate)
          : [schemaProblem(i, raw, fileName, locate)],
      ),
    };
  }
  return { ok: true, file: parsed.data, locate };
}

function schemaProblem(
  issue: z.core.$ZodIssue,
  raw: unknown,
  fileName: string,
  locate: Locate,
): KnowledgeProblem {
  const path = issue.path.filter((p): p is PathKey => typeof p !== "symbol");
  const factId = factIdAt(raw, path);
  return {
    code: "schema",
    file: fileName,
    ...locate(path),
    ...(factId ? { factId } : {}),
    ...messages.schema(path.join("."), issue.message),
  };
}

/** One problem per unknown key, at the key's own line, with the closest key that is allowed there. */
function unknownKeyProblems(
  keys: string[],
  issuePath: PropertyKey[],
  raw: unknown,
  fileName: string,
  locate: Locate,
): KnowledgeProblem[] {
  const path = issuePath.filter((p): p is PathKey => typeof p !== "symbol");
  const allowed = keysAt(path);
  const factId = factIdAt(raw, path);
  return keys.map((key) => ({
    code: "schema" as const,
    file: fileName,
    ...locate(path, key),
    ...(factId ? { factId } : {}),
    ...messages.unknownKey(path.join("."), key, closest(key, allowed), allowed),
  }));
}

/** The id of the fact a path points into, so schema errors name the fact as well as the line. */
function factIdAt(raw: unknown, path: PathKey[]): string | undefined {
  if (path[0] !== "facts" || typeof path[1] !== "number") return undefined;
  const facts = (raw as { facts?: unknown[] } | null)?.facts;
  const fact = Array.isArray(facts) ? facts[path[1]] : undefined;
  const id = (fact as { id?: unknown } | undefined)?.id;
  return typeof id === "string" ? id : undefined;
}

const firstLine = (s: string) => s.split("\n")[0] ?? s;
