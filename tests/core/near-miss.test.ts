import { describe, expect, it } from "vitest";
import { answer } from "../../src/core/answer.js";
import { focusCoveredBy } from "../../src/core/focus-cover.js";
import { namesIn } from "../../src/core/gap.js";
import { analyseQuestion } from "../../src/core/question.js";
import { termOf, words } from "../../src/core/text.js";
import { fixtureText, indexOf, loadShipped } from "../knowledge/fixtures.js";

/**
 * Near-misses (the knowledge's own entities, an attribute it never states) are declined with a gap
 * naming the topic as the knowledge spells it, and the closest facts about that topic as suggestions.
 */

const termsOf = (text: string) => [words(text).map(termOf)];

describe("focus cover", () => {
  it("reads the role next to the topic: another company's CEO does not answer", () => {
    const who = analyseQuestion("Who is Huawei's CEO?");
    expect(focusCoveredBy(who, termsOf("Nvidia CEO Jensen Huang called Huawei formidable."), false)).toBe(
      false,
    );
    expect(focusCoveredBy(who, termsOf("Huawei CEO Ren Zhengfei spoke."), false)).toBe(true);
    expect(focusCoveredBy(who, termsOf("Ren Zhengfei, the CEO of Huawei, spoke."), false)).toBe(true);
  });

  it("wants a number for a numeric attribute", () => {
    const share = analyseQuestion("What is Pangu's market share?");
    expect(focusCoveredBy(share, termsOf("Pangu gained market share."), false)).toBe(false);
    expect(focusCoveredBy(share, termsOf("Pangu holds a 12% share."), true)).toBe(true);
  });
});

describe("gap topics", () => {
  it("are the question's names as the quote writes them, joined runs, no repeats", () => {
    const topic = new Set(["belt", "road", "countri"].map(termOf));
    expect(namesIn("It targets Belt and Road Initiative countries.", topic)).toEqual(["Belt and Road"]);
    const cm = new Set(["cloudmatrix", "384"]);
    expect(namesIn("Huawei introduced CloudMatrix 384. The 384 chips…", cm)).toEqual(["CloudMatrix 384"]);
    // Lower-case words are not names: "open source" never becomes "openness sourced".
    expect(namesIn("Huawei's AI strategy embraces openness.", new Set(["open", "sourc"]))).toEqual([]);
  });
});

describe("near-misses on the shipped knowledge", () => {
  it("declines Pangu's market share naming Pangu, and offers the Pangu facts", async () => {
    const a = answer("What is Pangu's market share?", await loadShipped());
    expect(a.status).not.toBe("answered");
    expect(a.gap).toEqual({ topic: "Pangu", missing: "market share" });
    expect(a.suggestions.length).toBeGreaterThan(0);
    expect(a.suggestions.every((s) => s.answer.includes("Pangu"))).toBe(true);
  });

  it("does not answer who runs Huawei with another company's CEO, but keeps that CEO's own question", async () => {
    const index = await loadShipped();
    const ceo = answer("Who is Huawei's CEO?", index);
    expect(ceo.status).not.toBe("answered");
    expect(ceo.gap).toEqual({ topic: "Huawei", missing: "who runs it" });
    expect(answer("nvida ceo on huawei", index).factId).toBe("jensen-huang-formidable");
  });

  it("never answers about a name the knowledge does not know, and says so", async () => {
    const index = await loadShipped();
    const vs = answer("How does the Ascend 910C compare with Nvidia's H100?", index);
    expect(vs.status).not.toBe("answered");
    expect(vs.gap?.missing).toBe("anything about H100");
    const deepseek = answer("How does Pangu compare to DeepSeek?", index);
    expect(deepseek.status).not.toBe("answered");
    expect(deepseek.gap).toEqual({ topic: "Pangu", missing: "anything about DeepSeek" });
    // A typo of a known name is not unknown.
    expect(answer("When did Huawei launch the Ascned 910?", index).status).toBe("answered");
  });

  it("wants the date in the sentence that names what was asked about", async () => {
    const index = await loadShipped();
    // The quote's date (April 2024) is CloudMatrix's; GB200 NVL72 is named in the next sentence.
    expect(answer("when did nvidia release the gb200 nvl72", index).status).not.toBe("answered");
    expect(answer("When did Huawei introduce CloudMatrix 384?", index).status).toBe("answered");
  });

  it("answers 'which industries?' with the fact naming them, not the one counting them", async () => {
    const index = await loadShipped();
    expect(answer("which industries is pangu used in", index).citations[0]?.quote).toContain(
      "mining, healthcare",
    );
    expect(answer("how many industries is pangu used in", index).citations[0]?.quote).toContain(
      "over 20 sectors",
    );
  });

  it("reads counts, amounts and roles as belonging to what the question asks about", async () => {
    const index = await loadShipped();
    // 384 is CloudMatrix's chip count; the GB200 NVL72 sentence counts nothing.
    expect(answer("How many GPUs are in Nvidia's GB200 NVL72?", index).status).not.toBe("answered");
    expect(answer("How many chips does the CloudMatrix 384 connect?", index).status).toBe("answered");
    // The question states the amount itself: it asks for a part of it.
    expect(answer("How much of the ICT unit's 362 billion yuan came from AI?", index).status).not.toBe(
      "answered",
    );
    expect(answer("how much revenue did the ICT unit make in 2023", index).status).toBe("answered");
    // An SVP for China at DGA-Albright Stonebridge does not head it.
    expect(answer("Who heads DGA-Albright Stonebridge Group?", index).status).not.toBe("answered");
  });

  it("'which mine?' wants a mine named in the fact, not 'mining trucks' or a keyword", async () => {
    const index = await loadShipped();
    expect(answer("Which mine are the self-driving trucks deployed at?", index).status).not.toBe("answered");
    expect(answer("which industries is pangu used in", index).status).toBe("answered");
  });

  it("does not take a passing mention for a definition", async () => {
    const index = await loadShipped();
    const techmoat = answer("What is TechMoat Consulting?", index);
    expect(techmoat.status).not.toBe("answered");
    expect(techmoat.gap?.missing).toBe("what it is");
    expect(answer("What is 5.5G?", index).status).not.toBe("answered");
    expect(answer("what is CANN?", index).status).toBe("answered");
  });

  it("gives no gap for a question about what the knowledge does not cover", async () => {
    const index = await loadShipped();
    expect(answer("How much does a Tesla Model 3 cost?", index).gap).toBeUndefined();
    // It knows Nvidia, not Nvidia's stock.
    expect(answer("nvidia stock price", index).gap).toBeUndefined();
  });

  it("reads 'how much better … than' as a comparison, not an amount", () => {
    expect(analyseQuestion("how much better is cloudmatrix than nvidia's gb200").intent).toBe("compare");
    expect(analyseQuestion("how much did the ict unit earn").intent).toBe("how-much");
  });

  it("a why question prefers the fact giving the reason, a when question the dated one", async () => {
    const index = await loadShipped();
    expect(answer("why did huawei open source pangu", index).factId).toBe(
      "open-source-goal-ascend-ecosystem",
    );
    expect(answer("when did huawei open source pangu", index).factId).toBe("pangu-open-sourced");
  });
});

describe("near-misses on a small file", () => {
  it("still offers the closest fact about the topic", () => {
    const a = answer("How much does CANN cost?", indexOf(fixtureText("small.yaml")));
    expect(a.status).not.toBe("answered");
    expect(a.gap).toEqual({ topic: "CANN", missing: "price" });
    expect(a.suggestions.map((s) => s.factId)).toContain("cann");
  });
});
