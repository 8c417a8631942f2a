import { describe, expect, it } from "vitest";
import { escapeHtml, safeUrl, truncate } from "../../../src/adapters/web/escape.js";
import { renderPage } from "../../../src/adapters/web/page.js";
import {
  addsToQuotes,
  examplesHtml,
  renderAnswerHtml,
  renderReloadHtml,
  renderReplyHtml,
  renderStatusHtml,
  renderVotedHtml,
} from "../../../src/adapters/web/render-html.js";
import { WORDING } from "../../../src/adapters/web/wording.js";
import type { BotReply } from "../../../src/bot/handle.js";
import type { Answer } from "../../../src/core/types.js";
import { ANSWERED, ANSWERED_TWO_SOURCES, SUGGESTED, UNKNOWN } from "../../fixtures/slack/answers.js";

/** Answer -> HTML fragment: the page inserts it as is, so every byte of data must arrive escaped. */

/** Knowledge and question text that tries to become markup in every slot the renderer fills. */
const HOSTILE: Answer = {
  ...ANSWERED,
  question: `"><script>alert('q')</script>`,
  text: `Tom & Jerry <script>alert(1)</script> <img src=x onerror=alert(2)>`,
  factId: `id" onclick="alert(3)`,
  citations: [
    {
      source: "evil",
      title: `<b>Title</b> & "quotes" 'too'`,
      url: "javascript:alert(4)",
      locator: `<i>para</i>`,
      quote: `Quote with </blockquote><script>x()</script> & more > less <`,
    },
  ],
  suggestions: [
    {
      factId: `f" autofocus onfocus="alert(5)`,
      question: `<svg onload=alert(6)>`,
      answer: "",
      citations: [],
      confidence: 0.2,
    },
  ],
  asOf: "<u>2024</u>",
  version: `v"><script>`,
};

/** The tags the renderer itself writes; anything else in its output came from data. */
const OWN_TAGS = new Set([
  "svg",
  "path",
  "article",
  "p",
  "sup",
  "ol",
  "li",
  "blockquote",
  "span",
  "cite",
  "a",
  "code",
  "div",
  "button",
  "pre",
]);

function tagsIn(html: string): string[] {
  return [...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => (m[1] as string).toLowerCase());
}

/** Every attribute value the renderer wrote, decoded the way a browser would read it. */
function attributes(html: string): string[] {
  return [...html.matchAll(/\s([\w-]+)="([^"]*)"/g)].map((m) => `${m[1]}=${m[2]}`);
}

describe("escapeHtml / safeUrl / truncate", () => {
  it("escapes the five characters that matter in content and in quoted attributes", () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;",
    );
  });

  it("keeps only http(s) URLs", () => {
    expect(safeUrl("https://example.com/a?b=1&c=2")).toBe("https://example.com/a?b=1&c=2");
    expect(safeUrl("http://example.com")).toBe("http://example.com/");
    for (const bad of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "data:text/html,x",
      "/relative",
      "",
      undefined,
    ]) {
      expect(safeUrl(bad)).toBeUndefined();
    }
  });

  it("cuts without splitting an emoji", () => {
    expect(truncate("abcdef", 4)).toBe("abc…");
    expect(truncate("ab😀cd", 4)).toBe("ab…");
    expect(truncate("short", 10)).toBe("short");
  });
});

