import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { waitFor } from "../adapters/slack/fake-slack.js";
import { fixture, type Harness, type Json, SIGNING_SECRET, startHarness } from "../adapters/slack/harness.js";

/**
 * /slack/events against the real server on loopback: hostile text, request ids, no
 * secrets in logs or replies, and a Slack Web API that answers 5xx or 429.
 */

const TOKEN = "xoxb-0000-test-token";
let h: Harness;
let n = 0;

beforeAll(async () => {
  h = await startHarness({ RATE_LIMIT_PER_MINUTE: "2" });
});
afterAll(async () => {
  await h?.stop();
});
beforeEach(() => {
  h.slack.calls.length = 0;
});

function mention(text: string, user = `U0${++n}USER`): { payload: Json; channel: string } {
  const channel = `C0${++n}CHAN`;
  const event = { ...(fixture("app_mention").event as Json), text: `<@U0000BOT01> ${text}`, user, channel };
  return { payload: { ...fixture("app_mention"), event, event_id: `Ev${++n}REL` }, channel };
}
const to = (channel: string) => (c: { method: string; body: Json }) =>
  (c.method === "chat.postMessage" || c.method === "chat.postEphemeral") && c.body.channel === channel;

// Hostile bodies, duplicates and rate limits: the shared adapter contract (tests/adapters/contract/).
describe("Slack: hostile text", () => {
  it("a 100,000-character question with mentions gets an answer that pings no one", async () => {
    const s = mention("what is CANN? <!channel> <@U0001ASKER> ".repeat(2600).slice(0, 100_000));
    expect((await h.event(s.payload)).status).toBe(200);
    const post = await h.slack.waitFor(to(s.channel));
    expect(JSON.stringify(post.body)).not.toMatch(/<!channel>|<@U0001ASKER>/);
  });
});

describe("Slack: a failing Web API", () => {
  it("retries a 500 and a 429 with Retry-After, and the answer is posted", async () => {
    h.slack.failNext({ status: 500 }, { status: 429, headers: { "retry-after": "1" } });
    const s = mention("what is CANN?");
    const t0 = Date.now();
    expect((await h.event(s.payload)).status).toBe(200);
    // Failed attempts are recorded too: the third post is the one that got through.
    const posts = () => h.slack.calls.filter(to(s.channel));
    await waitFor(() => (posts().length >= 3 ? true : undefined), 15_000, "a third attempt");
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
    await new Promise((r) => setTimeout(r, 200));
    expect(posts()).toHaveLength(3);
  }, 20_000);
});

describe("request ids and secrets", () => {
  it("every response carries a request id (the caller's when it is a plain token)", async () => {
    const own = await fetch(`${h.base}/healthz`, { headers: { "x-request-id": "abc-123" } });
    expect(own.headers.get("x-request-id")).toBe("abc-123");
    const junk = await fetch(`${h.base}/healthz`, { headers: { "x-request-id": "<script>" } });
    expect(junk.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const res = await h.event(mention("what is CANN?").payload, { headers: { "x-request-id": "req-42" } });
    expect(res.headers.get("x-request-id")).toBe("req-42");
    const line = await waitFor(() => h.logs.find((l) => l.requestId === "req-42" && l.msg === "request"));
    expect(line).toMatchObject({ level: "info", method: "POST", path: "/slack/events", status: 200 });
  });

  it("a handler that throws gets 500 with the request id, and the error is logged without secrets", async () => {
    h.bot.server.route("POST", "/boom", () => {
      throw new Error(`failed with ${TOKEN} and Bearer abc.def.ghi`);
    });
    const res = await fetch(`${h.base}/boom`, { method: "POST", headers: { "x-request-id": "boom-1" } });
    expect(res.status).toBe(500);
    const body = await res.text();
    expect(JSON.parse(body)).toEqual({ error: "internal error", requestId: "boom-1" });
    const line = h.logs.find((l) => l.msg === "request failed" && l.requestId === "boom-1");
    expect(line?.level).toBe("error");
    expect(JSON.stringify(line)).not.toContain(TOKEN);
  });

  it("no log line of this whole file carries the token or the signing secret", () => {
    const all = JSON.stringify(h.logs);
    expect(all).not.toContain(TOKEN);
    expect(all).not.toContain(SIGNING_SECRET);
    expect(h.logs.every((l) => typeof l.level === "string" && typeof l.time === "string")).toBe(true);
  });
});

describe("Slack: request timestamps (issue 12)", () => {
  it("refuses correctly signed requests dated more than 5 minutes ahead (+1 h, +30 years) and posts nothing", async () => {
    const now = Math.floor(Date.now() / 1000);
    const ahead = [mention("what is CANN?"), mention("what is CANN?")];
    expect((await h.event(ahead[0]?.payload as Json, { timestamp: now + 3600 })).status).toBe(401);
    expect((await h.event(ahead[1]?.payload as Json, { timestamp: now + 30 * 365 * 86_400 })).status).toBe(
      401,
    );
    const fine = mention("what is CANN?");
    expect((await h.event(fine.payload, { timestamp: now + 60 })).status).toBe(200);
    await h.slack.waitFor(to(fine.channel));
    for (const a of ahead) expect(h.slack.calls.filter(to(a?.channel as string))).toEqual([]);
  });
});
