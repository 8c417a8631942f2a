import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packageTeams } from "../../../scripts/package-teams.js";
import {
  fillManifest,
  manifestValues,
  TEMPLATE_DIR,
  validateManifest,
} from "../../../scripts/teams-manifest.js";

/** The Teams app package: manifest filled from env, schema-valid offline, icons as Teams wants them. */

const APP_ID = "11111111-2222-4333-8444-555555555555";
const TEAMS_ID = "99999999-8888-4777-8666-555555555555";
const ENV = { MICROSOFT_APP_ID: APP_ID, TEAMS_APP_ID: TEAMS_ID, BOT_DOMAIN: "bot.example.com" };

let dir: string;
let zip: JSZip;
// biome-ignore lint/suspicious/noExplicitAny: assertions walk the manifest JSON read back from the zip.
type Json = Record<string, any>;
let manifest: Json;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "teams-package-"));
  const result = await packageTeams(ENV, join(dir, "strategy-bot-teams.zip"));
  if (!result.ok) throw new Error(result.problems.join("\n"));
  zip = await JSZip.loadAsync(await readFile(result.value));
  manifest = JSON.parse(await (zip.file("manifest.json") as JSZip.JSZipObject).async("string"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function png(name: string): Promise<PNG> {
  return PNG.sync.read(await (zip.file(name) as JSZip.JSZipObject).async("nodebuffer"));
}

describe("Teams app package", () => {
  it("has exactly manifest.json, color.png and outline.png at the root", () => {
    expect(Object.keys(zip.files).sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
  });

  it("fills every placeholder from the environment", () => {
    expect(JSON.stringify(manifest)).not.toContain("${{");
    expect(manifest.id).toBe(TEAMS_ID);
    expect(manifest.bots[0].botId).toBe(APP_ID);
    expect(manifest.validDomains).toEqual(["bot.example.com"]);
    expect(manifest.developer.websiteUrl).toBe("https://bot.example.com");
  });

  it("is schema v1.22 with a bot in personal, team and groupChat scopes and example commands", () => {
    expect(manifest.$schema).toBe(
      "https://developer.microsoft.com/en-us/json-schemas/teams/v1.22/MicrosoftTeams.schema.json",
    );
    expect(manifest.manifestVersion).toBe("1.22");
    expect(manifest.bots[0].scopes).toEqual(["personal", "team", "groupChat"]);
    // The example commands come from the shipped knowledge's questions (tests/cli/teams-manifest.test.ts).
    const titles = manifest.bots[0].commandLists.flatMap((l: Json) => l.commands.map((c: Json) => c.title));
    expect(titles).toContain("help");
    expect(titles.filter((t: string) => t.endsWith("?")).length).toBe(6);
  });

  it("validates against the bundled schema, offline", async () => {
    expect(await validateManifest(manifest)).toEqual([]);
  });

  it("the validator is live: it reports a broken manifest", async () => {
    const broken = {
      ...manifest,
      name: { short: "x".repeat(31) },
      bots: [{ ...manifest.bots[0], botId: "nope" }],
    };
    const errors = await validateManifest(broken);
    expect(errors.some((e) => e.includes("/name/short"))).toBe(true);
    expect(errors.some((e) => e.includes("/bots/0/botId"))).toBe(true);
  });

  it("color.png is 192×192", async () => {
    const color = await png("color.png");
    expect([color.width, color.height]).toEqual([192, 192]);
  });

  it("outline.png is 32×32, white on a transparent background", async () => {
    const outline = await png("outline.png");
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let visible = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      if (outline.data[i + 3] === 0) continue;
      visible++;
      expect([outline.data[i], outline.data[i + 1], outline.data[i + 2]]).toEqual([255, 255, 255]);
    }
    expect(visible).toBeGreaterThan(50);
    for (const [x, y] of [
      [0, 0],
      [31, 0],
      [0, 31],
      [31, 31],
    ] as const) {
      expect(outline.data[(y * 32 + x) * 4 + 3]).toBe(0);
    }
  });
});

describe("manifest values", () => {
  it("TEAMS_APP_ID defaults to the bot's app id; no BOT_DOMAIN means no validDomains", async () => {
    const values = manifestValues(
      { MICROSOFT_APP_ID: APP_ID, TEAMS_DEVELOPER_URL: "https://example.com/bot" },
      "1.2.3",
    );
    expect(values.ok).toBe(true);
    if (!values.ok) return;
    expect(values.value).toMatchObject({ TEAMS_APP_ID: APP_ID, TEAMS_APP_VERSION: "1.2.3", BOT_DOMAIN: "" });
    const template = JSON.parse(await readFile(join(TEMPLATE_DIR, "manifest.json"), "utf8"));
    const filled = fillManifest(template, values.value);
    expect(filled.ok && (filled.value as Json).validDomains).toEqual([]);
    expect(filled.ok && (await validateManifest(filled.value as Json))).toEqual([]);
  });

  it("says what is missing or malformed, by variable", () => {
    const r = manifestValues({ BOT_DOMAIN: "https://bot.example.com/", TEAMS_APP_ID: "x" }, "1.0.0");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.split(":")[0])).toEqual([
      "MICROSOFT_APP_ID",
      "TEAMS_APP_ID",
      "BOT_DOMAIN",
      "TEAMS_DEVELOPER_URL",
    ]);
  });

  it("an unknown placeholder is an error, not an empty string", () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: ${{NAME}} is the manifest's placeholder syntax.
    const nope = "${{NOPE}}";
    expect(fillManifest({ a: nope }, {})).toEqual({
      ok: false,
      problems: [`manifest placeholder ${nope} has no value`],
    });
  });
});
