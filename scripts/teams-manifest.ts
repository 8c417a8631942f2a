import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { AppManifestUtils } from "@microsoft/app-manifest";
import { PNG } from "pngjs";
import { DEFAULT_KNOWLEDGE_FILE } from "../src/config.js";
import { loadKnowledgeFile } from "../src/knowledge/load.js";
import { exampleCommands } from "../src/knowledge/presentable.js";
import { formatProblems } from "../src/knowledge/problems.js";

/**
 * The Teams app manifest: values from the environment, placeholders filled, offline schema
 * validation, icon checks. scripts/package-teams.ts zips the result; tests use these directly.
 *
 * Environment (docs/teams.md):
 *   MICROSOFT_APP_ID      required: the Azure Bot's app id (bots[0].botId)
 *   TEAMS_APP_ID          the Teams app's own GUID; defaults to MICROSOFT_APP_ID
 *   BOT_DOMAIN            the bot's public host name (validDomains), e.g. bot.example.com
 *   TEAMS_DEVELOPER_URL   https page about the app; defaults to https://BOT_DOMAIN
 *   TEAMS_PRIVACY_URL, TEAMS_TERMS_URL   default to TEAMS_DEVELOPER_URL
 *   TEAMS_DEVELOPER_NAME  defaults to "strategy-bot"; TEAMS_APP_VERSION defaults to package.json's
 *   KNOWLEDGE_FILE        the knowledge whose example questions become the bot's command list
 */

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const TEMPLATE_DIR = join(ROOT, "manifests", "teams");
export const ICONS = {
  color: { file: "color.png", size: 192 },
  outline: { file: "outline.png", size: 32 },
} as const;

const GUID = /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
const HOST = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

export type Env = Record<string, string | undefined>;
export type Values = Record<string, string>;
export type Result<T> = { ok: true; value: T } | { ok: false; problems: string[] };

export function manifestValues(env: Env, packageVersion: string): Result<Values> {
  const get = (k: string) => env[k]?.trim() || undefined;
  const problems: string[] = [];
  const appId = get("MICROSOFT_APP_ID");
  const teamsId = get("TEAMS_APP_ID") ?? appId;
  const domain = get("BOT_DOMAIN");
  const site = get("TEAMS_DEVELOPER_URL") ?? (domain && HOST.test(domain) ? `https://${domain}` : undefined);
  if (!appId) problems.push("MICROSOFT_APP_ID: required, the Azure Bot's app id (a GUID)");
  else if (!GUID.test(appId)) problems.push(notGuid("MICROSOFT_APP_ID", appId, "the Azure Bot's app id"));
  if (get("TEAMS_APP_ID") && !GUID.test(teamsId as string))
    problems.push(notGuid("TEAMS_APP_ID", teamsId as string, "the Teams app's own id"));
  if (domain && !HOST.test(domain))
    problems.push("BOT_DOMAIN: a host name like bot.example.com, no scheme or path");
  if (!site) problems.push("TEAMS_DEVELOPER_URL: required (an https URL) unless BOT_DOMAIN is set");
  for (const [k, v] of [
    ["TEAMS_DEVELOPER_URL", site],
    ["TEAMS_PRIVACY_URL", get("TEAMS_PRIVACY_URL")],
    ["TEAMS_TERMS_URL", get("TEAMS_TERMS_URL")],
  ] as const) {
    if (v && !/^https:\/\/[^\s]+$/.test(v)) problems.push(`${k}: must be an https:// URL`);
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      MICROSOFT_APP_ID: appId as string,
      TEAMS_APP_ID: teamsId as string,
      BOT_DOMAIN: domain ?? "",
      TEAMS_DEVELOPER_URL: site as string,
      TEAMS_PRIVACY_URL: get("TEAMS_PRIVACY_URL") ?? (site as string),
      TEAMS_TERMS_URL: get("TEAMS_TERMS_URL") ?? (site as string),
      TEAMS_DEVELOPER_NAME: get("TEAMS_DEVELOPER_NAME") ?? "strategy-bot",
      TEAMS_APP_VERSION: get("TEAMS_APP_VERSION") ?? packageVersion,
    },
  };
}

