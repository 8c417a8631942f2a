import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packageTeams } from "../../scripts/package-teams.js";
import { manifestValues, TEMPLATE_DIR } from "../../scripts/teams-manifest.js";
import { fixturePath } from "../knowledge/fixtures.js";

/**
 * `npm run package:teams` as a person with their own knowledge file runs it: the bot's command menu
 * lists that file's example questions (not the shipped Huawei ones), and a malformed app id is called
 * "not a GUID" rather than "required".
 */

const APP_ID = "11111111-2222-4333-8444-555555555555";
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "teams-commands-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function commandTitles(env: Record<string, string>): Promise<string[][]> {
  const out = join(dir, `${Math.random().toString(36).slice(2)}.zip`);
  const r = await packageTeams({ MICROSOFT_APP_ID: APP_ID, BOT_DOMAIN: "bot.example.com", ...env }, out);
  if (!r.ok) throw new Error(r.problems.join("\n"));
  const zip = await JSZip.loadAsync(await readFile(out));
  const manifest = JSON.parse(await (zip.file("manifest.json") as JSZip.JSZipObject).async("string"));
  return manifest.bots[0].commandLists.map((l: { commands: { title: string }[] }) =>
    l.commands.map((c) => c.title),
  );
}

describe("the Teams command list", () => {
  it("starts with the knowledge file's own example questions, well formed and within 32 characters", async () => {
    const [personal, team] = await commandTitles({ KNOWLEDGE_FILE: fixturePath("small.yaml") });
    const small = await readFile(fixturePath("small.yaml"), "utf8");
    const examples = personal?.filter((t) => t.endsWith("?")) ?? [];
    expect(examples.length).toBeGreaterThan(0);
    for (const t of examples) {
      expect(small).toContain(t);
      expect(t.length).toBeLessThanOrEqual(32);
      expect(t).toMatch(/^[A-Z]/);
    }
    expect(personal?.slice(examples.length)).toEqual(["help", "status", "reload"]);
    expect(team).toEqual([...examples, "help"]);
  });

  it("the template hard-codes no example question", async () => {
    const template = await readFile(join(TEMPLATE_DIR, "manifest.json"), "utf8");
    expect(template).not.toMatch(/Huawei|CANN|Pangu/);
  });

  it("a refused knowledge file stops packaging with its problems", async () => {
    const r = await packageTeams(
      {
        MICROSOFT_APP_ID: APP_ID,
        BOT_DOMAIN: "bot.example.com",
        KNOWLEDGE_FILE: fixturePath("misquote.yaml"),
      },
      join(dir, "x.zip"),
    );
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems.join("\n")).toContain("quote not found");
  });
});

describe("app id messages", () => {
  it('a malformed MICROSOFT_APP_ID "is not a GUID"; a missing one is "required"', () => {
    const bad = manifestValues({ MICROSOFT_APP_ID: "my-bot", BOT_DOMAIN: "bot.example.com" }, "1.0.0");
    expect(!bad.ok && bad.problems).toEqual([
      expect.stringMatching(
        /^MICROSOFT_APP_ID: "my-bot" is not a GUID; .*00000000-0000-0000-0000-000000000000/,
      ),
    ]);
    const missing = manifestValues({ BOT_DOMAIN: "bot.example.com" }, "1.0.0");
    expect(!missing.ok && missing.problems[0]).toMatch(/^MICROSOFT_APP_ID: required/);
    const teams = manifestValues(
      { MICROSOFT_APP_ID: APP_ID, TEAMS_APP_ID: "x", BOT_DOMAIN: "b.example.com" },
      "1",
    );
    expect(!teams.ok && teams.problems[0]).toMatch(/^TEAMS_APP_ID: "x" is not a GUID/);
  });
});
