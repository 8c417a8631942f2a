import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { backwards, oneEditAway, oneEditAwaySorted, withinOneEdit } from "../../src/core/edits.js";

/**
 * The prefix-block search must find exactly what generating every edit finds, in the same order:
 * Fuse.js breaks ties between typo corrections by that order, so a change would change answers.
 */

const letters = fc.constantFrom(..."abcdeéz09.'".split(""));
const word = fc.array(letters, { minLength: 0, maxLength: 9 }).map((cs) => cs.join(""));

function both(w: string, words: string[]): [string[], string[]] {
  const vocab = new Map(words.map((x) => [x, 0]));
  const sorted = [...vocab.keys()].sort();
  const generated = new Set<string>();
  const scanned = new Set<string>();
  oneEditAway(w, vocab, generated);
  oneEditAwaySorted(w, vocab, sorted, sorted.map(backwards).sort(), scanned);
  return [[...generated], [...scanned]];
}

describe("oneEditAwaySorted", () => {
  it("finds the words one edit away, in the order oneEditAway does", () => {
    const vocab = ["huawei", "huawey", "hauwei", "huawe", "huaweii", "shuawei", "cloud", "could"];
    const [generated, scanned] = both("huwaei", vocab);
    const order = ["huawei", "shuawei", "hauwei", "huawe", "huaweii", "huawey"];
    expect(scanned).toEqual(generated);
    // By position, then delete, transpose, and each letter's replacement before its insertion.
    expect(both("huawei", vocab)).toEqual([order, order]);
  });

  it("agrees with generating every edit on random vocabularies, small blocks and big", () => {
    fc.assert(
      fc.property(word, fc.array(word, { maxLength: 400 }), (w, words) => {
        // Near-misses of w in the vocabulary, so that there is something to find.
        const near = words
          .slice(0, 40)
          .map(
            (x, i) =>
              w.slice(0, i % (w.length + 1)) + x.slice(0, 1) + w.slice((i % (w.length + 1)) + (i % 2)),
          );
        const [generated, scanned] = both(w, [...words, ...near]);
        expect(scanned).toEqual(generated);
      }),
      { numRuns: 300 },
    );
  });
});

describe("withinOneEdit", () => {
  it("says what oneEditAway finds, for any pair of words", () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        const found = new Set<string>();
        oneEditAway(a, new Map([[b, 0]]), found);
        expect(withinOneEdit(a, b)).toBe(found.size > 0);
      }),
      { numRuns: 2000 },
    );
  });

  it("agrees on near-misses of a word too", () => {
    fc.assert(
      fc.property(word, fc.nat(9), letters, fc.nat(3), (a, at, c, kind) => {
        const i = at % (a.length + 1);
        const b = [
          a.slice(0, i) + a.slice(i + 1),
          a.slice(0, i) + c + a.slice(i),
          a.slice(0, i) + c + a.slice(i + 1),
        ][kind % 3] as string;
        const t = kind === 3 && i + 1 < a.length ? a.slice(0, i) + a[i + 1] + a[i] + a.slice(i + 2) : b;
        const found = new Set<string>();
        oneEditAway(a, new Map([[t, 0]]), found);
        expect(withinOneEdit(a, t)).toBe(found.size > 0);
      }),
      { numRuns: 2000 },
    );
  });
});
