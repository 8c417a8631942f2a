import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import JSZip from "jszip";
import {
  checkIcon,
  type Env,
  fillManifest,
  ICONS,
  knowledgeExamples,
  manifestValues,
  type Result,
  ROOT,
  TEMPLATE_DIR,
  validateManifest,
  withExampleCommands,
} from "./teams-manifest.js";

/**
 * `npm run package:teams`: fills manifests/teams/manifest.json from the environment (see
 * scripts/teams-manifest.ts and docs/teams.md), validates it offline against the Teams schema
 * bundled in @microsoft/app-manifest, checks the icons, and writes dist/strategy-bot-teams.zip with
 * manifest.json, color.png and outline.png at its root (the command list starts with three example
 * questions from the knowledge file, KNOWLEDGE_FILE or the shipped one): what Teams' "Upload a custom app" expects.
 */

export const DEFAULT_OUT = join(ROOT, "dist", "strategy-bot-teams.zip");

export async function packageTeams(env: Env, out = DEFAULT_OUT, dir = TEMPLATE_DIR): Promise<Result<string>> {
  const pkg = JSON.parse(await readFile(join(ROOT, "package.json"), "utf8")) as { version: string };
  const values = manifestValues(env, pkg.version);
  if (!values.ok) return values;
  const filled = fillManifest(JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")), values.value);
  if (!filled.ok) return filled;
  const examples = await knowledgeExamples(env);
  if (!examples.ok) return examples;
  const manifest = withExampleCommands(filled.value as object, examples.value);
  const icons = {
    color: await readFile(join(dir, ICONS.color.file)),
    outline: await readFile(join(dir, ICONS.outline.file)),
  };
  const problems = [
    ...(await validateManifest(manifest)).map((p) => `manifest.json${p}`),
    ...checkIcon("color", icons.color),
    ...checkIcon("outline", icons.outline),
  ];
  if (problems.length > 0) return { ok: false, problems };
  const zip = new JSZip();
  zip.file("manifest.json", `${JSON.stringify(manifest, null, 2)}\n`);
  zip.file(ICONS.color.file, icons.color);
  zip.file(ICONS.outline.file, icons.outline);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return { ok: true, value: out };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await packageTeams(process.env);
  if (result.ok) {
    console.log(
      `wrote ${relative(process.cwd(), result.value)}: upload it in Teams (Apps > Manage your apps > Upload an app)`,
    );
  } else {
    console.error(`Teams package not written:\n  ${result.problems.join("\n  ")}\nSee docs/teams.md.`);
    process.exitCode = 1;
  }
}
