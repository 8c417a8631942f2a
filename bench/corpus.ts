import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { splitSentences } from "../src/knowledge/sentences.js";
import { markdownParagraphs, proseOf } from "./prose.js";

/**
 * Real English text available offline on a clean clone: the documentation installed under
 * node_modules (markdown files and the JSDoc of .d.ts files), plus the public benchmark sources in
 * ../shared/eval when they are there. Everything is sorted and shuffled with a seeded PRNG, so the same
 * node_modules gives the same corpus.
 */

export interface Doc {
  title: string;
  /** Prose sentences by paragraph, each one exactly as the bot's splitter will cut it. */
  paragraphs: string[][];
}

export interface KnowledgeJson {
  version: 1;
  title: string;
  sources: { id: string; title: string; text: string }[];
}

/** mulberry32: small, fast and deterministic; Math.random would make every run a different corpus. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(xs: T[], rand: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function walk(dir: string, out: string[]): void {
  let entries: import("node:fs").Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (e.name === ".bin" || e.name === ".cache") continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) walk(path, out);
    else if (
      e.isFile() &&
      /\.(md|markdown|rst|txt|[cm]?js|d\.ts|py)$/i.test(e.name) &&
      !/^licen[sc]e/i.test(e.name)
    ) {
      out.push(path);
    }
  }
}

/** JSDoc blocks of a declaration file, as markdown (descriptions stop at the first @tag). */
function jsdocMarkdown(src: string): string {
  const blocks: string[] = [];
  for (const m of src.matchAll(/\/\*\*([\s\S]*?)\*\//g)) {
    const lines: string[] = [];
    for (const line of (m[1] ?? "").split("\n")) {
      const l = line.replace(/^\s*\*\s?/, "");
      if (/^\s*@/.test(l)) break;
      lines.push(l);
    }
    blocks.push(
      lines.join("\n").replace(/\{@link\w*\s+([^}|\s]+)(?:[|\s]+([^}]*))?\}/g, (_, a, b) => b || a),
    );
  }
  return blocks.join("\n\n");
}

/** Python docstrings (only met in `--text` folders), as reStructuredText-ish markdown. */
function docstrings(src: string): string {
  const dedent = (d: string) => {
    const lines = d.split("\n");
    let indent = Number.POSITIVE_INFINITY;
    for (const l of lines.slice(1)) if (l.trim()) indent = Math.min(indent, /^ */.exec(l)?.[0].length ?? 0);
    return lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join("\n");
  };
  return [...src.matchAll(/(?:"""|''')([\s\S]*?)(?:"""|''')/g)].map((m) => dedent(m[1] ?? "")).join("\n\n");
}

function docOf(title: string, markdown: string, seen: Set<string>): Doc | undefined {
  const paragraphs: string[][] = [];
  for (const para of markdownParagraphs(markdown)) {
    const kept: string[] = [];
    for (const s of splitSentences(para)) {
      const key = s.text.toLowerCase();
      // A sentence the splitter would cut differently on its own cannot be placed in any paragraph.
      if (seen.has(key) || !proseOf(s.text) || splitSentences(s.text).length !== 1) continue;
      seen.add(key);
      kept.push(s.text);
    }
    if (kept.length > 0) paragraphs.push(kept);
  }
  return paragraphs.length > 0 ? { title, paragraphs } : undefined;
}

/**
 * Documents of prose from node_modules (under `root`), ../shared/eval (when present) and any `extra`
 * folders of documentation (`--text DIR`: more distinct text than a clean clone has).
 */
export function collectDocs(root: string, extra: string[] = []): Doc[] {
  const seen = new Set<string>();
  const docs: Doc[] = [];
  for (const dir of [join(root, "node_modules"), ...extra]) {
    const files: string[] = [];
    walk(dir, files);
    for (const path of files) {
      const text = readFileSync(path, "utf8");
      const md = /\.(md|markdown|rst|txt)$/i.test(path)
        ? text
        : path.endsWith(".py")
          ? docstrings(text)
          : jsdocMarkdown(text);
      const doc = docOf(relative(dir, path).replace(/\\/g, "/"), md, seen);
      if (doc) docs.push(doc);
    }
  }
  const shared = join(root, "..", "shared", "eval");
  if (existsSync(shared)) {
    for (const name of readdirSync(shared).sort()) {
      if (!name.endsWith(".knowledge.json")) continue;
      const k = JSON.parse(readFileSync(join(shared, name), "utf8")) as KnowledgeJson;
      for (const s of k.sources) {
        const doc = docOf(`${basename(name, ".knowledge.json")}: ${s.title}`, s.text, seen);
        if (doc) docs.push(doc);
      }
    }
  }
  return docs;
}

export function sentenceCount(docs: Doc[]): number {
  return docs.reduce((n, d) => n + d.paragraphs.reduce((m, p) => m + p.length, 0), 0);
}

export interface Corpus {
  file: KnowledgeJson;
  /** Every sentence in file order, exactly as the bot's splitter will cut them. */
  sentences: string[];
  distinct: number;
  /** How many times the documents were gone through (1 = every sentence distinct). */
  passes: number;
}

/**
 * A sources-only knowledge file of exactly `n` sentences: whole documents in seeded random order (so
 * paragraphs stay coherent, as in a real wiki), the last one cut short. When `n` is more than the
 * corpus holds, the documents are used again (each pass in a new order) as further sources: posting
 * lists grow as in a real file of `n` sentences, but the distinct text does not (see `distinct`).
 */
export function knowledgeOf(docs: Doc[], n: number, seed: number): Corpus {
  const sources: KnowledgeJson["sources"] = [];
  const sentences: string[] = [];
  const rand = prng(seed);
  let left = n;
  let pass = 0;
  for (; left > 0; pass++) {
    if (docs.length === 0) throw new Error("no prose found to build a corpus from");
    for (const doc of shuffle(docs, rand)) {
      if (left <= 0) break;
      const paragraphs: string[] = [];
      for (const p of doc.paragraphs) {
        if (left <= 0) break;
        const take = p.slice(0, left);
        left -= take.length;
        sentences.push(...take);
        paragraphs.push(joinParagraph(take));
      }
      sources.push({ id: `s${sources.length + 1}`, title: doc.title, text: paragraphs.join("\n\n") });
    }
  }
  const file: KnowledgeJson = { version: 1, title: `Benchmark knowledge, ${n} sentences`, sources };
  return { file, sentences, distinct: new Set(sentences).size, passes: pass };
}

/** Sentences joined so that the bot's splitter cuts them back exactly; otherwise one per paragraph. */
function joinParagraph(sentences: string[]): string {
  const joined = sentences.join(" ");
  const back = splitSentences(joined).map((s) => s.text);
  const same = back.length === sentences.length && back.every((s, i) => s === sentences[i]);
  return same ? joined : sentences.join("\n\n");
}
