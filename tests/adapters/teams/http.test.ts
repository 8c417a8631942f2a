import { Entity } from "botframework-connector/lib/connectorApi/models/mappers.js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { plainLine, truncate } from "../../../src/adapters/teams/escape.js";
import { WORDING } from "../../../src/adapters/teams/render.js";
import { presented } from "../../../src/bot/welcome.js";
import { answer } from "../../../src/core/answer.js";
import type { Answer } from "../../../src/core/types.js";
import {
  ADA,
  ADMIN,
  BOT_ID,
  type FakeConnector,
  fakeConnector,
  fixture,
  post,
  type StartedBot,
  startTeamsBot,
  until,
} from "./helpers.js";

/**
 * The real bot (startBot) on loopback in local mode, driven over HTTP like the Bot Framework channel
 * drives it, replying to a fake connector. This is where serialisation happens, so it is the proof
 * that citation entities reach Teams intact.
 */

let connector: FakeConnector;
let started: StartedBot;

beforeAll(async () => {
  connector = await fakeConnector();
  started = await startTeamsBot({ ADMIN_USERS: `U0SLACKADMIN,${ADMIN}` });
});
afterAll(async () => {
  await started?.bot.stop();
  await connector?.close();
});
beforeEach(() => {
  connector.received.length = 0;
});

/** Each send is a new activity: a repeated id is a re-delivery, which the bot answers once. */
let sent = 0;
function activity(name: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const f = fixture(name);
  return { ...f, id: `${String(f.id ?? name)}-${++sent}`, serviceUrl: connector.url, ...overrides };
}

async function send(body: Record<string, unknown>): Promise<void> {
  const res = await post(started.base, body);
  expect(res.status).toBe(200);
}

async function onlyReply() {
  await until(() => connector.received.length > 0, 3_000, "a reply at the fake connector");
  expect(connector.received).toHaveLength(1);
  return connector.received[0] as NonNullable<(typeof connector.received)[0]>;
}

// biome-ignore lint/suspicious/noExplicitAny: assertions walk arbitrary JSON as the connector received it.
type Json = Record<string, any>;

/** What the core answers right now: the knowledge and its tuning change, the wiring must not. */
function expected(question: string): Answer {
  // Suggestions as every surface shows them: the bot layer words them (src/bot/welcome.ts).
  return presented(answer(question, started.bot.store.current()), started.bot);
}

/** The reply carries the core's citations as Teams claims, in order, quotes as abstracts. */
function expectCitations(body: Json, a: Answer): void {
  expect(a.citations.length).toBeGreaterThan(0);
  const claims = (body.entities as Json[]).find((e) => e.type === "https://schema.org/Message")?.citation;
  expect(claims.map((c: Json) => c.appearance.abstract)).toEqual(
    a.citations.map((c) => truncate(plainLine(c.quote), 160)),
  );
  a.citations.forEach((_, i) => {
    expect(body.text).toContain(`[${i + 1}]`);
  });
}

