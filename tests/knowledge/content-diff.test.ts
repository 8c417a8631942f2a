import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { KnowledgeStore } from "../../src/knowledge/store.js";
import { runCli } from "../reliability/cli-process.js";
import { SMALL_TEXT } from "../reliability/knowledge-files.js";

/**
 * Issue 12, defect 6: diffs, reload reports and stale flags compare content (the text a fact quotes,
 * the sentences of a source), not positions. A sentence added early in a source moves every later
 * sentence's index: that changes no fact. Editing a quoted sentence flags exactly the facts citing it.
 */

const dir = mkdtempSync(join(tmpdir(), "content-diff-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

// A sentence added to paragraph 1: the sentences of paragraphs 2 and 3 get new indexes.
const ADDED = SMALL_TEXT.replace(
  "The chip competes with Nvidia’s offerings.",
  "The chip competes with Nvidia’s offerings. It ships in clusters.",
);
// The CANN sentence edited, in the source and in the quote of the one fact citing it.
const EDITED = SMALL_TEXT.split("Huawei created CANN to support AI development within its ecosystem.").join(
  "Huawei created CANN to support AI development inside its ecosystem.",
);

interface Comparison {
  changed: string[];
  added: string[];
  removed: string[];
  sources: { source: string; facts: string[] }[];
}

describe("check --diff (the CLI as a process)", () => {
  it("a sentence added before other facts' quotes changes no fact", async () => {
    const r = await runCli([
      "check",
      "--diff",
      write("old.yaml", SMALL_TEXT),
      write("added.yaml", ADDED),
      "--json",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const c = JSON.parse(r.stdout) as Comparison;
    expect(c.changed).toEqual([]);
    expect(c.added).toEqual([]);
    expect(c.removed).toEqual([]);
  }, 30_000);

  it("an edited quoted sentence changes exactly the fact citing it", async () => {
    const r = await runCli([
      "check",
      "--diff",
      write("old2.yaml", SMALL_TEXT),
      write("edited.yaml", EDITED),
      "--json",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const c = JSON.parse(r.stdout) as Comparison;
    expect(c.changed).toEqual(["cann"]);
    expect(c.sources).toEqual([{ source: "memo", facts: ["cann"] }]);
  }, 30_000);
});

describe("reload reports and stale flags", () => {
  it("moving sentences changes nothing; an edited quote flags only its fact", async () => {
    const file = write("store.yaml", SMALL_TEXT);
    const store = new KnowledgeStore({ file });
    expect((await store.reload()).ok).toBe(true);
    // Paragraphs 1 and 3 swapped: every index moves, no text changes.
    const [head, rest] = SMALL_TEXT.split("    text: |\n");
    const [body, tail] = (rest ?? "").split("facts:\n");
    const paragraphs = (body ?? "").trimEnd().split("\n\n");
    const swapped = [paragraphs[2], paragraphs[1], paragraphs[0]].join("\n\n");
    writeFileSync(file, `${head}    text: |\n${swapped}\nfacts:\n${tail}`);
    const moved = await store.reload();
    if (!moved.ok) throw new Error(moved.message);
    expect(moved.changed).toEqual([]);
    expect(moved.changedSources).toEqual([]);
    writeFileSync(file, EDITED);
    const edited = await store.reload();
    if (!edited.ok) throw new Error(edited.message);
    expect(edited.changed).toEqual(["cann"]);
    expect(edited.changedSources).toEqual([{ source: "memo", facts: ["cann"] }]);
  });
});
