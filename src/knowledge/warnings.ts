import { type Knowledge, type KnowledgeSentence, locatorOf } from "../core/knowledge.js";
import { CHUNK, runNow, type Steps } from "../core/steps.js";

/**
 * Garbage in: source text that loads but is not prose (a pasted table, a base64 blob, a PDF's binary
 * bytes, a paragraph without full stops). It is not refused, since the quotes still verify, but `check`
 * warns about it and each such sentence is flagged `noisy` so the core never answers confidently on
 * a typo correction that matched it.
 */

export const GARBAGE = {
  /** Prose sentences run to a few hundred characters; far beyond this, splitting found no sentence end. */
  maxSentenceChars: 600,
  /** Share of letters among a sentence's non-space characters below which it is not prose. */
  minLetterShare: 0.5,
  /** A source whose letters are below this share (of non-space characters) is not text. */
  minSourceLetterShare: 0.6,
  /** Tokens longer than this (URLs aside) are encoded data or words run together. */
  maxTokenChars: 40,
  /** Share of tokens that may be that long before the source as a whole is not text. */
  maxLongTokenShare: 0.02,
  /** Long-sentence warnings listed per source; the rest are counted. */
  listed: 5,
};

export type WarningCode = "long-sentence" | "noisy-sentence" | "not-text";

export interface KnowledgeWarning {
  code: WarningCode;
  file: string;
  source: string;
  /** "paragraph 3, sentence 2" for one sentence; the first offending one for a whole source. */
  locator: string;
  message: string;
}

// Control characters other than tab/newline, and U+FFFD: what a binary file decoded as UTF-8 holds.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const BINARY = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/;
const LETTER = /\p{L}/u;
const SPACE = /\s/;
const URL_START = /^\W*https?:\/\//;

interface TextStats {
  chars: number;
  letters: number;
  tokens: number;
  longTokens: number;
  binary: boolean;
}

/**
 * One pass over the characters. It runs over every sentence at each load (100k sentences: 15M
 * characters), so ASCII is classified by code and only other characters go through a Unicode regex.
 */
function statsOf(text: string): TextStats {
  let chars = 0;
  let letters = 0;
  let tokens = 0;
  let longTokens = 0;
  let tokenStart = -1;
  const endToken = (end: number) => {
    if (tokenStart < 0) return;
    tokens++;
    if (end - tokenStart > GARBAGE.maxTokenChars && !URL_START.test(text.slice(tokenStart, tokenStart + 12)))
      longTokens++;
    tokenStart = -1;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c < 128 ? c === 32 || (c >= 9 && c <= 13) : SPACE.test(text[i] as string);
    if (space) {
      endToken(i);
      continue;
    }
    if (tokenStart < 0) tokenStart = i;
    // A surrogate pair is one character: count it at its first half.
    if (c >= 0xdc00 && c <= 0xdfff) continue;
    chars++;
    if (
      c < 128
        ? (c | 32) >= 97 && (c | 32) <= 122
        : LETTER.test(String.fromCodePoint(text.codePointAt(i) ?? c))
    )
      letters++;
  }
  endToken(text.length);
  return { chars, letters, tokens, longTokens, binary: BINARY.test(text) };
}

