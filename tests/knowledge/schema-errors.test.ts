import { describe, expect, it } from "vitest";
import { loadKnowledgeFile, loadKnowledgeText } from "../../src/knowledge/load.js";
import { formatProblem, type KnowledgeProblem } from "../../src/knowledge/problems.js";
import { fixturePath, fixtureText, positionOf } from "./fixtures.js";

/** Parse and schema problems: each names its code, position, fact and a message a person can act on. */

const VALID = `version: 1
title: T
sources:
  - id: s
    title: S
    text: |
      Huawei makes chips. The U.S. banned it in 2019.
facts:
  - id: f1
    cite:
      - source: s
        quote: Huawei makes chips.
`;

function problemsOf(text: string): KnowledgeProblem[] {
  const r = loadKnowledgeText(text, "k.yaml");
  if (r.ok) throw new Error("expected the knowledge to be refused");
  return r.problems;
}

function onlyProblem(text: string): KnowledgeProblem {
  const problems = problemsOf(text);
  expect(problems).toHaveLength(1);
  return problems[0] as KnowledgeProblem;
}

describe("knowledge file parse and schema errors", () => {
  it("loads the valid base file (so each case below fails for its own reason)", () => {
    expect(loadKnowledgeText(VALID, "k.yaml").ok).toBe(true);
  });

  it("reports a YAML syntax error with its reason", () => {
    const problems = problemsOf(VALID.replace("    title: S", "    title: [S"));
    expect(problems.length).toBeGreaterThan(0);
    const p = problems[0] as KnowledgeProblem;
    expect(p.code).toBe("yaml-syntax");
    expect(p.file).toBe("k.yaml");
    // The flow sequence opened on the title line is reported where YAML sees it end: the next key.
    expect(p.line).toBeGreaterThan(1);
    expect(p.message).toMatch(/^YAML syntax error: Flow sequence/);
    expect(p.message).not.toContain("\n");
    expect(p.hint).toBe("fix the YAML at this position (indentation, quotes, a missing colon)");
  });

  it("reports a duplicate key as a YAML error", () => {
    const p = problemsOf(VALID.replace("title: T\n", "title: T\ntitle: U\n"))[0];
    expect(p?.code).toBe("yaml-syntax");
    expect(p?.message).toBe("YAML syntax error: Map keys must be unique");
  });

  it("refuses an unknown key at the key's own line, naming the fact and the keys allowed", () => {
    const text = VALID.replace("  - id: f1\n", "  - id: f1\n    colour: red\n");
    const p = onlyProblem(text);
    expect(p).toMatchObject({ code: "schema", factId: "f1", ...positionOf(text, "colour: red") });
    expect(p.message).toBe('unknown key "colour" in facts.0');
    expect(p.hint).toContain("the keys allowed here are: id, answer, questions");
    expect(formatProblem(p)).toBe(`k.yaml:10:5: fact "f1": ${p.message}\n  -> ${p.hint}`);
  });

  it("refuses a fact without the required cite list, naming the fact", () => {
    const text = VALID.replace(/ {4}cite:[\s\S]*$/, "    answer: Huawei makes chips.\n");
    const p = onlyProblem(text);
    expect(p).toMatchObject({ code: "schema", factId: "f1", ...positionOf(text, "id: f1") });
    expect(p.message).toMatch(/^facts\.0\.cite: /);
  });

  it("refuses a file without a title, pointing at the document", () => {
    const p = onlyProblem(VALID.replace("title: T\n", ""));
    expect(p).toMatchObject({ code: "schema", line: 1, column: 1 });
    expect(p.factId).toBeUndefined();
    expect(p.message).toMatch(/^title: /);
  });

  it("refuses a wrong version at the version value", () => {
    const text = VALID.replace("version: 1", "version: 2");
    const p = onlyProblem(text);
    expect(p).toMatchObject({ code: "schema", line: 1, column: 10 });
    expect(p.message).toMatch(/^version: .*1/);
  });

  it("refuses a bad fact id with the id rule in the message", () => {
    const text = VALID.replace("id: f1", "id: -bad id");
    const p = onlyProblem(text);
    const at = positionOf(text, "-bad id");
    expect(p).toMatchObject({ code: "schema", factId: "-bad id", ...at });
    expect(p.message).toBe(
      "facts.0.id: ids use letters, digits, '.', '_' and '-' and start with a letter or digit",
    );
  });

  it("reports every schema problem, not only the first", () => {
    const text = VALID.replace("version: 1", "version: 3").replace("id: f1", "id: 'f 1'");
    expect(problemsOf(text).map((p) => p.message.split(":")[0])).toEqual(["version", "facts.0.id"]);
  });

  it("reports an unreadable file as a problem, not an exception", async () => {
    const r = await loadKnowledgeFile(fixturePath("does-not-exist.yaml"));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]).toMatchObject({
      code: "file-unreadable",
      line: 1,
      column: 1,
      message: "cannot read the knowledge file (ENOENT)",
      hint: "check the path in KNOWLEDGE_FILE or --knowledge",
    });
  });
});

describe("JSON knowledge files", () => {
  it("load like YAML", async () => {
    const r = await loadKnowledgeFile(fixturePath("small.json"));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.knowledge.title).toBe("Small JSON memo");
    expect(r.knowledge.facts.map((f) => f.id)).toEqual(["ascend-chip", "memo#p1.s2"]);
  });

  it("report problems at their line and column in the JSON text", () => {
    const text = fixtureText("small.json").replace(
      '"quote": "Huawei designs the Ascend 910 chip for AI training."',
      '"quote": "Huawei designs the Ascend 999 chip for AI training."',
    );
    const p = loadKnowledgeText(text, "k.json");
    expect(p.ok).toBe(false);
    if (p.ok) return;
    const at = positionOf(text, '"Huawei designs the Ascend 999');
    expect(p.problems).toEqual([
      expect.objectContaining({ code: "misquote", file: "k.json", factId: "ascend-chip", ...at }),
    ]);
  });
});
