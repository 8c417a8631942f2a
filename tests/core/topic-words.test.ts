import { beforeAll, describe, expect, it } from "vitest";
import { topicWords } from "../../src/core/follow-up-topic.js";
import type { SearchIndex } from "../../src/core/index-build.js";
import { loadShipped } from "../knowledge/fixtures.js";

/** Which words of a question are names, judged by how the shipped knowledge writes them. */

let index: SearchIndex;
beforeAll(async () => {
  index = await loadShipped();
});

const judged = (q: string) =>
  Object.fromEntries(
    topicWords(q, index).map((t) => [t.word, t.name ? (t.ubiquitous ? "subject" : "name") : "word"]),
  );

describe("topicWords", () => {
  it("reads names as the knowledge writes them, whatever the asker typed", () => {
    expect(judged("what did jensen huang say about pangu")).toMatchObject({
      jensen: "name",
      huang: "name",
      pangu: "name",
      say: "word",
    });
    expect(judged("how many chips does cloudmatrix connect")).toMatchObject({
      chips: "word",
      cloudmatrix: "name",
    });
  });

  it("makes 'Huawei Cloud' one specific name, though 'huawei' alone is the subject and 'cloud' a word", () => {
    expect(judged("what does huawei do")).toMatchObject({ huawei: "subject" });
    expect(judged("does huawei use the cloud")).toMatchObject({ cloud: "word" });
    expect(judged("who runs huawei cloud")).toMatchObject({ huawei: "name", cloud: "name" });
  });

  it("judges the same word the same way every time (kept per index)", () => {
    const first = judged("when did huawei cloud launch");
    expect(index.nameCache.size).toBeGreaterThan(0);
    expect(judged("when did huawei cloud launch")).toEqual(first);
  });
});
