import { runNow, type Steps } from "../core/steps.js";

/**
 * Splits a source text into paragraphs and sentences, keeping each sentence's exact text and offsets
 * so quotes can be verified against the original and cited with a locator.
 */

export interface SourceSentence {
  /** 1-based paragraph number. */
  paragraph: number;
  /** 1-based sentence number within the paragraph. */
  sentence: number;
  /** Exact text of the sentence as it stands in the source (trimmed). */
  text: string;
  /** Offset of the sentence's first character in the source text. */
  start: number;
}

// Abbreviations whose final dot does not end a sentence (compared lower-case, without the final dot).
const ABBREVIATIONS = new Set(
  `mr mrs ms dr prof sr jr st vs etc e.g i.e inc ltd co corp no nos fig figs approx dept est govt gen col lt
sgt capt rev u.s u.k u.n e.u a.m p.m jan feb mar apr jun jul aug sep sept oct nov dec mt ft al`.split(/\s+/),
);

const CLOSERS = `"'”’)]»`;

/**
 * True when the dot/?/! at `i` ends a sentence. The rules cover what real articles contain:
 * abbreviations ("U.S."), decimals ("5.5G"), initials ("J. Smith"), ellipses inside a quote
 * ("change direction… due to"), and closing quotes after the stop (“… pressure.” He said).
 */
function endsSentence(text: string, i: number): number | null {
  const ch = text[i];
  let end = i + 1;
  if (ch === "." && text[i + 1] === "." && text[i + 2] === ".") end = i + 3;
  while (end < text.length && CLOSERS.includes(text[end] ?? "")) end++;
  // Look at bounded windows around the stop: regexes over the whole rest of a long paragraph made
  // splitting quadratic in paragraph length.
  const after = text.slice(end, end + 64);
  // A sentence boundary needs white space and then something that can start a sentence.
  const next = /^\s+(["'“‘([]?)(\S)/u.exec(after);
  if (!next) return end >= text.length || /^\s*$/.test(text.slice(end)) ? end : null;
  const first = next[2] ?? "";
  if (!/[\p{Lu}\p{N}]/u.test(first)) return null;
  if (ch === "." && end === i + 1) {
    const original = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, i - 48), i))?.[1] ?? "";
    const word = original.toLowerCase();
    if (ABBREVIATIONS.has(word)) {
      // "U.S." at the end of a sentence is still ambiguous; only treat it as an end when the next
      // word is clearly a sentence opener (a capitalised function word).
      if (!/^(The|This|That|These|Those|It|He|She|They|We|In|But|However|A|An)\b/.test(after.trim())) {
        return null;
      }
    }
    // A single capital letter followed by a dot is an initial ("J. Smith").
    if (/^\p{Lu}$/u.test(original)) return null;
  }
  return end;
}

export function splitParagraphs(text: string): { text: string; start: number }[] {
  return [...paragraphsOf(text)];
}

/** Lazily, so a long text is split between yields rather than in one go. */
function* paragraphsOf(text: string): Generator<{ text: string; start: number }> {
  const re = /\S[\s\S]*?(?=\n[ \t]*\n|\s*$)/g;
  for (const m of text.matchAll(re)) yield { text: m[0].trim(), start: m.index ?? 0 };
}

export function splitSentences(text: string): SourceSentence[] {
  return runNow(splitSentenceSteps(text, Number.POSITIVE_INFINITY)) as SourceSentence[];
}

/**
 * splitSentences in slices (src/core/steps.ts). Stops with undefined as soon as there are more than
 * `max` sentences, so a source of a million sentences is refused without being split whole.
 */
export function* splitSentenceSteps(text: string, max: number): Steps<SourceSentence[] | undefined> {
  const sentences: SourceSentence[] = [];
  let p = -1;
  for (const para of paragraphsOf(text)) {
    p++;
    if (sentences.length > max) return undefined;
    if (p % 64 === 63) yield;
    let from = 0;
    let n = 0;
    const push = (to: number) => {
      const raw = para.text.slice(from, to);
      const lead = raw.length - raw.trimStart().length;
      const trimmed = raw.trim();
      if (trimmed) {
        n++;
        sentences.push({ paragraph: p + 1, sentence: n, text: trimmed, start: para.start + from + lead });
      }
    };
    for (let i = 0; i < para.text.length; i++) {
      const ch = para.text[i];
      if (ch !== "." && ch !== "?" && ch !== "!" && ch !== "…") continue;
      // A decimal point is never a boundary ("5.5G", "3.14").
      if (ch === "." && /\d/.test(para.text[i - 1] ?? "") && /\d/.test(para.text[i + 1] ?? "")) continue;
      const end = endsSentence(para.text, i);
      if (end === null) continue;
      push(end);
      from = end;
      i = end - 1;
      // One long paragraph is sliced too.
      if (n % 256 === 0) {
        if (sentences.length > max) return undefined;
        yield;
      }
    }
    push(para.text.length);
  }
  return sentences.length > max ? undefined : sentences;
}
