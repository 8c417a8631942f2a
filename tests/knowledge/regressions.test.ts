import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { answer } from "../../src/core/answer.js";
import { loadKnowledgeText } from "../../src/knowledge/load.js";
import { splitSentences } from "../../src/knowledge/sentences.js";
import { KnowledgeStore } from "../../src/knowledge/store.js";
import { fixtureText, indexOf } from "./fixtures.js";

/** Bugs found by review, each pinned by the behaviour a user would see. */
describe("regressions", () => {
  it("reports a YAML syntax error at its real line, not 1:1", () => {
    const r = loadKnowledgeText(
      "version: 1\ntitle: T\nsources:\n  - id: s\n    title: [S\n    text: x\n",
      "k.yaml",
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ code: "yaml-syntax", line: 6, column: 5 });
  });

  it("does not end a sentence at an initial", () => {
    expect(splitSentences("Analyst Paul J. Triolo said so. It ended.").map((s) => s.text)).toEqual([
      "Analyst Paul J. Triolo said so.",
      "It ended.",
    ]);
  });

  it("refuses a quote that spans two paragraphs (its citation could not be verbatim)", () => {
    const text = fixtureText("small.yaml").replace(
      'quote: "Huawei designs the Ascend 910 chip for AI training."',
      'quote: "The chip competes with Nvidia’s offerings. Huawei created CANN to support AI development within its ecosystem."',
    );
    const r = loadKnowledgeText(text, "small.yaml");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ code: "misquote", factId: "ascend-chip" });
  });

  it("answers a one-huge-word question quickly enough to not need fuzzy matching of it", () => {
    const index = indexOf(fixtureText("small.yaml"));
    const a = answer("x".repeat(100_000), index);
    expect(a.status).toBe("unknown");
    expect(a.question.length).toBeLessThanOrEqual(2000);
  });

  it("reports a JSON file's errors at their line (positions are computed lazily)", () => {
    const json =
      '{\n  "version": 1,\n  "title": "T",\n  "sources": [\n    { "id": "s", "title": "S", "text": "A. B." }\n  ],\n  "facts": [\n    { "id": "f", "cite": [{ "source": "s", "quote": "C." }] }\n  ]\n}\n';
    const r = loadKnowledgeText(json, "k.json");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ code: "misquote", factId: "f", line: 8 });
  });

  it("keeps real words that are one letter from a stopword ('cost' is not a misspelt 'most')", () => {
    const index = indexOf(fixtureText("small.yaml"));
    const withCost = answer("how much does the ascend chip cost", index);
    const without = answer("how much does the ascend chip", index);
    // "cost" is unknown to the knowledge, so keeping it must lower confidence rather than vanish.
    expect(withCost.confidence).toBeLessThan(without.confidence);
  });

  it("treats an empty PORT as unset", () => {
    const r = loadConfig({ PORT: "" });
    expect(r.ok && r.config.PORT).toBe(3978);
  });
});

describe("test questions gate a reload", () => {
  const withTests = (tests: string) => `${fixtureText("small.yaml").trimEnd()}\ntests:\n${tests}\n`;

  it("check-style failure: a file whose test fails is refused and the old knowledge serves", async () => {
    const dir = await mkdtemp(join(tmpdir(), "gate-"));
    const file = join(dir, "k.yaml");
    await writeFile(file, withTests('  - { question: "what is CANN?", expect: cann }'));
    const store = new KnowledgeStore({ file });
    const first = await store.reload();
    expect(first.ok).toBe(true);
    const serving = store.current().knowledge.version;

    await writeFile(file, withTests('  - { question: "what is CANN?", expect: ascend-chip }'));
    const second = await store.reload();
    expect(second.ok).toBe(false);
    if (!second.ok) {
      expect(second.problems[0]).toMatchObject({ code: "test-failed" });
      expect(second.message).toContain(
        'test question "what is CANN?" expects ascend-chip but is answered with cann',
      );
      expect(second.message).toMatch(/k\.yaml:\d+:\d+/);
    }
    expect(store.current().knowledge.version).toBe(serving);
    expect(store.status().lastError?.message).toContain("expects ascend-chip");
  });

  it("a test expecting unknown passes only when the bot abstains", async () => {
    const dir = await mkdtemp(join(tmpdir(), "gate-"));
    const file = join(dir, "k.yaml");
    await writeFile(file, withTests('  - { question: "what is CANN?", expect: unknown }'));
    const r = await new KnowledgeStore({ file }).reload();
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain("expects unknown but is answered with cann");
  });
});
