import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { type SourceSentence, splitSentences } from "../../src/knowledge/sentences.js";
import { knowledgeOf, SHIPPED } from "./fixtures.js";

const texts = (s: string) => splitSentences(s).map((x) => x.text);

/** Every sentence must be exactly the source text at its offset: quotes are verified against it. */
function expectOffsets(source: string, sentences: SourceSentence[]): void {
  for (const s of sentences) expect(source.slice(s.start, s.start + s.text.length)).toBe(s.text);
}

describe("splitSentences", () => {
  it("does not end a sentence at an abbreviation like U.S.", () => {
    expect(
      texts("The company was hit after the U.S. placed it on a blacklist in 2019. That cut access."),
    ).toEqual(["The company was hit after the U.S. placed it on a blacklist in 2019.", "That cut access."]);
  });

  it("ends a sentence after U.S. when a clear sentence opener follows", () => {
    expect(texts("Huawei is less bound to the U.S. The company grew abroad.")).toEqual([
      "Huawei is less bound to the U.S.",
      "The company grew abroad.",
    ]);
  });

  it("keeps decimals like 5.5G and 3.14 inside the sentence", () => {
    expect(texts("The unit is home to AI, 5.5G, and cloud. Revenue was 3.14 billion yuan.")).toEqual([
      "The unit is home to AI, 5.5G, and cloud.",
      "Revenue was 3.14 billion yuan.",
    ]);
  });

  it("keeps a curly-quoted clause with its attribution (“…,” he said)", () => {
    expect(texts("“We can deploy this in Asia,” he added. Then he left.")).toEqual([
      "“We can deploy this in Asia,” he added.",
      "Then he left.",
    ]);
  });

  it("does not end a sentence at an ellipsis inside a quote", () => {
    const t = "“Huawei had to change direction… due to constant external pressure,” he explained. Next.";
    expect(texts(t)).toEqual([
      "“Huawei had to change direction… due to constant external pressure,” he explained.",
      "Next.",
    ]);
    expect(texts('"We had to change... due to pressure," he said. Next.')).toEqual([
      '"We had to change... due to pressure," he said.',
      "Next.",
    ]);
  });

  it("keeps a closing quote with the sentence it ends", () => {
    expect(texts("He called Huawei “one of the most formidable companies.” Huang warned more.")).toEqual([
      "He called Huawei “one of the most formidable companies.”",
      "Huang warned more.",
    ]);
  });

  it("ends sentences at ? and !", () => {
    expect(texts("Can Huawei scale? It must! Analysts doubt it.")).toEqual([
      "Can Huawei scale?",
      "It must!",
      "Analysts doubt it.",
    ]);
  });

  it("numbers paragraphs and sentences from 1 and records exact start offsets", () => {
    const source = "First one. First two.\n\nSecond one. Second two. Second three.\n\n\n  Third one.\n";
    const got = splitSentences(source);
    expect(got.map((s) => [s.paragraph, s.sentence, s.text])).toEqual([
      [1, 1, "First one."],
      [1, 2, "First two."],
      [2, 1, "Second one."],
      [2, 2, "Second two."],
      [2, 3, "Second three."],
      [3, 1, "Third one."],
    ]);
    expect(got.map((s) => s.start)).toEqual([0, 11, 23, 35, 47, 65]);
    expectOffsets(source, got);
  });

  it("does not start a paragraph at a single line break", () => {
    const got = splitSentences("One line\ncontinues here. Two.\n\nThree.");
    expect(got.map((s) => [s.paragraph, s.sentence, s.text])).toEqual([
      [1, 1, "One line\ncontinues here."],
      [1, 2, "Two."],
      [2, 1, "Three."],
    ]);
  });

  it('splits Wikipedia-style text with a space before the full stop (" .")', () => {
    const source =
      "Paris is the capital of France . It has about 2 million residents . Its mayor is elected .";
    const got = splitSentences(source);
    expect(got.map((s) => s.text)).toEqual([
      "Paris is the capital of France .",
      "It has about 2 million residents .",
      "Its mayor is elected .",
    ]);
    expectOffsets(source, got);
  });

  it("does not split before a lower-case word", () => {
    expect(texts("Growth was 5 p.c. in total. Fine.")).toEqual(["Growth was 5 p.c. in total.", "Fine."]);
  });

  it("returns nothing for empty or blank text", () => {
    expect(splitSentences("")).toEqual([]);
    expect(splitSentences("  \n\n \t\n")).toEqual([]);
  });

  it("splits the shipped article with exact offsets and keeps its tricky sentences whole", () => {
    const file = parse(readFileSync(SHIPPED, "utf8")) as { sources: { text: string }[] };
    const source = file.sources[0]?.text ?? "";
    const got = splitSentences(source);
    expectOffsets(source, got);
    const all = got.map((s) => s.text);
    expect(all).toContain(
      "The company had to transform after the U.S. placed it on a trade blacklist in 2019.",
    );
    expect(all).toContain(
      "“Huawei had to change direction… due to constant external pressure,” he explained.",
    );
    expect(all).toContain(
      "In 2023, Huawei’s ICT infrastructure unit—home to AI, 5.5G, and enterprise solutions—became its top revenue source, pulling in 362 billion yuan.",
    );
    // The loader numbers the same sentences: what `check` counts is what the splitter produced.
    const k = knowledgeOf(readFileSync(SHIPPED, "utf8"));
    expect(k.sentences.map((s) => s.text)).toEqual(all);
  });
});
