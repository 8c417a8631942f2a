import { describe, expect, it } from "vitest";
import { answer } from "../../src/core/answer.js";
import {
  countsAList,
  enumerates,
  hasCount,
  namesSomeoneElse,
  statesExtent,
  TYPE_BIT,
  typeFlags,
  withoutNumbers,
} from "../../src/core/answer-checks.js";
import { analyseQuestion } from "../../src/core/question.js";
import { loadShipped } from "../knowledge/fixtures.js";

/** Answer-type checks on quotes, and the focus check through the shipped knowledge (issue 11's examples). */

const has = (text: string, type: keyof typeof TYPE_BIT) => (typeFlags(text) & TYPE_BIT[type]) !== 0;

describe("answer-type checks", () => {
  it("finds dates, numbers, amounts, places, reasons and names", () => {
    expect(has("That year, the company launched its Ascend 910 chip in 2019.", "date")).toBe(true);
    expect(has("In April 2024, Huawei introduced AI CloudMatrix 384.", "date")).toBe(true);
    expect(has("Huawei said Pangu has been used widely.", "date")).toBe(false);
    // "may" the verb is not the month.
    expect(has("Huawei may replace Nvidia.", "date")).toBe(false);
    expect(has("It connects 384 Ascend 910C chips.", "number")).toBe(true);
    expect(has("It connects many chips.", "amount")).toBe(false);
    expect(has("It became its top revenue source, pulling in 362 billion yuan.", "amount")).toBe(true);
    expect(has("The company is targeting Belt and Road Initiative countries.", "place")).toBe(true);
    expect(has("The goal is to encourage global adoption.", "reason")).toBe(true);
    expect(has("Huawei launched a chip.", "reason")).toBe(false);
    // A word inside a hyphenated compound is no reason: "why is pangu?" was answered by this.
    expect(
      has("Unlike general-purpose tools like GPT-4, Pangu supports industry-specific uses.", "reason"),
    ).toBe(false);
    expect(has("Its purpose is to grow an ecosystem.", "reason")).toBe(true);
    expect(has("Jeffrey Towson from TechMoat Consulting explained their approach.", "entity")).toBe(true);
  });

  it("a who-answer must name someone the question did not", () => {
    const quote =
      "Huawei Cloud, launched in 2017, powers this growing AI stack. It runs the company's AI data centers.";
    expect(namesSomeoneElse(quote, new Set(["who", "runs", "huawei", "cloud"]))).toBe(false);
    expect(
      namesSomeoneElse("Jack Chen, VP for Huawei's mining unit, said so.", new Set(["huawei", "mining"])),
    ).toBe(true);
  });

  it("a count for how-many is not a year, a model name or the question's own number", () => {
    expect(hasCount("Huawei Cloud was launched in 2017.", [])).toBe(false);
    expect(hasCount("It uses Ascend 910C chips.", [])).toBe(false);
    expect(
      hasCount("Unlike general-purpose tools like GPT-4, Pangu supports industry-specific uses.", []),
    ).toBe(false);
    expect(hasCount("In May 2024, it deployed 100 trucks.", [])).toBe(true);
    expect(hasCount("AI CloudMatrix 384 was unveiled.", ["384"])).toBe(false);
    expect(hasCount("Pangu serves over twenty industries.", [])).toBe(true);
  });

  it("counts a curated name that opens a sentence", () => {
    const quote = "Forrester analysts noted Huawei isn't just catching up.";
    const asked = new Set(["who", "said", "huawei", "catching", "up"]);
    expect(namesSomeoneElse(quote, asked)).toBe(false);
    expect(namesSomeoneElse(quote, asked, new Set(["forrester"]))).toBe(true);
  });

  it("does not count the question's own numbers as the answer", () => {
    const quote = "In April 2024, Huawei introduced AI CloudMatrix 384.";
    expect(has(withoutNumbers(quote, ["384"]), "number")).toBe(true); // 2024 is still there
    expect(has(withoutNumbers("It connects 384 chips.", ["384"]), "number")).toBe(false);
  });
});

describe("counting a list", () => {
  it("reads 'how many did he list/name/mention?' as counting a list of three or more", () => {
    expect(countsAList(new Set(["how", "many", "regions", "did", "jack", "chen", "list"]))).toBe(true);
    expect(countsAList(new Set(["how", "many", "regions", "did", "huawei", "enter"]))).toBe(false);
    expect(
      enumerates("We can deploy this in Central Asia, Africa, Latin America, and the Asia-Pacific."),
    ).toBe(true);
    expect(enumerates("mining, healthcare, finance, and manufacturing")).toBe(true);
    expect(enumerates("AI chips and enterprise cloud.")).toBe(false);
    expect(enumerates("In 2023, Huawei's ICT unit, its top source, grew.")).toBe(false);
  });

  it("answers a count of listed items off the list, and only when the question counts a list", async () => {
    const index = await loadShipped();
    // The list is in the second sentence ("…,” he added.): its "he" is the Jack Chen the first names.
    const listed = answer("How many regions did Jack Chen list as deployment targets?", index);
    expect(listed.status).not.toBe("unknown");
    expect(listed.citations[0]?.quote).toContain("Central Asia, Africa, Latin America");
    expect(listed.gap).toBeUndefined();
    const entered = answer("How many countries has Jack Chen's unit signed contracts with?", index);
    expect(entered.status).not.toBe("answered");
  });
});

