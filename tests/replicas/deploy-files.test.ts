import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { envSchema, loadConfig } from "../../src/config.js";
import { ROOT } from "./replica-process.js";

/**
 * Docker cannot run on the test machines, so the Dockerfile and compose.yaml are checked against the
 * code instead: every variable they set is one src/config.ts reads (and the values load), the port is
 * the one the bot listens on, and the health checks call the route the server answers.
 */

const read = (f: string) => readFileSync(`${ROOT}${f}`, "utf8");
const KNOWN = new Set(Object.keys(envSchema.shape));
const PORT = String((loadConfig({}) as { ok: true; config: { PORT: number } }).config.PORT);
const HEALTH = /routes\.set\("GET (\/\w+)"/.exec(read("src/server.ts"))?.[1];

/** Dockerfile instructions, continuation lines joined. */
function instructions(text: string): [string, string][] {
  return text
    .replace(/\\\n\s*/g, " ")
    .split("\n")
    .filter((l) => l.trim() && !l.trim().startsWith("#"))
    .map((l) => {
      const [op, ...rest] = l.trim().split(/\s+/);
      return [String(op).toUpperCase(), rest.join(" ")];
    });
}

describe("Dockerfile", () => {
  const ins = instructions(read("Dockerfile"));
  const of = (op: string) => ins.filter(([o]) => o === op).map(([, v]) => v);
  const finalStage = ins.slice(ins.map(([o]) => o).lastIndexOf("FROM"));

  it("builds on Node 20 slim in a builder stage and installs production dependencies only in the image", () => {
    expect(of("FROM").every((f) => f.startsWith("node:20-slim"))).toBe(true);
    expect(of("FROM").length).toBeGreaterThan(1);
    expect(of("RUN").some((r) => r.includes("npm ci --omit=dev"))).toBe(true);
    expect(
      finalStage.some(([o, v]) => o === "COPY" && v.includes("--from=build") && v.includes("dist")),
    ).toBe(true);
  });

  it("runs as a non-root user, on the configured port, with a health check on the health route", () => {
    expect(HEALTH).toBe("/healthz");
    const user = finalStage.filter(([o]) => o === "USER").map(([, v]) => v);
    expect(user.length).toBe(1);
    expect(["root", "0"]).not.toContain(user[0]);
    expect(of("EXPOSE")).toEqual([PORT]);
    expect(of("HEALTHCHECK").join(" ")).toContain(`${HEALTH}`);
    expect(of("CMD").at(-1)).toContain("serve");
  });

  it("sets only variables src/config.ts reads, with values it accepts", () => {
    const env = Object.fromEntries(
      of("ENV")
        .join(" ")
        .split(/\s+/)
        .map((kv) => kv.split("=") as [string, string]),
    );
    for (const k of Object.keys(env).filter((k) => k !== "NODE_ENV")) expect(KNOWN).toContain(k);
    expect(env.PORT).toBe(PORT);
    expect(loadConfig({ ...env, MICROSOFT_APP_ID: "id", MICROSOFT_APP_PASSWORD: "pw" }).ok).toBe(true);
  });
});

describe("compose.yaml", () => {
  const doc = parse(read("compose.yaml"), { merge: true }) as {
    services: Record<
      string,
      {
        build?: unknown;
        environment?: Record<string, string>;
        healthcheck?: { test: string[] };
        command?: string[];
        image?: string;
      }
    >;
  };
  const bots = Object.entries(doc.services).filter(([, s]) => s.build);

  it("runs two replicas of the bot, PostgreSQL and a reverse proxy in front of both", () => {
    expect(bots.map(([n]) => n)).toHaveLength(2);
    expect(doc.services.postgres?.image).toMatch(/^postgres:/);
    const proxy = doc.services.proxy?.command?.join(" ") ?? "";
    for (const [name] of bots) expect(proxy).toContain(`${name}:${PORT}`);
  });

  it("gives each replica the same database and knowledge file, using only variables src/config.ts reads", () => {
    for (const [, s] of bots) {
      const env = s.environment ?? {};
      for (const k of Object.keys(env)) expect(KNOWN).toContain(k);
      expect(env.DATABASE_URL).toMatch(/^postgres:\/\/bot:\$\{POSTGRES_PASSWORD[^}]*\}@postgres:5432\/bot$/);
      expect(env.PORT).toBe(PORT);
      expect(s.healthcheck?.test.join(" ")).toContain(`:${PORT}${HEALTH}`);
      // With the placeholders filled in, the configuration loads.
      const filled = Object.fromEntries(
        Object.entries(env).map(([k, v]) => [
          k,
          v.replace(/\$\{POSTGRES_PASSWORD[^}]*\}/, "pw").replace(/\$\{[A-Z_]+:-([^}]*)\}/g, "$1"),
        ]),
      );
      expect(loadConfig({ ...filled, MICROSOFT_APP_ID: "id", MICROSOFT_APP_PASSWORD: "pw" })).toMatchObject({
        ok: true,
      });
    }
    expect(new Set(bots.map(([, s]) => s.environment?.KNOWLEDGE_FILE)).size).toBe(1);
  });
});

describe("documentation", () => {
  it("docs/deploy.md and the README's configuration table name DATABASE_URL", () => {
    expect(read("docs/deploy.md")).toContain("DATABASE_URL");
    const table = read("README.md").split("## Configuration")[1]?.split("\n## ")[0] ?? "";
    expect(table).toMatch(/\| `DATABASE_URL` \|/);
  });
});
