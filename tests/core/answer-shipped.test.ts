import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { readQuestions } from "../../src/cli/eval.js";
import { answer, answerFact } from "../../src/core/answer.js";
import type { SearchIndex } from "../../src/core/index-build.js";
import type { Answer, Citation } from "../../src/core/types.js";
import { loadShipped, QUESTIONS, SHIPPED } from "../knowledge/fixtures.js";

/** answer() on the shipped knowledge: the right quote for in-scope questions, "unknown" for the rest. */

const CANN_SENTENCE =
  "Huawei also created its own CUDA alternative, CANN, to support AI development within its ecosystem.";

let index: SearchIndex;
let questions: string[];
beforeAll(async () => {
  index = await loadShipped();
  const read = await readQuestions(QUESTIONS);
  if (!read.ok) throw new Error(read.error);
  questions = [
    ...read.questions.map((q) => q.question),
    "huwaei ascent chip",
    "clodmatrix",
    "what's the weather in Paris tomorrow",
  ];
});

const allCitations = (a: Answer): Citation[] => [
  ...a.citations,
  ...a.suggestions.flatMap((s) => s.citations),
];

/** True when `quote` is one sentence, or a run of consecutive sentences, of its source as loaded. */
function isSentenceRun(quote: string, source: string): boolean {
  const sentences = index.knowledge.sentences.filter((s) => s.source === source).map((s) => s.text);
  for (let i = 0; i < sentences.length; i++) {
    for (let j = i; j < sentences.length; j++) {
      if (sentences.slice(i, j + 1).join(" ") === quote) return true;
    }
  }
  return false;
}

describe("answer() on the shipped knowledge", () => {
  it('answers "what is CANN?" by quoting the CANN sentence with its source', () => {
    const a = answer("what is CANN?", index);
    expect(a.status).toBe("answered");
    expect(a.factId).toBe("cann-cuda-alternative");
    expect(a.citations).toEqual([
      expect.objectContaining({
        source: "huawei-ai-strategy",
        quote: CANN_SENTENCE,
        locator: "paragraph 5, sentence 3",
      }),
    ]);
    expect(a.citations[0]?.title).toBe(index.knowledge.sources[0]?.title);
    expect(a.suggestions).toEqual([]);
  });

  it.each([
    ["huwaei ascent chip", ["ascend-910-launch", "ascend-910b-910c"]],
    ["clodmatrix", ["cloudmatrix-384", "cloudmatrix-vs-gb200"]],
    ["what is clodmatrix", ["cloudmatrix-384", "cloudmatrix-vs-gb200"]],
    ["jensen huagn on huawei", ["jensen-huang-formidable", "huawei-could-replace-nvidia-in-china"]],
  ])("finds the right fact despite typos: %s", (question, facts) => {
    const a = answer(question, index);
    expect(a.status).not.toBe("unknown");
    expect(facts).toContain(a.factId);
  });

  it.each([
    "what's the weather in Paris tomorrow",
    "vacation policy",
    "what is our vacation policy?",
    "how do I reset my laptop password",
  ])("abstains on an out-of-scope question: %s", (question) => {
    const a = answer(question, index);
    expect(a.status).toBe("unknown");
    expect(a.citations).toEqual([]);
    expect(a.text).toBe("");
    expect(a.factId).toBeUndefined();
  });

  it("keeps confidence within 0..1 for answers and suggestions", () => {
    for (const q of questions) {
      const a = answer(q, index);
      for (const c of [a.confidence, ...a.suggestions.map((s) => s.confidence)]) {
        expect(c).toBeGreaterThanOrEqual(0);
        expect(c).toBeLessThanOrEqual(1);
      }
      if (a.status === "answered") expect(a.suggestions).toEqual([]);
      expect(a.suggestions.length).toBeLessThanOrEqual(3);
    }
  });

  it("quotes only whole sentences (or runs) of the source, verbatim, in every answer and suggestion", () => {
    // The raw text as it stands in the file, independent of the splitter.
    const file = parse(readFileSync(SHIPPED, "utf8")) as { sources: { id: string; text: string }[] };
    const raw = new Map(file.sources.map((s) => [s.id, s.text]));
    let checked = 0;
    for (const q of questions) {
      for (const c of allCitations(answer(q, index))) {
        expect(isSentenceRun(c.quote, c.source), c.quote).toBe(true);
        expect(raw.get(c.source)).toContain(c.quote);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(questions.length / 2);
  });

  it("names the knowledge version in every answer", () => {
    expect(index.knowledge.version).toMatch(/^[0-9a-f]{12}$/);
    for (const q of questions.slice(0, 20)) expect(answer(q, index).version).toBe(index.knowledge.version);
  });

  it.each([
    "<@U123> what is CANN?",
    "<!channel> what is CANN?",
    "<at>Bot</at> what is CANN?",
    "<@U123|bot> <#C1|general> what is CANN?",
  ])("ignores chat markup in the question: %s", (question) => {
    const plain = answer("what is CANN?", index);
    const a = answer(question, index);
    expect({ ...a, question: "" }).toEqual({ ...plain, question: "" });
  });

  it.each([
    ["empty", ""],
    ["whitespace", " \n\t "],
    ["punctuation", "?!..."],
  ])("returns unknown for an %s question", (_what, question) => {
    const a = answer(question, index);
    expect(a.status).toBe("unknown");
    expect(a.citations).toEqual([]);
    expect(a.version).toBe(index.knowledge.version);
  });

  it("does not throw on a huge question", () => {
    const words = `what is CANN? ${"huawei strategy chips cloud ".repeat(4000)}`.slice(0, 100_000);
    expect(words).toHaveLength(100_000);
    const a = answer(words, index);
    expect(["answered", "suggested", "unknown"]).toContain(a.status);
    const oneToken = answer("a".repeat(100_000), index);
    expect(oneToken.status).toBe("unknown");
  });
});

describe("answerFact()", () => {
  it("answers a known fact directly with full confidence", () => {
    const a = answerFact("cann-cuda-alternative", index);
    const fact = index.knowledge.facts.find((f) => f.id === "cann-cuda-alternative");
    expect(a).toMatchObject({
      status: "answered",
      factId: "cann-cuda-alternative",
      text: fact?.answer,
      confidence: 1,
      suggestions: [],
      version: index.knowledge.version,
    });
    expect(a?.citations.map((c) => c.quote)).toEqual([CANN_SENTENCE]);
    expect(a?.question).toBe(fact?.questions[0]);
  });

  it("returns undefined for an unknown fact id", () => {
    expect(answerFact("no-such-fact", index)).toBeUndefined();
  });
});