describe("how much of X", () => {
  it("is answered by an amount or an extent, and only when the question asks for a part", async () => {
    expect(statesExtent("It controls the full stack—from chips to cloud to applications.")).toBe(true);
    expect(statesExtent("Huawei now competes directly with global leaders like Nvidia.")).toBe(false);
    expect(analyseQuestion("How much of the tech stack does Huawei control?").partOf).toBe(true);
    expect(analyseQuestion("How much does CloudMatrix 384 cost?").partOf).toBeUndefined();
    const index = await loadShipped();
    const part = answer("How much of the tech stack does Huawei control?", index);
    expect(part.status).not.toBe("unknown");
    expect(part.citations[0]?.quote).toContain("full stack");
    // The full stack is not a market share: nothing states one.
    expect(answer("How much of China's AI chip market does Huawei hold?", index).status).toBe("unknown");
  });
});

describe("the names a question is about", () => {
  it("are stated by the fact that answers it, else the answer is at most suggested", async () => {
    const index = await loadShipped();
    // The ICT unit's revenue names Huawei and has how-much example questions, but not Huawei Cloud.
    const cloud = answer("How much revenue did Huawei Cloud make last year?", index);
    expect(cloud.status).not.toBe("answered");
    const best = index.scorer.rank("How much revenue did Huawei Cloud make last year?").candidates[0];
    expect(best?.namesCovered).toBe(false);
    // A lone "Huawei" is the knowledge's subject, not a name any fact must state.
    const ict = answer("How much revenue did Huawei's ICT infrastructure unit make in 2023?", index);
    expect(ict.status).toBe("answered");
    expect(ict.citations[0]?.quote).toContain("362 billion yuan");
    // Named in the fact's example questions counts: "Nvidia's CUDA" is what CANN replaces.
    const cann = index.scorer.rank("What's Huawei's answer to Nvidia's programming platform?").candidates[0];
    expect(index.knowledge.facts[cann?.doc ?? -1]?.id).toBe("cann-cuda-alternative");
    expect(cann?.namesCovered).toBe(true);
  });
});

describe("why- and when-checks read the sentence that answers", () => {
  it("a why-question about the cause in an 'after …' clause is not answered by its effect", async () => {
    const index = await loadShipped();
    // "The company had to transform after the U.S. placed it on a trade blacklist in 2019."
    const why = answer("Why did the US put Huawei on the trade blacklist?", index);
    expect(why.status).not.toBe("answered");
    const transform = answer("why did huawei have to transform?", index);
    expect(transform.status).toBe("answered");
    expect(transform.citations[0]?.quote).toContain("trade blacklist");
  });

  it("a when-question's example question does not vouch past the sentence naming what is asked", async () => {
    const index = await loadShipped();
    // The Ascend fact's only date (2019) stands beside the 910, not the 910C.
    expect(answer("When will the 910C mass rollout actually happen?", index).status).not.toBe("answered");
    expect(answer("when did huawei launch the ascend 910?", index).status).toBe("answered");
  });

  it("asks for the total when a question says 'total' and 'make' or 'revenue', in either order", async () => {
    const index = await loadShipped();
    const total = answer("how much did huawei make in total revenue in 2023, all units combined?", index);
    expect(total.status).not.toBe("answered");
    expect(total.gap?.missing).toBe("the total");
  });

  it("reads 'define X' as 'what is X'", async () => {
    const index = await loadShipped();
    const defined = answer("define pangu", index);
    expect(defined.status).not.toBe("unknown");
    expect(defined.factId).toBe(answer("what is pangu?", index).factId);
  });
});

describe("focus and type checks on the shipped knowledge", () => {
  it("never answers what the knowledge does not state, and says what it does know", async () => {
    const index = await loadShipped();
    const runs = answer("Who runs Huawei Cloud?", index);
    expect(runs.status).not.toBe("answered");
    expect(runs.gap).toEqual({ topic: "Huawei Cloud", missing: "who runs it" });
    const price = answer("How much does CloudMatrix 384 cost?", index);
    expect(price.status).not.toBe("answered");
    expect(price.gap).toEqual({ topic: "CloudMatrix 384", missing: "price" });
    const developers = answer("How many developers use CANN?", index);
    expect(developers.status).not.toBe("answered");
    expect(developers.gap).toEqual({ topic: "CANN", missing: "how many developers" });
    expect(answer("Who is the CEO of TechMoat Consulting?", index).status).not.toBe("answered");
    expect(answer("What is Pangu's market share?", index).status).not.toBe("answered");
  });

  it("still answers the questions the knowledge does answer", async () => {
    const index = await loadShipped();
    const when = answer("when was huawei put on the blacklist", index);
    expect(when.status).toBe("answered");
    expect(when.gap).toBeUndefined();
    expect(answer("What is CANN?", index).factId).toBe("cann-cuda-alternative");
  });
});
