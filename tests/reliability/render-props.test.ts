import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { renderReply as renderSlack, type Surface } from "../../src/adapters/slack/render.js";
import { safeUrl } from "../../src/adapters/teams/escape.js";
import { renderReply as renderTeams } from "../../src/adapters/teams/render.js";
import { safeUrl as webSafeUrl } from "../../src/adapters/web/escape.js";
import { renderReplyHtml } from "../../src/adapters/web/render-html.js";
import type { BotReply } from "../../src/bot/handle.js";
import { answer } from "../../src/core/answer.js";
import type { SearchIndex } from "../../src/core/index-build.js";
import type { Answer, Citation } from "../../src/core/types.js";
import { loadShipped } from "../knowledge/fixtures.js";
import { CONFIGURED_URL, hostileKnowledge, hostileText } from "./hostile.js";
import { slackProblems, teamsProblems } from "./safety.js";

/**
 * Properties over answer() and both renderers: for arbitrary questions and arbitrary knowledge text
 * (control characters, emoji, right-to-left, mentions, mrkdwn/markdown/HTML injection, huge strings)
 * nothing throws, every message is within the platform's limits, and no live mention, special
 * command or link appears that the bot did not build from a configured source URL.
 */

// A failing case on a huge hostile string can take minutes to shrink, and fc.assert is synchronous
// (vitest's timeout cannot fire): stop after a minute rather than hang the suite. A failure found
// before that still fails (with the smallest case shrunk so far); a busy machine that only gets
// through fewer runs in the minute passes on the runs it made, instead of failing for being slow.
const RUNS = { numRuns: 150, interruptAfterTimeLimit: 60_000, markInterruptAsFailure: false };
const SURFACES: Surface[] = ["message", "ephemeral", "shared"];
const SHARER = "U0001ASKER";

let shipped: SearchIndex;
let hostile: SearchIndex;
let shippedUrls: string[];
beforeAll(async () => {
  shipped = await loadShipped();
  hostile = hostileKnowledge();
  shippedUrls = shipped.knowledge.sources.flatMap((s) => (s.url ? [s.url, new URL(s.url).href] : []));
});

/** The URLs a reply carries from its knowledge (source URLs), as each platform writes a link target. */
function configured(reply: BotReply, urls: string[]): string[] {
  const a = reply.kind === "answer" ? reply.answer : undefined;
  const all = [...urls, ...(a?.citations ?? []), ...(a?.suggestions.flatMap((s) => s.citations) ?? [])].map(
    (c) => (typeof c === "string" ? c : c.url),
  );
  return all.flatMap((u) => (u ? [u, safeUrl(u) ?? u, webSafeUrl(u) ?? u] : []));
}

function check(reply: BotReply, urls: string[], question = "q"): void {
  const allowed = configured(reply, urls);
  for (const surface of SURFACES) {
    const m = renderSlack(reply, { surface, sharedBy: SHARER, question });
    expect(slackProblems(m, allowed, [SHARER]), `slack ${surface}`).toEqual([]);
  }
  expect(teamsProblems(renderTeams(reply), allowed)).toEqual([]);
  expect(webProblems(renderReplyHtml(reply), allowed)).toEqual([]);
}

/** The web page's HTML: no script, handler or foreign element from text, links only to source URLs. */
function webProblems(html: string, allowed: string[]): string[] {
  const p: string[] = [];
  // Attribute values are data (escaped); what matters is which tags and attributes exist.
  const bare = html.replace(/"[^"]*"/g, '""');
  for (const [tag] of bare.matchAll(/<[^>]*>/g)) {
    if (
      /^<\/?(script|at|img|iframe|object|embed|style|form|input|link|meta)\b|\son\w+\s*=|javascript:/i.test(
        tag,
      )
    )
      p.push(`live markup ${tag.slice(0, 60)}`);
  }
  for (const [, href = ""] of html.matchAll(/href="([^"]*)"/g)) {
    const url = href.replace(/&amp;/g, "&");
    if (!allowed.includes(url) && !url.startsWith("#")) p.push(`link to ${url.slice(0, 60)}`);
  }
  return p;
}

