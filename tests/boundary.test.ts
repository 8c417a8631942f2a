import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * The architecture as a test: the core and the knowledge loader never see a platform SDK or an
 * adapter, and each SDK is imported only inside its own adapter folder.
 */

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SRC = join(ROOT, "src");

const STATIC = /\b(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?["']([^"']+)["']/g;
const DYNAMIC = /\b(?:import|require)\s*\(\s*["']([^"']+)["']\s*\)/g;

/** Every module specifier a source file imports, re-exports or loads dynamically. */
function importsOf(code: string): string[] {
  return [...code.matchAll(STATIC), ...code.matchAll(DYNAMIC)].map((m) => m[1] as string);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts|cts|js|mjs)$/.test(e.name) ? [path] : [];
  });
}

interface Import {
  file: string;
  specifier: string;
  /** src-relative path the specifier resolves to, for relative imports. */
  target?: string;
}

const IMPORTS: Import[] = sourceFiles(SRC).flatMap((path) =>
  importsOf(readFileSync(path, "utf8")).map((specifier) => ({
    file: relative(SRC, path).split(sep).join("/"),
    specifier,
    ...(specifier.startsWith(".")
      ? {
          target: relative(SRC, resolve(dirname(path), specifier))
            .split(sep)
            .join("/"),
        }
      : {}),
  })),
);

const isBolt = (s: string) => s === "@slack/bolt" || s.startsWith("@slack/bolt/");
const isBotFramework = (s: string) =>
  s === "botbuilder" ||
  s.startsWith("botbuilder-") ||
  s.startsWith("botbuilder/") ||
  s.startsWith("botframework-");
const show = (list: Import[]) => list.map((i) => `${i.file} imports ${i.specifier}`);

describe("import boundaries", () => {
  it("finds the imports of the source tree (so the rules below check something)", () => {
    expect(IMPORTS.some((i) => i.file.startsWith("core/"))).toBe(true);
    expect(IMPORTS.some((i) => i.file.startsWith("knowledge/") && i.specifier === "yaml")).toBe(true);
    expect(IMPORTS.some((i) => i.target === "core/answer.js")).toBe(true);
  });

  it("recognises static, type-only, multi-line, re-export and dynamic imports", () => {
    const code = `import { a,\n  type B,\n} from "./a.js";\nimport type { C } from '@slack/bolt';\nimport "side-effect";\nexport { d } from "./d.js";\nexport * from "./e.js";\nconst m = await import("botbuilder");\n// imports nothing "here"`;
    expect(importsOf(code).sort()).toEqual([
      "./a.js",
      "./d.js",
      "./e.js",
      "@slack/bolt",
      "botbuilder",
      "side-effect",
    ]);
  });

  it("keeps src/core and src/knowledge free of platform SDKs and adapters", () => {
    const inner = IMPORTS.filter((i) => i.file.startsWith("core/") || i.file.startsWith("knowledge/"));
    const bad = inner.filter(
      (i) =>
        isBolt(i.specifier) ||
        i.specifier.startsWith("@slack/") ||
        isBotFramework(i.specifier) ||
        i.target?.startsWith("adapters/") ||
        i.specifier.includes("/adapters/"),
    );
    expect(show(bad)).toEqual([]);
  });

  it("keeps src/core free of I/O: no file system, network or process modules", () => {
    const io = /^(node:)?(fs|fs\/promises|http|https|http2|net|dgram|child_process|readline|worker_threads)$/;
    const bad = IMPORTS.filter((i) => i.file.startsWith("core/") && io.test(i.specifier));
    expect(show(bad)).toEqual([]);
    const upward = IMPORTS.filter(
      (i) => i.file.startsWith("core/") && i.target !== undefined && !i.target.startsWith("core/"),
    );
    expect(show(upward)).toEqual([]);
  });

  it("imports botbuilder and botframework-* only under src/adapters/teams/", () => {
    const bad = IMPORTS.filter((i) => isBotFramework(i.specifier) && !i.file.startsWith("adapters/teams/"));
    expect(show(bad)).toEqual([]);
  });

  it("imports @slack/bolt only under src/adapters/slack/", () => {
    const bad = IMPORTS.filter((i) => isBolt(i.specifier) && !i.file.startsWith("adapters/slack/"));
    expect(show(bad)).toEqual([]);
  });

  it("adapters reach the core, the store and analytics only through src/bot", () => {
    // Besides bot/: core types and the pure text clipper, and the plumbing every adapter shares.
    const allowed = new Set([
      "core/types.js",
      "core/clip.js",
      "log.js",
      "config.js",
      "server.js",
      "http-body.js",
    ]);
    const bad = IMPORTS.filter(
      (i) =>
        i.file.startsWith("adapters/") &&
        i.target !== undefined &&
        !i.target.startsWith("adapters/") &&
        !i.target.startsWith("bot/") &&
        !allowed.has(i.target),
    );
    expect(IMPORTS.some((i) => i.file.startsWith("adapters/") && i.target?.startsWith("bot/"))).toBe(true);
    expect(show(bad)).toEqual([]);
  });

  it("the bot layer has no import cycle (handle.ts and curation.ts never import each other)", () => {
    const edges = new Map<string, string[]>();
    for (const i of IMPORTS) {
      if (!i.file.startsWith("bot/") || !i.target?.startsWith("bot/")) continue;
      const from = i.file.replace(/\.ts$/, ".js");
      edges.set(from, [...(edges.get(from) ?? []), i.target]);
    }
    const cycles: string[] = [];
    const visit = (node: string, path: string[]): void => {
      if (path.includes(node)) {
        cycles.push([...path.slice(path.indexOf(node)), node].join(" -> "));
        return;
      }
      for (const next of edges.get(node) ?? []) visit(next, [...path, node]);
    };
    for (const node of edges.keys()) visit(node, []);
    expect(edges.size).toBeGreaterThan(3);
    expect(cycles).toEqual([]);
  });

  it("the server never sees the knowledge store (health is injected)", () => {
    const bad = IMPORTS.filter((i) => i.file === "server.ts" && i.target?.startsWith("knowledge/"));
    expect(show(bad)).toEqual([]);
  });
});