/** True when a sentence does not read as prose: far too long, few letters, binary bytes, run-on tokens. */
export function looksLikeGarbage(text: string): boolean {
  if (text.length > GARBAGE.maxSentenceChars) return true;
  const s = statsOf(text);
  return s.binary || s.longTokens > 0 || (s.chars >= 12 && s.letters / s.chars < GARBAGE.minLetterShare);
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

/** A source's stats, summed over its sentences in slices (one source can hold 200k sentences). */
function* sourceStatsSteps(sentences: KnowledgeSentence[]): Steps<TextStats> {
  const sum: TextStats = { chars: 0, letters: 0, tokens: 0, longTokens: 0, binary: false };
  for (const [i, x] of sentences.entries()) {
    if (i % CHUNK === CHUNK - 1) yield;
    const s = statsOf(x.text);
    sum.chars += s.chars;
    sum.letters += s.letters;
    sum.tokens += s.tokens;
    sum.longTokens += s.longTokens;
    sum.binary ||= s.binary;
  }
  return sum;
}

function* sourceWarningSteps(
  file: string,
  source: string,
  sentences: KnowledgeSentence[],
): Steps<KnowledgeWarning | undefined> {
  const s = yield* sourceStatsSteps(sentences);
  const first = sentences[0];
  if (!first || s.chars === 0) return undefined;
  const reasons: string[] = [];
  if (s.binary) reasons.push("it contains control characters or U+FFFD (binary bytes read as text)");
  if (s.letters / s.chars < GARBAGE.minSourceLetterShare) {
    reasons.push(`only ${pct(s.letters / s.chars)} of its characters are letters`);
  }
  if (s.longTokens / Math.max(1, s.tokens) > GARBAGE.maxLongTokenShare) {
    reasons.push(
      `${s.longTokens} of its ${s.tokens} words are longer than ${GARBAGE.maxTokenChars} characters`,
    );
  }
  if (reasons.length === 0) return undefined;
  const noisy = sentences.find((x) => x.noisy) ?? first;
  return {
    code: "not-text",
    file,
    source,
    locator: locatorOf(noisy),
    message:
      `does not look like text: ${reasons.join("; ")}. ` +
      "Check that sources[].text holds the document's words (not a binary file, table dump or encoded data).",
  };
}

/** Warnings about sources and sentences that are not prose; empty for ordinary articles. */
export function knowledgeWarnings(k: Knowledge, file: string): KnowledgeWarning[] {
  return runNow(knowledgeWarningSteps(k, file));
}

/** knowledgeWarnings in slices, for a reload that must keep the event loop answering. */
export function* knowledgeWarningSteps(k: Knowledge, file: string): Steps<KnowledgeWarning[]> {
  const bySource = new Map<string, KnowledgeSentence[]>();
  for (const s of k.sentences) {
    const list = bySource.get(s.source);
    if (list) list.push(s);
    else bySource.set(s.source, [s]);
  }
  const out: KnowledgeWarning[] = [];
  for (const [source, sentences] of bySource) {
    const whole = yield* sourceWarningSteps(file, source, sentences);
    if (whole) out.push(whole);
    // One warning says it for a source that is not text at all; its sentences are not listed too.
    const long = whole ? [] : sentences.filter((s) => s.text.length > GARBAGE.maxSentenceChars);
    for (const s of long.slice(0, GARBAGE.listed)) {
      out.push({
        code: "long-sentence",
        file,
        source,
        locator: locatorOf(s),
        message:
          `sentence of ${s.text.length} characters (prose stays under ${GARBAGE.maxSentenceChars}): ` +
          "probably a list, table or text without full stops; split it or leave it out.",
      });
    }
    if (long.length > GARBAGE.listed) {
      out.push({
        code: "long-sentence",
        file,
        source,
        locator: locatorOf(long[GARBAGE.listed] as KnowledgeSentence),
        message: `and ${long.length - GARBAGE.listed} more sentences over ${GARBAGE.maxSentenceChars} characters.`,
      });
    }
    const noisy = whole ? [] : sentences.filter((s) => s.noisy && s.text.length <= GARBAGE.maxSentenceChars);
    if (noisy[0]) {
      out.push({
        code: "noisy-sentence",
        file,
        source,
        locator: locatorOf(noisy[0]),
        message:
          `${noisy.length} sentence${noisy.length === 1 ? "" : "s"} read as data, not prose (few letters, ` +
          `binary bytes or words over ${GARBAGE.maxTokenChars} characters); they are flagged noisy for the scorer.`,
      });
    }
  }
  return out;
}

export function formatWarning(w: KnowledgeWarning): string {
  return `${w.file}: warning: source "${w.source}", ${w.locator}: ${w.message}`;
}
