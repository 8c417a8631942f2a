import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openSqliteStore } from "../../src/analytics/sqlite.js";
import { Conversations } from "../../src/bot/conversations.js";
import { claimDelivery } from "../../src/bot/deliveries.js";
import { comment, vote } from "../../src/bot/feedback.js";
import { ask, askSuggestion } from "../../src/bot/handle.js";
import type { Asker, BotDeps } from "../../src/bot/types.js";
import { WORDING } from "../../src/bot/wording.js";
import { classifySmallTalk } from "../../src/core/register.js";
import type { Answer } from "../../src/core/types.js";
import { KnowledgeStore } from "../../src/knowledge/store.js";
import { silentLogger } from "../../src/log.js";
import { SeenEvents } from "../../src/reliability/dedupe.js";
import { fixturePath } from "../knowledge/fixtures.js";

/** The bot layer on its own: the same functions every surface calls. */

const dir = mkdtempSync(join(tmpdir(), "sb-bot-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function setup(extra: Partial<BotDeps> = {}) {
  const store = new KnowledgeStore({ file: fixturePath("small.yaml") });
  const first = await store.reload();
  if (!first.ok) throw new Error(first.message);
  const analytics = openSqliteStore({ dir: mkdtempSync(join(dir, "db-")), log: silentLogger });
  const deps: BotDeps = { store, admins: new Set(), log: silentLogger, analytics, ...extra };
  return { deps, analytics };
}
const someone = (platform: Asker["platform"], conversation?: string): Asker => ({
  platform,
  userId: `${platform}-user`,
  ...(conversation ? { conversation } : {}),
});

describe("help and small talk, the same on every surface", () => {
  it.each(["slack", "teams", "web", "cli"] as const)("%s: help gives the same reply", async (platform) => {
    const { deps } = await setup();
    const reply = await ask("help", someone(platform), deps);
    expect(reply).toEqual(await ask("Help!", someone("slack"), deps));
    expect(reply.kind).toBe("help");
  });

  it.each([
    ["hi", "greeting"],
    ["Hello there 👋", "greeting"],
    ["good morning!", "greeting"],
    ["thanks!", "thanks"],
    ["Thank you so much", "thanks"],
    ["thx", "thanks"],
    ["what can you do?", "help"],
    ["hi, what is CANN?", undefined],
    ["thanks to sanctions, what did Huawei build?", undefined],
    ["history of Huawei", undefined],
  ])("%j is %s", (text, talk) => {
    expect(classifySmallTalk(text)).toBe(talk);
  });

  it("a greeting is answered politely (with examples), never searched", async () => {
    const { deps } = await setup();
    const reply = await ask("hello", someone("teams"), deps);
    expect(reply).toMatchObject({ kind: "small-talk", talk: "greeting" });
    expect(WORDING.smallTalk.greeting).toMatch(/^Hello!/);
  });
});

describe("follow-up context", () => {
  it("remembers each conversation's exchanges and hands them to the core", async () => {
    const conversations = new Conversations();
    const { deps } = await setup({ conversations });
    await ask("What is CANN?", someone("slack", "slack:C1:1.0"), deps);
    await ask("and who makes it?", someone("slack", "slack:C1:1.0"), deps);
    await ask("What is CANN?", someone("slack", "slack:C2:2.0"), deps);
    const turns = conversations.context("slack:C1:1.0")?.turns ?? [];
    expect(turns.map((t) => t.question)).toEqual(["What is CANN?", "and who makes it?"]);
    expect(conversations.context("slack:C2:2.0")?.turns).toHaveLength(1);
    // No conversation, no memory: a slash command elsewhere or a one-off question stands alone.
    await ask("What is CANN?", someone("slack"), deps);
    expect(conversations.size).toBe(2);
  });

  it("a clicked suggestion joins the conversation and is recorded like a question", async () => {
    const conversations = new Conversations();
    const { deps, analytics } = await setup({ conversations });
    const reply = askSuggestion("cann", "What is CANN?", someone("web", "web:1:tab"), deps);
    expect(reply.kind === "answer" && reply.answerId).toBeTruthy();
    expect(conversations.context("web:1:tab")?.turns).toHaveLength(1);
    expect((await analytics.report(new Date(0))).questions).toHaveLength(1);
  });

  const turn = { status: "answered", question: "q" } as Answer;
  it("is bounded in size: the least recently used conversation goes first", () => {
    const c = new Conversations({ max: 2 });
    c.remember("a", "q", turn);
    c.remember("b", "q", turn);
    c.context("a");
    c.remember("a", "q2", turn);
    c.remember("c", "q", turn);
    expect([c.context("a")?.turns.length, c.context("b"), c.context("c")?.turns.length]).toEqual([
      2,
      undefined,
      1,
    ]);
  });

  it("is bounded in time and in turns: an idle conversation starts afresh", () => {
    let now = 0;
    const c = new Conversations({ ttlMs: 1_000, turns: 2, now: () => now });
    for (const q of ["1", "2", "3"]) c.remember("a", q, turn);
    expect(c.context("a")?.turns.map((t) => t.question)).toEqual(["2", "3"]);
    now = 1_000;
    expect(c.context("a")).toBeUndefined();
    c.remember("a", "4", turn);
    expect(c.context("a")?.turns.map((t) => t.question)).toEqual(["4"]);
  });
});

describe("votes and comments, checked once for every surface", () => {
  it("records a vote, drops a forged answer id, and a comment as a 👎 carrying it", async () => {
    const { deps, analytics } = await setup();
    vote({ vote: "up", answerId: "abc-123", factId: "cann", version: "v1" }, someone("web"), deps);
    vote({ vote: "down", answerId: "<script>", factId: "cann" }, someone("teams"), deps);
    comment({ comment: `  ${"z".repeat(1200)}  `, factId: "cann" }, someone("slack"), deps);
    comment({ comment: "   ", factId: "cann" }, someone("slack"), deps);
    const feedback = (await analytics.report(new Date(0))).feedback;
    expect(feedback.map((f) => [f.vote, f.answerId, f.comment?.length])).toEqual([
      ["up", "abc-123", undefined],
      ["down", undefined, undefined],
      ["down", undefined, 1000],
    ]);
  });
});

describe("deliveries", () => {
  it("claims a delivery once; without a store every delivery is new", async () => {
    const { deps } = await setup({ deliveries: new SeenEvents() });
    expect([await claimDelivery("slack:Ev1", deps), await claimDelivery("slack:Ev1", deps)]).toEqual([
      true,
      false,
    ]);
    const { deps: none } = await setup();
    expect(await claimDelivery("slack:Ev1", none)).toBe(true);
  });
});

describe("the gap sentence", () => {
  it("names what the knowledge knows and what it does not, on every surface", async () => {
    const { renderAnswer: slack } = await import("../../src/adapters/slack/render.js");
    const { renderAnswer: teams } = await import("../../src/adapters/teams/render.js");
    const { renderAnswerHtml: web } = await import("../../src/adapters/web/render-html.js");
    const gap = { topic: "Huawei Cloud", missing: "who runs it" };
    const a: Answer = {
      status: "unknown",
      question: "Who runs Huawei Cloud?",
      text: "",
      citations: [],
      confidence: 0.2,
      suggestions: [],
      version: "v1",
      gap,
    };
    const sentence = "I know about Huawei Cloud, but not who runs it.";
    expect(WORDING.notKnown(gap)).toBe(sentence);
    expect(slack(a, { surface: "message" }).text).toBe(sentence);
    expect(teams(a).text).toContain(sentence);
    expect(web(a)).toContain(sentence);
    expect(WORDING.notKnown()).toBe(WORDING.unknown);
    // An attribute reads as the topic's own: "but not its price", never "but not price".
    expect(WORDING.notKnown({ topic: "CloudMatrix 384", missing: "price" })).toBe(
      "I know about CloudMatrix 384, but not its price.",
    );
    // An attribute named with its article reads as it is: never "but not its the total".
    expect(WORDING.notKnown({ topic: "Huawei", missing: "the total" })).toBe(
      "I know about Huawei, but not the total.",
    );
  });
});
