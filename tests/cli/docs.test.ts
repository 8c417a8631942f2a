import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "./capture.js";

/**
 * The README's knowledge example is a real file that `check` accepts (it once failed as written), and
 * the docs show no knowledge version: versions are content hashes, so a copied one is stale the next
 * time the knowledge changes.
 */

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const EXAMPLE = `${ROOT}docs/examples/knowledge.yaml`;
const read = (rel: string) => readFileSync(`${ROOT}${rel}`, "utf8");

describe("the README's knowledge example", () => {
  it("is docs/examples/knowledge.yaml, word for word", () => {
    const readme = read("README.md");
    const block = /```yaml\n(# yaml-language-server[\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBe(readFileSync(EXAMPLE, "utf8"));
  });

  it("passes check, test questions included", async () => {
    const r = await runCli(["check", EXAMPLE]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("2 curated facts");
    expect(r.stdout).toContain("2 test questions passed");
  });
});

describe("docs", () => {
  it("name no knowledge version (a 12-hex-digit content hash)", () => {
    const files = [
      "README.md",
      ...readdirSync(`${ROOT}docs`)
        .filter((f) => f.endsWith(".md"))
        .map((f) => `docs/${f}`),
    ];
    const stale = files.flatMap((f) =>
      read(f)
        .split("\n")
        .map((line, i) => ({
          where: `${f}:${i + 1}`,
          hash: /(?<![\w/.-])[0-9a-f]{12}(?![\w-])/.exec(line)?.[0],
        }))
        .filter((x) => x.hash && /\d/.test(x.hash) && /[a-f]/.test(x.hash)),
    );
    expect(stale).toEqual([]);
  });
});

describe("the terminal chat's wording", () => {
  it("is the web page's, word for word (help, examples, rate limit, failure)", async () => {
    const { WORDING: web } = await import("../../src/adapters/web/wording.js");
    const { WORDING: cli } = await import("../../src/cli/render-reply.js");
    for (const key of ["help", "examples", "empty", "failed"] as const) expect(cli[key]).toBe(web[key]);
    expect(cli.rateLimited(7)).toBe(web.rateLimited(7));
  });
});
