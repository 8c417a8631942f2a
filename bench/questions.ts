import type { EvalQuestion } from "../src/core/evaluate.js";
import { prng, shuffle } from "./corpus.js";
import { ENGLISH_STOPWORDS } from "./prose.js";

/**
 * Questions the way people type them at a bot: a few of the sentence's topic words, some left out,
 * slightly out of order, with one or two typos. Each one's gold is the sentence it was made from.
 */

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

function typo(w: string, rand: () => number): string {
  const i = 1 + Math.floor(rand() * (w.length - 2));
  const kind = Math.floor(rand() * 3);
  if (kind === 0 && w[i] !== w[i + 1]) return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
  if (kind === 1) return w.slice(0, i) + w.slice(i + 1);
  let c = w[i] ?? "a";
  while (c === w[i]) c = LETTERS[Math.floor(rand() * LETTERS.length)] ?? "a";
  return w.slice(0, i) + c + w.slice(i + 1);
}

/** The question for one sentence, or undefined when it has too few topic words to reword. */
export function reword(sentence: string, rand: () => number): string | undefined {
  const topic = (sentence.toLowerCase().match(/[a-z][a-z'’-]*[a-z]|[a-z]|\d+/g) ?? []).filter(
    (w) => !ENGLISH_STOPWORDS.has(w),
  );
  if (topic.length < 5) return undefined;
  const drop = Math.round(topic.length * (0.3 + 0.1 * rand()));
  const dropped = new Set(shuffle([...topic.keys()], rand).slice(0, drop));
  const kept = topic.filter((_, i) => !dropped.has(i));
  // A little out of order: one or two neighbours change places.
  for (let n = 1 + Math.floor(rand() * 2); n > 0; n--) {
    const i = Math.floor(rand() * (kept.length - 1));
    [kept[i], kept[i + 1]] = [kept[i + 1] as string, kept[i] as string];
  }
  const long = shuffle(
    [...kept.keys()].filter((i) => /^[a-z]{5,}$/.test(kept[i] ?? "")),
    rand,
  );
  if (long.length === 0) return undefined;
  for (const i of long.slice(0, 1 + Math.floor(rand() * 2))) kept[i] = typo(kept[i] as string, rand);
  return `${kept.join(" ")}?`;
}

/** `count` questions over distinct sentences of the knowledge, chosen with a seeded PRNG. */
export function makeQuestions(sentences: string[], count: number, seed: number): EvalQuestion[] {
  const rand = prng(seed);
  const distinct = [...new Set(sentences)];
  const out: EvalQuestion[] = [];
  for (const target of shuffle(distinct, rand)) {
    if (out.length === count) break;
    const question = reword(target, rand);
    if (question) out.push({ id: `q${out.length + 1}`, question, expect: [target] });
  }
  return out;
}
