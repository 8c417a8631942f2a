import { describe, expect, it } from "vitest";
import { answer } from "../../src/core/answer.js";
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
});
