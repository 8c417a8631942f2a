import { describe, expect, it } from "vitest";
import { CodedError } from "../src/errors.js";
import { createLogger } from "../src/log.js";

/** Structured logs: one JSON object per line, with secrets masked however they are passed. */

const clock = () => new Date("2024-06-01T12:00:00Z");

function capture(level: "debug" | "info" | "warn" | "error" = "info") {
  const lines: string[] = [];
  const log = createLogger(level, (l) => lines.push(l), { app: "strategy-bot" }, clock);
  const parsed = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  return { log, lines, parsed };
}

describe("createLogger", () => {
  it("writes one JSON line per entry with time, level, message, base and call fields", () => {
    const { log, lines, parsed } = capture();
    log.info("knowledge loaded", { version: "abc123", facts: 44 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain("\n");
    expect(parsed()[0]).toEqual({
      time: "2024-06-01T12:00:00.000Z",
      level: "info",
      msg: "knowledge loaded",
      app: "strategy-bot",
      version: "abc123",
      facts: 44,
    });
  });

  it("drops entries below the configured level", () => {
    const { log, parsed } = capture("warn");
    log.debug("d");
    log.info("i");
    log.warn("w");
    log.error("e");
    expect(parsed().map((e) => e.level)).toEqual(["warn", "error"]);
  });

  it("adds a child logger's fields to every entry", () => {
    const { log, parsed } = capture();
    log.child({ platform: "slack" }).info("question", { ms: 1 });
    expect(parsed()[0]).toMatchObject({ app: "strategy-bot", platform: "slack", ms: 1 });
  });

  it("redacts fields whose names say secret, password, token or authorization, at any depth", () => {
    const { log, lines, parsed } = capture();
    log.info("config", {
      token: "plain-value-1",
      SLACK_SIGNING_SECRET: "plain-value-2",
      nested: { password: "plain-value-3", headers: { Authorization: "plain-value-4" } },
      botToken: "plain-value-5",
      user: "U123",
    });
    expect(lines[0]).not.toMatch(/plain-value/);
    expect(parsed()[0]).toMatchObject({
      token: "[redacted]",
      SLACK_SIGNING_SECRET: "[redacted]",
      nested: { password: "[redacted]", headers: { Authorization: "[redacted]" } },
      botToken: "[redacted]",
    });
  });

  it("hashes user ids (the same id, the same hash) unless LOG_USER_IDS asks for them as they are", () => {
    const { log, lines, parsed } = capture();
    log.info("rate limited", { user: "U123", asker: { userId: "U123" } });
    log.info("admin command", { user: "U456" });
    expect(lines.join("\n")).not.toContain("U123");
    const [a = {}, b = {}] = parsed();
    expect(a.user).toMatch(/^u_[0-9a-f]{12}$/);
    expect((a.asker as { userId: string }).userId).toBe(a.user);
    expect(b.user).not.toBe(a.user);
    const plain: string[] = [];
    createLogger("info", (l) => plain.push(l), {}, clock, { userIds: true }).info("q", { user: "U123" });
    expect(JSON.parse(plain[0] ?? "{}").user).toBe("U123");
  });

  it("logs an error with its code, stack and cause", () => {
    const { log, parsed } = capture();
    const cause = new Error("disk full");
    log.error("reload failed", {
      error: new CodedError("knowledge_load_failed", "could not load", { cause }),
    });
    const error = parsed()[0]?.error as Record<string, unknown>;
    expect(error).toMatchObject({ code: "knowledge_load_failed", message: "could not load" });
    expect(String(error.stack)).toContain("log.test.ts");
    expect(error.cause).toMatchObject({ message: "disk full" });
  });

  it("redacts Slack tokens and Bearer tokens inside any string, including the message and errors", () => {
    const { log, lines, parsed } = capture();
    log.error("call failed with xoxb-1111-2222-abcdef", {
      detail: "header was Bearer eyJhbGciOi.eyJzdWIi.sig_-x",
      list: ["xapp-1-A0-123-abc", "fine"],
      err: new Error("invalid_auth for xoxp-999-888"),
    });
    const line = lines[0] ?? "";
    for (const secret of ["xoxb-1111", "eyJhbGciOi", "xapp-1-A0", "xoxp-999"])
      expect(line).not.toContain(secret);
    const entry = parsed()[0];
    expect(entry).toMatchObject({
      msg: "call failed with [redacted]",
      detail: "header was [redacted]",
      list: ["[redacted]", "fine"],
      err: { name: "Error", message: "invalid_auth for [redacted]" },
    });
  });

  it("leaves ordinary text alone", () => {
    const { log, parsed } = capture();
    log.info("what is CANN? xoxo hugs, bearer of news");
    expect(parsed()[0]?.msg).toBe("what is CANN? xoxo hugs, bearer of news");
  });
});
