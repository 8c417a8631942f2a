import { type ChildProcess, spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurationReport } from "../../src/analytics/report.js";
import { WORDING as SAY } from "../../src/bot/wording.js";
import { freePort } from "../free-port.js";
import { fixturePath } from "../knowledge/fixtures.js";
import { runCli } from "./capture.js";

/**
 * `npm start` in a terminal, as a person uses it: the real CLI under a pseudo-terminal (util-linux
 * `script`), so stdin is a TTY and the chat runs beside the server. An empty line re-prompts, `help`
 * helps, a question is answered and recorded as platform "cli", Ctrl-D ends the chat and the server
 * keeps answering /healthz; Ctrl-C then stops it. JSON log lines go to DATA_DIR/strategy-bot.log, never
 * between the chat's lines.
 */

const SCRIPT = "/usr/bin/script";
const ENTRY = fileURLToPath(new URL("../reliability/serve-entry.ts", import.meta.url));
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const suite = existsSync(SCRIPT) ? describe : describe.skip;
if (!existsSync(SCRIPT)) console.warn(`skipping the terminal chat test: ${SCRIPT} (util-linux) not found`);

let dir: string;
let env: Record<string, string>;
let child: ChildProcess;
let screen = "";
let base: string;
let exited: Promise<number | null>;

/** Waits until the terminal shows `text` (after `from`), or fails with what it shows. */
async function until(text: string, from = 0): Promise<number> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const at = screen.indexOf(text, from);
    if (at >= 0) return at + text.length;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the terminal never showed ${JSON.stringify(text)}; it shows:\n${screen}`);
}

const type = (keys: string) => child.stdin?.write(keys);

beforeAll(async () => {
  if (!existsSync(SCRIPT)) return;
  dir = mkdtempSync(join(tmpdir(), "terminal-chat-"));
  const knowledge = join(dir, "knowledge.yaml");
  copyFileSync(fixturePath("small.yaml"), knowledge);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  env = { KNOWLEDGE_FILE: knowledge, DATA_DIR: join(dir, "data"), RATE_LIMIT_PER_MINUTE: "0" };
  const command = `exec '${process.execPath}' --import tsx '${ENTRY}' serve`;
  child = spawn(SCRIPT, ["-qfec", command, "/dev/null"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      TERM: "dumb",
      PORT: String(port),
      ...env,
    },
    stdio: ["pipe", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d: Buffer) => {
    screen += d.toString();
  });
  child.stderr?.on("data", (d: Buffer) => {
    screen += d.toString();
  });
  exited = new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}, 30_000);

afterAll(async () => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  if (dir) rmSync(dir, { recursive: true, force: true });
});

suite("the terminal chat beside the server", () => {
  it("greets with example questions and where the logs go", async () => {
    await until('Type "help" for help; "exit", "quit" or Ctrl-D ends the chat.');
    expect(screen).toContain('Ask a question about "Small strategy memo" in your own words.');
    expect(screen).toMatch(/For example: "[A-Z][^"]*\?"/);
    expect(screen).toContain(`logs:        ${join(dir, "data", "strategy-bot.log")}`);
  });

  it("an empty line only prompts again; help helps; a question is answered", async () => {
    const start = screen.length;
    type("\r");
    type("help\r");
    const helped = await until('"exit", "quit" or Ctrl-D ends the chat; "status" and "reload"', start);
    expect(screen.slice(start, helped)).toContain(SAY.help);
    type("What is CANN?\r");
    await until("Huawei created CANN to support AI development within its ecosystem.", helped);
    await until("(confidence", helped);
    expect(child.exitCode).toBe(null);
    await expect(fetch(`${base}/healthz`).then((r) => r.status)).resolves.toBe(200);
  });

  it("Ctrl-D ends the chat only: the server keeps answering", async () => {
    type("\u0004");
    await until(`Chat ended. The server keeps serving on ${base}; press Ctrl-C to stop it.`);
    await new Promise((r) => setTimeout(r, 300));
    expect(child.exitCode).toBe(null);
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    const ask = await fetch(`${base}/api/web/ask`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ question: "What is CANN?" }),
    });
    expect(ask.status).toBe(200);
  });

  it("kept JSON log lines out of the chat, in DATA_DIR/strategy-bot.log", () => {
    const chat = screen.slice(0, screen.indexOf("Chat ended."));
    expect(chat).not.toContain('"level":');
    const log = readFileSync(join(dir, "data", "strategy-bot.log"), "utf8");
    expect(log).toContain('"msg":"knowledge loaded"');
  });

  it("Ctrl-C then stops the server, and the chat's question is in the report as platform cli", async () => {
    type("\u0003");
    await expect(exited).resolves.toBe(0);
    const r = await runCli(["report", "--json"], env);
    expect(r.stderr).toBe("");
    const report = JSON.parse(r.stdout) as CurationReport;
    expect(report.platforms).toContainEqual(expect.objectContaining({ platform: "cli", questions: 1 }));
  });
});
