import { describe, expect, it } from "vitest";
import { feedbackValue, shareValue } from "../../../src/adapters/slack/actions.js";
import {
  type BlockActionsLike,
  isOurs,
  parseAction,
  parseCommand,
  parseCommentSubmission,
  parseDirectMessage,
  parseMention,
  questionText,
  type SlackEventLike,
  type SlashCommandLike,
} from "../../../src/adapters/slack/parse.js";
import { fixture } from "./harness.js";

const BOT = "U0000BOT01";
const event = (name: string) => fixture(name).event as SlackEventLike;
const raw = (name: string) => fixture(name) as SlackEventLike;

describe("questionText", () => {
  it("strips the bot mention and other Slack markup, and decodes entities", () => {
    expect(questionText("<@U0000BOT01> what is CANN?")).toBe("what is CANN?");
    expect(questionText("<@U0000BOT01|strategy-bot>   R&amp;D &lt;plans&gt;")).toBe("R&D <plans>");
    expect(
      questionText(
        "<!here> see <#C0001CHAN|general> and <https://x.example/a|this page> <https://y.example>",
      ),
    ).toBe("see #general and this page https://y.example");
    expect(questionText("<@W0001GRID> hi <!subteam^S123|@team>")).toBe("hi");
  });
});

describe("parseMention", () => {
  it("answers a mention in a new thread started at the mention", () => {
    expect(parseMention(event("app_mention"))).toEqual({
      kind: "question",
      text: "what is CANN?",
      userId: "U0001ASKER",
      channel: "C0001CHAN",
      threadTs: "1715000000.000100",
      // Follow-ups are read per thread.
      conversation: "slack:C0001CHAN:1715000000.000100",
    });
  });

  it("answers a mention inside a thread in that thread", () => {
    const q = parseMention({ ...event("app_mention"), thread_ts: "1714999999.000001" });
    expect(q).toMatchObject({ kind: "question", threadTs: "1714999999.000001" });
  });

  it("ignores mentions by bots", () => {
    expect(parseMention({ ...event("app_mention"), bot_id: "B0002OTHER" })).toMatchObject({
      kind: "ignored",
    });
  });
});

describe("parseDirectMessage", () => {
  it("answers a person's direct message in the DM, not in a thread", () => {
    expect(parseDirectMessage(event("message_im"), BOT)).toEqual({
      kind: "question",
      text: "what is Huawei's AI strategy?",
      userId: "U0001ASKER",
      channel: "D0001DIRECT",
      conversation: "slack:D0001DIRECT:dm",
    });
  });

  it.each([
    ["another bot", "message_im_bot", /bot/],
    ["the bot itself", "message_im_own", /own message|bot/],
    ["an edit", "message_im_changed", /subtype "message_changed"/],
    ["a channel join", "message_channel_join", /not a direct message/],
  ])("ignores %s, saying why", (_what, name, reason) => {
    const r = parseDirectMessage(raw(name), BOT);
    expect(r.kind).toBe("ignored");
    expect(r.kind === "ignored" && r.reason).toMatch(reason);
  });

  it.each([
    ["a deleted message", "message_im_deleted", /message_deleted/],
    ["another bot's message (bot_message)", "message_im_bot_message", /bot/],
  ])("ignores %s", (_what, name, reason) => {
    const r = parseDirectMessage(event(name), BOT);
    expect(r.kind === "ignored" && r.reason).toMatch(reason);
  });

  it.each([
    ["a message with a file (file_share)", "message_im_file_share", "what is CANN?", undefined],
    [
      "a thread reply sent to the DM too (thread_broadcast)",
      "message_im_thread_broadcast",
      "and what is CANN?",
      "1715000100.000200",
    ],
  ])("answers %s: the person's words are a question", (_what, name, text, threadTs) => {
    const q = parseDirectMessage(event(name), BOT);
    expect(q).toMatchObject({
      kind: "question",
      text,
      userId: "U0001ASKER",
      ...(threadTs ? { threadTs } : {}),
    });
  });
});

describe("edited mentions", () => {
  it("an app_mention carrying `edited` is not answered again", () => {
    const r = parseMention(event("app_mention_edited"));
    expect(r.kind === "ignored" && r.reason).toMatch(/edited/);
  });
});

describe("isOurs: which requests reach a listener", () => {
  it.each([
    ["an event", fixture("app_mention"), true],
    ["our slash command", fixture("slash_command"), true],
    ["our button", fixture("block_actions"), true],
    ["another app's slash command", fixture("foreign_slash_command"), false],
    ["another app's button", fixture("foreign_block_actions"), false],
    ["another app's modal", fixture("foreign_view_submission"), false],
    ["a shortcut", fixture("foreign_shortcut"), false],
  ])("%s: %s", (_what, body, ours) => {
    expect(isOurs(body)).toBe(ours);
  });
});