describe("Teams over HTTP (local mode)", () => {
  it("answers a channel mention in its thread, with the citation entity intact on the wire", async () => {
    const incoming = activity("channel-mention");
    await send(incoming);
    const reply = await onlyReply();
    const conversation = (incoming.conversation as Json).id;
    expect(reply.conversationId).toBe(conversation);
    expect(reply.replyToId).toBe(incoming.id);
    const body = reply.body as Json;
    expect(body).toMatchObject({ type: "message", textFormat: "markdown", replyToId: incoming.id });
    expect(body.text).toContain("CANN");
    expect(body.text).toContain("[1]");
    const message = (body.entities as Json[]).find((e) => e.type === "https://schema.org/Message");
    expect(message).toMatchObject({ "@type": "Message", "@context": "https://schema.org" });
    expect(message?.citation).toHaveLength(1);
    const claim = message?.citation[0];
    expect(claim).toMatchObject({ "@type": "Claim", position: 1 });
    expect(claim.appearance["@type"]).toBe("DigitalDocument");
    expect(claim.appearance.name.length).toBeLessThanOrEqual(80);
    expect(claim.appearance.abstract.length).toBeLessThanOrEqual(160);
    expectCitations(body, expected("What is CANN?"));
    expect(JSON.stringify(body)).not.toContain("additionalType"); // verbatim quotes: no AI label
  });

  it("without the entity fix the connector would get a bare entity (the defect the fix exists for)", async () => {
    const type = Entity.type as { additionalProperties?: unknown };
    const saved = type.additionalProperties;
    delete type.additionalProperties;
    try {
      await send(activity("channel-mention"));
      const reply = await onlyReply();
      expect((reply.body as Json).entities).toEqual([{ type: "https://schema.org/Message" }]);
    } finally {
      type.additionalProperties = saved;
    }
  });

  it("answers every message in a personal chat, without a mention", async () => {
    const incoming = activity("personal-message");
    await send(incoming);
    const reply = await onlyReply();
    expect(reply.conversationId).toBe((incoming.conversation as Json).id);
    expect(reply.replyToId).toBe(incoming.id);
    expectCitations(reply.body as Json, expected(incoming.text as string));
  });

  it("answers a mention in a group chat with the mention stripped from the question", async () => {
    await send(activity("group-chat-mention"));
    const reply = await onlyReply();
    expectCitations(reply.body as Json, expected("mining trucks"));
  });

  it("ignores a channel message that does not mention the bot: nothing reaches the connector", async () => {
    await send(activity("channel-no-mention"));
    await new Promise((r) => setTimeout(r, 100));
    expect(connector.received).toEqual([]);
    expect(
      started.logs.some((l) => l.msg === "teams activity ignored" && l.reason === "bot not mentioned"),
    ).toBe(true);
  });

  it("ignores the bot's own messages", async () => {
    await send(activity("personal-message", { from: { id: BOT_ID, name: "strategy-bot", role: "bot" } }));
    expect(connector.received).toEqual([]);
  });

  it("welcomes a team when installed, with three example questions as buttons", async () => {
    await send(activity("install-team"));
    const reply = await onlyReply();
    const body = reply.body as Json;
    expect(body.text).toContain("Hello!");
    expect(body.text).toContain("@mention me");
    const actions = body.attachments[0].content.body.find((e: Json) => e.type === "ActionSet").actions;
    expect(actions).toHaveLength(3);
    expect(actions[0].data).toMatchObject({ action: "ask" });
  });

  it("does not welcome when someone else joins", async () => {
    await send(activity("install-team", { membersAdded: [{ id: "29:1someone-else" }] }));
    expect(connector.received).toEqual([]);
  });

  it("refuses reload to a user who is not an admin, politely", async () => {
    await send(activity("channel-mention", { text: "<at>strategy-bot</at> reload" }));
    const reply = await onlyReply();
    expect((reply.body as Json).text).toBe(WORDING.refused("reload"));
    expect(started.logs.some((l) => l.msg === "admin command refused" && l.user === ADA)).toBe(true);
  });

  it("reloads for an admin listed by AAD object id", async () => {
    const from = { id: "29:1fake-admin", name: "Admin", aadObjectId: ADMIN };
    await send(activity("channel-mention", { text: "<at>strategy-bot</at> reload", from }));
    const reply = await onlyReply();
    expect((reply.body as Json).text).toContain(WORDING.reloadTitle);
    expect((reply.body as Json).text).toContain("Reloaded knowledge");
  });

  it("shows status to an admin in a personal chat", async () => {
    const from = { id: "29:1fake-admin", name: "Admin", aadObjectId: ADMIN };
    await send(activity("personal-message", { text: "status", from }));
    expect(((await onlyReply()).body as Json).text).toContain(WORDING.statusTitle);
  });

  it("answers a clicked suggestion from its fact id", async () => {
    await send(activity("card-suggestion"));
    const reply = await onlyReply();
    expect((reply.body as Json).text).toContain("CANN");
    expect((reply.body as Json).entities[0].citation[0].appearance.abstract).toContain("CANN");
  });

  it("offers suggestions as buttons when it does not know", async () => {
    const candidates = [
      "nvidia stock price",
      "huawei",
      "tell me about chips and weather in paris",
      "weather cloud",
    ];
    const question = candidates.find((q) => {
      const a = expected(q);
      return a.status === "unknown" && a.suggestions.length > 0;
    });
    if (!question)
      throw new Error(`none of ${candidates.join(" / ")} is "unknown with suggestions" any more`);
    await send(activity("personal-message", { text: question }));
    const body = (await onlyReply()).body as Json;
    expect(body.text).toBe(WORDING.unknown);
    expect(body.entities).toBeUndefined();
    const actions = body.attachments[0].content.body.find((e: Json) => e.type === "ActionSet").actions;
    expect(actions.map((x: Json) => x.data)).toEqual(
      expected(question).suggestions.map((s) => ({
        action: "suggestion",
        factId: s.factId,
        question: s.question,
      })),
    );
  });

  it("acknowledges feedback in a personal chat and logs it", async () => {
    const personal = fixture("personal-message").conversation;
    const incoming = activity("card-feedback", { conversation: personal });
    await send(incoming);
    expect(((await onlyReply()).body as Json).text).toBe(WORDING.thanksUp);
    const line = started.logs.find((l) => l.msg === "feedback");
    expect(line).toMatchObject({ level: "info", vote: "up", factId: "cann-cuda-alternative", user: ADA });
  });
});

describe("Teams endpoint refuses bad requests cleanly", () => {
  it("400 for malformed JSON", async () => {
    const res = await post(started.base, "{ not json");
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "malformed JSON" });
  });

  it("200 and no reply for activities of the wrong shape: never a 5xx", async () => {
    for (const body of [
      { type: "message", text: "hi" },
      { type: "conversationUpdate", membersAdded: "x", recipient: { id: BOT_ID } },
      { type: "message", text: 5, value: "x", from: { id: 7 }, entities: { type: "mention" } },
    ]) {
      expect((await post(started.base, { ...body, serviceUrl: connector.url })).status).toBe(200);
    }
    expect(started.logs.filter((l) => l.msg === "teams turn failed")).toEqual([]);
    expect(connector.received).toEqual([]);
  });

  it("405 for GET, and nothing reaches the connector from any of these", async () => {
    const res = await fetch(`${started.base}/api/messages`, { signal: AbortSignal.timeout(3_000) });
    expect(res.status).toBe(405);
    expect(connector.received).toEqual([]);
  });
});
