import { describe, expect, it } from "vitest";
import { readFeedbackValue, readShareValue } from "../../../src/adapters/slack/actions.js";
import {
  type Block,
  blockTextLength,
  LIMITS,
  type SlackMessage,
} from "../../../src/adapters/slack/blocks.js";
import { renderAnswer, renderReply, renderThanks } from "../../../src/adapters/slack/render.js";
import { WORDING } from "../../../src/adapters/slack/wording.js";
import type { BotReply } from "../../../src/bot/handle.js";
import { WORDING as SAY } from "../../../src/bot/wording.js";
import type { Answer } from "../../../src/core/types.js";
import { ANSWERED, ANSWERED_TWO_SOURCES, HOSTILE, SUGGESTED, UNKNOWN } from "../../fixtures/slack/answers.js";

/** Every text Slack would parse as mrkdwn: section and context texts and the fallback. */
function mrkdwnTexts(m: SlackMessage): string[] {
  const out = [m.text];
  for (const b of m.blocks) {
    if (b.type === "section") out.push(b.text.text);
    if (b.type === "context") out.push(...b.elements.map((e) => e.text));
  }
  return out;
}

function buttons(m: SlackMessage) {
  return m.blocks.flatMap((b) => (b.type === "actions" ? b.elements : []));
}

