import { isStopword, terms, words } from "../core/text.js";

/**
 * Near-duplicate questions, grouped: the core's own normalisation (folding, stopwords, stemming) and
 * Jaccard similarity over the terms, where two terms of 4+ letters one edit apart count as the same
 * (people misspell: "huawie", "straetgy"). Greedy: each question joins the most similar group.
 */

export const SIMILAR = 0.5;

export interface Group<T> {
  /** The most frequent phrasing. */
  question: string;
  items: T[];
  /** The other phrasings, most frequent first. */
  variants: string[];
}

/** At most one insertion, deletion, substitution or adjacent swap apart. */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  return long.slice(i + 1) === short.slice(i);
}

const sameTerm = (a: string, b: string) => a === b || (a.length >= 4 && b.length >= 4 && oneEditApart(a, b));

export function similarity(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const used = new Set<number>();
  let shared = 0;
  for (const t of a) {
    const j = b.findIndex((u, k) => !used.has(k) && sameTerm(t, u));
    if (j >= 0) {
      used.add(j);
      shared++;
    }
  }
  return shared / (a.length + b.length - shared);
}

/** The topic words run together: "harmony os" and "HarmonyOS" meet here. */
const squashed = (s: string) =>
  words(s)
    .filter((w) => !isStopword(w))
    .join("");

export function groupQuestions<T>(items: T[], text: (t: T) => string): Group<T>[] {
  const groups: { terms: string[]; key: string; items: T[] }[] = [];
  for (const item of items) {
    const t = [...new Set(terms(text(item)))];
    const key = squashed(text(item));
    let best: { g: (typeof groups)[number]; s: number } | undefined;
    for (const g of groups) {
      const s = key.length >= 6 && oneEditApart(key, g.key) ? 1 : similarity(t, g.terms);
      if (s >= SIMILAR && (!best || s > best.s)) best = { g, s };
    }
    if (best) best.g.items.push(item);
    else groups.push({ terms: t, key, items: [item] });
  }
  return groups
    .map((g) => {
      const counts = new Map<string, number>();
      for (const i of g.items) {
        const q = text(i).trim();
        counts.set(q, (counts.get(q) ?? 0) + 1);
      }
      const phrasings = [...counts].sort((a, b) => b[1] - a[1]).map(([q]) => q);
      return { question: phrasings[0] ?? "", items: g.items, variants: phrasings.slice(1) };
    })
    .sort((a, b) => b.items.length - a.items.length);
}
