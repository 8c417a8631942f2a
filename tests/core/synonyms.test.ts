import { describe, expect, it } from "vitest";
import { answer } from "../../src/core/answer.js";
import { parseQuestion } from "../../src/core/query.js";
import { fixtureText, indexOf } from "../knowledge/fixtures.js";

/**
 * Synonym groups let a question use a term the fact never mentions. small.yaml's CANN fact says
 * nothing about CUDA; only the group [CANN, CUDA alternative] connects the two.
 */

const WITH = fixtureText("small.yaml");
const WITHOUT = WITH.replace("synonyms:\n  - [CANN, CUDA alternative]\n", "");

describe("synonyms", () => {
  it("the fixture's CANN fact never mentions CUDA (so only the synonym can connect them)", () => {
    expect(WITHOUT).not.toBe(WITH);
    const cann = indexOf(WITH).knowledge.facts.find((f) => f.id === "cann");
    expect(JSON.stringify(cann).toLowerCase()).not.toContain("cuda");
  });

  it("find a fact from a question that uses only a synonym", () => {
    const a = answer("what is the cuda alternative", indexOf(WITH));
    expect(a.status).not.toBe("unknown");
    expect(a.factId).toBe("cann");
    expect(a.citations[0]?.quote).toBe("Huawei created CANN to support AI development within its ecosystem.");
  });

  it("make the synonym question more confident than without the group", () => {
    const question = "what is the cuda alternative";
    const withGroup = answer(question, indexOf(WITH));
    const withoutGroup = answer(question, indexOf(WITHOUT));
    expect(withoutGroup.factId === "cann" && withoutGroup.status !== "unknown").toBe(false);
    expect(withGroup.confidence).toBeGreaterThan(withoutGroup.confidence);
  });

  it("work in both directions within a group", () => {
    const text = WITH.replaceAll(
      "Huawei created CANN to support AI development within its ecosystem.",
      "Huawei created a CUDA alternative to support AI development within its ecosystem.",
    )
      .replace("Huawei created CANN for AI", "Huawei created a CUDA alternative for AI")
      .replace("What is CANN?", "What did Huawei create for developers?")
      .replace("[CANN, software]", "[software]");
    // A one-word member standing for a two-word one counts for less (weight / sqrt(2)), so the fact
    // may come as the first suggestion rather than the answer; it must still be ranked first.
    const a = answer("cann?", indexOf(text));
    expect(a.factId ?? a.suggestions[0]?.factId).toBe("cann");
    const noGroup = answer("cann?", indexOf(text.replace("synonyms:\n  - [CANN, CUDA alternative]\n", "")));
    expect(noGroup.factId ?? noGroup.suggestions[0]?.factId).toBeUndefined();
  });

  it("do not change answers to questions that use the fact's own words", () => {
    const withGroup = answer("what is CANN?", indexOf(WITH));
    const withoutGroup = answer("what is CANN?", indexOf(WITHOUT));
    expect(withGroup.factId).toBe("cann");
    expect(withoutGroup.factId).toBe("cann");
  });

  it("read a member of several words as a phrase: each word gets only what stands for it", () => {
    const groups = [
      "  - [Ascend chip, ASCEND CHIP]",
      "  - [Ascend, Ascend training]",
      "  - [software, developer ecosystem]",
      "  - [top earner, revenue source]",
    ].join("\n");
    const index = indexOf(WITH.replace("synonyms:\n", `synonyms:\n${groups}\n`));
    const standsFor = (q: string) =>
      Object.fromEntries(parseQuestion(q, index).map((c) => [c.word, c.alternatives.map((a) => a.term)]));
    // The same words in another case: "ascend" must not stand for "chip" nor "chip" for "ascend" (so
    // "Huawei Cloud" made "huawei" match any sentence with "cloud", answering near-misses).
    const chip = standsFor("who makes the ascend chip");
    expect(chip.ascend).toEqual(["ascend"]);
    expect(chip.chip).toEqual(["chip"]);
    // Members sharing a word match through it: "training" is a qualifier, not another "ascend".
    expect(standsFor("what is ascend").ascend).toEqual(["ascend"]);
    // Two words for two words map position by position; a one-word member stands for every word.
    const earner = standsFor("which unit is the top earner");
    expect(earner.top).toEqual(["top", "revenu"]);
    expect(earner.earner ?? []).toContain("sourc");
    expect(earner.earner ?? []).not.toContain("revenu");
    const ecosystem = standsFor("does it have a developer ecosystem");
    expect(ecosystem.develop).toContain("softwar");
    expect(ecosystem.ecosystem).toContain("softwar");
  });
});
