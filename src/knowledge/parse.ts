import { Composer, type CST, type Document, isMap, isNode, isScalar, Lexer, LineCounter, Parser } from "yaml";
import type { z } from "zod";
import { runNow, type Steps } from "../core/steps.js";
import { closest } from "./closest.js";
import { pathKey, positionOf, scanJson } from "./json-scan.js";
import { DEFAULT_LIMITS, expandedLength, type KnowledgeLimits } from "./limits.js";
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

export function parseKnowledgeText(
  text: string,
  fileName: string,
  limits: KnowledgeLimits = DEFAULT_LIMITS,
): ParseResult {
  return runNow(parseSteps(text, fileName, limits));
}

/** parseKnowledgeText in slices (see src/core/steps.ts): every step is bounded by the file size limit. */
export function* parseSteps(
  text: string,
  fileName: string,
  limits: KnowledgeLimits = DEFAULT_LIMITS,
): Steps<ParseResult> {
  // Large knowledge files are usually generated JSON: JSON.parse is ~100x faster than the YAML
  // parser. Positions (for error messages only) come from a linear scan of the JSON text when needed.
  const json = parseJsonFast(text);
  if (json !== undefined) {
    yield;
    const dup = (yield* scanJson(text)).duplicate;
    if (dup) {
      const at = { file: fileName, ...positionOf(text, dup.offset) };
      return { ok: false, problems: [{ code: "duplicate-key", ...at, ...messages.duplicateKey(dup.key) }] };
    }
    yield;
    return yield* validateJson(json.value, text, fileName);
  }
  const doc = yield* yamlDocument(text, fileName, limits);
  if (!doc.locate) return { ok: false, problems: doc.problems };
  yield;
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

/** A path and every path above it: where a missing key is reported (at its parent). */
const prefixes = (path: PathKey[]) => Array.from({ length: path.length + 1 }, (_, n) => path.slice(0, n));

/** Locate from offsets found by one scan: the deepest known prefix of the path. */
function fromOffsets(text: string, offsets: ReadonlyMap<string, number>): Locate {
  return (at, key) => {
    const path = key === undefined ? at : [...at, key];
    for (let n = path.length; n >= 0; n--) {
      const offset = offsets.get(pathKey(path.slice(0, n)));
      if (offset === undefined) continue;
      // The scan records where a value starts; a key is reported where its own name stands.
      const name =
        key !== undefined && n === path.length ? text.lastIndexOf(JSON.stringify(key), offset) : -1;
      return positionOf(text, name >= 0 ? name : offset);
    }
    return { line: 1, column: 1 };
  };
}

/**
 * Positions for problems found after parsing (misquotes, duplicate ids): one scan per problem,
 * remembered; past MAX_LOCATED problems, line 1 (each scan walks the file).
 */
function jsonLocate(text: string): Locate {
  const memo = new Map<string, { line: number; column: number }>();
  return (at, key) => {
    const path = key === undefined ? at : [...at, key];
    const id = pathKey(path);
    const known = memo.get(id);
    if (known) return known;
    if (memo.size >= MAX_LOCATED) return { line: 1, column: 1 };
    const offsets = runNow(scanJson(text, new Set(prefixes(path).map(pathKey)))).offsets ?? new Map();
    const pos = fromOffsets(text, offsets)(path);
    memo.set(id, pos);
    return pos;
  };
}

/** Schema problems listed per file (the rest are counted): a broken generator can make thousands. */
const MAX_LOCATED = 20;

/** JSON validation; the positions of its problems come from one sliced scan of the text. */
function* validateJson(value: unknown, text: string, fileName: string): Steps<ParseResult> {
  const parsed = knowledgeFileSchema.safeParse(value);
  if (parsed.success) return { ok: true, file: parsed.data, locate: jsonLocate(text) };
  const issues = parsed.error.issues.slice(0, MAX_LOCATED);
  // An unknown key is reported at the key itself, one level below the issue's path.
  const keyPaths = (i: z.core.$ZodIssue) =>
    i.code === "unrecognized_keys" ? i.keys.map((k) => [...issuePath(i), k]) : [issuePath(i)];
  const wants = new Set(issues.flatMap((i) => keyPaths(i).flatMap(prefixes).map(pathKey)));
  yield;
  const offsets = (yield* scanJson(text, wants)).offsets ?? new Map();
  return {
    ok: false,
    problems: schemaProblems(parsed.error.issues, value, fileName, fromOffsets(text, offsets)),
  };
}

const LEXEMES_PER_SLICE = 5_000;

function* yamlDocument(
  text: string,
  fileName: string,
  limits: KnowledgeLimits,
): Steps<
  { raw: unknown; locate: Locate } | { raw?: undefined; locate?: undefined; problems: KnowledgeProblem[] }
> {
  const lineCounter = new LineCounter();
  // parseDocument, with the lexing and parsing (most of its time) in slices.
  const lexer = new Lexer();
  const parser = new Parser(lineCounter.addNewLine);
  const composer = new Composer({ uniqueKeys: true });
  const docs: Document.Parsed[] = [];
  const compose = (tokens: Iterable<CST.Token>) => {
    for (const t of tokens) docs.push(...composer.next(t));
  };
  lineCounter.addNewLine(0);
  let n = 0;
  for (const lexeme of lexer.lex(text)) {
    compose(parser.next(lexeme));
    if (++n % LEXEMES_PER_SLICE === 0) yield;
  }
  compose(parser.end());
  docs.push(...composer.end(true, text.length));
  const doc = docs[0] as Document.Parsed;
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { file: fileName, line: pos.line, column: pos.col };
  };
  const errors = docs.length > 1 ? [...doc.errors, multipleDocs(docs[1] as Document.Parsed)] : doc.errors;
  if (errors.length > 0) {
    return {
      problems: errors.map((e) => ({
        code: "yaml-syntax",
        ...at(e.pos[0]),
        ...messages.yamlSyntax(firstLine(e.message)),
      })),
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
  yield;
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: limits.maxAliases });
  } catch (e) {
    // yaml throws a ReferenceError for "Excessive alias count" (and for an alias to nothing).
    const problem = /alias count/i.test(String(e))
      ? messages.limit("YAML alias uses", `over ${limits.maxAliases}`, "maxAliases")
      : messages.yamlSyntax(firstLine(e instanceof Error ? e.message : String(e)));
    return {
      problems: [{ code: /alias count/i.test(String(e)) ? "limit" : "yaml-syntax", ...at(0), ...problem }],
    };
  }
  yield;
  // Aliases can make 1 MB of YAML 91 MB of text, before any sentence is split: refuse it here.
  const expanded = expandedLength(raw, limits.maxBytes);
  if (expanded > limits.maxBytes) {
    return {
      problems: [
        {
          code: "limit",
          ...at(0),
          ...messages.limit(
            "the text with YAML aliases expanded",
            `over ${limits.maxBytes} characters`,
            "maxBytes",
          ),
        },
      ],
    };
  }
  return { raw, locate };
}

