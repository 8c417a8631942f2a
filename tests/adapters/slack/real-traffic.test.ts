import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { WORDING } from "../../../src/bot/wording.js";
import { waitFor } from "./fake-slack.js";
import { fixture, type Harness, type Json, startHarness } from "./harness.js";

/**
 * Payloads Slack really sends that the bot used to get wrong, replayed through the real Bolt stack.
 * Fixtures (tests/fixtures/slack/, fake ids) and what each mirrors:
 * - app_mention_edited: the app_mention Slack re-sends after the user edits it, with `edited`
 *   (the report on slackapi/bolt-js #960; event shape from docs.slack.dev/reference/events/app_mention).
 * - message_im_file_share, message_im_thread_broadcast, message_im_deleted, message_im_bot_message:
 *   the message subtypes of docs.slack.dev/reference/events/message (file_share, thread_broadcast,
 *   message_deleted, bot_message), in the envelope of bolt-python's tests/scenario_tests payloads.
 * - foreign_slash_command, foreign_block_actions, foreign_view_submission, foreign_shortcut: another
 *   app's command, button, modal and global shortcut, shaped like bolt-python's scenario test bodies
 *   (slash_commands, block_actions, view_submission, shortcut) and java-slack-sdk's json-logs samples.
 */

let h: Harness;
let n = 0;

beforeAll(async () => {
  // A long unhandled-request wait: a 200 here can only come from the bot's own acknowledgement.
  h = await startHarness({}, undefined, {
    slackUnhandledRequestTimeoutMs: 60_000,
    slackWebApiRetries: { retries: 1, minTimeout: 20, maxTimeout: 20 },
  });
});
afterAll(async () => {
  await h?.stop();
});
beforeEach(() => {
  h.slack.calls.length = 0;
});

/** An Events API envelope around a fixture's event, with a fresh event_id (a retry would share it). */
function delivery(name: string, event: Json = {}): Json {
  const f = fixture(name);
  return { ...f, event: { ...(f.event as Json), ...event }, event_id: `Ev${++n}REAL` };
}
const posts = () => h.slack.calls.filter((c) => c.method === "chat.postMessage");
/** Lets anything the bot would still post arrive before asserting it did not. */
const settle = () => new Promise((r) => setTimeout(r, 300));

describe("Slack: edits, deletes and bots are never answered", () => {
  it("answers a mention once; its edit (same message, `edited`) gets no second answer", async () => {
    expect((await h.event(delivery("app_mention"))).status).toBe(200);
    await waitFor(() => posts()[0], 5_000, "the answer");
    expect((await h.event(delivery("app_mention_edited"))).status).toBe(200);
    await settle();
    expect(posts()).toHaveLength(1);
    expect(h.logs.some((l) => l.msg === "mention ignored" && String(l.reason).includes("edited"))).toBe(true);
  });

  it.each([
    ["a deleted DM", "message_im_deleted"],
    ["another bot's DM", "message_im_bot_message"],
    ["an edited DM (message_changed)", "message_im"],
  ])("%s is not answered", async (_name, name) => {
    const changed = name === "message_im" ? (fixture("message_im_changed") as Json) : undefined;
    const body = changed
      ? { ...fixture("message_im"), event: changed, event_id: `Ev${++n}REAL` }
      : delivery(name);
    expect((await h.event(body)).status).toBe(200);
    await settle();
    expect(posts()).toEqual([]);
  });
});

describe("Slack: DMs are answered whatever the subtype that carries a person's text", () => {
  it("a DM with a file attached (file_share) is answered in the DM", async () => {
    expect((await h.event(delivery("message_im_file_share"))).status).toBe(200);
    const post = await waitFor(() => posts()[0], 5_000, "the answer");
    expect(post.body.channel).toBe("D0001DIRECT");
    expect(String(post.body.text)).not.toBe(WORDING.unknown);
  });

  it("a thread reply also sent to the DM (thread_broadcast) is answered in its thread", async () => {
    expect((await h.event(delivery("message_im_thread_broadcast"))).status).toBe(200);
    const post = await waitFor(() => posts()[0], 5_000, "the answer");
    expect(post.body).toMatchObject({ channel: "D0001DIRECT", thread_ts: "1715000100.000200" });
  });
});

describe("Slack: requests for no listener are acknowledged at once", () => {
  const form = (fields: Json) =>
    Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, String(v)])) as Record<string, string>;

  it.each([
    ["another app's slash command", () => h.command(form(fixture("foreign_slash_command")))],
    ["another app's button", () => h.action(fixture("foreign_block_actions"))],
    ["another app's modal", () => h.action(fixture("foreign_view_submission"))],
    ["a global shortcut", () => h.action(fixture("foreign_shortcut"))],
  ])("%s: 200, a debug line, no error and nothing posted", async (_name, send) => {
    const before = h.logs.length;
    expect((await send()).status).toBe(200);
    const lines = h.logs.slice(before);
    expect(
      lines.some((l) => l.msg === "slack request for no listener acknowledged" && l.level === "debug"),
    ).toBe(true);
    expect(lines.filter((l) => l.level === "error")).toEqual([]);
    await settle();
    expect(h.slack.calls.filter((c) => c.method !== "auth.test")).toEqual([]);
  });
});

describe("Slack: a failed question still gets the one apology", () => {
  it.each([
    ["a mention", "app_mention"],
    ["a DM", "message_im"],
  ])("%s whose answer Slack refuses is followed by the apology in the same place", async (_name, name) => {
    let refused = 0;
    h.slack.on("chat.postMessage", (c) =>
      refused++ === 0 ? { ok: false, error: "invalid_blocks" } : { channel: c.body.channel, ts: "1.2" },
    );
    try {
      expect((await h.event(delivery(name))).status).toBe(200);
      const apology = await waitFor(() => posts()[1], 5_000, "the apology");
      expect(apology.body.text).toBe(WORDING.failed);
      expect(apology.body.channel).toBe(posts()[0]?.body.channel);
      expect(h.logs.some((l) => l.level === "error" && String(l.msg).startsWith("slack "))).toBe(true);
    } finally {
      h.slack.on("chat.postMessage", (c) => ({ channel: c.body.channel, ts: "1.3", message: {} }));
    }
  });
});
