import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildIndex, type SearchIndex } from "../../src/core/index-build.js";
import type { Knowledge } from "../../src/core/knowledge.js";
import { loadKnowledgeFile, loadKnowledgeText } from "../../src/knowledge/load.js";

/** Paths and loaders shared by the knowledge, core and CLI tests. */

export const SHIPPED = fileURLToPath(new URL("../../knowledge/huawei-ai-strategy.yaml", import.meta.url));
export const QUESTIONS = fileURLToPath(new URL("../fixtures/questions.jsonl", import.meta.url));

export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../fixtures/knowledge/${name}`, import.meta.url));
}

export function fixtureText(name: string): string {
  return readFileSync(fixturePath(name), "utf8");
}

/** Knowledge from text that must load; fails the test with the problems when it does not. */
export function knowledgeOf(text: string, fileName = "test.yaml"): Knowledge {
  const r = loadKnowledgeText(text, fileName);
  if (!r.ok) throw new Error(`expected the knowledge to load:\n${JSON.stringify(r.problems, null, 2)}`);
  return r.knowledge;
}

export function indexOf(text: string, fileName = "test.yaml"): SearchIndex {
  return buildIndex(knowledgeOf(text, fileName));
}

export async function loadShipped(): Promise<SearchIndex> {
  const r = await loadKnowledgeFile(SHIPPED);
  if (!r.ok) throw new Error(`the shipped knowledge does not load:\n${JSON.stringify(r.problems, null, 2)}`);
  return buildIndex(r.knowledge);
}

/** 1-based line and column where `needle` first occurs in `text`. */
export function positionOf(text: string, needle: string): { line: number; column: number } {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" is not in the text`);
  const before = text.slice(0, at).split("\n");
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}
