import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/core/types.js";
import { fixturePath, SHIPPED } from "../knowledge/fixtures.js";
import { runCli } from "./capture.js";

/** `strategy-bot ask|check` and the command line itself: output, exit codes, usage errors. */

const CANN_SENTENCE =
  "Huawei also created its own CUDA alternative, CANN, to support AI development within its ecosystem.";
const TITLE = "Huawei AI Strategy: From Sanctions to Global AI Expansion";

describe("strategy-bot ask", () => {
  it('prints the CANN quote with its source for "what is CANN?"', async () => {
    const r = await runCli(["ask", "what is CANN?"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain(`"${CANN_SENTENCE}"`);
    expect(r.stdout).toContain(`${TITLE}, paragraph 5, sentence 3`);
    expect(r.stdout).toMatch(/\(confidence (0|1)\.\d\d, knowledge [0-9a-f]{12}\)/);
  });

  it("prints the Answer object with --json", async () => {
    const r = await runCli(["ask", "--json", "what is CANN?"]);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout) as Answer;
    expect(a).toMatchObject({
      status: "answered",
      factId: "cann-cuda-alternative",
      question: "what is CANN?",
    });
    expect(a.citations.map((c) => c.quote)).toEqual([CANN_SENTENCE]);
    expect(a.version).toMatch(/^[0-9a-f]{12}$/);
  });

  it("joins the words of an unquoted question", async () => {
    const r = await runCli(["ask", "what", "is", "CANN?", "--json"]);
    expect((JSON.parse(r.stdout) as Answer).question).toBe("what is CANN?");
  });

  it("says it does not know, without quoting, for an out-of-scope question", async () => {
    const r = await runCli(["ask", "what's the weather in Paris tomorrow"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("I don't know");
    expect(r.stdout).not.toContain(TITLE);
  });

  it("uses --knowledge, else KNOWLEDGE_FILE", async () => {
    const json = fixturePath("small.json");
    const flag = await runCli(["ask", "--json", "--knowledge", json, "what chip does Huawei design?"]);
    expect((JSON.parse(flag.stdout) as Answer).citations[0]?.title).toBe("Strategy memo");
    const env = await runCli(["ask", "--json", "what chip does Huawei design?"], { KNOWLEDGE_FILE: json });
    expect((JSON.parse(env.stdout) as Answer).citations[0]?.title).toBe("Strategy memo");
  });

  it("exits 2 with usage when the question is missing or a flag is unknown", async () => {
    const missing = await runCli(["ask"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("ask needs a question");
    expect(missing.stderr).toContain('usage: strategy-bot ask "question"');
    const blank = await runCli(["ask", "   "]);
    expect(blank.code).toBe(2);
    const flag = await runCli(["ask", "--bogus", "what is CANN?"]);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("--bogus");
    expect(flag.stdout).toBe("");
  });

  it("exits 3 when the knowledge file is refused, and 78 on a configuration error", async () => {
    const bad = await runCli(["ask", "--knowledge", fixturePath("misquote.yaml"), "what chip?"]);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain("was refused");
    const cfg = await runCli(["ask", "what is CANN?"], { PORT: "not-a-port" });
    expect(cfg.code).toBe(78);
    expect(cfg.stderr).toContain("PORT: ");
  });
});

describe("strategy-bot check", () => {
  it("exits 0 with a summary for the shipped file", async () => {
    const r = await runCli(["check", SHIPPED]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(new RegExp(`^${SHIPPED.replace(/[.\\]/g, "\\$&")}: OK, version [0-9a-f]{12}`));
    expect(r.stdout).toContain('"Huawei AI strategy": 1 source(s), ');
    expect(r.stdout).toMatch(/\d+ sentences, \d+ curated facts \(\d+ example questions\)/);
  });

  it("checks the default knowledge file without an argument", async () => {
    const r = await runCli(["check"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("huawei-ai-strategy.yaml: OK");
  });

  it("exits 3 on a misquoting file, listing every problem with file:line:column and fact id", async () => {
    const file = fixturePath("misquote.yaml");
    const r = await runCli(["check", file]);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(
      `${file}:13:16: fact "ascend-chip": quote is only part of a sentence of source "memo"`,
    );
    expect(r.stderr).toContain(`${file}:17:16: fact "nvidia-rival": quote not found in source "memo"`);
    expect(r.stderr).toContain('the closest sentence is: "The chip competes with Nvidia’s offerings."');
    expect(r.stderr).toContain(`${file}: 2 problems; the file was not loaded.`);
  });

  it("exits 3 for a file that does not exist", async () => {
    const r = await runCli(["check", fixturePath("missing.yaml")]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("cannot read the knowledge file (ENOENT)");
  });
});

describe("strategy-bot (no or unknown command)", () => {
  it("exits 2 on an unknown command, naming it and showing help", async () => {
    const r = await runCli(["frobnicate"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command "frobnicate"');
    expect(r.stderr).toContain("usage: strategy-bot <command>");
  });

  it("prints help: exit 0 for --help, 2 without any command", async () => {
    const help = await runCli(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("usage: strategy-bot <command>");
    for (const cmd of ["ask", "chat", "check", "eval", "serve"]) expect(help.stdout).toContain(`  ${cmd}`);
    expect((await runCli(["ask", "--help"])).code).toBe(0);
    const none = await runCli([]);
    expect(none.code).toBe(2);
    expect(none.stdout).toContain("usage: strategy-bot <command>");
  });
});
