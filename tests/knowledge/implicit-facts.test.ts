import { describe, expect, it } from "vitest";
import { answer } from "../../src/core/answer.js";
import { buildIndex } from "../../src/core/index-build.js";
import { fixtureText, indexOf, knowledgeOf } from "./fixtures.js";

/** Sentences no curated fact cites answer as implicit facts, so nothing in a source is unreachable. */

describe("a sources-only knowledge file", () => {
  const knowledge = knowledgeOf(fixtureText("sources-only.yaml"));
  const byId = new Map(knowledge.facts.map((f) => [f.id, f]));

  it("makes every sentence an implicit fact with a source#paragraph.sentence id", () => {
    expect(knowledge.facts.map((f) => f.id)).toEqual([
      "notes#p1.s1",
      "notes#p1.s2",
      "notes#p2.s1",
      "notes#p2.s2",
      "notes#p2.s3",
    ]);
    expect(knowledge.facts.every((f) => !f.curated)).toBe(true);
  });

  it("cites a sentence that opens with It/These/That together with the previous sentence", () => {
    expect(byId.get("notes#p1.s2")?.citations).toEqual([
      {
        source: "notes",
        title: "Field notes on Pangu",
        locator: "paragraph 1, sentences 1-2",
        quote: "The mining pilot started in May 2024 near Ordos. It uses one hundred self-driving trucks.",
      },
    ]);
    expect(byId.get("notes#p2.s2")?.citations[0]?.quote).toBe(
      "Pangu supports finance and healthcare. These industries need tailored models.",
    );
    expect(byId.get("notes#p2.s3")?.citations[0]).toMatchObject({
      locator: "paragraph 2, sentences 2-3",
      quote: "These industries need tailored models. That matters for regulators in Europe.",
    });
  });

  it("cites a self-contained sentence alone, and never reaches into the previous paragraph", () => {
    expect(byId.get("notes#p1.s1")?.citations[0]).toMatchObject({
      locator: "paragraph 1, sentence 1",
      quote: "The mining pilot started in May 2024 near Ordos.",
    });
    expect(byId.get("notes#p2.s1")?.citations[0]).toMatchObject({
      locator: "paragraph 2, sentence 1",
      quote: "Pangu supports finance and healthcare.",
    });
  });

  it("answers questions from the sentences", () => {
    const index = buildIndex(knowledge);
    const trucks = answer("how many self-driving trucks are in the mining pilot?", index);
    // Sources-only knowledge answers only when the learned calibration (profile "sources") is sure;
    // a five-sentence file gives little evidence, so the right sentence comes as a suggestion.
    expect(trucks.status).not.toBe("unknown");
    expect(trucks.factId).toBe("notes#p1.s2");
    expect(trucks.text).toBe(trucks.citations[0]?.quote);
    expect(trucks.citations[0]?.quote).toContain("It uses one hundred self-driving trucks.");

    const industries = answer("which industries does pangu support", index);
    expect(industries.status).not.toBe("unknown");
    expect(industries.citations[0]?.quote).toContain("Pangu supports finance and healthcare.");
  });

  it("does not answer what the sentences do not say", () => {
    const a = answer("what is the vacation policy", buildIndex(knowledge));
    expect(a.status).toBe("unknown");
    expect(a.citations).toEqual([]);
  });
});

describe("implicit facts beside curated ones", () => {
  const index = indexOf(fixtureText("small.yaml"));

  it("keeps every uncited sentence answerable", () => {
    const implicit = index.knowledge.facts.filter((f) => !f.curated).map((f) => f.id);
    expect(implicit).toEqual(["memo#p1.s2", "memo#p2.s2"]);
    const a = answer("do developers prefer nvidia tools?", index);
    expect(a.factId).toBe("memo#p2.s2");
    expect(a.citations[0]?.quote).toBe("Developers still prefer Nvidia’s tools.");
  });

  it("covers every sentence by a curated or an implicit fact", () => {
    const covered = new Set(index.knowledge.facts.flatMap((f) => f.sentences));
    expect([...covered].sort((a, b) => a - b)).toEqual(index.knowledge.sentences.map((s) => s.index));
  });
});
