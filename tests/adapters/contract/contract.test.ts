import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WORDING } from "../../../src/bot/wording.js";
import { type Driver, slackDriver, teamsDriver, webDriver } from "./drivers.js";

/**
 * The adapter contract, once, run against all three HTTP adapters (the pattern of hono's shared router
 * suite): hostile bodies get a clean 4xx and the server keeps serving; a repeated delivery is answered
 * once; a user over the rate limit is asked to slow down; `help` and "I don't know" read the same on
 * every surface; a 👎 is recorded and thanked privately.
 */

const DRIVERS = { slack: slackDriver, teams: teamsDriver, web: webDriver };
const UNKNOWABLE = "zxqv blorf wibble quux?";

describe.each(Object.entries(DRIVERS))("%s adapter contract", (_name, start) => {
  let d: Driver;
  let n = 0;
  const user = () => `u${++n}contract`;

  beforeAll(async () => {
    d = await start({ ANALYTICS: "on", RATE_LIMIT_PER_MINUTE: "3" });
  });
  afterAll(async () => {
    await d?.stop();
  });

  const raw = (body: string | Uint8Array, type: string) =>
    fetch(`http://127.0.0.1:${d.bot.address.port}${d.path}`, {
      method: "POST",
      headers: {
        ...(type ? { "content-type": type } : {}),
        ...d.headers(typeof body === "string" ? body : ""),
      },
      body,
      signal: AbortSignal.timeout(10_000),
    }).catch((e: unknown) => e as Error);

  it.each([
    ["malformed JSON", "{not json", "application/json"],
    ["JSON that is not an object", "[1,2]", "application/json"],
    ["a wrong content type", "hello", "text/plain"],
  ])("%s gets a clean 4xx", async (_what, body, type) => {
    const res = await raw(body, type);
    expect(res instanceof Response && res.status >= 400 && res.status < 500).toBe(true);
  });

  it("a body over 1 MB gets 413 (or the connection closed early) and the server keeps serving", async () => {
    const res = await raw(new Uint8Array(1_100_000).fill(0x20), "application/json");
    if (res instanceof Response) expect(res.status).toBe(413);
    const health = await fetch(`http://127.0.0.1:${d.bot.address.port}/healthz`);
    expect(health.status).toBe(200);
  });

  it("help reads the same on every surface", async () => {
    const reply = await d.say("help", user());
    expect(reply?.text).toContain(WORDING.help);
  });

  it('a question the knowledge does not cover gets the one "I don\'t know"', async () => {
    const reply = await d.say(UNKNOWABLE, user());
    expect(reply?.text).toContain(WORDING.unknown);
  });

  it("a repeated delivery is answered once", async () => {
    if (!d.redelivers) return;
    const who = user();
    const first = await d.say("what is CANN?", who, { id: `dup-${n}` });
    expect(first?.status).toBe(200);
    const again = await d.say("what is CANN?", who, { id: `dup-${n}`, quiet: true });
    expect(again?.status ?? 200).toBe(200);
    expect(again).toBeUndefined();
  });

  it("a user over the rate limit is asked to slow down", async () => {
    const who = user();
    // The web knows people by address: earlier tests in this file count against the same one.
    const replies = [];
    for (let i = 0; i < 4; i++) replies.push(await d.say("what is CANN?", who));
    const last = replies.at(-1);
    expect(last?.text).toContain(WORDING.rateLimited(60).split(" in ")[0]);
  });

  it("a 👎 is recorded and thanked", async () => {
    // A fresh minute of the limiter is not needed: votes are not rate limited.
    const reply = await d.vote(UNKNOWABLE, user());
    expect(reply.status).toBe(200);
    expect(reply.text).toContain(WORDING.vote.thanksDown);
    const report = await d.bot.deps.analytics?.report(new Date(0));
    expect(report?.feedback.some((f) => f.vote === "down" && f.factId === "cann")).toBe(true);
  });
});
