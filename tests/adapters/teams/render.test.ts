import { describe, expect, it } from "vitest";
import { renderAnswer, renderReply, type TeamsReply, WORDING } from "../../../src/adapters/teams/render.js";
import type { Answer, Citation, Suggestion } from "../../../src/core/types.js";
import type { ReloadResult, StoreStatus } from "../../../src/knowledge/store.js";

const SOURCE = "Huawei AI Strategy: From Sanctions to Global AI Expansion";

const cite = (quote: string, locator: string, extra: Partial<Citation> = {}): Citation => ({
  source: "huawei-ai-strategy",
  title: SOURCE,
  locator,
  quote,
  ...extra,
});

const suggestion = (factId: string, question: string): Suggestion => ({
  factId,
  question,
  answer: "…",
  citations: [],
  confidence: 0.2,
});

const answered: Answer = {
  status: "answered",
  question: "What is CANN?",
  text: "Huawei created CANN, its own CUDA alternative, to support AI development within its ecosystem.",
  factId: "cann-cuda-alternative",
  citations: [
    cite(
      "Huawei also created its own CUDA alternative, CANN, to support AI development within its ecosystem.",
      "paragraph 5, sentence 3",
      { url: "https://example.com/huawei-ai-strategy" },
    ),
    cite("It now competes directly with global leaders like Nvidia.", "paragraph 1, sentence 3"),
  ],
  confidence: 0.948,
  suggestions: [],
  version: "c479c3a53313",
  asOf: "2025-06",
};

const suggested: Answer = {
  ...answered,
  status: "suggested",
  confidence: 0.41,
  citations: [answered.citations[1] as Citation],
  asOf: undefined,
  suggestions: [suggestion("ascend-910-launch", "When did Huawei launch the Ascend 910?")],
};
delete suggested.asOf;

const unknown: Answer = {
  status: "unknown",
  question: "what is the weather in paris",
  text: "",
  citations: [],
  confidence: 0.17,
  suggestions: [
    suggestion("full-ai-value-chain", "Which parts of the AI value chain does Huawei cover?"),
    suggestion("pangu-industries", "Which industries does Pangu serve?"),
  ],
  version: "c479c3a53313",
};

const hostile: Answer = {
  ...answered,
  text: "<at>Everyone</at> **urgent** [1] see [here](https://evil.example) {x}",
  citations: [
    cite("# Heading\n> quote <img src=x onerror=alert(1)> https://evil.example", "paragraph 1, sentence 1", {
      title: "Title with _under_scores_ and [brackets](javascript:alert(1))",
      url: "javascript:alert(1)",
    }),
  ],
};

const long: Answer = {
  ...answered,
  citations: [
    cite("word ".repeat(60).trim(), "paragraph 12, sentences 1-3", {
      title: "A source title that is considerably longer than the eighty characters Teams allows for a name",
    }),
  ],
};

describe("renderAnswer", () => {
  it.each([
    ["answered, two citations, one with a URL", answered],
    ["suggested, with a 'did you mean' button", suggested],
    ["unknown, with suggestion buttons", unknown],
    ["unknown, nothing close", { ...unknown, suggestions: [] }],
    ["hostile knowledge text", hostile],
    ["long quote and title", long],
  ])("%s", (_name, a) => {
    expect(renderAnswer(a)).toMatchSnapshot();
  });

  it("puts one schema.org Message entity with one Claim per [n] marker", () => {
    const out = renderAnswer(answered);
    expect(out.text).toContain("[1] [2]");
    expect(out.entities).toHaveLength(1);
    expect(out.entities?.[0]?.citation.map((c) => c.position)).toEqual([1, 2]);
    expect(out.entities?.[0]?.citation[0]?.appearance.url).toBe("https://example.com/huawei-ai-strategy");
    expect(out.entities?.[0]?.citation[1]?.appearance).not.toHaveProperty("url");
  });

  it("keeps citation name ≤ 80 and abstract ≤ 160 characters", () => {
    const claim = renderAnswer(long).entities?.[0]?.citation[0];
    expect(claim?.appearance.name.length).toBeLessThanOrEqual(80);
    expect(claim?.appearance.name).toMatch(/paragraph 12, sentences 1-3$/);
    expect(claim?.appearance.abstract.length).toBeLessThanOrEqual(160);
    expect(claim?.appearance.abstract.endsWith("…")).toBe(true);
  });

  it("lets no knowledge text ping, link or add a citation marker", () => {
    const out = renderAnswer(hostile);
    expect(out.text).not.toMatch(/<at>|<img|(?<!\\)\]\(|https?:\/\//);
    expect(out.text.match(/(?<!\\)\[\d+\]/g)).toEqual(["[1]"]);
    expect(out.text).not.toMatch(/^#|\n#|\n>/);
    expect(out.entities?.[0]?.citation[0]?.appearance).not.toHaveProperty("url");
  });

  it("adds no AI-generated label: these are verbatim quotes", () => {
    expect(JSON.stringify(renderAnswer(answered))).not.toContain("additionalType");
  });
});

const reload: ReloadResult = {
  ok: true,
  version: "d00d",
  previousVersion: "c479c3a53313",
  added: ["new-fact"],
  removed: [],
  changed: ["cann-cuda-alternative"],
  facts: 45,
  sentences: 54,
  ms: 12,
};
const refusedReload: ReloadResult = {
  ok: false,
  problems: [],
  message: "knowledge/huawei.yaml:12:5 fact cann_*x*: quote not found in source <at>x</at>",
  serving: "c479c3a53313",
  ms: 3,
};
const status: StoreStatus = {
  file: "/srv/knowledge/huawei_ai.yaml",
  version: "c479c3a53313",
  title: "Huawei AI strategy",
  facts: 44,
  curatedFacts: 30,
  sentences: 54,
  sources: 1,
  loadedAt: "2025-01-15T10:00:00.000Z",
};

const replies: [string, TeamsReply][] = [
  [
    "welcome in a channel",
    {
      kind: "welcome",
      title: "Huawei AI strategy",
      examples: ["What is CANN?", "Who leads?", "Why?"],
      mentionHint: true,
    },
  ],
  ["welcome in a personal chat", { kind: "welcome", title: "Huawei *AI*", examples: [], mentionHint: false }],
  ["help", { kind: "help", examples: ["What is CANN?"] }],
  ["empty", { kind: "empty", examples: ["What is CANN?"] }],
  ["refused", { kind: "refused", command: "reload" }],
  ["reload ok", { kind: "reload", result: reload }],
  ["reload refused", { kind: "reload", result: refusedReload }],
  ["status", { kind: "status", status }],
  ["feedback up", { kind: "feedback", feedback: "up" }],
  ["feedback down", { kind: "feedback", feedback: "down" }],
];

describe("renderReply", () => {
  it.each(replies)("%s", (_name, reply) => {
    expect(renderReply(reply)).toMatchSnapshot();
  });

  it("refuses politely, naming the command", () => {
    expect(renderReply({ kind: "refused", command: "status" }).text).toBe(WORDING.refused("status"));
  });
});
