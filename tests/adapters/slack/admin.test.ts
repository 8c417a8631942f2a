import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Call } from "./fake-slack.js";
import { ADMIN, envelope, fixture, type Harness, type Json, startHarness, textsOf } from "./harness.js";

/** Admin reload from Slack against a temporary copy of the shipped knowledge file. */

const SHIPPED = fileURLToPath(new URL("../../../knowledge/huawei-ai-strategy.yaml", import.meta.url));
const CANN_QUOTE =
  "Huawei also created its own CUDA alternative, CANN, to support AI development within its ecosystem.";

let dir: string;
let file: string;
let original: string;
let h: Harness;
let n = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "strategy-bot-slack-"));
  file = join(dir, "knowledge.yaml");
  copyFileSync(SHIPPED, file);
  original = readFileSync(file, "utf8");
  h = await startHarness({ KNOWLEDGE_FILE: file });
});
afterAll(async () => {
  await h?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function adminCommand(text: string): { fields: Record<string, string>; id: string } {
  const id = `admin${++n}`;
  const fields = fixture("slash_command") as Record<string, string>;
  return { fields: { ...fields, text, user_id: ADMIN, response_url: h.slack.responseUrl(id) }, id };
}

async function askByMention(text: string, user = "U0001ASKER"): Promise<Call> {
  const channel = `CADMIN${++n}`;
  const event = { ...(fixture("app_mention").event as Json), text: `<@U0000BOT01> ${text}`, user, channel };
  expect((await h.event(envelope(event, `EvAdmin${n}`))).status).toBe(200);
  return h.slack.waitFor((c) => c.method.startsWith("chat.post") && c.body.channel === channel);
}

describe("admin reload from Slack", () => {
  it("reports a broken file with the precise error and keeps answering from the old knowledge", async () => {
    const serving = h.bot.store.status().version as string;
    // Misquote the CANN fact: the loader verifies every quote against the source text.
    const lines = original.split("\n");
    const at = lines.findIndex((l) => l.trim() === `quote: "${CANN_QUOTE}"`);
    expect(at).toBeGreaterThan(0);
    lines[at] = (lines[at] as string).replace("also created", "also invented");
    writeFileSync(file, lines.join("\n"));

    const { fields, id } = adminCommand("reload");
    expect((await h.command(fields)).status).toBe(200);
    const reply = await h.slack.waitFor((c) => c.method === "respond" && c.id === id);
    expect(reply.body.response_type).toBe("ephemeral");
    const texts = textsOf(reply.body).join("\n");
    expect(texts).toContain(`Reload refused; still serving ${serving}.`);
    expect(texts).toMatch(
      new RegExp(
        `${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:${at + 1}:\\d+: fact "cann-cuda-alternative": quote not found`,
      ),
    );

    // Answers continue from the old version, and health shows the failed reload.
    const answer = await askByMention("what is CANN?");
    expect(answer.method).toBe("chat.postMessage");
    expect(textsOf(answer.body).join("\n")).toContain(`> ${CANN_QUOTE} [1]`);
    expect(textsOf(answer.body).join("\n")).toContain(`Knowledge \`${serving}\``);
    const health = (await (await fetch(`${h.base}/healthz`)).json()) as Json;
    expect(health).toMatchObject({ status: "degraded", version: serving });
    expect(String((health.lastReloadError as Json).message)).toContain("quote not found");
  });

  it("reloads a fixed file by mention, showing the admin (alone) what changed", async () => {
    const before = h.bot.store.status().version as string;
    // A curated answer reworded: a change the loader accepts.
    writeFileSync(file, original.replace("answer: Huawei created CANN,", "answer: Huawei built CANN,"));
    const reply = await askByMention("reload", ADMIN);
    expect(reply).toMatchObject({ method: "chat.postEphemeral", body: { user: ADMIN } });
    const texts = textsOf(reply.body).join("\n");
    expect(texts).toMatch(new RegExp(`Reloaded knowledge \\w+ \\(was ${before}\\)`));
    expect(texts).toContain("changed 1 (cann-cuda-alternative)");
    expect(h.bot.store.status().version).not.toBe(before);
    expect(h.bot.store.status().lastError).toBeUndefined();
  });
});
