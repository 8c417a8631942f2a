import { mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { KnowledgeStore, type ReloadResult } from "../../src/knowledge/store.js";
import { fixtureText } from "./fixtures.js";

/** KNOWLEDGE_WATCH: store.watch() reloads when the file is rewritten, after a quiet period. */

const SMALL = fixtureText("small.yaml");
const CHANGED = SMALL.replace(
  "answer: Huawei created CANN for AI development within its ecosystem.",
  "answer: CANN is Huawei's own AI development platform.",
);

let dir: string;
let file: string;
let store: KnowledgeStore;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "strategy-bot-watch-"));
  file = join(dir, "knowledge.yaml");
  await writeFile(file, SMALL);
  store = new KnowledgeStore({ file });
  const first = await store.reload();
  if (!first.ok) throw new Error(first.message);
});
afterEach(async () => {
  store.close();
  await rm(dir, { recursive: true, force: true });
});

const WAIT = { timeout: 10_000, interval: 25 };

describe("KnowledgeStore.watch()", () => {
  it("reloads when the file is rewritten in place", async () => {
    const before = store.current().knowledge.version;
    const seen: ReloadResult[] = [];
    store.watch((r) => seen.push(r), 50);
    await writeFile(file, CHANGED);
    await vi.waitFor(() => expect(store.current().knowledge.version).not.toBe(before), WAIT);
    // Editors may fire several events; the first successful reload is the one that swapped.
    await vi.waitFor(() => expect(seen.some((r) => r.ok)).toBe(true), WAIT);
    expect(seen.find((r) => r.ok)).toMatchObject({ ok: true, changed: ["cann"], previousVersion: before });
  });

  it("reloads when an editor saves by writing a temp file and renaming it over the original", async () => {
    const before = store.current().knowledge.version;
    store.watch(() => {}, 50);
    const temp = join(dir, ".knowledge.yaml.tmp");
    await writeFile(temp, CHANGED);
    await rename(temp, file);
    await vi.waitFor(() => expect(store.current().knowledge.version).not.toBe(before), WAIT);
    expect(store.current().knowledge.facts.find((f) => f.id === "cann")?.answer).toBe(
      "CANN is Huawei's own AI development platform.",
    );
  });

  it("reports a broken save to the callback and keeps serving the old knowledge", async () => {
    const before = store.current().knowledge.version;
    const seen: ReloadResult[] = [];
    store.watch((r) => seen.push(r), 50);
    await writeFile(file, "version: 1\ntitle: [broken\n");
    await vi.waitFor(() => expect(seen.some((r) => !r.ok)).toBe(true), WAIT);
    expect(store.current().knowledge.version).toBe(before);
    expect(store.status().lastError?.message).toContain("YAML syntax error");
  });

  it("ignores other files in the same folder", async () => {
    const seen: ReloadResult[] = [];
    store.watch((r) => seen.push(r), 20);
    await writeFile(join(dir, "notes.txt"), "unrelated");
    // Long enough for the debounce to fire had the change counted; a sentinel write then proves the
    // watcher was alive all along.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(seen).toEqual([]);
    await writeFile(file, CHANGED);
    await vi.waitFor(() => expect(seen.length).toBeGreaterThan(0), WAIT);
  });
});
