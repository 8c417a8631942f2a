import { describe, expect, it } from "vitest";
import { loadKnowledgeText } from "../../src/knowledge/load.js";
import { formatProblem, type KnowledgeProblem } from "../../src/knowledge/problems.js";
import { knowledgeOf, positionOf } from "./fixtures.js";

/** Every quote must be one or more whole consecutive sentences of its source, after normalisation. */

const HEAD = `version: 1
title: T
sources:
  - id: s
    title: S
    url: https://example.com/s
    text: |
      Huawei’s chips — the Ascend line — compete with Nvidia. The U.S. banned it in 2019. It then built “CANN,” its own stack.

      Second paragraph here. Another sentence follows.
facts:
`;

const withQuote = (quote: string, source = "s") =>
  `${HEAD}  - id: f1\n    cite:\n      - source: ${source}\n        quote: ${JSON.stringify(quote)}\n`;

function problemsOf(text: string): KnowledgeProblem[] {
  const r = loadKnowledgeText(text, "k.yaml");
  if (r.ok) throw new Error("expected the knowledge to be refused");
  return r.problems;
}

const citationsOf = (text: string) => knowledgeOf(text).facts.find((f) => f.id === "f1")?.citations;

describe("quote verification", () => {
  it("accepts an exact quote and cites it with source, title, url and locator", () => {
    expect(citationsOf(withQuote("The U.S. banned it in 2019."))).toEqual([
      {
        source: "s",
        title: "S",
        url: "https://example.com/s",
        locator: "paragraph 1, sentence 2",
        quote: "The U.S. banned it in 2019.",
      },
    ]);
  });

  it("accepts straight quotes, hyphens and extra whitespace for curly quotes and dashes, citing the source text", () => {
    const straight = citationsOf(withQuote("Huawei's chips - the Ascend line -  compete\n  with Nvidia."));
    expect(straight?.[0]?.quote).toBe("Huawei’s chips — the Ascend line — compete with Nvidia.");
    const quoted = citationsOf(withQuote('It then built "CANN," its own stack.'));
    expect(quoted?.[0]?.quote).toBe("It then built “CANN,” its own stack.");
  });

  it("refuses a misquote with the fact id, the quote's position and the closest sentence", () => {
    const text = withQuote("Huawei's chips beat Nvidia easily.");
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    const p = problems[0] as KnowledgeProblem;
    expect(p).toMatchObject({
      code: "misquote",
      file: "k.yaml",
      factId: "f1",
      ...positionOf(text, "\"Huawei's chips beat"),
      message: 'quote not found in source "s"',
      hint: 'quote whole sentences verbatim; the closest sentence is: "Huawei’s chips — the Ascend line — compete with Nvidia."',
    });
    expect(formatProblem(p)).toMatch(/^k\.yaml:15:16: fact "f1": quote not found in source "s"\n {2}-> /);
  });

  it("refuses part of a sentence and shows the full sentence", () => {
    const text = withQuote("The U.S. banned it");
    expect(problemsOf(text)).toEqual([
      {
        code: "partial-quote",
        file: "k.yaml",
        factId: "f1",
        ...positionOf(text, '"The U.S. banned it"'),
        message: 'quote is only part of a sentence of source "s"',
        hint: 'quote whole sentences; the full sentence is: "The U.S. banned it in 2019."',
      },
    ]);
  });

  it("accepts two consecutive sentences as one citation with a sentences range", () => {
    const k = knowledgeOf(withQuote("The U.S. banned it in 2019. It then built “CANN,” its own stack."));
    const fact = k.facts.find((f) => f.id === "f1");
    expect(fact?.citations).toHaveLength(1);
    expect(fact?.citations[0]).toMatchObject({
      locator: "paragraph 1, sentences 2-3",
      quote: "The U.S. banned it in 2019. It then built “CANN,” its own stack.",
    });
    expect(fact?.sentences).toEqual([1, 2]);
  });

  it("refuses sentences that are not consecutive", () => {
    const text = withQuote(
      "Huawei’s chips — the Ascend line — compete with Nvidia. It then built “CANN,” its own stack.",
    );
    expect(problemsOf(text).map((p) => [p.code, p.factId])).toEqual([["misquote", "f1"]]);
  });

  it("refuses a quote of an unknown source, listing the known ones", () => {
    const text = withQuote("The U.S. banned it in 2019.", "nope");
    expect(problemsOf(text)).toEqual([
      {
        code: "unknown-source",
        file: "k.yaml",
        factId: "f1",
        ...positionOf(text, "source: nope"),
        column: positionOf(text, "nope").column,
        message: 'cites unknown source "nope"',
        hint: "use one of the source ids: s",
      },
    ]);
  });

  it("refuses a duplicate fact id at the second fact", () => {
    const text = `${HEAD}  - id: f1\n    cite: [{source: s, quote: "Second paragraph here."}]\n  - id: f1\n    cite: [{source: s, quote: "Another sentence follows."}]\n`;
    const at = positionOf(text, 'f1\n    cite: [{source: s, quote: "Another');
    expect(problemsOf(text)).toEqual([
      {
        code: "duplicate-id",
        file: "k.yaml",
        factId: "f1",
        ...at,
        message: 'duplicate fact id "f1"',
        hint: "give every fact its own id",
      },
    ]);
  });

  it("refuses a duplicate source id", () => {
    const again = "  - id: s\n    title: Again\n    text: Other text.\n";
    const text = withQuote("Second paragraph here.").replace("facts:\n", `${again}facts:\n`);
    const p = problemsOf(text);
    const at = positionOf(text, "s\n    title: Again");
    expect(p).toEqual([
      expect.objectContaining({ code: "duplicate-id", message: 'duplicate source id "s"', ...at }),
    ]);
    expect(p[0]?.factId).toBeUndefined();
  });

  it("refuses a test that expects an unknown fact, but accepts expect: unknown", () => {
    const text = `${withQuote("The U.S. banned it in 2019.")}tests:\n  - question: q1\n    expect: nope\n  - question: q2\n    expect: unknown\n`;
    expect(problemsOf(text)).toEqual([
      {
        code: "unknown-test-fact",
        file: "k.yaml",
        ...positionOf(text, "nope"),
        message: 'test expects unknown fact "nope"',
        hint: 'expect a fact id from this file, or "unknown"',
      },
    ]);
  });

  it("lists every bad quote of a file at once", () => {
    const text = `${HEAD}  - id: a\n    cite: [{source: s, quote: "Second paragraph"}]\n  - id: b\n    cite: [{source: s, quote: "Made up."}]\n`;
    expect(problemsOf(text).map((p) => [p.code, p.factId, p.line])).toEqual([
      ["partial-quote", "a", 13],
      ["misquote", "b", 15],
    ]);
  });
});
