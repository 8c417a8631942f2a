import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { adminNeedsToken, checkAdmin, checkHost, checkPost } from "../../../src/adapters/web/access.js";
import { type Config, loadConfig } from "../../../src/config.js";

/** WEB_CHAT and ADMIN_TOKEN in the environment, and the access rules they drive. */

function config(env: Record<string, string>): Config {
  const r = loadConfig(env);
  if (!r.ok) throw new Error(r.problems.join("\n"));
  return r.config;
}

function problems(env: Record<string, string>): string[] {
  const r = loadConfig(env);
  if (r.ok) throw new Error("expected the config to be refused");
  return r.problems;
}

const req = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;
const TOKEN = "0123456789abcdef-token";

describe("WEB_CHAT and ADMIN_TOKEN", () => {
  it("serves the page by default on loopback, not on another HOST", () => {
    expect(config({}).web.enabled).toBe(true);
    expect(config({ HOST: "localhost" }).web.enabled).toBe(true);
    expect(config({ HOST: "0.0.0.0" }).web.enabled).toBe(false);
    expect(config({ WEB_CHAT: "off" }).web.enabled).toBe(false);
    expect(config({ WEB_CHAT: "" }).WEB_CHAT).toBe("auto");
  });

  it("needs ADMIN_TOKEN for WEB_CHAT=on beyond loopback", () => {
    const p = problems({ WEB_CHAT: "on", HOST: "0.0.0.0" });
    expect(p).toEqual([
      "ADMIN_TOKEN: is required when WEB_CHAT=on and HOST=0.0.0.0 is not loopback (expected: a secret of 16+ characters for the web admin view (default: a new one each start, printed with a local admin URL))",
    ]);
    expect(config({ WEB_CHAT: "on", HOST: "0.0.0.0", ADMIN_TOKEN: TOKEN }).web.enabled).toBe(true);
  });

  it("refuses a short ADMIN_TOKEN and an unknown WEB_CHAT", () => {
    expect(problems({ ADMIN_TOKEN: "short" })[0]).toMatch(/^ADMIN_TOKEN: must be at least 16 characters/);
    expect(problems({ WEB_CHAT: "maybe" })[0]).toMatch(/^WEB_CHAT: .*\(expected: on, off or auto/);
  });
});

describe("access rules", () => {
  const loopback = config({});
  const locked = config({ ADMIN_TOKEN: TOKEN });
  const open = config({ WEB_CHAT: "on", HOST: "0.0.0.0", ADMIN_TOKEN: TOKEN });

  it("accepts only loopback names in Host when bound to loopback", () => {
    for (const host of ["127.0.0.1:3978", "localhost:3978", "[::1]:3978", "LOCALHOST"]) {
      expect(checkHost(req({ host }), loopback)).toEqual({ ok: true });
    }
    for (const host of ["evil.example:3978", "127.0.0.1.evil.example", ""]) {
      expect(checkHost(req({ host }), loopback).ok).toBe(false);
    }
    expect(checkHost(req({ host: "bot.example.com" }), open)).toEqual({ ok: true });
  });

  it("accepts POSTs only as JSON and from the page's own origin", () => {
    const host = "127.0.0.1:3978";
    const json = { host, "content-type": "application/json; charset=utf-8" };
    expect(checkPost(req(json), loopback)).toEqual({ ok: true });
    expect(checkPost(req({ ...json, origin: `http://${host}` }), loopback)).toEqual({ ok: true });
    expect(checkPost(req({ ...json, origin: "http://evil.example" }), loopback)).toMatchObject({
      status: 403,
    });
    expect(checkPost(req({ host, "content-type": "text/plain" }), loopback)).toMatchObject({ status: 415 });
  });

  it("always wants the exact bearer token, on loopback too (a same-host proxy makes loopback public)", () => {
    expect(adminNeedsToken(loopback)).toBe(true);
    expect(checkAdmin(req({}), loopback)).toMatchObject({ status: 401 });
    for (const c of [locked, open]) {
      expect(adminNeedsToken(c)).toBe(true);
      expect(checkAdmin(req({}), c)).toMatchObject({ status: 401 });
      expect(checkAdmin(req({ authorization: `Bearer ${TOKEN}x` }), c)).toMatchObject({ status: 401 });
      expect(checkAdmin(req({ authorization: TOKEN }), c)).toMatchObject({ status: 401 });
      expect(checkAdmin(req({ authorization: `Bearer ${TOKEN}` }), c)).toEqual({ ok: true });
    }
  });
});
