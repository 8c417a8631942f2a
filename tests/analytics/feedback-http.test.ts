import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_FILE } from "../../src/analytics/sqlite.js";
import { waitFor } from "../adapters/slack/fake-slack.js";
import {
  ASKER,
  buttonsOf,
  envelope,
  fixture,
  type Harness,
  type Json,
  startHarness,
} from "../adapters/slack/harness.js";
import {
  ADA,
  type FakeConnector,
  fakeConnector,
  post,
  type StartedBot,
  startTeamsBot,
  fixture as teamsFixture,
  until,
} from "../adapters/teams/helpers.js";

/**
 * Feedback from both platforms through the real HTTP paths (startBot + loopback fakes) lands in the
 * analytics database, linked to the recorded answer it rates.
 */

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), "sb-feedback-"));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const rows = (dir: string, sql: string) => {
  const db = new Database(join(dir, DB_FILE), { readonly: true });
  try {
    return db.prepare(sql).all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
};

describe("Slack: question and 👍/👎 recorded", () => {
  let h: Harness;
  const dir = tmp();
  beforeAll(async () => {
    h = await startHarness({ ANALYTICS: "on", DATA_DIR: dir });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("records the mention, carries the answer id in the buttons, and links the 👎 to it", async () => {
    const event = {
      ...(fixture("app_mention").event as Json),
      text: "<@U0000BOT01> What is CANN?",
      channel: "C0FEEDBACK",
    };
    expect((await h.event(envelope(event, "EvFEEDBACK1"))).status).toBe(200);
    const posted = await h.slack.waitFor(
      (c) => c.method === "chat.postMessage" && c.body.channel === "C0FEEDBACK",
    );
    const down = buttonsOf(posted.body).find((b) => b.action_id === "strategy_feedback_down");
    const value = JSON.parse(down?.value ?? "{}") as { a?: string; f?: string };
    expect(value.a).toMatch(/^[\w-]{12}$/);

    const [q] = rows(dir, "SELECT * FROM questions");
    expect(q).toMatchObject({
      answer_id: value.a,
      platform: "slack",
      channel: "channel",
      status: "answered",
    });
    expect(String(q?.user_hash)).not.toContain(ASKER);

    const body = fixture("block_actions");
    const payload = {
      ...body,
      response_url: h.slack.responseUrl("fb1"),
      actions: [{ action_id: "strategy_feedback_down", value: down?.value, type: "button" }],
    };
    expect((await h.action(payload)).status).toBe(200);
    await h.slack.waitFor((c) => c.method === "respond" && c.id === "fb1");
    expect(rows(dir, "SELECT answer_id, vote, fact_id, platform FROM feedback")).toEqual([
      { answer_id: value.a, vote: "down", fact_id: value.f, platform: "slack" },
    ]);
    expect(h.logs.some((l) => l.msg === "feedback")).toBe(true);
  });

  it("a 👎 opens the 'what was wrong?' modal; its submission stores the comment with that 👎", async () => {
    const event = {
      ...(fixture("app_mention").event as Json),
      text: "<@U0000BOT01> What is CANN?",
      channel: "C0COMMENT",
    };
    expect((await h.event(envelope(event, "EvCOMMENT1"))).status).toBe(200);
    const posted = await h.slack.waitFor(
      (c) => c.method === "chat.postMessage" && c.body.channel === "C0COMMENT",
    );
    const buttons = buttonsOf(posted.body);
    const down = buttons.find((b) => b.action_id === "strategy_feedback_down");
    const value = JSON.parse(down?.value ?? "{}") as { a?: string; f?: string; v?: string };
    expect(value.a).toMatch(/^[\w-]{12}$/);
    const click = (id: string, actionId: string, buttonValue: string | undefined, trigger: string) => ({
      ...fixture("block_actions"),
      trigger_id: trigger,
      response_url: h.slack.responseUrl(id),
      actions: [{ action_id: actionId, value: buttonValue, type: "button" }],
    });

    // A 👍 opens nothing.
    const up = buttons.find((b) => b.action_id === "strategy_feedback_up");
    expect((await h.action(click("cm-up", "strategy_feedback_up", up?.value, "1.1.up"))).status).toBe(200);
    await h.slack.waitFor((c) => c.method === "respond" && c.id === "cm-up");

    expect((await h.action(click("cm1", "strategy_feedback_down", down?.value, "1.2.down"))).status).toBe(
      200,
    );
    // The vote keeps its ephemeral thanks; the modal opens with the click's trigger_id.
    const thanks = await h.slack.waitFor((c) => c.method === "respond" && c.id === "cm1");
    expect(JSON.stringify(thanks.body)).toContain("Thanks for the feedback");
    const opened = await h.slack.waitFor(
      (c) => c.method === "views.open" && c.body.trigger_id === "1.2.down",
    );
    // The 👍 opened none.
    expect(h.slack.calls.some((c) => c.method === "views.open" && c.body.trigger_id === "1.1.up")).toBe(
      false,
    );
    const view = opened.body.view as Json & { private_metadata: string; blocks: Json[] };
    expect(view).toMatchObject({ type: "modal", callback_id: "strategy_feedback_comment" });
    expect(JSON.parse(view.private_metadata)).toMatchObject({ a: value.a, f: value.f, v: value.v });
    expect(view.blocks[0]).toMatchObject({
      type: "input",
      optional: true,
      element: { type: "plain_text_input", multiline: true, max_length: 1000 },
    });

    // Slack posts the submission to the same interactivity URL, signed like every request.
    const block = view.blocks[0] as { block_id: string; element: { action_id: string } };
    const submit = (comment: string) => ({
      type: "view_submission",
      team: { id: "T0001TEST", domain: "test" },
      user: { id: ASKER, username: "asker", team_id: "T0001TEST" },
      api_app_id: "A0000APP01",
      token: "legacy-token",
      trigger_id: "1.3.submit",
      view: {
        ...view,
        id: "V0000VIEW01",
        team_id: "T0001TEST",
        state: {
          values: {
            [block.block_id]: { [block.element.action_id]: { type: "plain_text_input", value: comment } },
          },
        },
      },
    });
    const long = `It is <!channel> *out of date* ${"x".repeat(1200)}`;
    const res = await h.action(submit(long));
    expect(res.status).toBe(200);
    // An empty ack closes the modal.
    expect(await res.text()).toBe("");
    const feedback = () =>
      rows(dir, `SELECT answer_id, vote, comment, platform FROM feedback WHERE answer_id = '${value.a}'`);
    await waitFor(() => (feedback().some((r) => r.comment) ? true : undefined), 5_000, "the comment");
    const stored = feedback();
    // The 👍 and the 👎 rows; the comment is on the 👎, stored as typed (not escaped), capped at 1000.
    expect(stored).toHaveLength(2);
    expect(stored.find((r) => r.vote === "up")?.comment).toBeNull();
    const commented = stored.find((r) => r.vote === "down");
    expect(commented).toMatchObject({ answer_id: value.a, platform: "slack" });
    expect(commented?.comment).toBe(long.slice(0, 1000));
    expect(h.logs.some((l) => l.msg === "feedback comment" && l.answerId === value.a)).toBe(true);
  });
});

describe("Teams: question, 👎 and the 'what was wrong?' comment recorded", () => {
  let started: StartedBot;
  let connector: FakeConnector;
  const dir = tmp();
  beforeAll(async () => {
    connector = await fakeConnector();
    started = await startTeamsBot({ ANALYTICS: "on", DATA_DIR: dir });
  });
  afterAll(async () => {
    await started?.bot.stop();
    await connector?.close();
  });

  let n = 0;
  const send = async (name: string, overrides: Record<string, unknown>) => {
    const f = teamsFixture(name);
    const before = connector.received.length;
    const res = await post(started.base, { ...f, id: `fb-${++n}`, serviceUrl: connector.url, ...overrides });
    expect(res.status).toBe(200);
    await until(() => connector.received.length > before, 5_000, "a reply");
    return connector.received.at(-1)?.body as Record<string, unknown>;
  };
  // biome-ignore lint/suspicious/noExplicitAny: walks the card JSON as the connector received it.
  const actionsOf = (reply: any): any[] =>
    // biome-ignore lint/suspicious/noExplicitAny: as above.
    reply.attachments?.[0]?.content?.body?.flatMap((e: any) => e.actions ?? []) ?? [];

  it("links the card's 👎 and the comment to the recorded answer", async () => {
    const reply = await send("personal-message", { text: "What is CANN?" });
    const down = actionsOf(reply).find((a) => a.data?.feedback === "down");
    expect(down?.data.answerId).toMatch(/^[\w-]{12}$/);
    expect(rows(dir, "SELECT answer_id, platform, channel FROM questions")).toEqual([
      { answer_id: down.data.answerId, platform: "teams", channel: "dm" },
    ]);

    const thanks = await send("card-feedback", { value: down.data });
    // The 👎 thanks carries the comment box, whose submit names the same answer.
    const submit = actionsOf(thanks).find((a) => a.data?.action === "comment");
    expect(submit?.data.answerId).toBe(down.data.answerId);
    expect(JSON.stringify(thanks)).toContain("Input.Text");

    await send("card-feedback", { value: { ...submit.data, comment: "It is out of date" } });
    expect(rows(dir, "SELECT answer_id, vote, comment, platform FROM feedback")).toEqual([
      { answer_id: down.data.answerId, vote: "down", comment: "It is out of date", platform: "teams" },
    ]);
    expect(started.logs.some((l) => l.msg === "feedback" && l.user === ADA)).toBe(true);
  });
});