const notGuid = (name: string, value: string, what: string) =>
  `${name}: "${value.length > 60 ? `${value.slice(0, 57)}…` : value}" is not a GUID; ${what} looks like ` +
  "00000000-0000-0000-0000-000000000000 (Azure portal: the bot's Configuration page, Microsoft App ID)";

/** Teams limits a command's title to 32 characters (bots[].commandLists[].commands[].title). */
const COMMAND_TITLE_MAX = 32;

/** Three example questions from the knowledge, for the bot's command menu: the file's own, not ours. */
export async function knowledgeExamples(env: Env): Promise<Result<string[]>> {
  const file = env.KNOWLEDGE_FILE?.trim() || DEFAULT_KNOWLEDGE_FILE;
  const r = await loadKnowledgeFile(file);
  if (!r.ok)
    return { ok: false, problems: [`KNOWLEDGE_FILE ${file} was refused:\n${formatProblems(r.problems)}`] };
  return { ok: true, value: exampleCommands(r.knowledge, 3, COMMAND_TITLE_MAX) };
}

/** Puts the example questions first in every command list (help and the admin commands follow). */
export function withExampleCommands(manifest: object, examples: string[]): object {
  // biome-ignore lint/suspicious/noExplicitAny: walks the manifest JSON, which we do not model.
  const m = structuredClone(manifest) as any;
  for (const list of m.bots?.[0]?.commandLists ?? []) {
    const team = list.scopes.includes("team");
    list.commands = [
      ...examples.map((title, i) => ({
        title,
        description:
          i > 0
            ? "Example question"
            : team
              ? "Example question: @mention me, then ask"
              : "Example question: answered with the quoted source sentence",
      })),
      ...list.commands,
    ];
  }
  return m;
}

/** Replaces `${{NAME}}` in every string; array entries left empty (an unset BOT_DOMAIN) are dropped. */
export function fillManifest(template: unknown, values: Values): Result<unknown> {
  const missing = new Set<string>();
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") {
      return v.replace(/\$\{\{(\w+)\}\}/g, (_m, name: string) => {
        if (!(name in values)) missing.add(name);
        return values[name] ?? "";
      });
    }
    if (Array.isArray(v)) return v.map(walk).filter((x) => x !== "");
    if (v && typeof v === "object")
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  const filled = walk(template);
  return missing.size > 0
    ? { ok: false, problems: [...missing].map((m) => `manifest placeholder \${{${m}}} has no value`) }
    : { ok: true, value: filled };
}

/** Schema validation with the schema file bundled in @microsoft/app-manifest: never the network. */
export async function validateManifest(manifest: object): Promise<string[]> {
  const version = String((manifest as { manifestVersion?: unknown }).manifestVersion);
  const pkg = createRequire(import.meta.url).resolve("@microsoft/app-manifest/package.json");
  const file = join(
    dirname(pkg),
    "build",
    "json-schemas",
    "teams",
    `v${version}`,
    "MicrosoftTeams.schema.json",
  );
  let schema: unknown;
  try {
    schema = JSON.parse(await readFile(file, "utf8"));
  } catch {
    return [`no bundled schema for manifestVersion ${version}`];
  }
  // biome-ignore lint/suspicious/noExplicitAny: the validator is generic over manifest types we do not model.
  return AppManifestUtils.validateAgainstSchema(manifest as any, schema as any);
}

/** Teams: color 192×192; outline 32×32, white on transparent (every visible pixel pure white). */
export function checkIcon(name: keyof typeof ICONS, data: Buffer): string[] {
  const { size } = ICONS[name];
  const png = PNG.sync.read(data);
  const problems: string[] = [];
  if (png.width !== size || png.height !== size)
    problems.push(`${name}.png is ${png.width}×${png.height}, not ${size}×${size}`);
  if (name === "outline") {
    let visible = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      if (png.data[i + 3] === 0) continue;
      visible++;
      if (png.data[i] !== 255 || png.data[i + 1] !== 255 || png.data[i + 2] !== 255) {
        problems.push("outline.png has a visible pixel that is not white");
        break;
      }
    }
    if (visible === 0) problems.push("outline.png is empty");
    if (png.data[3] !== 0) problems.push("outline.png background (corner pixel) is not transparent");
  }
  return problems;
}
