import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type WebSocket, WebSocketServer } from "ws";
import { type FakeSlack, startFakeSlack, waitFor } from "./fake-slack.js";
import { envelope, fixture, type Harness, type Json, startHarness, textsOf } from "./harness.js";

/**
 * Socket Mode against a local WebSocket server standing in for Slack: apps.connections.open (on the
 * fake Web API) hands out its URL, it says `hello`, then delivers events_api envelopes, and the bot
 * must ack each envelope_id and answer through the Web API.
 */

const APP_TOKEN = "xapp-1-A0001TEST-0000000000-fakeapptoken";

let slack: FakeSlack;
let wss: WebSocketServer;
let h: Harness;
const sockets: WebSocket[] = [];
const received: Json[] = [];

beforeAll(async () => {
  wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve) => wss.once("listening", () => resolve()));
  wss.on("connection", (ws) => {
    sockets.push(ws);
    ws.on("message", (data) => received.push(JSON.parse(String(data)) as Json));
    ws.send(JSON.stringify({ type: "hello", num_connections: 1, connection_info: { app_id: "A0001TEST" } }));
  });
  slack = await startFakeSlack();
  const url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/`;
  slack.on("apps.connections.open", () => ({ url }));
  h = await startHarness({ SLACK_APP_TOKEN: APP_TOKEN }, slack);
});

afterAll(async () => {
  await h?.stop();
  for (const ws of sockets) ws.terminate();
  await new Promise<void>((resolve) => (wss ? wss.close(() => resolve()) : resolve()));
  await slack?.close();
});

function deliver(event: Json, eventId: string, envelopeId: string, retryAttempt = 0): void {
  const socket = sockets.at(-1) as WebSocket;
  socket.send(
    JSON.stringify({
      envelope_id: envelopeId,
      type: "events_api",
      payload: envelope(event, eventId),
      accepts_response_payload: false,
      retry_attempt: retryAttempt,
      retry_reason: retryAttempt ? "timeout" : "",
    }),
  );
}

describe("Slack Socket Mode", () => {
  it("connects with the app token, acks the envelope and answers the mention in its thread", async () => {
    await waitFor(() => sockets[0], 10_000, "the bot to open the WebSocket");
    const open = await slack.waitFor((c) => c.method === "apps.connections.open");
    expect(open.headers.authorization).toBe(`Bearer ${APP_TOKEN}`);
    // The HTTP endpoint is not mounted in Socket Mode.
    expect((await fetch(`${h.base}/slack/events`, { method: "POST" })).status).toBe(404);

    const event = { ...(fixture("app_mention").event as Json), channel: "CSOCKET1" };
    deliver(event, "EvSocket1", "env-1");
    await waitFor(() => received.find((m) => m.envelope_id === "env-1"), 10_000, "the envelope ack");
    const post = await slack.waitFor((c) => c.method === "chat.postMessage" && c.body.channel === "CSOCKET1");
    expect(post.body.thread_ts).toBe("1715000000.000100");
    expect(post.headers.authorization).toBe("Bearer xoxb-0000-test-token");
    expect(textsOf(post.body).join("\n")).toContain("> Huawei also created its own CUDA alternative, CANN");
  });

  it("acks a redelivered envelope (same event_id) without answering twice", async () => {
    const event = { ...(fixture("app_mention").event as Json), channel: "CSOCKET2" };
    deliver(event, "EvSocket2", "env-2");
    deliver(event, "EvSocket2", "env-3", 1);
    await waitFor(() => received.find((m) => m.envelope_id === "env-3"), 10_000, "the retry's ack");
    // A later event is answered, so the retry has been handled by then.
    deliver({ ...event, channel: "CSOCKET3" }, "EvSocket3", "env-4");
    await slack.waitFor((c) => c.method === "chat.postMessage" && c.body.channel === "CSOCKET3");
    expect(
      slack.calls.filter((c) => c.method === "chat.postMessage" && c.body.channel === "CSOCKET2"),
    ).toHaveLength(1);
  });
});

describe("Slack Socket Mode with a rejected app token", () => {
  it("logs it, keeps the rest of the bot serving, and still stops promptly", async () => {
    const fake = await startFakeSlack();
    fake.on("apps.connections.open", () => ({ ok: false, error: "invalid_auth" }));
    const bot = await startHarness({ SLACK_APP_TOKEN: APP_TOKEN }, fake);
    try {
      await waitFor(
        () => bot.logs.find((l) => l.msg === "slack socket mode failed to connect"),
        10_000,
        "the log",
      );
      expect((await fetch(`${bot.base}/healthz`)).status).toBe(200);
    } finally {
      const started = Date.now();
      await bot.stop();
      expect(Date.now() - started).toBeLessThan(5_000);
      await fake.close();
    }
  });
});
