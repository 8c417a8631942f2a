import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIGNAL_NAMES } from "../../src/core/signals.js";
import { runCli } from "./capture.js";

/** `ask --explain`, `eval --explain`, `eval --plot` and `--calibration`. */

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "strategy-bot-explain-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface ExplainJson {
  intent: string;
  focus?: string;
  candidates: { signals: { name: string; value: number; weight: number; contribution: number }[] }[];
  status: string;
  gap?: { topic: string; missing: string };
}

describe("--explain", () => {
  it("ask --explain prints the analysis and every signal's value, weight and contribution", async () => {
    const r = await runCli(["ask", "--explain", "Who runs Huawei Cloud?"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'analysis   intent who, expects entity, focus "who runs it", topic [huawei, cloud]',
    );
    expect(r.stdout).toMatch(
      /^calibration learned \(profile curated\): answered >= [\d.]+, suggested >= [\d.]+$/m,
    );
    expect(r.stdout).toMatch(/^candidate 1 {2}huawei-cloud-role {2}confidence [\d.]+/m);
    expect(r.stdout).toMatch(/^ {2}checks: focus MISSING, answer type (ok|MISSING), names stated$/m);
    expect(r.stdout).toMatch(
      /^status {5}(suggested|unknown) \(gap: knows "Huawei Cloud", not who runs it\)$/m,
    );
  });

  it("ask --explain --json: contribution = weight x value for every named signal", async () => {
    const r = await runCli(["ask", "--explain", "--json", "what is CANN?"]);
    const a = JSON.parse(r.stdout) as { status: string; explain: ExplainJson };
    expect(a.explain.status).toBe(a.status);
    const first = a.explain.candidates[0];
    expect(first?.signals.map((s) => s.name)).toEqual([...SIGNAL_NAMES]);
    for (const s of first?.signals ?? []) expect(s.contribution).toBeCloseTo(s.weight * s.value, 2);
  });

  it("eval --explain --json adds an explain object per question, eval --explain prints one per question", async () => {
    const file = join(dir, "q.jsonl");
    await writeFile(
      file,
      '{"id":"a","question":"what is CANN?","expect":[]}\n{"id":"b","question":"who runs huawei cloud"}\n',
    );
    const json = await runCli(["eval", "--questions", file, "--json", "--explain"]);
    const rows = json.stdout.split("\n").map((l) => JSON.parse(l) as { id: string; explain: ExplainJson });
    expect(rows.map((row) => [row.id, row.explain.intent])).toEqual([
      ["a", "definition"],
      ["b", "who"],
    ]);
    const text = await runCli(["eval", "--questions", file, "--explain"]);
    expect(text.stdout).toMatch(/^# a: what is CANN\?\nanalysis {3}intent definition/m);
    expect(text.stdout).toMatch(/^precision +/m);
  });
});

describe("eval --plot and --calibration", () => {
  it("writes a risk-coverage and reliability SVG, or an HTML page", async () => {
    const file = join(dir, "p.jsonl");
    await writeFile(
      file,
      '{"question":"what is CANN?","expect":["CANN"]}\n{"question":"vacation days","expect":[]}\n',
    );
    const svg = join(dir, "plot.svg");
    expect((await runCli(["eval", "--questions", file, "--plot", svg])).code).toBe(0);
    const text = await readFile(svg, "utf8");
    expect(text).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(text).toContain("Risk-coverage");
    expect(text).toContain("Reliability");
    expect(text).toContain("(2 labelled questions)");
    const html = join(dir, "plot.html");
    await runCli(["eval", "--questions", file, "--plot", html]);
    expect(await readFile(html, "utf8")).toMatch(/^<!doctype html>/);
  });

  it("--calibration: a bad file is a coded error, `none` is the hand-set fallback", async () => {
    const bad = join(dir, "bad.json");
    await writeFile(bad, "{oops");
    const r = await runCli(["ask", "--calibration", bad, "what is CANN?"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(
        `^${bad.replace(/[.\\]/g, "\\$&")}: CALIBRATION_INVALID: calibration file is invalid: not JSON`,
      ),
    );
    const missing = await runCli(["ask", "--calibration", join(dir, "nope.json"), "what is CANN?"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("(ENOENT)");
    const none = await runCli(["ask", "--calibration", "none", "--explain", "what is CANN?"]);
    expect(none.code).toBe(0);
    expect(none.stdout).toContain(
      "calibration hand-set fallback (profile curated): answered >= 0.5, suggested >= 0.3",
    );
  });
});
