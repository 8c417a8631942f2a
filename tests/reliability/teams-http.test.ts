import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { WORDING } from "../../src/adapters/teams/render.js";
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
 * /api/messages against the real server on loopback: re-delivered activities, per-user rate limits,
 * load shedding, hostile bodies, and a Bot connector that fails, slows down or answers 429.
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

describe("Teams: duplicates and rate limits", () => {
  it("answers a re-delivered activity (same id) once", async () => {
    const a = message("what is CANN?");
    for (let i = 0; i < 3; i++) expect((await post(started.base, a)).status).toBe(200);
    await until(() => connector.received.length > 0, 3_000, "a reply");
    await new Promise((r) => setTimeout(r, 200));
    expect(connector.received).toHaveLength(1);
    expect(started.logs.filter((l) => l.msg === "duplicate activity ignored")).toHaveLength(2);
  });

  it("asks a user who sends too fast to slow down, and other users are unaffected", async () => {
    for (let i = 0; i < 5; i++) await post(started.base, message("what is CANN?", "fast-user"));
    await post(started.base, message("what is CANN?", "calm-user"));
    await until(() => connector.received.length === 6, 5_000, "six replies");
    const slow = texts().filter((t) => t.startsWith("You're sending questions faster"));
    expect(slow).toHaveLength(2);
    expect(slow[0]).toBe(WORDING.rateLimited(20));
  });
});

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

describe("Teams: hostile bodies get a clean 4xx or a clear answer", () => {
  const raw = (body: string | Uint8Array, headers: Record<string, string>) =>
    fetch(`${started.base}/api/messages`, {
      method: "POST",
      headers,
      body,
      signal: AbortSignal.timeout(5_000),
    }).catch((e: unknown) => e as Error);

  it.each([
    ["malformed JSON", "{not json", "application/json", 400],
    ["JSON that is not an activity", "[1,2]", "application/json", 400],
    ["a wrong content type", "{}", "text/plain", 415],
    ["no content type", "{}", "", 415],
  ])("%s", async (_name, body, type, status) => {
    const res = await raw(body, type ? { "content-type": type } : {});
    expect(res instanceof Response && res.status).toBe(status);
  });

  it("a body over 1 MB gets 413 (declared or streamed), and the server keeps serving", async () => {
    const big = new Uint8Array(1_100_000).fill(0x20);
    const declared = await raw(big, { "content-type": "application/json" });
    expect(declared instanceof Response && declared.status).toBe(413);
    expect((await fetch(`${started.base}/healthz`)).status).toBe(200);
  });

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
