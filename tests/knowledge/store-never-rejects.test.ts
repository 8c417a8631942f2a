import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { KnowledgeStore, type SourceHashKeeper } from "../../src/knowledge/store.js";
import { createLogger } from "../../src/log.js";
import { fixtureText } from "./fixtures.js";

/**
 * KnowledgeStore.reload() resolves whatever happens (issue 12): the SIGHUP, watch, chat and web paths,
 * and the PostgreSQL reload signalling, rely on it never rejecting.
 */

const dir = mkdtempSync(join(tmpdir(), "store-never-rejects-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const throwing: SourceHashKeeper = {
  loadSourceHashes: () => {
    throw new Error("keeper down (sync)");
  },
  saveSourceHashes: () => {
    throw new Error("keeper down (sync)");
  },
};

describe("KnowledgeStore.reload never rejects", () => {
  it("a missing file is a refused reload", async () => {
    const store = new KnowledgeStore({ file: join(dir, "missing.yaml") });
    const r = await store.reload();
    expect(r.ok).toBe(false);
    expect(store.status().lastError?.message).toContain("cannot read the knowledge file (ENOENT)");
  });

  it("a hash keeper that throws at once neither refuses the reload nor hides the swap", async () => {
    const file = join(dir, "small.yaml");
    writeFileSync(file, fixtureText("small.yaml"));
    const lines: Record<string, unknown>[] = [];
    const log = createLogger("debug", (l) => lines.push(JSON.parse(l) as Record<string, unknown>));
    const store = new KnowledgeStore({ file, hashes: throwing, log });
    const r = await store.reload();
    expect(r.ok).toBe(true);
    expect(store.loaded).toBe(true);
    expect(store.status().lastError).toBeUndefined();
    expect(lines.some((l) => l.msg === "knowledge source hashes not saved")).toBe(true);
  });

  it("concurrent reloads of a broken file all resolve, one after another", async () => {
    const file = join(dir, "broken.yaml");
    writeFileSync(file, "version: 1\ntitle: [broken\n");
    const store = new KnowledgeStore({ file });
    const results = await Promise.all([store.reload(), store.reload(), store.reload()]);
    expect(results.map((r) => r.ok)).toEqual([false, false, false]);
  });
});