function multipleDocs(second: Document.Parsed) {
  return { pos: second.range, message: "the file holds more than one YAML document (a second ---)" };
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
  if (!parsed.success)
    return { ok: false, problems: schemaProblems(parsed.error.issues, raw, fileName, locate) };
  return { ok: true, file: parsed.data, locate };
}

const issuePath = (issue: z.core.$ZodIssue) => issue.path.filter((p): p is PathKey => typeof p !== "symbol");

function schemaProblems(
  issues: z.core.$ZodIssue[],
  raw: unknown,
  fileName: string,
  locate: Locate,
): KnowledgeProblem[] {
  const problems = issues
    .slice(0, MAX_LOCATED)
    .flatMap((i) =>
      i.code === "unrecognized_keys"
        ? unknownKeyProblems(i.keys, i.path, raw, fileName, locate)
        : [schemaProblem(i, raw, fileName, locate)],
    );
  if (issues.length > MAX_LOCATED) {
    const more = issues.length - MAX_LOCATED;
    problems.push({ code: "schema", file: fileName, line: 1, column: 1, ...messages.moreProblems(more) });
  }
  return problems;
}

function schemaProblem(
  issue: z.core.$ZodIssue,
  raw: unknown,
  fileName: string,
  locate: Locate,
): KnowledgeProblem {
  const path = issuePath(issue);
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
