import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { fixturePath, QUESTIONS } from "../knowledge/fixtures.js";
import { runCli } from "./capture.js";

/** What a new user typing commands by hand runs into: typos, early-closed pipes, odd knowledge files. */

const ENTRY = fileURLToPath(new URL("../reliability/serve-entry.ts", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "strategy-bot-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe("did you mean", () => {
  it("names the closest command", async () => {
    const r = await runCli(["chekc"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command "chekc": did you mean "strategy-bot check"?');
    expect((await runCli(["repotr"])).stderr).toContain('did you mean "strategy-bot report"?');
    expect((await runCli(["zzzzzz"])).stderr).not.toContain("did you mean");
  });

  it("names the closest flag of that command, in plain words", async () => {
    const r = await runCli(["ask", "--jsn", "what is CANN?"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option --jsn (did you mean --json?)");
    expect(r.stderr).not.toContain("To specify a positional argument");
    expect((await runCli(["eval", "--question", QUESTIONS])).stderr).toContain("did you mean --questions?");
    expect((await runCli(["ask", "what is CANN?", "--knowledge"])).stderr).toContain(
      "--knowledge needs a value",
    );
  });

  it("check --diff with one file says the second is missing", async () => {
    const r = await runCli(["check", "--diff", fixturePath("small.yaml")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `check --diff needs two knowledge files; got only ${fixturePath("small.yaml")}`,
    );
  });
});

describe("knowledge files a person gets wrong", () => {
  it("an empty file is called empty", async () => {
    for (const text of ["", "# only a comment\n"]) {
      const path = file("empty.yaml", text);
      const r = await runCli(["check", path]);
      expect(r.code).toBe(3);
      expect(r.stderr).toContain(`${path}:1:1: the file is empty`);
      expect(r.stderr).not.toContain("received null");
    }
  });

  it("a top-level key typo is reported at its own line, with the key meant", async () => {
    const text = readFileSync(fixturePath("small.yaml"), "utf8");
    const line = text.split("\n").findIndex((l) => l.startsWith("synonyms:")) + 1;
    const path = file("typo.yaml", text.replace(/^synonyms:/m, "synonym:"));
    const r = await runCli(["check", path]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(
      `${path}:${line}:1: unknown key "synonym" at the top level: did you mean "synonyms"?`,
    );
    const json = JSON.parse(readFileSync(fixturePath("small.json"), "utf8")) as Record<string, unknown>;
    json.fact = json.facts;
    delete json.facts;
    const jpath = file("typo.json", JSON.stringify(json, null, 2));
    const jline =
      JSON.stringify(json, null, 2)
        .split("\n")
        .findIndex((l) => l.startsWith('  "fact"')) + 1;
    expect((await runCli(["check", jpath])).stderr).toContain(`${jpath}:${jline}:3: unknown key "fact"`);
  });

  it("a key typo inside a fact names the fact and the key meant", async () => {
    const text = readFileSync(fixturePath("small.yaml"), "utf8").replace("    answer:", "    answr:");
    const r = await runCli(["check", file("fact-typo.yaml", text)]);
    expect(r.stderr).toMatch(
      /:\d+:5: fact "[\w-]+": unknown key "answr" in facts\.0: did you mean "answer"\?/,
    );
  });
});

describe("a closed pipe", () => {
  it("`eval --json | head -c1` ends quietly, with no EPIPE stack", async () => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", ENTRY, "eval", "--json", "--questions", QUESTIONS],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    // Like `head -c1`: read one chunk, then close the reading end.
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });
});