describe("answer() and the renderers on hostile questions", () => {
  it("answers any question from the shipped knowledge safely", () => {
    fc.assert(
      fc.property(hostileText, (q) => {
        const a = answer(q, shipped);
        expect(a.version).toBe(shipped.knowledge.version);
        check({ kind: "answer", answer: a }, shippedUrls, q);
      }),
      RUNS,
    );
  });

  it("answers any question from knowledge full of injection text safely", () => {
    const questions = fc.oneof(
      hostileText,
      fc.constantFrom(...hostile.knowledge.facts.flatMap((f) => f.questions)),
    );
    fc.assert(
      fc.property(questions, (q) => {
        check({ kind: "answer", answer: answer(q, hostile) }, [CONFIGURED_URL], q);
      }),
      RUNS,
    );
  });

  it("renders the hostile knowledge's own facts (quotes with <!channel>, [x](http://evil), <at>) inert", () => {
    for (const q of hostile.knowledge.facts.flatMap((f) => f.questions)) {
      const a = answer(q, hostile);
      expect(a.status, q).not.toBe("unknown");
      check({ kind: "answer", answer: a }, [CONFIGURED_URL], q);
    }
  });

  it("takes a 100,000-character question without throwing or echoing it whole", () => {
    const q = `${"<!channel> what is the ascend chip ".repeat(3000)}`.slice(0, 100_000);
    const a = answer(q, shipped);
    check({ kind: "answer", answer: a }, shippedUrls, q);
    expect(JSON.stringify(renderTeams({ kind: "answer", answer: a })).length).toBeLessThan(28 * 1024);
  });
});

const url = fc.oneof(
  fc.constant(undefined),
  fc.constant(CONFIGURED_URL),
  fc.constantFrom("javascript:alert(1)", "http://evil|x>", "https://a.example/(x) y", "ftp://x"),
);
const citation: fc.Arbitrary<Citation> = fc
  .record({ source: fc.string(), title: hostileText, url, locator: hostileText, quote: hostileText })
  .map(({ url: u, ...c }) => (u === undefined ? c : { ...c, url: u }));
const suggestion = fc.record({
  factId: fc.string({ maxLength: 300 }),
  question: hostileText,
  answer: hostileText,
  citations: fc.array(citation, { maxLength: 2 }),
  confidence: fc.double({ min: 0, max: 1, noNaN: true }),
});
const anyAnswer: fc.Arbitrary<Answer> = fc
  .record({
    status: fc.constantFrom("answered", "suggested", "unknown" as const),
    question: hostileText,
    text: hostileText,
    factId: fc.option(fc.string({ maxLength: 300 }), { nil: undefined }),
    citations: fc.array(citation, { maxLength: 25 }),
    confidence: fc.double({ min: 0, max: 1, noNaN: true }),
    suggestions: fc.array(suggestion, { maxLength: 5 }),
    version: fc.stringMatching(/^[0-9a-f]{12}$/),
    asOf: fc.option(hostileText, { nil: undefined }),
  })
  // What the core can produce: an answered or suggested answer always cites at least one sentence.
  .filter((a) => a.status === "unknown" || a.citations.length > 0)
  .map(({ factId, asOf, ...a }) => ({
    ...a,
    ...(factId === undefined ? {} : { factId }),
    ...(asOf === undefined ? {} : { asOf }),
  }));

describe("the renderers on arbitrary answers (any knowledge text)", () => {
  const urls = [CONFIGURED_URL, new URL(CONFIGURED_URL).href];

  it("Slack and Teams messages stay within limits and carry no live markup", () => {
    fc.assert(
      fc.property(anyAnswer, (a) => check({ kind: "answer", answer: a }, urls, a.question)),
      RUNS,
    );
  });

  it("help, empty and rate-limited replies stay safe with hostile example questions", () => {
    fc.assert(
      fc.property(fc.array(hostileText, { maxLength: 8 }), fc.integer({ min: 1, max: 3600 }), (ex, s) => {
        check({ kind: "help", examples: ex }, urls);
        check({ kind: "empty", examples: ex }, urls);
        check({ kind: "rate-limited", retryAfterSeconds: s }, urls);
      }),
      RUNS,
    );
  });
});