/** Asserts Slack's limits hold for a rendered message. */
function expectWithinLimits(m: SlackMessage): void {
  expect(m.blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
  expect(m.blocks.reduce((n: number, b: Block) => n + blockTextLength(b), 0)).toBeLessThanOrEqual(
    LIMITS.totalText,
  );
  expect(m.text.length).toBeGreaterThan(0);
  expect(m.text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
  for (const b of m.blocks) {
    if (b.type === "section") expect(b.text.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
    if (b.type === "context") {
      expect(b.elements.length).toBeLessThanOrEqual(LIMITS.contextElements);
      for (const e of b.elements) expect(e.text.length).toBeLessThanOrEqual(LIMITS.contextText);
    }
    if (b.type === "actions") {
      expect(b.elements.length).toBeLessThanOrEqual(LIMITS.actionsElements);
      for (const e of b.elements) {
        expect(e.text.text.length).toBeLessThanOrEqual(LIMITS.buttonText);
        expect(e.value.length).toBeLessThanOrEqual(LIMITS.buttonValue);
      }
    }
  }
}

describe("renderAnswer", () => {
  it("renders an answer: answer line with markers, block quotes, sources and version, feedback", () => {
    const m = renderAnswer(ANSWERED, { surface: "message" });
    expect(m).toMatchSnapshot();
    expectWithinLimits(m);
  });

  it("links sources that have a URL, lists locators, the as-of date and the version", () => {
    const m = renderAnswer(ANSWERED_TWO_SOURCES, { surface: "message" });
    expect(m).toMatchSnapshot();
    const context = m.blocks.find((b) => b.type === "context");
    expect(context).toMatchObject({
      elements: [
        {
          text:
            "[1] <https://example.com/huawei-ai-strategy?utm=a&amp;b=c|Huawei AI Strategy: From Sanctions to Global AI Expansion>, paragraph 5, sentences 1-2\n" +
            "[2] Analyst note, section 2",
        },
        { text: "Knowledge `c479c3a53313` · As of 2024-05" },
      ],
    });
  });

  it("hedges a suggested answer and offers the other suggestions as buttons", () => {
    const m = renderAnswer(SUGGESTED, { surface: "message" });
    expect(m).toMatchSnapshot();
    expect(mrkdwnTexts(m)[1]).toMatch(/^_I'm not sure, but this may answer it:_\n/);
    expect(buttons(m)[0]).toMatchObject({ action_id: "strategy_suggest_0", value: "ascend-910c-rollout" });
  });

  it("says honestly when it does not know, with suggestions as buttons (labels within 75 characters)", () => {
    const m = renderAnswer(UNKNOWN, { surface: "message" });
    expect(m).toMatchSnapshot();
    expect(m.text).toBe(WORDING.unknown);
    const [first, second] = buttons(m);
    expect(first).toMatchObject({ action_id: "strategy_suggest_0", value: "pangu-models" });
    expect(second?.action_id).toBe("strategy_suggest_1");
    expect(second?.text.text).toHaveLength(75);
    expect(second?.text.text.endsWith("…")).toBe(true);
    expectWithinLimits(m);
  });

  it("adds Share in channel to an ephemeral answer, carrying the question and the fact", () => {
    const m = renderAnswer(ANSWERED, { surface: "ephemeral" });
    const share = buttons(m).find((b) => b.action_id === "strategy_share");
    expect(share?.text.text).toBe("Share in channel");
    expect(readShareValue(share?.value)).toEqual({
      question: "what is CANN?",
      factId: "cann-cuda-alternative",
    });
    // A hedged answer is shared by asking again, not as the fact it guessed.
    const hedged = buttons(renderAnswer(SUGGESTED, { surface: "ephemeral" })).find(
      (b) => b.action_id === "strategy_share",
    );
    expect(readShareValue(hedged?.value)).toEqual({ question: "huawei chips" });
    // Nothing to share when the bot does not know.
    expect(buttons(renderAnswer(UNKNOWN, { surface: "ephemeral" })).map((b) => b.action_id)).not.toContain(
      "strategy_share",
    );
  });

  it("puts fact id, knowledge version and status in the feedback buttons", () => {
    const [up, down] = buttons(renderAnswer(ANSWERED, { surface: "message" }));
    expect(up?.action_id).toBe("strategy_feedback_up");
    expect(down?.action_id).toBe("strategy_feedback_down");
    expect(readFeedbackValue(up?.value)).toEqual({
      factId: "cann-cuda-alternative",
      version: "c479c3a53313",
      status: "answered",
    });
  });

  it("heads a shared answer with who asked what", () => {
    const m = renderAnswer(ANSWERED, {
      surface: "shared",
      sharedBy: "U0001ASKER",
      question: "what is CANN?",
    });
    expect(m.blocks[0]).toEqual({
      type: "context",
      elements: [{ type: "mrkdwn", text: "<@U0001ASKER> asked: what is CANN?", verbatim: true }],
    });
  });

  it("escapes all knowledge and question text: no broadcast, mention, channel or injected link survives", () => {
    const m = renderAnswer(HOSTILE, {
      surface: "shared",
      sharedBy: "U0001ASKER",
      question: HOSTILE.question,
    });
    expect(m).toMatchSnapshot();
    const texts = mrkdwnTexts(m);
    // The one mention is the sharer, built from a Slack user id, not from any text.
    expect(texts.join("\n").replace("<@U0001ASKER> asked:", "")).not.toMatch(/<[!@#]|<https?:|<javascript:/);
    expect(texts.join("\n")).not.toMatch(/@(channel|here|everyone)\b/i);
    for (const b of m.blocks) {
      if (b.type !== "actions") expect(JSON.stringify(b)).toContain('"verbatim":true');
    }
  });

  it("truncates gracefully: huge text and many long quotes stay within Slack's limits", () => {
    const long = "Huawei builds AI chips & clouds. ".repeat(400);
    const huge: Answer = {
      ...ANSWERED,
      text: long,
      citations: Array.from({ length: 30 }, (_, i) => ({
        source: `s${i}`,
        title: "T".repeat(400),
        url: `https://example.com/${"x".repeat(600)}`,
        locator: "L".repeat(300),
        quote: long,
      })),
      suggestions: Array.from({ length: 40 }, (_, i) => ({
        factId: `f${i}`.repeat(600),
        question: "Q".repeat(500),
        answer: "",
        citations: [],
        confidence: 0.2,
      })),
      question: "q".repeat(100_000),
    };
    for (const surface of ["message", "ephemeral", "shared"] as const) {
      const m = renderAnswer(huge, { surface, sharedBy: "U0001ASKER" });
      expectWithinLimits(m);
      expect(mrkdwnTexts(m).some((t) => t.includes("…"))).toBe(true);
      expect(m.blocks.at(-1)?.type).toBe("actions");
    }
  });
});

describe("renderReply", () => {
  const examples = [
    "What is Huawei's AI strategy in a nutshell?",
    "What is CANN?",
    "Who uses <Pangu> & why?",
  ];

  it("explains usage with example questions for help", () => {
    const m = renderReply({ kind: "help", examples }, { surface: "ephemeral" });
    expect(m).toMatchSnapshot();
    expect(mrkdwnTexts(m).join("\n")).toContain("• Who uses &lt;Pangu&gt; &amp; why?");
    // Nothing in help is markup: a bare "<question>" would be read as a link.
    expect(mrkdwnTexts(m).join("\n")).not.toContain("<");
  });

  it("offers examples for an empty question", () => {
    expect(renderReply({ kind: "empty", examples }, { surface: "message" })).toMatchSnapshot();
  });

  it("refuses admin commands politely", () => {
    const m = renderReply({ kind: "refused", command: "reload" }, { surface: "ephemeral" });
    expect(m.text).toBe(WORDING.refused("reload"));
    expect(m.text).toMatch(/^Sorry, only the bot's admins can run "reload"/);
  });

  it("reports a reload, and a refused reload with the precise error in a code block", () => {
    const ok: BotReply = {
      kind: "reload",
      result: {
        ok: true,
        version: "bbbbbbbbbbbb",
        previousVersion: "aaaaaaaaaaaa",
        added: ["new-fact"],
        removed: [],
        changed: ["cann-cuda-alternative"],
        facts: 45,
        sentences: 54,
        ms: 12,
      },
    };
    expect(renderReply(ok, { surface: "ephemeral" })).toMatchSnapshot();
    const failed: BotReply = {
      kind: "reload",
      result: {
        ok: false,
        problems: [],
        message:
          'knowledge.yaml:240:11: fact "cann-cuda-alternative": quote not found in source "huawei-ai-strategy"\n  -> quote whole sentences verbatim; the closest sentence is: "Huawei also created <its> own CUDA alternative"',
        serving: "aaaaaaaaaaaa",
        ms: 9,
      },
    };
    const m = renderReply(failed, { surface: "ephemeral" });
    expect(m).toMatchSnapshot();
    expect(mrkdwnTexts(m)[1]).toMatch(/^:warning: \*Reload refused; still serving aaaaaaaaaaaa\.\*$/);
    expect(mrkdwnTexts(m)[2]).toContain("```knowledge.yaml:240:11: fact");
    expect(mrkdwnTexts(m)[2]).toContain("&lt;its&gt;");
  });

  it("shows status", () => {
    const m = renderReply(
      {
        kind: "status",
        status: {
          file: "/srv/knowledge.yaml",
          version: "aaaaaaaaaaaa",
          title: "Huawei AI strategy",
          facts: 44,
          curatedFacts: 44,
          sentences: 54,
          sources: 1,
          loadedAt: "2025-01-02T03:04:05.000Z",
        },
      },
      { surface: "message" },
    );
    expect(m).toMatchSnapshot();
  });

  it("thanks for feedback", () => {
    expect(renderThanks("up").text).toBe(`${SAY.vote.thanksUp} 👍`);
    expect(renderThanks("down").text).toMatch(/^Thanks for the feedback\./);
  });
});
