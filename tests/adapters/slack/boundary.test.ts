import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL("../../../src/", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

const importers = (pattern: RegExp) =>
  sources(SRC)
    .filter((f) => pattern.test(readFileSync(f, "utf8")))
    .map((f) => relative(SRC, f));

describe("Slack SDK boundary", () => {
  it("only src/adapters/slack/app.ts imports @slack/*", () => {
    expect(importers(/from\s+["']@slack\//)).toEqual(["adapters/slack/app.ts"]);
  });

  it("the core, the knowledge and the bot logic import no adapter", () => {
    const all = importers(/from\s+["'][./]*\/adapters\//);
    expect(all).toContain("main.ts"); // the wiring does, which shows the pattern matches
    expect(all.filter((f) => !f.startsWith("adapters/") && f !== "main.ts")).toEqual([]);
  });
});
