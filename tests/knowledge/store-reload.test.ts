import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { answer } from "../../src/core/answer.js";
import { KnowledgeStore, type ReloadResult } from "../../src/knowledge/store.js";
import { fixtureText } from "./fixtures.js";

/** KnowledgeStore.reload(): validate and index off to the side, swap atomically, keep serving on failure. */

const SMALL = fixtureText("small.yaml");
/** small.yaml with ascend-chip removed, cann's answer changed and nvidia-rival added. */
const CHANGED = SMALL.replace(/ {2}- id: ascend-chip\n[\s\S]*?(?= {2}- id: cann\n)/, "")
  .replace(
    "answer: Huawei created CANN for AI development within its ecosystem.",
    "answer: CANN is Huawei's own AI development platform.",
  )
  .replace(
    "synonyms:",
    `  - id: nvidia-rival\n    cite:\n      - source: memo\n        quote: "The chip competes with Nvidia’s offerings."\nsynonyms:`,
  );
const BROKEN = SMALL.replace(
  'quote: "Huawei designs the Ascend 910 chip for AI training."',
  'quote: "Huawei designs the Ascend 920 chip for AI training."',
);

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "strategy-bot-store-"));
  file = join(dir, "knowledge.yaml");
  await writeFile(file, SMALL);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const fixedClock = () => new Date("2024-06-01T12:00:00Z");

function ok(r: ReloadResult) {
  if (!r.ok) throw new Error(`expected the reload to succeed:\n${r.message}`);
  return r;
}

describe("KnowledgeStore", () => {
  it("refuses to serve before the first successful load", () => {
    const store = new KnowledgeStore({ file });
    expect(store.loaded).toBe(false);
    expect(() => store.current()).toThrow();
  });

  it("loads a file and reports what it holds", async () => {
    const store = new KnowledgeStore({ file, now: fixedClock });
    const r = ok(await store.reload());
    expect(r).toMatchObject({ added: ["ascend-chip", "cann", "ict-revenue"], removed: [], changed: [] });
    expect(r.previousVersion).toBeUndefined();
    expect(r).toMatchObject({ facts: 5, sentences: 6 });
    expect(store.current().knowledge.version).toBe(r.version);
    expect(store.status()).toMatchObject({
      file,
      version: r.version,
      title: "Small strategy memo",
      facts: 5,
      curatedFacts: 3,
      sentences: 6,
      sources: 1,
      loadedAt: "2024-06-01T12:00:00.000Z",
    });
    expect(store.status().lastError).toBeUndefined();
  });

  it("reports added, removed and changed facts on a reload with a changed file", async () => {
    const store = new KnowledgeStore({ file });
    const first = ok(await store.reload());
    await writeFile(file, CHANGED);
    const r = ok(await store.reload());
    expect(r.added).toEqual(["nvidia-rival"]);
    expect(r.removed).toEqual(["ascend-chip"]);
    expect(r.changed).toEqual(["cann"]);
    expect(r.previousVersion).toBe(first.version);
    expect(r.version).not.toBe(first.version);
    // 3 curated facts + 2 uncited sentences (p1.s1, p2.s2) as implicit facts.
    expect(r).toMatchObject({ facts: 5, sentences: 6 });
    expect(r.ms).toBeGreaterThanOrEqual(0);
  });

  it("reports no changes when the file is reloaded unchanged", async () => {
    const store = new KnowledgeStore({ file });
    const first = ok(await store.reload());
    const again = ok(await store.reload());
    expect(again).toMatchObject({ version: first.version, added: [], removed: [], changed: [] });
  });

  it("keeps the old knowledge serving when the new file is broken, and says why", async () => {
    const store = new KnowledgeStore({ file, now: fixedClock });
    const first = ok(await store.reload());
    await writeFile(file, BROKEN);
    const r = await store.reload();
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.serving).toBe(first.version);
    expect(r.problems).toEqual([expect.objectContaining({ code: "misquote", factId: "ascend-chip", file })]);
    expect(r.message).toContain(`${file}:`);
    expect(r.message).toContain('fact "ascend-chip": quote not found in source "memo"');
    expect(store.current().knowledge.version).toBe(first.version);
    expect(answer("what is CANN?", store.current()).factId).toBe("cann");
    expect(store.status()).toMatchObject({
      version: first.version,
      lastError: { at: "2024-06-01T12:00:00.000Z" },
    });
    expect(store.status().lastError?.message).toBe(r.message);
  });

  it("clears the last error after a later good reload", async () => {
    const store = new KnowledgeStore({ file });
    ok(await store.reload());
    await writeFile(file, "version: 1\ntitle: [broken\n");
    expect((await store.reload()).ok).toBe(false);
    expect(store.status().lastError?.message).toContain("YAML syntax error");
    await writeFile(file, CHANGED);
    const r = ok(await store.reload());
    expect(store.status().lastError).toBeUndefined();
    expect(store.status().version).toBe(r.version);
  });

  it("reports a first load of a broken file without a serving version", async () => {
    await writeFile(file, BROKEN);
    const store = new KnowledgeStore({ file });
    const r = await store.reload();
    expect(r).toMatchObject({ ok: false });
    expect(r.ok === false && r.serving).toBeUndefined();
    expect(store.loaded).toBe(false);
  });

  it("swaps atomically: an index taken before a reload keeps answering from its own version", async () => {
    const store = new KnowledgeStore({ file });
    ok(await store.reload());
    const old = store.current();
    const oldVersion = old.knowledge.version;
    await writeFile(file, CHANGED);
    const r = ok(await store.reload());

    const fromOld = answer("what is CANN?", old);
    expect(fromOld.version).toBe(oldVersion);
    expect(fromOld.text).toBe("Huawei created CANN for AI development within its ecosystem.");
    expect(old.knowledge.facts.some((f) => f.id === "ascend-chip")).toBe(true);

    const fromNew = answer("what is CANN?", store.current());
    expect(fromNew.version).toBe(r.version);
    expect(fromNew.text).toBe("CANN is Huawei's own AI development platform.");
    expect(store.current()).not.toBe(old);
  });

  it("runs concurrent reloads one after another, each seeing a whole file", async () => {
    const store = new KnowledgeStore({ file });
    ok(await store.reload());
    await writeFile(file, CHANGED);
    const results = await Promise.all([store.reload(), store.reload(), store.reload()]);
    expect(results.every((r) => r.ok)).toBe(true);
    const versions = new Set(results.map((r) => (r.ok ? r.version : "")));
    expect(versions.size).toBe(1);
    expect(results.map((r) => (r.ok ? r.changed : []))).toEqual([["cann"], [], []]);
  });
});
