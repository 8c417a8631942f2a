import { describe, expect, it } from "vitest";
import { WORDING as SAY } from "../../src/bot/wording.js";
import { renderReplyText } from "../../src/cli/render-reply.js";
import { renderText } from "../../src/cli/render-text.js";
import type { Answer } from "../../src/core/types.js";

/** The terminal says what every surface says (src/bot/wording.ts), for every kind of reply. */

const base: Answer = {
  status: "suggested",
  question: "Who runs Huawei Cloud?",
  text: "Huawei Cloud runs the company's AI data centers.",
  citations: [{ source: "s", title: "T", locator: "paragraph 1, sentence 1", quote: "Huawei Cloud runs…" }],
  confidence: 0.6,
  suggestions: [],
  version: "v1",
};

describe("the terminal chat's replies", () => {
  it("answers a greeting and thanks in kind (it used to say something went wrong)", () => {
    const hi = renderReplyText({ kind: "small-talk", talk: "greeting", examples: ["What is CANN?"] });
    expect(hi).toContain(SAY.smallTalk.greeting);
    expect(hi).toContain("What is CANN?");
    expect(hi).not.toContain(SAY.failed);
    expect(renderReplyText({ kind: "small-talk", talk: "thanks", examples: [] })).toBe(SAY.smallTalk.thanks);
  });

  it("says what the knowledge does not state before a hedged answer, and instead of 'I don't know'", () => {
    const gap = { topic: "Huawei Cloud", missing: "who runs it" };
    const hedged = renderText({ ...base, gap });
    expect(hedged.split("\n").slice(0, 2)).toEqual([SAY.notKnown(gap), SAY.suggested]);
    const unknown = renderText({ ...base, status: "unknown", text: "", citations: [], gap });
    expect(unknown.split("\n")[0]).toBe("I know about Huawei Cloud, but not who runs it.");
    expect(renderText({ ...base, status: "unknown", text: "", citations: [] })).toContain(SAY.unknown);
  });
});
