import Fuse from "fuse.js";
import { oneEditAwaySorted } from "./edits.js";
import type { SearchIndex } from "./index-build.js";
import type { Alternative } from "./query.js";
import { TUNABLES } from "./tunables.js";

/**
 * Typo corrections for a word the index does not know: candidates one edit away or completing it,
 * ranked by Fuse.js. Kept per index, since the same misspelling comes back ("huwaei") and the
 * corrections depend only on the word and the vocabulary.
 */

const MAX_FUZZY = 3;
// Fuse.js score is 0 for a perfect match and 1 for none; beyond this a "correction" is a different word.
const FUZZY_THRESHOLD = 0.34;
const MIN_FUZZY_LENGTH = 4;
/**
 * Fuse.js counts two swapped neighbours as two errors ("tmsc" -> "tsmc" scores 0.5, past the
 * threshold), but typing them in the wrong order is one slip: a swap scores as one substitution would
 * (1 / length). Fuse searches up to this score so that swaps reach the re-scoring.
 */
const SWAP_SEARCH_THRESHOLD = 0.5;

/** Whether `b` is `a` with two neighbouring letters swapped. */
function isSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i < a.length - 1 && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}
const MAX_FUZZY_LENGTH = 30;
/** Distinct misspellings remembered per index; past this the cache starts again (a few MB at most). */
const CACHE_SIZE = 10_000;

/** Vocabulary words that start with `w` ("cloudm" -> "cloudmatrix"), found by binary search. */
function completions(w: string, sorted: readonly string[], out: Set<string>, limit = 8): void {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? "") < w) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < sorted.length && out.size < limit + 8; i++) {
    const s = sorted[i] ?? "";
    if (!s.startsWith(w)) break;
    if (s !== w) out.add(s);
  }
}

function corrections(w: string, index: SearchIndex): Alternative[] {
  // Past MAX_FUZZY_LENGTH a "word" is pasted junk: correcting it would cost ~(36 x length) strings.
  if (w.length < MIN_FUZZY_LENGTH || w.length > MAX_FUZZY_LENGTH || /\d/.test(w)) return [];
  const candidates = new Set<string>();
  oneEditAwaySorted(w, index.surfaces, index.sortedSurfaces, index.reversedSurfaces, candidates);
  completions(w, index.sortedSurfaces, candidates);
  if (candidates.size === 0) return [];
  const fuse = new Fuse([...candidates], {
    includeScore: true,
    threshold: SWAP_SEARCH_THRESHOLD,
    ignoreLocation: true,
  });
  const scored = fuse
    .search(w)
    .map((r) => ({
      item: r.item,
      score: isSwap(w, r.item) ? Math.min(r.score ?? 1, 1 / w.length) : (r.score ?? 1),
    }))
    .filter((r) => r.score <= FUZZY_THRESHOLD)
    .sort((a, b) => a.score - b.score);
  const byTerm = new Map<string, number>();
  for (const r of scored.slice(0, MAX_FUZZY * 2)) {
    const id = index.surfaces.get(r.item);
    const term = id === undefined ? undefined : index.termNames[id];
    if (!term) continue;
    const weight = TUNABLES.query.fuzzyWeight * (1 - r.score);
    if (weight > (byTerm.get(term) ?? 0)) byTerm.set(term, weight);
  }
  return [...byTerm]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_FUZZY)
    .map(([term, weight]) => ({ term, weight, fuzzy: true }));
}

/** Fuzzy alternatives for a word the index does not know, from the index's cache when asked before. */
export function fuzzyAlternatives(w: string, index: SearchIndex): Alternative[] {
  const cache = index.typoCache;
  let found = cache.get(w);
  if (!found) {
    found = corrections(w, index);
    if (cache.size >= CACHE_SIZE) cache.clear();
    cache.set(w, found);
  }
  // Copies: the caller adds synonyms to a concept's alternatives.
  return found.map((a) => ({ ...a }));
}
