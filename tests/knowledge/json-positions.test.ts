import { describe, expect, it } from "vitest";
import { loadKnowledgeText } from "../../src/knowledge/load.js";

/**
 * JSON knowledge: problem positions come from a linear scan of the JSON text (a big JSON file is never
 * re-parsed as YAML), a flood of schema problems is listed up to 20 and counted after that.
 */

const source = {
  id: "memo",
  title: "Memo",
  text: "Huawei designs the Ascend 910 chip. It competes with Nvidia.",
};
const fact = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  cite: [{ source: "memo", quote: "Huawei designs the Ascend 910 chip." }],
  ...extra,
});
const json = (facts: unknown[]) =>
  JSON.stringify({ version: 1, title: "T", sources: [source], facts }, null, 2);

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split("\n").length;

describe("JSON problem positions", () => {
  it("puts a schema problem at the offending value's line and column", () => {
    const text = json([fact("a"), fact("b", { review_by: "soon" })]);
    const r = loadKnowledgeText(text, "k.json");
    if (r.ok) throw new Error("accepted");
    expect(r.problems[0]).toMatchObject({ line: lineOf(text, '"soon"'), column: 20, factId: "b" });
  });

  it("puts a misquote at its quote", () => {
    const text = json([fact("a"), fact("b", { cite: [{ source: "memo", quote: "Not in the memo." }] })]);
    const r = loadKnowledgeText(text, "k.json");
    if (r.ok) throw new Error("accepted");
    expect(r.problems[0]).toMatchObject({ code: "misquote", line: lineOf(text, '"Not in the memo."') });
  });

  it("lists 20 schema problems and counts the rest", () => {
    const text = json(Array.from({ length: 30 }, (_, i) => ({ id: `f${i}` })));
    const r = loadKnowledgeText(text, "k.json");
    if (r.ok) throw new Error("accepted");
    expect(r.problems).toHaveLength(21);
    expect(r.problems[19]).toMatchObject({ factId: "f19", line: lineOf(text, '"f19"') - 1 });
    expect(r.problems[20]?.message).toBe("10 more problems of the file's structure, not listed");
  });
});
