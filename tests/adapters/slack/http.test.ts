import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { feedbackValue, shareValue } from "../../../src/adapters/slack/actions.js";
import { WORDING } from "../../../src/adapters/slack/wording.js";
import type { Call } from "./fake-slack.js";
import {
  ADMIN,
  ASKER,
  buttonsOf,
  envelope,
  fixture,
  type Harness,
  type Json,
  startHarness,
  textsOf,
} from "./harness.js";

/**
 * The real bot (startBot) over HTTP on loopback, with correctly signed Slack requests, answering
 * through a fake Slack Web API. Each test uses its own channel or response_url id, so calls never mix.
 */

let h: Harness;
let version: string;
let n = 0;
const unique = (prefix: string) => `${prefix}${++n}TEST`;

beforeAll(async () => {
  h = await startHarness();
  version = h.bot.store.status().version as string;
});
afterAll(async () => {
  await h?.stop();
});

function mention(text: string, extra: Json = {}): { payload: Json; channel: string } {
  const channel = unique("C");
  const event = { ...(fixture("app_mention").event as Json), text, channel, ...extra };
  return { payload: envelope(event, unique("Ev")), channel };
}

function dm(event: Json): { payload: Json; channel: string } {
  const channel = unique("D");
  return { payload: envelope({ ...event, channel }, unique("Ev")), channel };
}

function command(text: string, user = ASKER): { fields: Record<string, string>; id: string } {
  const id = unique("cmd");
  const fields = { ...(fixture("slash_command") as Record<string, string>), text, user_id: user };
  return { fields: { ...fields, response_url: h.slack.responseUrl(id) }, id };
}

function click(action: Json, ephemeral = true): { payload: Json; id: string } {
  const id = unique("act");
  const body = fixture("block_actions");
  return {
    payload: {
      ...body,
      container: { ...(body.container as Json), is_ephemeral: ephemeral },
      response_url: h.slack.responseUrl(id),
      actions: [action],
    },
    id,
  };
}

const postedTo = (channel: string) => (c: Call) =>
  c.method.startsWith("chat.post") && c.body.channel === channel;
const respondedTo = (id: string) => (c: Call) => c.method === "respond" && c.id === id;

/** Sends a DM and waits for its answer: once it is out, everything sent before it has been handled. */
async function sentinel(): Promise<void> {
  const s = dm(fixture("message_im").event as Json);
  expect((await h.event(s.payload)).status).toBe(200);
  await h.slack.waitFor(postedTo(s.channel));
}