describe("parseCommand", () => {
  const command = fixture("slash_command") as SlashCommandLike;

  it("turns /strategy into a question from the user in the channel", () => {
    expect(parseCommand(command)).toEqual({
      kind: "question",
      text: "what is CANN?",
      userId: "U0001ASKER",
      channel: "C0001CHAN",
      conversation: "slack:C0001CHAN:U0001ASKER:slash",
    });
    expect(parseCommand({ ...command, text: "" })).toMatchObject({ kind: "question", text: "" });
  });

  it("ignores other commands", () => {
    expect(parseCommand({ ...command, command: "/other" })).toMatchObject({ kind: "ignored" });
  });
});

describe("parseAction", () => {
  const click = (action: Record<string, unknown>, ephemeral = true): BlockActionsLike => {
    const body = fixture("block_actions") as BlockActionsLike & Record<string, unknown>;
    return { ...body, container: { is_ephemeral: ephemeral }, actions: [action as never] };
  };

  it("reads a suggestion click: the fact id and the question on the button", () => {
    expect(parseAction(fixture("block_actions") as BlockActionsLike)).toEqual({
      kind: "suggestion",
      factId: "cann",
      question: "What is CANN?",
      userId: "U0001ASKER",
      ephemeral: true,
      // The clicked message's thread: a follow-up there reads the suggestion's answer.
      conversation: "slack:C0001CHAN:1715000600.000700",
    });
  });

  it("reads feedback with fact id, version and status", () => {
    const value = feedbackValue({ factId: "cann", version: "v1", status: "answered" });
    expect(parseAction(click({ action_id: "strategy_feedback_down", value }, false))).toEqual({
      kind: "feedback",
      vote: "down",
      feedback: { factId: "cann", version: "v1", status: "answered" },
      userId: "U0001ASKER",
      ephemeral: false,
      // For views.open: the "what was wrong?" modal.
      triggerId: "0000000002.0000000002.fake",
    });
  });

  it("reads a share click", () => {
    const value = shareValue({ question: "what is CANN?", factId: "cann" });
    expect(parseAction(click({ action_id: "strategy_share", value }))).toMatchObject({
      kind: "share",
      share: { question: "what is CANN?", factId: "cann" },
    });
  });

  it("ignores unknown actions and unreadable values instead of throwing", () => {
    expect(parseAction(click({ action_id: "other" }))).toMatchObject({ kind: "ignored" });
    expect(parseAction(click({ action_id: "strategy_feedback_up", value: "{not json" }))).toMatchObject({
      kind: "ignored",
    });
    expect(parseAction(click({ action_id: "strategy_share", value: "[]" }))).toMatchObject({
      kind: "ignored",
    });
    expect(parseAction({ type: "view_submission" })).toMatchObject({ kind: "ignored" });
  });

  it("keeps a share value within Slack's 2000 characters however long the question", () => {
    const value = shareValue({ question: '"\\'.repeat(3000), factId: "f" });
    expect(value.length).toBeLessThanOrEqual(2000);
    expect(JSON.parse(value)).toMatchObject({ f: "f" });
  });
});

describe("parseCommentSubmission", () => {
  const metadata = feedbackValue({
    factId: "cann",
    version: "v1",
    status: "answered",
    answerId: "abc123def456",
  });
  const submission = (value: string | null, over: Record<string, unknown> = {}) => ({
    type: "view_submission",
    user: { id: "U0001ASKER" },
    view: {
      callback_id: "strategy_feedback_comment",
      private_metadata: metadata,
      state: { values: { comment: { comment: { value } } } },
      ...over,
    },
  });

  it("reads the comment, trimmed and capped, with the 👎 it belongs to", () => {
    expect(parseCommentSubmission(submission(`  ${"y".repeat(1500)} `))).toEqual({
      kind: "comment",
      comment: "y".repeat(1000),
      feedback: { factId: "cann", version: "v1", status: "answered", answerId: "abc123def456" },
      userId: "U0001ASKER",
    });
    // The box is optional: left blank, Slack sends null.
    expect(parseCommentSubmission(submission(null))).toMatchObject({ kind: "comment", comment: "" });
  });

  it("ignores other modals and unreadable metadata", () => {
    expect(parseCommentSubmission(submission("x", { callback_id: "other" })).kind).toBe("ignored");
    expect(parseCommentSubmission(submission("x", { private_metadata: "{" })).kind).toBe("ignored");
  });
});
