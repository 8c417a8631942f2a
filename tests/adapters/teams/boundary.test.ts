import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * botbuilder is archived upstream (successor: @microsoft/agents-hosting). Keeping it inside
 * src/adapters/teams/, and inside two files there, is what makes a later move a one-folder change.
 */

const SRC = fileURLToPath(new URL("../../../src/", import.meta.url));
const SDK =
  /from\s+["'](botbuilder|botframework-[\w-]+)(\/[^"']*)?["']|import\(\s*["'](botbuilder|botframework-)/;
/** The files allowed to import the SDK: the runtime glue and the serialisation fix. */
const ALLOWED = ["adapters/teams/bot.ts", "adapters/teams/entity-fix.ts"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

describe("botbuilder boundary", () => {
  it("only src/adapters/teams/bot.ts and entity-fix.ts import botbuilder or botframework-*", () => {
    const importers = sourceFiles(SRC)
      .filter((f) => SDK.test(readFileSync(f, "utf8")))
      .map((f) => relative(SRC, f).split("\\").join("/"))
      .sort();
    expect(importers).toEqual(ALLOWED);
  });
});
