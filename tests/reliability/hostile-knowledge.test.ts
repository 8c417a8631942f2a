import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../free-port.js";
import { type Cli, runCli, STACK_LINE, startCli } from "./cli-process.js";
import {
  aliasYaml,
  binaryBytes,
  DUPLICATE_KEY_JSON,
  expandingYaml,
  manySentencesYaml,
  SMALL_TEXT,
} from "./knowledge-files.js";

/**
 * Issue 12, defects 1, 2 and 5: `strategy-bot serve` as a real process survives every hostile
 * knowledge file of the probe, on SIGHUP and on the file watch, refusing each with a short message
 * while the old knowledge keeps serving; /healthz says `degraded` and shows at most 1 KB, printable,
 * without the server's folders. At startup and in `check` the same files exit 3 without a stack.
 */

let dir: string;
let file: string;
let cli: Cli;
let base: string;

interface Health {
  status: string;
  version: string | null;
  lastReloadError: { at: string; message: string } | null;
}
const health = async () => (await (await fetch(`${base}/healthz`)).json()) as Health;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "hostile-knowledge-"));
  file = join(dir, "knowledge.yaml");
  writeFileSync(file, SMALL_TEXT);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  cli = startCli(["serve"], {
    PORT: String(port),
    KNOWLEDGE_FILE: file,
    KNOWLEDGE_WATCH: "1",
    KNOWLEDGE_MAX_BYTES: "300000",
    KNOWLEDGE_MAX_SENTENCES: "500",
  });
  const deadline = Date.now() + 30_000;
  while (
    !(await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (Date.now() > deadline || cli.child.exitCode !== null)
      throw new Error(`serve did not come up:\n${cli.stderr()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}, 40_000);

afterAll(() => {
  if (cli?.child.exitCode === null) cli.child.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Writes `content` (the watch sees it, possibly half-written), sends SIGHUP too, and waits for the
 * refusal that says `expected`.
 */
async function refused(content: string | Buffer, expected: RegExp): Promise<Health> {
  writeFileSync(file, content);
  cli.child.kill("SIGHUP");
  const deadline = Date.now() + 15_000;
  for (;;) {
    const h = await health();
    if (expected.test(h.lastReloadError?.message ?? "")) return h;
    if (Date.now() > deadline) throw new Error(`no refusal seen:\n${cli.stderr()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("a serving process and hostile knowledge files", () => {
  it("refuses each file, keeps serving the old knowledge, and reports it briefly on /healthz", async () => {
    const good = await health();
    expect(good.status).toBe("ok");
    const cases: [string, string | Buffer, RegExp][] = [
      ["one anchor used 150 times", aliasYaml(150), /KNOWLEDGE_MAX_ALIASES/],
      ["aliases expanding past the size limit", expandingYaml(20, 100_000), /KNOWLEDGE_MAX_BYTES/],
      ["more sentences than the limit", manySentencesYaml(800), /KNOWLEDGE_MAX_SENTENCES/],
      ["a file past the size limit", manySentencesYaml(12_000), /file size: \d+ bytes.*KNOWLEDGE_MAX_BYTES/],
      ["JSON with a duplicate key", DUPLICATE_KEY_JSON, /knowledge\.yaml:11:7: duplicate key "answer"/],
      ["250 KB of binary", binaryBytes(250_000), /knowledge\.yaml:\d+:\d+/],
    ];
    for (const [what, content, expected] of cases) {
      const h = await refused(content, expected);
      const message = h.lastReloadError?.message ?? "";
      expect(cli.child.exitCode, what).toBeNull();
      expect(h.status, what).toBe("degraded");
      expect(h.version, what).toBe(good.version);
      expect(message, what).toMatch(expected);
      expect(Buffer.byteLength(message), what).toBeLessThanOrEqual(1024);
      expect(message, what).not.toContain(dir);
      expect(message, what).not.toMatch(/[^\P{Cc}\n]/u);
    }
    // Questions are still answered from the old knowledge, HEAD works where GET does.
    expect((await fetch(`${base}/healthz`, { method: "HEAD" })).status).toBe(200);
    writeFileSync(file, SMALL_TEXT);
    cli.child.kill("SIGHUP");
    const deadline = Date.now() + 15_000;
    while ((await health()).status !== "ok" && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    expect((await health()).status).toBe("ok");
    expect(cli.child.exitCode).toBeNull();
    const lines = cli
      .stderr()
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.some((l) => l.msg === "knowledge reload refused (SIGHUP)")).toBe(true);
    expect(lines.some((l) => l.msg === "unhandled rejection" || l.msg === "knowledge reload failed")).toBe(
      false,
    );
  }, 120_000);

  it("prints a one-click local admin URL whose token opens the admin view (and nothing else does)", async () => {
    const url = /admin:\s+(http:\/\/\S+\/#token=([\w-]+))/.exec(cli.stdout());
    expect(url, cli.stdout()).not.toBeNull();
    const token = url?.[2] ?? "";
    expect((await fetch(`${base}/api/web/admin/status`)).status).toBe(401);
    const ok = await fetch(`${base}/api/web/admin/status`, { headers: { authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
  });
});

describe("the same files at startup and in check", () => {
  it("exit 3 with the problem and its position, never a stack", async () => {
    const alias = join(dir, "alias.yaml");
    writeFileSync(alias, aliasYaml(150));
    const dup = join(dir, "dup.json");
    writeFileSync(dup, DUPLICATE_KEY_JSON);
    const check = await runCli(["check", alias]);
    expect(check.code).toBe(3);
    expect(check.stderr).toContain("KNOWLEDGE_MAX_ALIASES");
    expect(check.stderr).not.toMatch(STACK_LINE);
    const json = await runCli(["check", dup]);
    expect(json.code).toBe(3);
    expect(json.stderr).toContain(`${dup}:11:7: duplicate key "answer"`);
    const serve = await runCli(["serve"], { PORT: "0", KNOWLEDGE_FILE: alias });
    expect(serve.code).toBe(3);
    expect(serve.stderr).toContain("KNOWLEDGE_MAX_ALIASES");
    expect(serve.stderr).not.toMatch(STACK_LINE);
  }, 60_000);

  it("report on a corrupt analytics database says so and exits 1, without a stack", async () => {
    const data = join(dir, "data");
    const { mkdirSync } = await import("node:fs");
    mkdirSync(data, { recursive: true });
    writeFileSync(join(data, "analytics.db"), binaryBytes(8192));
    const r = await runCli(["report"], { DATA_DIR: data, ANALYTICS: "on" });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("cannot read the analytics database");
    expect(r.stderr).not.toMatch(STACK_LINE);
  }, 30_000);
});
