import type { Steps } from "../core/steps.js";
import type { PathKey } from "./parse.js";

/**
 * One linear pass over JSON text that JSON.parse has already accepted: finds the first duplicate key
 * (JSON.parse silently keeps the last one; YAML refuses them) or the offset of the value at a path (for
 * error positions, without re-parsing a big JSON file as YAML). A generator, so a large file is scanned
 * in slices (src/core/steps.ts); nesting is an explicit stack, so depth cannot overflow the call stack.
 */

export type ScanResult = { duplicate?: { key: string; offset: number }; offsets?: Map<string, number> };

/** How a path is written in `wants` and in the offsets found: its keys joined by NUL. */
export const pathKey = (path: readonly PathKey[]) => path.map(String).join("\u0000");

interface Frame {
  keys: Set<string> | undefined; // undefined for an array
  key: PathKey;
}

const OPS_PER_SLICE = 20_000;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** The index just past the string that opens at `i` (a `"`). */
function stringEnd(text: string, i: number): number {
  let j = i + 1;
  for (;;) {
    const q = text.indexOf('"', j);
    if (q < 0) return text.length;
    let slashes = 0;
    while (text.charCodeAt(q - 1 - slashes) === 0x5c) slashes++;
    if (slashes % 2 === 0) return q + 1;
    j = q + 1;
  }
}

/**
 * With `wants` (path keys, see pathKey): the offsets of those values, in one pass. Without: the first
 * duplicate key, if any.
 */
export function* scanJson(text: string, wants?: ReadonlySet<string>): Steps<ScanResult> {
  const offsets = new Map<string, number>();
  const maxDepth = wants
    ? Math.max(0, ...[...wants].map((w) => (w === "" ? 0 : w.split("\u0000").length)))
    : -1;
  const stack: Frame[] = [];
  let i = 0;
  let ops = 0;
  const skipSpace = () => {
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  };
  // state: "value" expects a value at i, "key" expects a key (or "}"), "after" follows a value.
  let state: "value" | "key" | "after" = "value";
  while (i <= text.length) {
    if (++ops % OPS_PER_SLICE === 0) yield;
    skipSpace();
    const c = text[i];
    if (state === "value") {
      if (wants && stack.length <= maxDepth) {
        const key = pathKey(stack.map((f) => f.key));
        if (wants.has(key)) {
          offsets.set(key, i);
          if (offsets.size === wants.size) return { offsets };
        }
      }
      if (c === "{") {
        stack.push({ keys: new Set(), key: "" });
        i++;
        state = "key";
      } else if (c === "[") {
        stack.push({ keys: undefined, key: 0 });
        i++;
        skipSpace();
        if (text[i] === "]") {
          i++;
          stack.pop();
          state = "after";
        }
      } else if (c === '"') {
        i = stringEnd(text, i);
        state = "after";
      } else {
        while (i < text.length && !/[,\]}\s]/.test(text[i] as string)) i++;
        state = "after";
      }
    } else if (state === "key") {
      const top = stack[stack.length - 1] as Frame;
      if (c === "}") {
        i++;
        stack.pop();
        state = "after";
        continue;
      }
      const start = i;
      i = stringEnd(text, i);
      const raw = text.slice(start, i);
      const key = raw.includes("\\") ? (JSON.parse(raw) as string) : raw.slice(1, -1);
      if (!wants && top.keys?.has(key)) return { duplicate: { key, offset: start } };
      top.keys?.add(key);
      top.key = key;
      skipSpace();
      i++; // the ":"
      state = "value";
    } else {
      const top = stack[stack.length - 1];
      if (!top) return { offsets };
      i++;
      if (c === ",") {
        if (top.keys) state = "key";
        else {
          top.key = (top.key as number) + 1;
          state = "value";
        }
      } else {
        stack.pop(); // "}" or "]"
        state = "after";
      }
    }
  }
  return { offsets };
}

/** 1-based line and column of an offset. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let j = text.indexOf("\n"); j >= 0 && j < offset; j = text.indexOf("\n", j + 1)) {
    line++;
    lineStart = j + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
