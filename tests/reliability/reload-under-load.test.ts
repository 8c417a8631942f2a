import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture, type Harness, type Json, startHarness } from "../adapters/slack/harness.js";
import { fixturePath } from "../knowledge/fixtures.js";

/**
 * Questions stream in over HTTP while the knowledge file is rewritten good, broken, other-good and
 * reloaded: no request fails, every answer names a version that was loaded and says what that version
 * says (never a mix), a broken file never replaces good knowledge, and /healthz shows the last error.
 */

const GOOD_A = readFileSync(fixturePath("small.yaml"), "utf8");
const GOOD_B = GOOD_A.replace(
  "answer: Huawei created CANN for AI development within its ecosystem.",
  "answer: Huawei built CANN so developers can do AI work inside its ecosystem.",
);
const BROKEN = "version: 1\ntitle: [unclosed\n";
const MARK = { A: "created CANN for AI development", B: "built CANN so developers" } as const;

let dir: string;
let file: string;
let h: Harness;

beforeAll(async () => {
  expect(GOOD_B).not.toBe(GOOD_A);
  dir = mkdtempSync(join(tmpdir(), "reload-load-"));
  file = join(dir, "k.yaml");
  writeFileSync(file, GOOD_A);
  h = await startHarness({ KNOWLEDGE_FILE: file, RATE_LIMIT_PER_MINUTE: "0" });
});
afterAll(async () => {
  await h?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("reload under load", () => {
  it("never fails a request, never mixes versions, never serves a broken file", async () => {
    const loaded = new Map<string, keyof typeof MARK>([[h.bot.store.status().version as string, "A"]]);
    let stop = false;
    const reloader = (async () => {
      const cycle: [string, keyof typeof MARK | undefined][] = [
        [BROKEN, undefined],
        [GOOD_B, "B"],
        [BROKEN, undefined],
        [GOOD_A, "A"],
      ];
      for (let i = 0; !stop; i++) {
        const [text, variant] = cycle[i % cycle.length] as [string, keyof typeof MARK | undefined];
        writeFileSync(file, text);
        const r = await h.bot.store.reload();
        expect(r.ok).toBe(variant !== undefined);
        if (r.ok && variant) loaded.set(r.version, variant);
        if (!r.ok) {
          const health = (await (await fetch(`${h.base}/healthz`)).json()) as Json;
          expect(health.status).toBe("degraded");
          expect(health.lastReloadError).not.toBeNull();
          expect(loaded.has(String(health.version))).toBe(true);
        }
        await new Promise((r) => setTimeout(r, 5));
      }
    })();

    const channels: string[] = [];
    for (let batch = 0; batch < 12; batch++) {
      const sends = Array.from({ length: 8 }, (_, i) => {
        const channel = `C0LOAD${batch}X${i}`;
        channels.push(channel);
        const event = {
          ...(fixture("app_mention").event as Json),
          text: "<@U0000BOT01> what is CANN?",
          channel,
        };
        return h.event({ ...fixture("app_mention"), event, event_id: `EvLOAD${batch}X${i}` });
      });
      for (const res of await Promise.all(sends)) expect(res.status).toBe(200);
    }
    stop = true;
    await reloader;
    expect(loaded.size).toBeGreaterThanOrEqual(2);

    const deadline = Date.now() + 10_000;
    const posts = () => h.slack.calls.filter((c) => c.method === "chat.postMessage");
    while (posts().length < channels.length && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    expect(posts()).toHaveLength(channels.length);
    const seen = new Set<string>();
    for (const post of posts()) {
      const body = JSON.stringify(post.body);
      const version = /Knowledge `([^`]+)`/.exec(body)?.[1] as string;
      const variant = loaded.get(version);
      expect(variant, `version ${version} was loaded`).toBeDefined();
      expect(body).toContain(MARK[variant as keyof typeof MARK]);
      expect(body).not.toContain(MARK[variant === "A" ? "B" : "A"]);
      seen.add(version);
    }
    expect(seen.size).toBeGreaterThanOrEqual(1);
  }, 60_000);
});