describe("renderAnswerHtml", () => {
  it("turns no data into markup: only the renderer's own tags, no handlers, no script", () => {
    const html = renderAnswerHtml(HOSTILE);
    expect(tagsIn(html).filter((t) => !OWN_TAGS.has(t))).toEqual([]);
    expect(html).not.toMatch(/<script|<img|<svg onload|<b>|<i>|<u>/i);
    expect(attributes(html).filter((a) => /^on/i.test(a) || /autofocus/.test(a.split("=")[0] ?? ""))).toEqual(
      [],
    );
    expect(html).toContain("Tom &amp; Jerry &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;/blockquote&gt;&lt;script&gt;x()&lt;/script&gt; &amp; more &gt; less &lt;");
    expect(html).toContain('data-fact-id="id&quot; onclick=&quot;alert(3)"');
    expect(html).toContain("&lt;b&gt;Title&lt;/b&gt; &amp; &quot;quotes&quot; &#39;too&#39;");
  });

  it("links a source only for an http(s) URL", () => {
    expect(renderAnswerHtml(HOSTILE)).not.toContain("<a ");
    const html = renderAnswerHtml(ANSWERED_TWO_SOURCES);
    expect(html).toContain(
      '<a href="https://example.com/huawei-ai-strategy?utm=a&amp;b=c" rel="noopener noreferrer" target="_blank">',
    );
    expect(html.match(/<a /g)).toHaveLength(1);
  });

  it("shows the answer line with one [n] marker per quote, each quote with its source and locator", () => {
    const html = renderAnswerHtml({ ...ANSWERED_TWO_SOURCES, text: "Yes: Forrester says it leads in 2024." });
    expect(html).toContain('<sup class="mark">[1]</sup><sup class="mark">[2]</sup>');
    expect(html.match(/<blockquote>/g)).toHaveLength(2);
    expect(html).toContain("paragraph 5, sentences 1-2");
    expect(html).toContain("As of 2024-05");
  });

  it("leaves out an answer line that only repeats the quote (issue 13: the same text shown twice)", () => {
    // The shipped CANN fact: its curated answer rephrases the one quoted sentence.
    const html = renderAnswerHtml(ANSWERED);
    expect(html).not.toContain('class="lead"');
    expect(html).toContain("Huawei also created its own CUDA alternative, CANN");
    expect(addsToQuotes(ANSWERED.text, ANSWERED.citations)).toBe(false);
    expect(addsToQuotes(ANSWERED_TWO_SOURCES.text, ANSWERED_TWO_SOURCES.citations)).toBe(false);
    expect(addsToQuotes("Yes, in 2019.", ANSWERED.citations)).toBe(true);
    expect(renderAnswerHtml({ ...ANSWERED, text: "Yes: its own stack, CANN, since 2019." })).toContain(
      'class="lead"',
    );
  });

  it("shows chips in sentence case with a question mark, whatever the phrasing", () => {
    const html = renderAnswerHtml({
      ...SUGGESTED,
      suggestions: [
        {
          factId: "cann",
          question: "  huawei cuda   alternative ",
          answer: "",
          citations: [],
          confidence: 0.4,
        },
      ],
    });
    expect(html).toContain(">Huawei cuda alternative?</button>");
    expect(examplesHtml("Try", ["what is cann"])).toContain(">What is cann?</button>");
  });

  it("offers a comment box after a 👎 that carries what the vote was about, and only thanks for a 👍", () => {
    expect(renderVotedHtml("up", { answerId: "a1" })).toBe(
      `<p class="note">${escapeHtml(WORDING.thanks.up)}</p>`,
    );
    const down = renderVotedHtml("down", { answerId: "a1", factId: `f"x`, version: "v1" });
    expect(down).toContain(
      '<form class="comment" data-answer-id="a1" data-fact-id="f&quot;x" data-version="v1">',
    );
    expect(down).toContain(`<textarea name="comment" rows="2" maxlength="1000"`);
    expect(down).toContain(escapeHtml(WORDING.comment.label));
  });

  it("hedges a suggested answer and offers its suggestions as chips", () => {
    const html = renderAnswerHtml(SUGGESTED);
    expect(html).toContain(escapeHtml(WORDING.suggested));
    expect(html).toContain(escapeHtml(WORDING.orDidYouMean));
    expect(html).toContain(
      'class="chip" data-fact-id="ascend-910c-rollout" data-question="What is the Ascend 910C?"',
    );
  });

  it("says it does not know, quotes nothing, and offers what came closest", () => {
    const html = renderAnswerHtml({ ...UNKNOWN, citations: ANSWERED.citations });
    expect(html).toContain(escapeHtml(WORDING.unknown));
    expect(html).toContain(escapeHtml(WORDING.didYouMean));
    expect(html).not.toContain("<blockquote>");
    expect(html.match(/class="chip"/g)).toHaveLength(2);
  });

  it("carries what feedback needs on both vote buttons", () => {
    const html = renderAnswerHtml(ANSWERED);
    expect(html).toContain(
      'data-vote="up" data-version="c479c3a53313" data-status="answered" data-fact-id="cann-cuda-alternative" data-question="what is CANN?"',
    );
    expect(html).toContain('data-vote="down"');
  });

  it.each([
    ["answered", ANSWERED_TWO_SOURCES],
    ["suggested", SUGGESTED],
    ["unknown", UNKNOWN],
    ["hostile", HOSTILE],
  ])("matches the snapshot: %s", (_name, a) => {
    // One block element per line, so a changed snapshot reads as a diff of parts.
    expect(
      renderAnswerHtml(a).replace(/(<\/(?:p|li|ol|div|blockquote)>|<ol[^>]*>|<div[^>]*>)/g, "$1\n"),
    ).toMatchSnapshot();
  });
});

