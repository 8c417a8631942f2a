import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  type FakeConnector,
  fakeConnector,
  fixture,
  post,
  type StartedBot,
  startTeamsBot,
  until,
} from "../adapters/teams/helpers.js";

/**
 * /api/messages against the real server on loopback: load shedding, hostile text, and a Bot connector
 * that fails, slows down or answers 429 (hostile bodies, duplicates and rate limits: tests/adapters/contract/).
 */

let connector: FakeConnector;
let started: StartedBot;
let n = 0;

beforeAll(async () => {
  connector = await fakeConnector();
  started = await startTeamsBot({ RATE_LIMIT_PER_MINUTE: "3", MAX_IN_FLIGHT: "2" });
});
afterAll(async () => {
  await started?.bot.stop();
  await connector?.close();
});
beforeEach(() => {
  connector.received.length = 0;
  connector.delayMs = 0;
});

/** A personal message from a user of its own (so rate limits do not carry between tests). */
function message(text: string, user = `user-${++n}`): Record<string, unknown> {
  const f = fixture("personal-message");
  return {
    ...f,
    id: `act-${++n}`,
    text,
    serviceUrl: connector.url,
    from: { ...(f.from as object), id: `29:${user}`, aadObjectId: user },
  };
}
const texts = () => connector.received.map((r) => String(r.body.text ?? ""));

describe("Teams: overload", () => {
  it("sheds load past MAX_IN_FLIGHT with 503 + Retry-After, and health stays up", async () => {
    connector.delayMs = 1_500;
    const held = [post(started.base, message("what is CANN?")), post(started.base, message("what is CANN?"))];
    await until(() => started.bot.server.inFlight.size === 2, 3_000, "two requests in flight");
    const shed = await post(started.base, message("what is CANN?"));
    expect(shed.status).toBe(503);
    expect(shed.headers.get("retry-after")).toBe("1");
    expect((await fetch(`${started.base}/healthz`)).status).toBe(200);
    expect((await Promise.all(held)).map((r) => r.status)).toEqual([200, 200]);
    expect(started.bot.server.inFlight.size).toBe(0);
  });
});

// Hostile bodies, duplicates and rate limits: the shared adapter contract (tests/adapters/contract/).
describe("Teams: hostile text gets a clear answer", () => {
  it("a 100,000-character question gets a clear answer", async () => {
    const q = "what is CANN? <!channel> ".repeat(4000).slice(0, 100_000);
    expect((await post(started.base, message(q))).status).toBe(200);
    await until(() => connector.received.length === 1, 5_000, "a reply");
    expect(texts()[0]?.length).toBeGreaterThan(0);
    expect(texts()[0]).not.toContain("<!channel>");
  });

  it("unknown routes and methods get 404 and 405", async () => {
    expect((await fetch(`${started.base}/nope`)).status).toBe(404);
    expect((await fetch(`${started.base}/api/messages`)).status).toBe(405);
  });
});

describe("Teams: a failing Bot connector", () => {
  it("retries a 503 and a 429 (honouring Retry-After) and the answer arrives", async () => {
    connector.failNext({ status: 503 }, { status: 429, headers: { "retry-after": "1" } });
    const t0 = Date.now();
    expect((await post(started.base, message("what is CANN?"))).status).toBe(200);
    await until(() => connector.received.filter((r) => r.body.text).length === 3, 10_000, "third attempt");
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
  }, 15_000);

  it("gives up after bounded retries, logs it, and keeps serving", async () => {
    connector.failNext(...Array.from({ length: 10 }, () => ({ status: 500 })));
    const res = await fetch(`${started.base}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(message("what is CANN?")),
      signal: AbortSignal.timeout(30_000),
    });
    expect(res.status).toBeLessThan(600);
    expect(started.logs.some((l) => l.msg === "teams turn failed" && l.level === "error")).toBe(true);
    expect((await fetch(`${started.base}/healthz`)).status).toBe(200);
  }, 35_000);
});
