import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { KnowledgeStore } from "../../src/knowledge/store.js";
import { GARBAGE, knowledgeWarnings, looksLikeGarbage } from "../../src/knowledge/warnings.js";
import { runCli } from "../cli/capture.js";
import { knowledgeOf, loadShipped } from "./fixtures.js";

/** Garbage in: `check` warns (exit 0) about text that is not prose, and such sentences are flagged. */

function fileWith(text: string): string {
  const indented = text
    .split("\n")
    .map((l) => `      ${l}`)
    .join("\n");
  return `version: 1
title: Garbage test
sources:
  - id: prose
    title: Prose
    text: |
      Huawei created CANN to support AI development. It competes with CUDA.
  - id: dump
    title: Dump
    text: |
${indented}
facts: []
`;
}

const RUN_ON = `Rows of ${"word ".repeat(150)}without any full stop`;
const BASE64 = Array.from(
  { length: 30 },
  (_, i) => `QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo${i}MDEyMzQ1Njc4OQ==`,
).join(" ");

describe("looksLikeGarbage()", () => {
  it("passes prose and flags run-on text, encoded data, binary bytes and symbol soup", () => {
    expect(looksLikeGarbage("Huawei Cloud, launched in 2017, powers this growing AI stack.")).toBe(false);
    expect(looksLikeGarbage("See https://example.com/a/very/long/path/that/goes/on/and/on/for/ever.")).toBe(
      false,
    );
    expect(looksLikeGarbage(RUN_ON)).toBe(true);
    expect(RUN_ON.length).toBeGreaterThan(GARBAGE.maxSentenceChars);
    expect(looksLikeGarbage("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVowMTIzNDU2Nzg5QUJDREVG")).toBe(true);
    expect(looksLikeGarbage("PK\u0003\u0004 header bytes")).toBe(true);
    expect(looksLikeGarbage("Caf\ufffd na\ufffdve")).toBe(true);
    expect(looksLikeGarbage("| 12 | 34.5 | 67 | 89 | 10.1 |")).toBe(true);
  });
});

describe("knowledgeWarnings()", () => {
  it("finds nothing in the shipped knowledge, and flags none of its sentences", async () => {
    const k = (await loadShipped()).knowledge;
    expect(knowledgeWarnings(k, "shipped.yaml")).toEqual([]);
    expect(k.sentences.filter((s) => s.noisy)).toEqual([]);
  });

  it("warns about a sentence far longer than prose, with file, source and locator, and flags it", () => {
    const k = knowledgeOf(fileWith(`A normal first sentence. ${RUN_ON}`));
    expect(knowledgeWarnings(k, "k.yaml")).toEqual([
      expect.objectContaining({
        code: "long-sentence",
        file: "k.yaml",
        source: "dump",
        locator: "paragraph 1, sentence 2",
      }),
    ]);
    expect(k.sentences.filter((s) => s.noisy).map((s) => `${s.source} ${s.sentence}`)).toEqual(["dump 2"]);
  });

  it("warns that a source of encoded data or binary bytes is not text, and leaves the prose source alone", () => {
    for (const dump of [BASE64, `PK\ufffd\ufffd\ufffd ${"\ufffd".repeat(40)} x`]) {
      const warnings = knowledgeWarnings(knowledgeOf(fileWith(dump)), "k.yaml");
      expect(warnings.map((w) => [w.code, w.source])).toEqual([["not-text", "dump"]]);
      expect(warnings[0]?.message).toMatch(/^does not look like text: /);
    }
  });

  it("lists a few long sentences per source and counts the rest", () => {
    const paragraphs = Array.from({ length: GARBAGE.listed + 3 }, () => RUN_ON).join("\n\n");
    const warnings = knowledgeWarnings(knowledgeOf(fileWith(paragraphs)), "k.yaml");
    expect(warnings).toHaveLength(GARBAGE.listed + 1);
    expect(warnings.at(-1)?.message).toBe(
      `and 3 more sentences over ${GARBAGE.maxSentenceChars} characters.`,
    );
  });
});

describe("strategy-bot check", () => {
  it("loads a file with garbage (exit 0) and prints each warning on stderr", async () => {
    const dir = mkdtempSync(join(tmpdir(), "warnings-"));
    const file = join(dir, "k.yaml");
    writeFileSync(file, fileWith(`A normal first sentence. ${RUN_ON}`));
    const r = await runCli(["check", file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("OK, version");
    expect(r.stderr).toContain(`${file}: warning: source "dump", paragraph 1, sentence 2: sentence of`);
  });

  it("prints no warning for the shipped file", async () => {
    const r = await runCli(["check"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
  });
});

describe("the store's reload report", () => {
  it("carries the warnings of the knowledge it loaded, and none for clean text", async () => {
    const dir = mkdtempSync(join(tmpdir(), "warnings-"));
    const file = join(dir, "k.yaml");
    writeFileSync(file, fileWith(BASE64));
    const store = new KnowledgeStore({ file });
    const r = await store.reload();
    expect(r.ok && r.warnings?.map((w) => w.code)).toEqual(["not-text"]);
    writeFileSync(file, fileWith("Plain prose about chips. It reads well."));
    const clean = await store.reload();
    expect(clean.ok && clean.warnings).toBeUndefined();
  });
});
