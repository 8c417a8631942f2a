import type { Fact, Knowledge } from "../core/knowledge.js";

/**
 * Questions shown as buttons (web chips, Teams commands, the terminal greeting). A fact's example
 * questions include the raw phrasings people type ("huawei cuda alternative"), which help matching
 * but look careless on a button: show the fact's first well-formed question instead, or tidy one.
 */

const WELL_FORMED = /^[A-Z0-9][^\n]*\?$/;

/** Trimmed, single-spaced, capitalised, ending in "?" (unless it ends in other punctuation). */
export function tidyQuestion(q: string): string {
  const t = q.trim().replace(/\s+/g, " ");
  if (!t) return t;
  const capital = t.charAt(0).toUpperCase() + t.slice(1);
  return /[?.!…]$/.test(capital) ? capital : `${capital}?`;
}

/** The fact's first well-formed example question of at most `max` characters. */
function wellFormed(fact: Pick<Fact, "questions">, max: number): string | undefined {
  return fact.questions.map((q) => q.trim()).find((q) => WELL_FORMED.test(q) && q.length <= max);
}

/** The fact's first well-formed example question (within `max` characters when given), else a tidied one. */
export function factQuestion(
  fact: Pick<Fact, "questions">,
  max = Number.POSITIVE_INFINITY,
): string | undefined {
  return (
    wellFormed(fact, max) ?? (fact.questions.map(tidyQuestion).find((q) => q && q.length <= max) || undefined)
  );
}

/** How to show a question about `factId` (a suggestion chip), falling back to tidying the given text. */
export function presentQuestion(k: Knowledge, factId: string | undefined, question: string): string {
  const fact = factId ? k.facts.find((f) => f.id === factId) : undefined;
  if (fact?.curated && fact.questions.includes(question)) return factQuestion(fact) ?? tidyQuestion(question);
  return tidyQuestion(question);
}

/** An example question as shown: the example's fact's best question, else the example tidied. */
export function presentExample(k: Knowledge, example: string): string {
  const fact = k.facts.find((f) => f.curated && f.questions.includes(example));
  return (fact && factQuestion(fact)) ?? tidyQuestion(example);
}

/** `n` well-formed example questions of at most `max` characters, spread across the curated facts. */
export function exampleCommands(k: Knowledge, n: number, max: number): string[] {
  const curated = k.facts.filter((f) => f.curated);
  const pick = (by: (f: Fact) => string | undefined) =>
    curated.map(by).filter((q): q is string => q !== undefined);
  // Tidied raw phrasings only when the file has too few well-formed questions that fit.
  const good = pick((f) => wellFormed(f, max));
  const candidates = good.length >= n ? good : pick((f) => factQuestion(f, max));
  const step = Math.max(1, Math.floor(candidates.length / n));
  const out: string[] = [];
  for (let i = 0; i < candidates.length && out.length < n; i += step) out.push(candidates[i] as string);
  return out;
}
