import type { Citation } from "./types.js";

/**
 * Knowledge as the core sees it: validated, quotes resolved to sentences, ready to index.
 * Produced by src/knowledge/ (which reads and verifies files); the core only reads it.
 */

export interface SourceInfo {
  id: string;
  title: string;
  url?: string;
  published?: string;
}

export interface KnowledgeSentence {
  /** Index in `Knowledge.sentences`. */
  index: number;
  source: string;
  paragraph: number;
  sentence: number;
  text: string;
  /**
   * Set when the sentence does not read as prose (over 600 characters, few letters, binary bytes,
   * run-on tokens; src/knowledge/warnings.ts): matching it on a typo correction alone is not trustworthy.
   */
  noisy?: true;
}

export interface Fact {
  id: string;
  /** false for a sentence that no curated fact cites: it answers as itself. */
  curated: boolean;
  answer?: string;
  questions: string[];
  keywords: string[];
  /** Indexes of the cited sentences, in citation order. */
  sentences: number[];
  citations: Citation[];
  asOf?: string;
  reviewBy?: string;
  owner?: string;
}

export interface KnowledgeTest {
  question: string;
  expect: string;
  /** Where the test stands in the file, for error messages. */
  line?: number;
  column?: number;
}

export interface Knowledge {
  title: string;
  /** Short content hash of the file: every Answer names the version it came from. */
  version: string;
  sources: SourceInfo[];
  sentences: KnowledgeSentence[];
  facts: Fact[];
  synonyms: string[][];
  tests: KnowledgeTest[];
}

export function locatorOf(s: Pick<KnowledgeSentence, "paragraph" | "sentence">): string {
  return `paragraph ${s.paragraph}, sentence ${s.sentence}`;
}

/** A citation for a run of consecutive sentences of one source (a single sentence is a run of one). */
export function citationFor(run: KnowledgeSentence[], source: SourceInfo): Citation {
  const first = run[0];
  const last = run[run.length - 1];
  if (!first || !last) throw new Error("citationFor needs at least one sentence");
  const locator =
    first === last
      ? locatorOf(first)
      : first.paragraph === last.paragraph
        ? `paragraph ${first.paragraph}, sentences ${first.sentence}-${last.sentence}`
        : `${locatorOf(first)} to ${locatorOf(last)}`;
  return {
    source: source.id,
    title: source.title,
    ...(source.url ? { url: source.url } : {}),
    locator,
    quote: run.map((s) => s.text).join(" "),
  };
}
