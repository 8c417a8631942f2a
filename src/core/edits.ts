/**
 * Vocabulary words one edit away from a word (delete, transpose, replace, insert), for typo
 * correction. The candidates come out in one fixed order (by position, then delete, transpose, and
 * replace/insert per letter of ALPHABET): Fuse.js ranks them next and breaks ties by that order.
 */

export const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

/** Generating every edit: ~74 strings per position, each hashed once. For small vocabularies. */
export function oneEditAway(w: string, vocab: ReadonlyMap<string, unknown>, out: Set<string>): void {
  for (let i = 0; i <= w.length; i++) editsAt(w, i, vocab, out);
}

/** The deletion of the letter at the cut and the swap of the two letters after it, when they are words. */
function deleteOrSwapAt(
  head: string,
  tail: string,
  vocab: ReadonlyMap<string, unknown>,
  out: Set<string>,
): void {
  if (!tail) return;
  const del = head + tail.slice(1);
  if (vocab.has(del)) out.add(del);
  if (tail.length > 1) {
    const tr = head + tail[1] + tail[0] + tail.slice(2);
    if (vocab.has(tr)) out.add(tr);
  }
}

function editsAt(w: string, i: number, vocab: ReadonlyMap<string, unknown>, out: Set<string>): void {
  const head = w.slice(0, i);
  const tail = w.slice(i);
  deleteOrSwapAt(head, tail, vocab, out);
  for (const c of ALPHABET) {
    if (tail) {
      const rep = head + c + tail.slice(1);
      if (vocab.has(rep)) out.add(rep);
    }
    const ins = head + c + tail;
    if (vocab.has(ins)) out.add(ins);
  }
}

/** Below this many vocabulary words sharing the edit's prefix, reading them beats generating 72 strings. */
const SCAN_LIMIT = 64;

/**
 * oneEditAway over a big vocabulary, same result in the same order. A replacement or insertion at
 * position i keeps the word's first i letters and its letters after i, so its candidates lie in the
 * block of `sorted` with that prefix, and in the block of `reversed` (every word spelt backwards,
 * sorted) with that suffix. Past the first letters the prefix block, and before the last ones the
 * suffix block, holds a handful of words, read directly instead of generating 72 strings and hashing
 * each (a 100k-sentence vocabulary: 0.19 ms per typo).
 */
export function oneEditAwaySorted(
  w: string,
  vocab: ReadonlyMap<string, unknown>,
  sorted: readonly string[],
  reversed: readonly string[],
  out: Set<string>,
): void {
  let lo = 0;
  let hi = sorted.length;
  for (let i = 0; i <= w.length; i++) {
    const head = w.slice(0, i);
    lo = firstAtLeast(sorted, head, lo, hi);
    hi = firstWithout(sorted, head, lo, hi);
    // Every edit at i or later starts with `head`: no word does, so no edit is a word.
    if (lo === hi) return;
    if (hi - lo <= SCAN_LIMIT) {
      scanAt(w, i, sorted.slice(lo, hi), vocab, out);
      continue;
    }
    const ending = i < w.length ? backwards(w.slice(i + 1)) : undefined;
    const from = ending === undefined ? 0 : firstAtLeast(reversed, ending, 0, reversed.length);
    const to = ending === undefined ? 0 : firstWithout(reversed, ending, from, reversed.length);
    if (ending !== undefined && to - from <= SCAN_LIMIT)
      scanAt(w, i, reversed.slice(from, to).map(backwards), vocab, out);
    else editsAt(w, i, vocab, out);
  }
}

export function backwards(s: string): string {
  let r = "";
  for (let i = s.length - 1; i >= 0; i--) r += s[i];
  return r;
}

/** editsAt for position i, reading the candidate words (a superset of the edits that are words). */
function scanAt(
  w: string,
  i: number,
  words: readonly string[],
  vocab: ReadonlyMap<string, unknown>,
  out: Set<string>,
): void {
  const head = w.slice(0, i);
  const tail = w.slice(i);
  deleteOrSwapAt(head, tail, vocab, out);
  // Replacements (same length, same rest after i) and insertions (one longer, the whole tail after i),
  // ordered as editsAt meets them: by letter, a replacement before an insertion.
  const rest = tail.slice(1);
  const found: { key: number; word: string }[] = [];
  for (const v of words) {
    const letter = ALPHABET.indexOf(v[i] ?? "");
    if (letter < 0 || !v.startsWith(head)) continue;
    if (tail && v.length === w.length && v.endsWith(rest)) found.push({ key: 2 * letter, word: v });
    else if (v.length === w.length + 1 && v.endsWith(tail)) found.push({ key: 2 * letter + 1, word: v });
  }
  found.sort((a, b) => a.key - b.key);
  for (const f of found) out.add(f.word);
}

/** First index in [lo, hi) whose word is >= s (binary search; `sorted` ascending). */
function firstAtLeast(sorted: readonly string[], s: string, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as string) < s) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index in [lo, hi) whose word lacks the prefix; words from lo on are >= prefix, so they come first. */
function firstWithout(sorted: readonly string[], prefix: string, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as string).startsWith(prefix)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Is `b` one edit (or none) away from `a`, counting as oneEditAway does: a deletion, a transposition
 * of neighbours, or a replacement or insertion of a letter of ALPHABET? Compares in place, for
 * checking a word against a short list without generating its ~74 x length edits.
 */
export function withinOneEdit(a: string, b: string): boolean {
  // The word itself comes out of replacing a letter by itself or swapping two equal neighbours.
  if (a === b) {
    for (let i = 0; i < a.length; i++)
      if (ALPHABET.includes(a[i] as string) || a[i] === a[i + 1]) return true;
    return false;
  }
  const la = a.length;
  const lb = b.length;
  if (la - lb > 1 || lb - la > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (ALPHABET.includes(b[i] as string) && a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  // a one longer: a letter of a deleted; b one longer: a letter of ALPHABET inserted into a.
  if (la > lb) return a.slice(i + 1) === b.slice(i);
  return ALPHABET.includes(b[i] as string) && b.slice(i + 1) === a.slice(i);
}