describe("renderReplyHtml and admin reports", () => {
  it("renders a refused reload as an error report with the problems, escaped", () => {
    const html = renderReloadHtml({
      ok: false,
      problems: [],
      message: "k.yaml:3:1 <bad> & broken",
      serving: "abc123",
      ms: 4,
    });
    expect(html).toContain('class="report report-error"');
    expect(html).toContain(escapeHtml(WORDING.reloadFailed));
    expect(html).toContain("Reload refused; still serving abc123.\nk.yaml:3:1 &lt;bad&gt; &amp; broken");
  });

  it("renders status with the last reload error", () => {
    const html = renderStatusHtml({
      file: "/k.yaml",
      version: "v1",
      title: "T",
      facts: 3,
      curatedFacts: 2,
      sentences: 9,
      sources: 1,
      loadedAt: "2026-01-01T00:00:00.000Z",
      lastError: { at: "2026-01-02T00:00:00.000Z", message: "<oops>" },
    });
    expect(html).toContain("report-error");
    expect(html).toContain("Last reload error (2026-01-02T00:00:00.000Z):\n&lt;oops&gt;");
  });

  it("sends admin commands typed in the chat to the admin panel, and examples as ask chips", () => {
    expect(renderReplyHtml({ kind: "refused", command: "reload" })).toContain("Admin panel");
    const html = renderReplyHtml({ kind: "empty", examples: ["What is <CANN>?"] });
    expect(html).toContain('data-ask="What is &lt;CANN&gt;?"');
  });

  it("falls back to a plain note for replies it does not know (a retry hint when there is one)", () => {
    const limited = { kind: "rate-limited", retryAfterSeconds: 7 } as unknown as BotReply;
    expect(renderReplyHtml(limited)).toContain(escapeHtml(WORDING.rateLimited(7)));
  });
});

describe("renderPage", () => {
  it("escapes the title and version and loads nothing inline or from elsewhere", () => {
    const html = renderPage({ title: "<T&>", version: `"v"`, examples: ["<e>"], adminNeedsToken: true });
    expect(html).toContain("<h1>&lt;T&amp;&gt;</h1>");
    expect(html).toContain("&quot;v&quot;");
    expect(html).toContain('data-ask="&lt;e&gt;"');
    expect(html).not.toMatch(/<script>|<style|\sstyle=|\son\w+=|https?:\/\/(?!www\.w3\.org)/);
    expect(html).toContain('<script src="/web/app.js" defer></script>');
    expect(html).toContain('<label for="question"');
    expect(html).toContain('role="log" aria-live="polite"');
  });
});
