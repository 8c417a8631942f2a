import { type ChildProcess, spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeConnector, fakeConnector, fixture, until } from "../adapters/teams/helpers.js";
import { freePort } from "../free-port.js";
import { fixturePath } from "../knowledge/fixtures.js";

/**
 * `strategy-bot serve` as a real child process (stdin not a terminal): SIGHUP reloads the knowledge,
 * SIGTERM stops accepting, lets a slow request in flight finish, and exits 0.
 */

const ENTRY = fileURLToPath(new URL("./serve-entry.ts", import.meta.url));
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

let dir: string;
let file: string;
let connector: FakeConnector;
let child: ChildProcess;
let base: string;
let stderr = "";
let exited: Promise<number | null>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "serve-process-"));
  file = join(dir, "knowledge.yaml");
  copyFileSync(fixturePath("small.yaml"), file);
  connector = await fakeConnector();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  child = spawn(process.execPath, ["--import", "tsx", ENTRY, "serve"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: String(port),
      KNOWLEDGE_FILE: file,
      ANALYTICS: "off",
    },
    stdio: ["pipe", "pipe", "pipe"],
  });
  child.stderr?.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  exited = new Promise((resolve) => child.once("exit", (code) => resolve(code)));
  const deadline = Date.now() + 20_000;
  for (;;) {
    const ok = await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`serve did not come up:\n${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}, 30_000);

afterAll(async () => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  await connector?.close();
  rmSync(dir, { recursive: true, force: true });
});

const health = async () => (await (await fetch(`${base}/healthz`)).json()) as Record<string, unknown>;

describe("strategy-bot serve as a process", () => {
  it("reloads on SIGHUP: /healthz shows the new version; a broken file is refused and reported", async () => {
    const before = (await health()).version;
    writeFileSync(file, readFileSync(file, "utf8").replace("Small strategy memo", "Small strategy memo v2"));
    child.kill("SIGHUP");
    const deadline = Date.now() + 10_000;
    let now = await health();
    while (now.version === before && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      now = await health();
    }
    expect(now.version).not.toBe(before);
    expect(now.lastReloadError).toBeNull();

    writeFileSync(file, "version: 1\ntitle: [broken\n");
    child.kill("SIGHUP");
    const end = Date.now() + 10_000;
    let after = await health();
    while (after.lastReloadError === null && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 50));
      after = await health();
    }
    expect(after.version).toBe(now.version);
    expect(after.status).toBe("degraded");
    expect(String((after.lastReloadError as { message: string }).message)).toContain("knowledge.yaml");
  }, 30_000);

  it("on SIGTERM finishes a slow request in flight, refuses new ones, and exits 0", async () => {
    connector.delayMs = 2_000;
    const activity = { ...fixture("personal-message"), id: "slow-1", serviceUrl: connector.url };
    const slow = fetch(`${base}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(activity),
      signal: AbortSignal.timeout(15_000),
    });
    await until(() => connector.received.length === 1, 10_000, "the bot's reply reaching the connector");
    const t0 = Date.now();
    child.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 300));
    const late = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2_000) }).then(
      (r) => r.status,
      () => "refused",
    );
    expect(late).toBe("refused");
    expect((await slow).status).toBe(200);
    const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r("timeout"), 12_000))]);
    expect(code).toBe(0);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1_000);
    const lines = stderr
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.some((l) => l.msg === "shutting down" && l.signal === "SIGTERM")).toBe(true);
    expect(lines.some((l) => l.msg === "knowledge reloaded (SIGHUP)")).toBe(true);
  }, 30_000);
});
