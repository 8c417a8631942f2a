import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { plainText, scopeOf } from "../../../src/adapters/teams/parse.js";
import { WORDING } from "../../../src/bot/wording.js";
import {
  ADA,
  type FakeConnector,
  fakeConnector,
  fixture,
  post,
  type StartedBot,
  startTeamsBot,
  until,
} from "./helpers.js";

/**
 * Activities Teams really sends that the bot used to get wrong, through the real server and botbuilder
 * to a fake connector. Fixtures (tests/fixtures/teams/, fake ids) and what each mirrors:
 * - personal-html-help, personal-html-question: a personal message as in the Teams docs' "Receive
 *   messages" JSON, with the HTML body and `textFormat: "xml"` the Teams clients send for formatted
 *   text (Activity schema, botframework-sdk specs: textFormat plain | markdown | xml).
 * - channel-id-only: a channel reply as recorded by Emulator transcripts and older Teams tenants:
 *   `19:…@thread.skype;messageid=…` with no conversationType (teams.net tests use the same id shape).
 * - card-feedback: Action.Submit from an Adaptive Card in a channel, with `replyToId` naming the card's
 *   message (botbuilder-js's TeamsActivityHandler tests and the Teams docs' card action payloads).
 */

const dir = mkdtempSync(join(tmpdir(), "sb-teams-real-"));
let connector: FakeConnector;
let started: StartedBot;
let n = 0;

beforeAll(async () => {
  connector = await fakeConnector();
  started = await startTeamsBot({ ANALYTICS: "on", DATA_DIR: dir });
});
afterAll(async () => {
  await started?.bot.stop();
  await connector?.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  connector.received.length = 0;
});

function activity(name: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...fixture(name), id: `real-${++n}`, serviceUrl: connector.url, ...overrides };
}
async function send(body: Record<string, unknown>): Promise<void> {
  expect((await post(started.base, body)).status).toBe(200);
}
const settle = () => new Promise((r) => setTimeout(r, 300));
// biome-ignore lint/suspicious/noExplicitAny: assertions walk arbitrary JSON as the connector received it.
type Json = Record<string, any>;
const cardTexts = (body: Json): string[] =>
  JSON.stringify(body.attachments ?? [])
    .match(/"text":"[^"]*"/g)
    ?.map((t) => t.slice(8, -1)) ?? [];

describe("Teams: HTML text is read as plain words", () => {
  it("`<p>help</p>` with textFormat xml gets help, not a fact", async () => {
    await send(activity("personal-html-help"));
    await until(() => connector.received.length === 1, 5_000, "a reply");
    expect(String(connector.received[0]?.body.text)).toContain(WORDING.help);
  });

  it("a formatted question is answered and recorded without its markup", async () => {
    await send(activity("personal-html-question"));
    await until(() => connector.received.length === 1, 5_000, "a reply");
    const report = await started.bot.deps.analytics?.report(new Date(0));
    const asked = report?.questions.map((q) => q.question) ?? [];
    expect(asked).toContain("what is CANN & who builds it?");
    expect(asked.join(" ")).not.toMatch(/<|&nbsp;|&amp;/);
  });

  it("tags, entities and numeric references are undone; plain text keeps its angle brackets", () => {
    expect(plainText("<div><p>what&#39;s <i>Pangu</i>?</p><p>&#x1F600;</p></div>", "xml")).toBe(
      "what's Pangu? 😀",
    );
    expect(plainText("is 3 < 4 & 5 > 2?", "plain")).toBe("is 3 < 4 & 5 > 2?");
  });
});

describe("Teams: scope from the conversation id when conversationType is missing", () => {
  it.each([
    ["19:abc@thread.skype;messageid=1481567603816", "channel"],
    ["19:abc@thread.tacv2", "channel"],
    ["19:abc@thread.v2", "groupChat"],
    ["19:meeting_abc@thread.v2", "groupChat"],
    ["a:1abc", "personal"],
    ["8:orgid:aaaaaaaa-0000-4000-8000-000000000001", "personal"],
  ])("%s is a %s", (id, scope) => {
    expect(scopeOf({ conversation: { id } })).toBe(scope);
  });

  it("an unmentioned message in such a channel is not answered", async () => {
    await send(activity("channel-id-only"));
    await settle();
    expect(connector.received).toEqual([]);
  });
});

describe("Teams: votes and comments in a channel never post publicly", () => {
  const cardId = "1736936431000";
  const vote = (feedback: "up" | "down", from?: Record<string, unknown>) => {
    const f = fixture("card-feedback");
    const value = { ...(f.value as Json), feedback, question: "What is CANN?" };
    return activity("card-feedback", { value, ...(from ? { from } : {}) });
  };

  it("a 👍 changes the card in place: the same answer, the buttons replaced by a note", async () => {
    await send(vote("up"));
    await until(() => connector.received.length === 1, 5_000, "the update");
    const [update] = connector.received;
    expect(update?.method).toBe("PUT");
    expect(update?.path.endsWith(`/activities/${cardId}`)).toBe(true);
    expect(String(update?.body.text)).toMatch(/CANN/);
    expect(cardTexts(update?.body as Json)).toContain(WORDING.vote.recorded);
    expect(JSON.stringify(update?.body)).not.toContain('"feedback":"up"');
  });

  it("a 👎 offers a comment box only the voter can use; the comment changes the card again", async () => {
    await send(vote("down"));
    await until(() => connector.received.length === 1, 5_000, "the update");
    const box = JSON.stringify(connector.received[0]?.body);
    expect(connector.received[0]?.method).toBe("PUT");
    expect(box).toContain(`"by":"${ADA}"`);

    const f = fixture("card-feedback");
    const comment = (from: Json) =>
      activity("card-feedback", {
        from,
        value: {
          action: "comment",
          factId: "cann-cuda-alternative",
          version: "v",
          by: ADA,
          comment: "out of date",
        },
      });
    connector.received.length = 0;
    const other = { id: "29:someone-else", name: "Bo", aadObjectId: "bbbbbbbb-0000-4000-8000-000000000002" };
    await send(comment(other));
    await settle();
    expect(connector.received).toEqual([]);

    await send(comment(f.from as Json));
    await until(() => connector.received.length === 1, 5_000, "the second update");
    expect(connector.received[0]?.method).toBe("PUT");
    expect(cardTexts(connector.received[0]?.body as Json)).toContain(WORDING.comment.thanks);
    const report = await started.bot.deps.analytics?.report(new Date(0));
    expect(report?.feedback.filter((v) => v.comment === "out of date")).toHaveLength(1);
  });
});
