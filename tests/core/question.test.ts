import { describe, expect, it } from "vitest";
import { analyseQuestion } from "../../src/core/question.js";

/** Question analysis: question words are signals (intent, expected answer type, focus), not stopwords. */

describe("analyseQuestion", () => {
  it.each([
    ["Who runs Huawei Cloud?", "who", "entity"],
    ["When did Huawei launch the Ascend 910?", "when", "date"],
    ["Which year was Huawei blacklisted?", "when", "date"],
    ["Where is Huawei expanding?", "where", "place"],
    ["which countries is huawei targeting", "where", "place"],
    ["Why did Huawei open-source Pangu?", "why", "reason"],
    ["what is the reason huawei built cann", "why", "reason"],
    ["How many developers use CANN?", "how-many", "number"],
    ["How much does CloudMatrix 384 cost?", "how-much", "amount"],
    ["how does huawei compete", "how", undefined],
    ["Is Pangu open source?", "yes-no", undefined],
    ["hauwei vs nvdia", "compare", undefined],
    ["what is pangu?", "definition", undefined],
    ["what did jensen huang say about huawei", "what", undefined],
  ])("%s -> %s", (question, intent, expects) => {
    const a = analyseQuestion(question);
    expect(a.intent).toBe(intent);
    expect(a.expects).toBe(expects);
  });

  it("finds the attribute asked about (focus) and keeps it out of the topic", () => {
    const runs = analyseQuestion("Who runs Huawei Cloud?");
    expect(runs.focus?.name).toBe("who runs it");
    expect(runs.topic).toEqual(["huawei", "cloud"]);
    // "runs" itself does not cover the focus: "It runs the company's data centers" says nothing of who.
    expect(runs.focus?.terms).not.toContain("run");
    expect(analyseQuestion("How much does CloudMatrix 384 cost?").focus?.name).toBe("price");
    expect(analyseQuestion("What is Pangu's market share?").focus?.name).toBe("market share");
    expect(analyseQuestion("how much did huawei make last year").focus?.name).toBe("revenue");
    expect(analyseQuestion("how many employees does huawei have").focus?.name).toBe("headcount");
    expect(analyseQuestion("What does CANN stand for?").focus?.name).toBe("what it stands for");
    expect(analyseQuestion("At which event did Huang speak?").focus?.name).toBe("event");
  });

  it("asks for no focus where a focus word is used in passing", () => {
    // "make" is revenue only in how-much questions; "people" is a headcount only when counted.
    expect(analyseQuestion("what does huawei make").focus).toBeUndefined();
    expect(analyseQuestion("what do people say about pangu").focus).toBeUndefined();
    expect(analyseQuestion("what is CANN?").focus).toBeUndefined();
  });

  it("collects capitalised names (not the first word) and numbers", () => {
    const a = analyseQuestion("How many CloudMatrix 384 systems has Huawei shipped?");
    expect(a.names).toEqual(["cloudmatrix", "huawei"]);
    expect(a.numbers).toEqual(["384"]);
    expect(analyseQuestion("what is pangu").names).toEqual([]);
  });
});

describe("focus lexicon: attributes a fact may never state", () => {
  it.each([
    ["What was Huawei's total revenue in 2023?", "the total"],
    ["What percentage of Huawei's revenue comes from the ICT unit?", "what share"],
    ["what programming languages does CANN support", "which languages"],
    ["What license was Pangu open-sourced under?", "its licence"],
    ["Who manufactures the mining trucks?", "who makes it"],
    ["where does huawei make the mining trucks", "where it is made"],
  ])("%s -> %s", (q, name) => {
    expect(analyseQuestion(q).focus?.name).toBe(name);
  });

  it("reads 'total' as money only next to revenue words", () => {
    expect(analyseQuestion("what is the total number of chips in cloudmatrix").focus?.name).not.toBe(
      "the total",
    );
  });
});
