import { TurnContext } from "botbuilder";
import { describe, expect, it } from "vitest";
import { type InboundActivity, parseActivity, type StripMention } from "../../../src/adapters/teams/parse.js";
import { ADA, BOT_ID, fixture } from "./helpers.js";

/** The SDK's own mention stripping, as bot.ts passes it. */
const strip: StripMention = (a) => TurnContext.removeRecipientMention(a);

function parse(name: string, overrides: Partial<InboundActivity> = {}) {
  return parseActivity({ ...(fixture(name) as InboundActivity), ...overrides }, strip);
}

describe("parseActivity", () => {
  it("channel mention: a question with the mention and &nbsp; stripped", () => {
    expect(parse("channel-mention")).toEqual({
      kind: "question",
      text: "What is CANN?",
      asker: {
        platform: "teams",
        userId: ADA,
        channel: "channel",
        // Follow-ups are read per Teams conversation (a channel thread has its own id).
        conversation: "teams:19:fakechannel0000000000000000000000@thread.tacv2;messageid=1736936430123",
      },
      scope: "channel",
    });
  });

  it("channel message without the bot's mention is ignored", () => {
    expect(parse("channel-no-mention")).toEqual({ kind: "ignored", reason: "bot not mentioned" });
  });

  it("a mention of someone else is not a mention of the bot", () => {
    const other = { type: "mention", text: "<at>Ada</at>", mentioned: { id: "29:1ada", name: "Ada" } };
    expect(parse("channel-no-mention", { text: "<at>Ada</at> hi", entities: [other] })).toMatchObject({
      kind: "ignored",
    });
  });

  it("personal chat: every message is a question", () => {
    expect(parse("personal-message")).toMatchObject({
      kind: "question",
      text: "who is the ceo of nvidia",
      scope: "personal",
    });
  });

  it("group chat: mention required, stripped", () => {
    expect(parse("group-chat-mention")).toMatchObject({
      kind: "question",
      text: "mining trucks",
      scope: "groupChat",
    });
    expect(parse("group-chat-mention", { entities: [] })).toEqual({
      kind: "ignored",
      reason: "bot not mentioned",
    });
  });

  it("a mention alone is an empty question (the bot answers with examples)", () => {
    expect(parse("channel-mention", { text: "<at>strategy-bot</at>" })).toMatchObject({
      kind: "question",
      text: "",
    });
  });

  it("the bot joining is a welcome; someone else joining is ignored", () => {
    expect(parse("install-team")).toEqual({ kind: "welcome", scope: "channel" });
    expect(parse("install-team", { membersAdded: [{ id: "29:1other" }] })).toEqual({
      kind: "ignored",
      reason: "bot not among members added",
    });
  });

  it("card actions: suggestion, feedback, ask; anything else ignored", () => {
    expect(parse("card-suggestion")).toMatchObject({
      kind: "suggestion",
      factId: "cann-cuda-alternative",
      scope: "channel",
    });
    expect(parse("card-feedback")).toMatchObject({
      kind: "feedback",
      feedback: "up",
      factId: "cann-cuda-alternative",
    });
    expect(parse("card-suggestion", { value: { action: "ask", question: "What is CANN?" } })).toMatchObject({
      kind: "question",
      text: "What is CANN?",
    });
    for (const value of [
      { action: "feedback", feedback: "meh", factId: "x", version: "v" },
      { action: "rm -rf" },
      { factId: 3 },
    ]) {
      expect(parse("card-suggestion", { value })).toEqual({ kind: "ignored", reason: "unknown card action" });
    }
  });

  it("ignores bots, other activity types and senders without an id", () => {
    expect(parse("personal-message", { from: { id: BOT_ID } })).toEqual({
      kind: "ignored",
      reason: "sent by a bot",
    });
    expect(parse("personal-message", { from: { id: "x", role: "bot" } })).toMatchObject({
      reason: "sent by a bot",
    });
    expect(parse("personal-message", { type: "typing" })).toEqual({
      kind: "ignored",
      reason: "not a message",
    });
    expect(parse("personal-message", { from: {} })).toEqual({ kind: "ignored", reason: "no sender" });
  });

  it("the Emulator (no conversationType, no aadObjectId) is a personal chat keyed by from.id", () => {
    const emulator: InboundActivity = {
      type: "message",
      text: "hello",
      from: { id: "emulator-user-1", name: "User" },
      recipient: { id: "emulator-bot" },
      conversation: { id: "conv-1" },
    };
    expect(parseActivity(emulator, strip)).toEqual({
      kind: "question",
      text: "hello",
      asker: { platform: "teams", userId: "emulator-user-1", channel: "dm", conversation: "teams:conv-1" },
      scope: "personal",
    });
  });

  it("never throws on hostile entities and never mutates the activity", () => {
    const a = fixture("channel-mention") as InboundActivity;
    const hostile = [
      null,
      7,
      "mention",
      { type: 5 },
      { type: "mention" },
      { type: "mention", mentioned: null },
    ];
    a.entities = [...hostile, ...(a.entities ?? [])];
    const before = JSON.stringify(a);
    expect(parseActivity(a, strip)).toMatchObject({ kind: "question", text: "What is CANN?" });
    expect(JSON.stringify(a)).toBe(before);
  });

  it("never throws on activities of the wrong shape (the body is untrusted JSON)", () => {
    const weird: unknown[] = [
      {},
      { type: "conversationUpdate", membersAdded: "x", recipient: { id: BOT_ID } },
      { type: "conversationUpdate", membersAdded: [null, 3, { id: 5 }], recipient: "bot" },
      { type: "message", text: 5, value: { action: "ask" }, from: { id: "u" } },
      { type: "message", text: ["a"], from: { id: 7, aadObjectId: {} } },
      {
        type: "message",
        text: "hi",
        from: "u",
        conversation: "c",
        recipient: null,
        entities: { type: "mention" },
      },
      {
        type: "message",
        text: "<at>b</at> hi",
        from: { id: "u" },
        conversation: { isGroup: "yes" },
        entities: [{ type: "mention", text: "<at>b</at>", mentioned: "b" }],
        recipient: { id: "b" },
      },
    ];
    for (const a of weird) expect(() => parseActivity(a as InboundActivity, strip)).not.toThrow();
    expect(parseActivity(weird[4] as InboundActivity, strip)).toEqual({
      kind: "ignored",
      reason: "no sender",
    });
  });
});
