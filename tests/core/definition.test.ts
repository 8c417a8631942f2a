import { describe, expect, it } from "vitest";
import { definesTopic, definitionTopic } from "../../src/core/definition.js";
import { analyseQuestion } from "../../src/core/question.js";
import { termOf } from "../../src/core/text.js";

/** "What is X?" is answered by a sentence about X, not one that mentions X in passing. */

const topic = (q: string) => definitionTopic(q)?.map(termOf);
const defines = (quote: string, x: string) => definesTopic(quote, x.split(" ").map(termOf));

describe("definitionTopic", () => {
  it.each([
    ["What is 5.5G?", ["5.5g"]],
    ["whats cloudmatrix", ["cloudmatrix"]],
    ["What is TechMoat Consulting?", ["techmoat", termOf("consulting")]],
    [
      "What is DGA-Albright Stonebridge Group, what do they do?",
      ["dga", "albright", termOf("stonebridge"), "group"],
    ],
    ["define CANN pls", ["cann"]],
    ["what is the belt and road initiative", [termOf("belt"), "road", termOf("initiative")]],
  ])("%s -> %j", (q, want) => {
    expect(topic(q)).toEqual(want);
  });

  it.each([
    "What was holding the company back before its comeback?",
    "what was the ascend 910 meant to compete with",
    "what is the revenue of the ICT unit",
    "what happened in 2019",
    "who is jensen huang",
  ])("%s is not a definition question", (q) => {
    expect(definitionTopic(q)).toBeUndefined();
  });

  it("marks the question as a definition and keeps X", () => {
    const a = analyseQuestion("What is TechMoat Consulting?");
    expect(a.intent).toBe("definition");
    expect(a.defines).toEqual(["techmoat", "consulting"]);
  });
});

describe("definesTopic", () => {
  it.each([
    [
      "Huawei also created its own CUDA alternative, CANN, to support AI development within its ecosystem.",
      "cann",
    ],
    [
      "In April 2024, Huawei introduced AI CloudMatrix 384, which connects 384 Ascend 910C chips.",
      "cloudmatrix",
    ],
    ["However, the company worked with Chinese chipmaker SMIC to prove otherwise.", "smic"],
    ["Huawei’s Pangu AI models form another core pillar of its strategy.", "pangu"],
    ["Huawei Cloud, launched in 2017, powers this growing AI stack.", "huawei cloud"],
  ])("%s defines %s", (quote, x) => {
    expect(defines(quote, x)).toBe(true);
  });

  it.each([
    [
      "In 2023, Huawei’s ICT infrastructure unit—home to AI, 5.5G, and enterprise solutions—became its top revenue source, pulling in 362 billion yuan.",
      "5.5g",
    ],
    ["Jeffrey Towson from TechMoat Consulting explained their approach.", "techmoat consulting"],
    [
      "Paul Triolo, SVP for China at DGA-Albright Stonebridge Group, said the company had no choice.",
      "dga albright stonebridge group",
    ],
    ["Unlike general-purpose tools like GPT-4, Pangu supports industry-specific uses.", "gpt 4"],
    ["These include mining, healthcare, finance, and manufacturing.", "healthcare"],
  ])("%s only mentions %s", (quote, x) => {
    expect(defines(quote, x)).toBe(false);
  });
});
