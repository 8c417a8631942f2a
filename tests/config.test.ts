import { describe, expect, it } from "vitest";
import { type Config, DEFAULT_KNOWLEDGE_FILE, isLoopback, loadConfig } from "../src/config.js";

/** loadConfig(env): defaults, and a problem naming the variable for every bad value. */

function config(env: Record<string, string | undefined>): Config {
  const r = loadConfig(env);
  if (!r.ok) throw new Error(`expected the config to load:\n${r.problems.join("\n")}`);
  return r.config;
}

function problems(env: Record<string, string | undefined>): string[] {
  const r = loadConfig(env);
  if (r.ok) throw new Error("expected the config to be refused");
  return r.problems;
}

describe("loadConfig", () => {
  it("has defaults for an empty environment", () => {
    const c = config({});
    expect(c).toMatchObject({
      PORT: 3978,
      HOST: "127.0.0.1",
      LOG_LEVEL: "info",
      KNOWLEDGE_WATCH: false,
      ADMIN_USERS: [],
      slack: { mode: "off" },
      teams: { auth: false },
    });
    expect(c.knowledgeFile).toBe(DEFAULT_KNOWLEDGE_FILE);
    expect(DEFAULT_KNOWLEDGE_FILE).toMatch(/knowledge[/\\]huawei-ai-strategy\.yaml$/);
  });

  it("reads PORT, HOST, KNOWLEDGE_FILE (trimmed) and KNOWLEDGE_WATCH", () => {
    const c = config({
      PORT: "8080",
      HOST: "0.0.0.0",
      KNOWLEDGE_FILE: " /srv/k.yaml ",
      KNOWLEDGE_WATCH: "1",
    });
    expect(c).toMatchObject({
      PORT: 8080,
      HOST: "0.0.0.0",
      knowledgeFile: "/srv/k.yaml",
      KNOWLEDGE_WATCH: true,
    });
    expect(config({ KNOWLEDGE_WATCH: "0" }).KNOWLEDGE_WATCH).toBe(false);
  });

  it.each(["abc", "70000", "-1", "80.5"])("refuses PORT=%s naming the variable", (port) => {
    const p = problems({ PORT: port });
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^PORT: /);
    expect(p[0]).toContain("(expected: a port number, 0-65535)");
  });

  it("refuses a SLACK_BOT_TOKEN that does not start with xoxb-", () => {
    const p = problems({ SLACK_BOT_TOKEN: "xoxp-123", SLACK_SIGNING_SECRET: "s3cret" });
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^SLACK_BOT_TOKEN: must start with xoxb- \(expected: .*xoxb-/);
    // The problem names the variable; it never echoes the value.
    expect(p.join("\n")).not.toContain("xoxp-123");
  });

  it("refuses SLACK_SIGNING_SECRET without SLACK_BOT_TOKEN", () => {
    const p = problems({ SLACK_SIGNING_SECRET: "s3cret" });
    expect(p).toEqual([
      expect.stringMatching(/^SLACK_BOT_TOKEN: is required when SLACK_SIGNING_SECRET is set/),
    ]);
  });

  it("refuses SLACK_BOT_TOKEN alone (neither HTTP nor Socket Mode can work)", () => {
    expect(problems({ SLACK_BOT_TOKEN: "xoxb-1" })).toEqual([
      expect.stringMatching(/^SLACK_SIGNING_SECRET: /),
    ]);
  });

  it("refuses a SLACK_APP_TOKEN that does not start with xapp-", () => {
    const p = problems({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xoxb-2" });
    expect(p).toEqual([expect.stringMatching(/^SLACK_APP_TOKEN: must start with xapp-/)]);
  });

  it.each([
    [{}, "off"],
    [{ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" }, "http"],
    [{ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1" }, "socket"],
    [{ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s", SLACK_APP_TOKEN: "xapp-1" }, "socket"],
  ])("picks Slack mode from %o: %s", (env, mode) => {
    expect(config(env).slack.mode).toBe(mode);
  });

  it("splits ADMIN_USERS on commas, trimming and dropping empty entries", () => {
    expect(config({ ADMIN_USERS: " U123, U456 ,,29:1abc-def " }).ADMIN_USERS).toEqual([
      "U123",
      "U456",
      "29:1abc-def",
    ]);
  });

  it("turns Teams authentication on with MICROSOFT_APP_ID and its password", () => {
    expect(config({ MICROSOFT_APP_ID: "id", MICROSOFT_APP_PASSWORD: "pw" }).teams.auth).toBe(true);
    expect(problems({ MICROSOFT_APP_ID: "id" })).toEqual([
      expect.stringMatching(/^MICROSOFT_APP_PASSWORD: /),
    ]);
  });

  it("reports every bad variable at once", () => {
    const p = problems({ PORT: "x", LOG_LEVEL: "loud", KNOWLEDGE_WATCH: "maybe" });
    expect(p.map((s) => s.split(":")[0]).sort()).toEqual(["KNOWLEDGE_WATCH", "LOG_LEVEL", "PORT"]);
  });
});

describe("isLoopback", () => {
  it.each([
    ["127.0.0.1", true],
    ["127.1.2.3", true],
    ["::1", true],
    ["localhost", true],
    ["0.0.0.0", false],
    ["10.0.0.1", false],
    ["128.0.0.1", false],
  ])("%s -> %s", (host, expected) => {
    expect(isLoopback(host)).toBe(expected);
  });
});
