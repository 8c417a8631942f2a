import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startBot } from "../../../src/main.js";
import {
  type FakeConnector,
  fakeConnector,
  fixture,
  post,
  type StartedBot,
  startTeamsBot,
} from "./helpers.js";

/**
 * With MICROSOFT_APP_ID set, every request must carry a Bot Framework JWT. These requests are refused
 * before any signing-key (OpenID metadata) fetch, so the test needs no network: a missing header is
 * refused outright, and a token whose issuer is not the Bot Framework's is refused before its
 * signature is looked at. Each request is bounded by a 5 s timeout, so a network attempt would fail.
 */

const APP_ID = "11111111-2222-4333-8444-555555555555";

let connector: FakeConnector;
let started: StartedBot;

beforeAll(async () => {
  connector = await fakeConnector();
  started = await startTeamsBot({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: "not-a-real-secret" });
});
afterAll(async () => {
  await started?.bot.stop();
  await connector?.close();
});
beforeEach(() => {
  connector.received.length = 0;
});

/** An unsigned JWT with a foreign issuer: well-formed enough to be decoded, never trusted. */
function foreignToken(): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
  return `${part({ alg: "RS256", typ: "JWT", kid: "x" })}.${part({ iss: "https://evil.example", aud: APP_ID })}.c2ln`;
}

describe("Teams with an app id configured", () => {
  for (const [name, headers] of [
    ["no Authorization header", {}],
    ["a malformed Authorization header", { authorization: "Bearer not-a-jwt" }],
    ["a token from a foreign issuer", { authorization: `Bearer ${foreignToken()}` }],
    ["a non-Bearer scheme", { authorization: "Basic dXNlcjpwYXNz" }],
  ] as const) {
    it(`401 for ${name}, and the bot logic does not run`, async () => {
      const res = await post(
        started.base,
        { ...fixture("personal-message"), serviceUrl: connector.url },
        headers,
      );
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: "unauthorized" });
      await new Promise((r) => setTimeout(r, 50));
      expect(connector.received).toEqual([]);
      expect(
        started.logs.some((l) => l.msg === "teams reply sent" || l.msg === "teams activity ignored"),
      ).toBe(false);
    });
  }

  it("logs the refusal without the token", async () => {
    await post(started.base, fixture("personal-message"), { authorization: `Bearer ${foreignToken()}` });
    const line = started.logs.find((l) => l.msg === "teams request refused: not authenticated");
    expect(line).toBeDefined();
    expect(JSON.stringify(started.logs)).not.toContain(foreignToken().slice(0, 20));
    expect(JSON.stringify(started.logs)).not.toContain("not-a-real-secret");
  });
});

describe("local mode (no app id)", () => {
  it("refuses to start on a non-loopback HOST", async () => {
    const r = await startBot({ HOST: "0.0.0.0", PORT: "0" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/loopback/);
  });

  it("says at startup that authentication is off", async () => {
    const local = await startTeamsBot({});
    try {
      expect(
        local.logs.some((l) => l.level === "warn" && String(l.msg).includes("authentication is off")),
      ).toBe(true);
    } finally {
      await local.bot.stop();
    }
  });
});
