import { beforeAll, describe, expect, it } from "vitest";
import { answer } from "../../src/core/answer.js";
import type { SearchIndex } from "../../src/core/index-build.js";
import { fuzzyAlternatives } from "../../src/core/typos.js";
import { loadShipped } from "../knowledge/fixtures.js";

/** Typo corrections on the shipped knowledge: one slip is one edit, even two letters swapped. */

let index: SearchIndex;
beforeAll(async () => {
  index = await loadShipped();
});

const corrected = (w: string) => fuzzyAlternatives(w, index).map((a) => a.term);

describe("fuzzyAlternatives", () => {
  it("reads two swapped neighbours as one slip, even in a four-letter name", () => {
    // Fuse.js scores "tmsc" against "tsmc" 0.5 (two errors): it used to find nothing.
    expect(corrected("tmsc")).toContain("tsmc");
    expect(corrected("nivdia")).toContain("nvidia");
  });

  it("does not stretch that to two different letters in a short word", () => {
    expect(corrected("tmxc")).not.toContain("tsmc");
  });

  it("answers a question with a swapped name as it answers the spelled one", () => {
    const typed = answer("Did huawei get cut off from TMSC?", index);
    const spelled = answer("Did huawei get cut off from TSMC?", index);
    expect(typed.citations[0]?.quote).toBe(spelled.citations[0]?.quote);
    expect(typed.citations[0]?.quote).toContain("TSMC");
    expect(typed.status).not.toBe("unknown");
  });
});