describe("Slack over HTTP", () => {
  it("answers Slack's url_verification challenge", async () => {
    const res = await h.event({
      token: "x",
      type: "url_verification",
      challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" });
  });

  it("answers a mention in its thread, quoting the cited sentence with [n] markers", async () => {
    const { payload, channel } = mention("<@U0000BOT01> what is CANN?");
    const res = await h.event(payload);
    expect(res.status).toBe(200);
    const post = await h.slack.waitFor(postedTo(channel));
    expect(post.method).toBe("chat.postMessage");
    expect(post.body.thread_ts).toBe("1715000000.000100");
    const texts = textsOf(post.body).join("\n");
    expect(texts).toMatch(/^> Huawei also created its own CUDA alternative, CANN, .* \[1\]$/m);
    expect(texts).toContain(`Knowledge \`${version}\``);
    expect(texts).not.toContain("<@");
    expect(post.body.link_names).toBeUndefined();
    expect(post.body.parse).toBeUndefined();
    expect(post.headers.authorization).toBe("Bearer xoxb-0000-test-token");
  });

  it("answers a mention made inside a thread in that thread", async () => {
    const { payload, channel } = mention("<@U0000BOT01> what is CANN?", { thread_ts: "1714000000.000001" });
    await h.event(payload);
    expect((await h.slack.waitFor(postedTo(channel))).body.thread_ts).toBe("1714000000.000001");
  });

  it("answers a direct message in the DM", async () => {
    const { payload, channel } = dm(fixture("message_im").event as Json);
    await h.event(payload);
    const post = await h.slack.waitFor(postedTo(channel));
    expect(post.method).toBe("chat.postMessage");
    expect(post.body.thread_ts).toBeUndefined();
    const ids = buttonsOf(post.body).map((b) => b.action_id);
    expect(ids).toEqual(expect.arrayContaining(["strategy_feedback_up", "strategy_feedback_down"]));
    expect(ids).not.toContain("strategy_share");
  });

  it("ignores bot messages, its own messages, edits and joins", async () => {
    const ignored = ["message_im_bot", "message_im_own", "message_im_changed", "message_channel_join"].map(
      (name) => dm(fixture(name)),
    );
    for (const { payload } of ignored) expect((await h.event(payload)).status).toBe(200);
    await sentinel();
    for (const { channel } of ignored) expect(h.slack.calls.filter(postedTo(channel))).toEqual([]);
  });

  it("acks /strategy within 3 seconds and answers ephemerally with a Share in channel button", async () => {
    const { fields, id } = command("what is CANN?");
    const started = Date.now();
    const res = await h.command(fields);
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3000);
    const reply = await h.slack.waitFor(respondedTo(id));
    expect(reply.body.response_type).toBe("ephemeral");
    expect(textsOf(reply.body).join("\n")).toContain("CANN");
    expect(buttonsOf(reply.body).map((b) => b.text.text)).toContain("Share in channel");
  });

  it("explains /strategy help with example questions from the knowledge", async () => {
    const { fields, id } = command("help");
    await h.command(fields);
    const reply = await h.slack.waitFor(respondedTo(id));
    const texts = textsOf(reply.body).join("\n");
    expect(texts).toContain("I answer strategy questions");
    expect(texts).toContain("*Try asking:*");
    const first = h.bot.store.current().knowledge.facts.find((f) => f.curated && f.questions.length)
      ?.questions[0];
    expect(texts).toContain(first);
  });

  it("refuses forged, stale, altered and unsigned requests with 401 and posts nothing", async () => {
    const forged = mention("<@U0000BOT01> what is CANN?");
    const stale = mention("<@U0000BOT01> what is CANN?");
    const altered = mention("<@U0000BOT01> what is CANN?");
    const unsigned = mention("<@U0000BOT01> what is CANN?");
    const forgedCommand = command("what is CANN?");
    expect((await h.event(forged.payload, { secret: "not-the-secret" })).status).toBe(401);
    expect((await h.event(stale.payload, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 })).status).toBe(
      401,
    );
    const signedBody = JSON.stringify({ ...altered.payload, event_id: "EvOriginal" });
    expect((await h.event(altered.payload, { signedBody })).status).toBe(401);
    expect((await h.event(unsigned.payload, { headers: { "x-slack-signature": "" } })).status).toBe(401);
    expect((await h.command(forgedCommand.fields, { secret: "not-the-secret" })).status).toBe(401);
    await sentinel();
    for (const { channel } of [forged, stale, altered, unsigned])
      expect(h.slack.calls.filter(postedTo(channel))).toEqual([]);
    expect(h.slack.calls.filter(respondedTo(forgedCommand.id))).toEqual([]);
  });

  it("answers a retried event (same event_id, X-Slack-Retry-Num) once", async () => {
    const { payload, channel } = mention("<@U0000BOT01> what is CANN?");
    expect((await h.event(payload)).status).toBe(200);
    const retry = { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" };
    expect((await h.event(payload, { headers: retry })).status).toBe(200);
    expect((await h.event(payload, { headers: { ...retry, "x-slack-retry-num": "2" } })).status).toBe(200);
    await sentinel();
    expect(h.slack.calls.filter(postedTo(channel))).toHaveLength(1);
    expect(h.logs.some((l) => l.msg === "duplicate event ignored" && l.retryNum === 1)).toBe(true);
  });

  it("answers a clicked suggestion in place", async () => {
    const fact = h.bot.store.current().knowledge.facts.find((f) => f.id === "cann-cuda-alternative");
    expect(fact).toBeDefined();
    const { payload, id } = click({
      action_id: "strategy_suggest_0",
      type: "button",
      value: fact?.id,
      text: { type: "plain_text", text: "What is CANN?" },
    });
    expect((await h.action(payload)).status).toBe(200);
    const reply = await h.slack.waitFor(respondedTo(id));
    expect(reply.body.replace_original).toBe(true);
    expect(textsOf(reply.body).join("\n")).toContain(`> ${fact?.citations[0]?.quote}`);
  });

  it("acknowledges 👍/👎 and logs the vote with fact id and knowledge version", async () => {
    const value = feedbackValue({ factId: "cann-cuda-alternative", version, status: "answered" });
    const { payload, id } = click({ action_id: "strategy_feedback_down", type: "button", value }, false);
    const started = Date.now();
    expect((await h.action(payload)).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3000);
    const reply = await h.slack.waitFor(respondedTo(id));
    expect(reply.body).toMatchObject({
      response_type: "ephemeral",
      replace_original: false,
      text: WORDING.thanks.down,
    });
    expect(h.logs).toContainEqual(
      expect.objectContaining({
        msg: "feedback",
        vote: "down",
        factId: "cann-cuda-alternative",
        version,
        user: ASKER,
      }),
    );
  });

  it("shares an ephemeral answer in the channel, then removes the private copy", async () => {
    const value = shareValue({ question: "what is CANN?", factId: "cann-cuda-alternative" });
    const { payload, id } = click({ action_id: "strategy_share", type: "button", value });
    await h.action(payload);
    await h.slack.waitFor((c) => respondedTo(id)(c) && c.body.delete_original === true);
    const [shared] = h.slack.calls.filter(respondedTo(id));
    expect(shared?.body).toMatchObject({ response_type: "in_channel", replace_original: false });
    expect(textsOf(shared?.body ?? {}).join("\n")).toContain(`<@${ASKER}> asked: what is CANN?`);
  });

  it("refuses reload from a non-admin politely, by command and by mention, and logs the attempt", async () => {
    const { fields, id } = command("reload");
    await h.command(fields);
    const reply = await h.slack.waitFor(respondedTo(id));
    expect(reply.body.text).toBe(WORDING.refused("reload"));
    const { payload, channel } = mention("<@U0000BOT01> reload");
    await h.event(payload);
    const refusal = await h.slack.waitFor(postedTo(channel));
    // Only the asker sees it: chat.postEphemeral, in the mention's thread.
    expect(refusal).toMatchObject({
      method: "chat.postEphemeral",
      body: { user: ASKER, thread_ts: "1715000000.000100" },
    });
    expect(refusal.body.text).toBe(WORDING.refused("reload"));
    expect(h.logs).toContainEqual(
      expect.objectContaining({ msg: "admin command refused", platform: "slack", user: ASKER }),
    );
    expect(h.bot.store.status().version).toBe(version);
  });

  it("shows status to an admin", async () => {
    const { fields, id } = command("status", ADMIN);
    await h.command(fields);
    const reply = await h.slack.waitFor(respondedTo(id));
    expect(textsOf(reply.body).join("\n")).toContain(`Knowledge ${version}`);
  });

  it("answers 404 for other paths and leaves /healthz to the server", async () => {
    expect((await fetch(`${h.base}/slack/other`, { method: "POST" })).status).toBe(404);
    expect((await fetch(`${h.base}/healthz`)).status).toBe(200);
  });
});
