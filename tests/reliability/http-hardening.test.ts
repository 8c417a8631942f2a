import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { questionText } from "../../src/adapters/slack/parse.js";
import { fixture as teamsFixture } from "../adapters/teams/helpers.js";
import { get, postJson, raw, startWebBot, type WebBot } from "../adapters/web/helpers.js";

/**
 * Issue 12 over real HTTP on loopback: slow senders no longer hold in-flight slots (defect 4), HEAD,
 * forwarded addresses only with TRUST_PROXY (defect 3), /api/messages in local mode refuses foreign
 * Host and Origin, user ids in logs (defect 5).
 */

/** A socket that sends a request's headers and `sent` of its `length` body bytes, then stalls. */
function stalled(
  base: string,
  path: string,
  length: number,
  sent: string,
): Promise<{ socket: Socket; reply: Promise<string> }> {
  const url = new URL(base);
  return new Promise((resolve) => {
    const socket = connect(Number(url.port), url.hostname, () => {
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n${sent}`,
      );
      let data = "";
      socket.on("data", (d) => {
        data += d.toString();
      });
      const reply = new Promise<string>((done) => socket.on("close", () => done(data)));
      resolve({ socket, reply });
    });
  });
}

describe("slow bodies (MAX_IN_FLIGHT=2, BODY_TIMEOUT_SECONDS=1)", () => {
  let web: WebBot;
  beforeAll(async () => {
    web = await startWebBot({ MAX_IN_FLIGHT: "2", BODY_TIMEOUT_SECONDS: "1", HEADERS_TIMEOUT_SECONDS: "1" });
  });
  afterAll(async () => {
    await web?.stop();
  });

  it("takes no slot while a body is arriving, and cuts the slow sender with 408", async () => {
    const slow = await Promise.all([1, 2, 3, 4].map(() => stalled(web.base, "/api/web/ask", 100, "{")));
    // Four stalled bodies, two slots: real requests are still answered.
    const asked = await postJson(web.base, "/api/web/ask", { question: "What is CANN?" });
    expect(asked.status).toBe(200);
    expect((await get(web.base, "/")).status).toBe(200);
    for (const s of slow) expect(await s.reply).toMatch(/^HTTP\/1\.1 408 /);
  }, 20_000);

  it("cuts a client that never finishes its headers", async () => {
    const url = new URL(web.base);
    const socket = connect(Number(url.port), url.hostname);
    const closed = new Promise<string>((resolve) => {
      let data = "";
      socket.on("data", (d) => {
        data += d.toString();
      });
      socket.on("close", () => resolve(data));
    });
    socket.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    expect(await closed).toMatch(/^HTTP\/1\.1 408 |^$/);
  }, 20_000);
});

describe("HEAD, proxies, local-mode Teams and user ids", () => {
  let web: WebBot;
  beforeAll(async () => {
    web = await startWebBot({ RATE_LIMIT_PER_MINUTE: "1", ANALYTICS: "off" });
  });
  afterAll(async () => {
    await web?.stop();
  });

  it("answers HEAD wherever GET answers, without a body", async () => {
    for (const path of ["/healthz", "/", "/web/app.js"]) {
      const r = await fetch(`${web.base}${path}`, { method: "HEAD" });
      expect(r.status, path).toBe(200);
      expect(await r.text(), path).toBe("");
    }
    const post = await fetch(`${web.base}/healthz`, { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
  });

  it("ignores X-Forwarded-For without TRUST_PROXY: one address, one rate-limit bucket", async () => {
    const first = await postJson(
      web.base,
      "/api/web/ask",
      { question: "What is CANN?" },
      { "x-forwarded-for": "203.0.113.1" },
    );
    expect(first.status).toBe(200);
    const second = await postJson(
      web.base,
      "/api/web/ask",
      { question: "What is CANN?" },
      { "x-forwarded-for": "203.0.113.2" },
    );
    expect(second.status).toBe(429);
  });

  it("logs a hashed user id, never the address itself (LOG_USER_IDS unset, ANALYTICS=off)", () => {
    const limited = web.logs.find((l) => l.msg === "rate limited");
    expect(limited?.user).toMatch(/^u_[0-9a-f]{12}$/);
    expect(JSON.stringify(web.logs)).not.toContain('"127.0.0.1"');
  });

  it("refuses /api/messages (local mode) from a foreign Host or Origin, as the web routes do", async () => {
    const port = new URL(web.base).port;
    const body = JSON.stringify(teamsFixture("personal-message"));
    const headers = { "content-type": "application/json" };
    const rebound = await raw(web.base, {
      method: "POST",
      path: "/api/messages",
      headers: { ...headers, host: `evil.example:${port}` },
      body,
    });
    expect(rebound.status).toBe(403);
    const crossSite = await raw(web.base, {
      method: "POST",
      path: "/api/messages",
      headers: { ...headers, host: `127.0.0.1:${port}`, origin: "https://evil.example" },
      body,
    });
    expect(crossSite.status).toBe(403);
  });
});

describe("TRUST_PROXY=1", () => {
  let web: WebBot;
  beforeAll(async () => {
    web = await startWebBot({ RATE_LIMIT_PER_MINUTE: "1", TRUST_PROXY: "1" });
  });
  afterAll(async () => {
    await web?.stop();
  });

  it("rate-limits each forwarded client on its own", async () => {
    const ask = (client: string) =>
      postJson(
        web.base,
        "/api/web/ask",
        { question: "What is CANN?" },
        { "x-forwarded-for": `198.51.100.9, ${client}` },
      );
    expect((await ask("203.0.113.1")).status).toBe(200);
    expect((await ask("203.0.113.2")).status).toBe(200);
    expect((await ask("203.0.113.1")).status).toBe(429);
  });
});

describe("Slack text", () => {
  it("caps the text before any markup regex runs (40,000 '<' took 2.6 s)", () => {
    const text = questionText(`what is CANN? ${"<".repeat(40_000)}`);
    expect(text.length).toBeLessThanOrEqual(4_000);
    expect(text.startsWith("what is CANN?")).toBe(true);
  });
});
