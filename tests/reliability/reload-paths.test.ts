import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  ADMIN,
  type FakeConnector,
  fakeConnector,
  fixture,
  post,
  type StartedBot,
  startTeamsBot,
  until,
} from "../adapters/teams/helpers.js";
import { aliasYaml, SMALL_TEXT } from "./knowledge-files.js";

/**
 * Issue 12, defect 1, the chat and web reload paths: a file whose parse throws (one anchor used 150
 * times) is a refused reload with its reason, from the Teams admin `reload` and `reload --dry-run`
 * and from the web admin's reload (200, not 500), while the old knowledge keeps serving.
 */

let dir: string;
let file: string;
let connector: FakeConnector;
let started: StartedBot;
let sent = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "reload-paths-"));
  file = join(dir, "knowledge.yaml");
  writeFileSync(file, SMALL_TEXT);
  connector = await fakeConnector();
  started = await startTeamsBot({ ADMIN_USERS: ADMIN, KNOWLEDGE_FILE: file });
  writeFileSync(file, aliasYaml(150));
});
afterAll(async () => {
  await started?.bot.stop();
  await connector?.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  connector.received.length = 0;
});

async function adminSays(text: string): Promise<string> {
  const from = { id: "29:1fake-admin", name: "Admin", aadObjectId: ADMIN };
  const activity = {
    ...fixture("personal-message"),
    id: `reload-${++sent}`,
    serviceUrl: connector.url,
    text,
    from,
  };
  expect((await post(started.base, activity)).status).toBe(200);
  await until(() => connector.received.length > 0, 10_000, "a reply at the fake connector");
  const body = (connector.received[0]?.body ?? {}) as { text?: unknown };
  // Teams markdown escapes "_" and "-": compare the text without the escapes.
  return String(body.text).replace(/\\/g, "");
}

describe("reload paths refuse a file whose parser throws", () => {
  it("Teams admin `reload` replies with the refusal and its reason", async () => {
    const version = started.bot.store.status().version;
    const reply = await adminSays("reload");
    expect(reply, reply).toContain("KNOWLEDGE_MAX_ALIASES");
    expect(started.bot.store.status().version).toBe(version);
  });

  it("Teams admin `reload --dry-run` replies with the refusal and its reason", async () => {
    expect(await adminSays("reload --dry-run")).toContain("KNOWLEDGE_MAX_ALIASES");
  });

  it("the web admin reload answers 200 with the refusal; /healthz says degraded", async () => {
    const res = await fetch(`${started.base}/api/web/admin/reload`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${started.bot.config.ADMIN_TOKEN}`,
      },
      body: "{}",
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: boolean; text: string };
    expect(body.ok).toBe(false);
    expect(body.text).toContain("KNOWLEDGE_MAX_ALIASES");
    const health = (await (await fetch(`${started.base}/healthz`)).json()) as { status: string };
    expect(health.status).toBe("degraded");
  });
});
