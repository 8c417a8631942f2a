import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QUESTIONS } from "../knowledge/fixtures.js";
import { runCli } from "./capture.js";

/** `strategy-bot eval`: a summary table, or exactly one JSON line per question with --json. */

const ROW_KEYS = ["citations", "confidence", "id", "ms", "question", "status", "suggestions"];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "strategy-bot-eval-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function questionsFile(lines: string[]): Promise<string> {
  const file = join(dir, `q${Math.random().toString(36).slice(2)}.jsonl`);
  await writeFile(file, `${lines.join("\n")}\n`);
  return file;
}

describe("strategy-bot eval", () => {
  it("--json prints exactly one JSON line per question and nothing else", async () => {
    const input = (await readFile(QUESTIONS, "utf8"))
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { id: string; question: string });
    const r = await runCli(["eval", "--questions", QUESTIONS, "--json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const lines = r.stdout.split("\n");
    expect(lines).toHaveLength(input.length);
    lines.forEach((line, i) => {
      const row = JSON.parse(line) as Record<string, unknown>;
      // "gap" is added when the knowledge knows the topic but not the attribute asked about.
      expect(
        Object.keys(row)
          .filter((k) => k !== "gap")
          .sort(),
      ).toEqual(ROW_KEYS);
      expect(row.id).toBe(input[i]?.id);
      expect(row.question).toBe(input[i]?.question);
      expect(["answered", "suggested", "unknown"]).toContain(row.status);
      expect(typeof row.confidence).toBe("number");
      expect(typeof row.ms).toBe("number");
      expect(Array.isArray(row.citations) && Array.isArray(row.suggestions)).toBe(true);
      if (row.status === "unknown") expect(row.citations).toEqual([]);
      for (const c of row.citations as { source: string; quote: string }[]) {
        expect(c.source).toBe("huawei-ai-strategy");
        expect(c.quote.length).toBeGreaterThan(0);
      }
    });
  });

  it("without --json prints the summary table", async () => {
    const r = await runCli(["eval", "--questions", QUESTIONS]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^questions +\d+ \(\d+ answerable, \d+ out of scope\)/);
    for (const label of ["hit@1", "hit@3", "ranking hit@1", "abstention", "false unknown", "latency"]) {
      expect(r.stdout).toMatch(new RegExp(`^${label} +`, "m"));
    }
  });

  it("numbers unlabelled questions by line and accepts a missing expect", async () => {
    const file = await questionsFile([
      '{"question": "what is CANN?"}',
      "",
      '{"id": "x", "question": "vacation policy"}',
    ]);
    const r = await runCli(["eval", "--questions", file, "--json"]);
    expect(r.code).toBe(0);
    const rows = r.stdout.split("\n").map((l) => JSON.parse(l) as { id: string; status: string });
    expect(rows.map((row) => [row.id, row.status])).toEqual([
      ["1", "answered"],
      ["x", "unknown"],
    ]);
  });

  it("reports the line number of a line that is not JSON", async () => {
    const file = await questionsFile(['{"question": "what is CANN?"}', "{not json", '{"question": "x"}']);
    const r = await runCli(["eval", "--questions", file, "--json"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`${file}:2: not valid JSON`);
  });

  it("reports the line number of a line without a question or with a bad expect", async () => {
    const noQuestion = await questionsFile(['{"question": "a"}', '{"question": "b"}', '{"id": "3"}']);
    const r = await runCli(["eval", "--questions", noQuestion]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(`^${noQuestion.replace(/[.\\]/g, "\\$&")}:3: each line needs "question"`),
    );
    const badExpect = await questionsFile(['{"question": "a", "expect": "not a list"}']);
    expect((await runCli(["eval", "--questions", badExpect])).stderr).toContain(":1: each line needs");
  });

  it("exits 2 without --questions and 1 for a missing questions file", async () => {
    const none = await runCli(["eval"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("--questions is required");
    const missing = await runCli(["eval", "--questions", join(dir, "nope.jsonl")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("(ENOENT)");
  });
  it("asks a follow-up with the whole conversation it continues, as a chat keeps it", async () => {
    // "is it open source?" after "why did they build it?" after "What is CANN?": "it" is CANN, which
    // only the first turn names. With one turn of context the line read "is build open source?".
    const chain = [
      { id: "c1", question: "What is CANN?", expect: [] },
      { id: "c2", question: "why did they build it?", expect: [], follows: "c1" },
      { id: "c3", question: "is it open source?", expect: [], follows: "c2" },
    ];
    const alone = [{ id: "c3", question: "is CANN open source?", expect: [] }];
    const run = async (rows: object[]) => {
      const r = await runCli([
        "eval",
        "--questions",
        await questionsFile(rows.map((x) => JSON.stringify(x))),
        "--json",
      ]);
      expect(r.code).toBe(0);
      return r.stdout.split("\n").map((l) => JSON.parse(l) as { status: string; confidence: number });
    };
    const inChat = (await run(chain))[2];
    const standalone = (await run(alone))[0];
    // Read about CANN, the line is at most a suggestion, as the standalone question is.
    expect(["suggested", "unknown"]).toContain(standalone?.status);
    expect(inChat?.status).not.toBe("answered");
  });
});
