import { describe, expect, it } from "vitest";
import { codeBlock, escapeMrkdwn, link, mentionUser, truncate } from "../../../src/adapters/slack/escape.js";

describe("escapeMrkdwn", () => {
  it("escapes &, < and > as Slack asks, so markup in text stays text", () => {
    expect(escapeMrkdwn("R&D <b> 1 > 0")).toBe("R&amp;D &lt;b&gt; 1 &gt; 0");
    expect(escapeMrkdwn("<!channel> <!here> <!everyone> <@U123> <#C123|x> <https://x.y|z>")).not.toMatch(/</);
    expect(escapeMrkdwn("&amp;")).toBe("&amp;amp;");
  });

  it("keeps plain @channel, @here and @everyone inert", () => {
    const out = escapeMrkdwn("hey @channel, @HERE and @everyone; mail a@channelfoo.com");
    expect(out).not.toMatch(/@(channel|here|everyone)\b/i);
    expect(out).toContain("a@channelfoo.com");
  });

  it("leaves emoji, right-to-left text and mrkdwn-free text alone", () => {
    expect(escapeMrkdwn("华为 🚀 مرحبا")).toBe("华为 🚀 مرحبا");
  });
});

describe("truncate", () => {
  it("cuts to the limit with an ellipsis and leaves short text alone", () => {
    expect(truncate("abcdef", 4)).toBe("abc…");
    expect(truncate("abc", 3)).toBe("abc");
    expect(truncate("abcdef", 4)).toHaveLength(4);
  });

  it("never splits an emoji or an entity", () => {
    expect(truncate("ab🚀cd", 4)).toBe("ab…");
    expect(truncate(escapeMrkdwn("abc<def"), 6)).toBe("abc…");
  });
});

describe("link, codeBlock, mentionUser", () => {
  it("links only plain http(s) URLs and escapes the label", () => {
    expect(link("https://example.com/a?b=1&c=2", "A <b> | c")).toBe(
      "<https://example.com/a?b=1&amp;c=2|A &lt;b&gt; ¦ c>",
    );
    expect(link("javascript:alert(1)", "x")).toBe("x");
    expect(link("https://example.com/a|b", "x")).toBe("x");
    expect(link("https://example.com/a>b", "x")).toBe("x");
    expect(link(undefined, "<t>")).toBe("&lt;t&gt;");
  });

  it("keeps a fenced code block closed", () => {
    expect(codeBlock("a ``` b <c>")).toBe("```a `\u200b`` b &lt;c&gt;```");
    const cut = codeBlock("&".repeat(1000), 100);
    expect(cut.length).toBeLessThanOrEqual(100);
    expect(cut).toMatch(/^```(&amp;)+…```$/);
  });

  it("mentions only plain Slack user ids", () => {
    expect(mentionUser("U0001ASKER")).toBe("<@U0001ASKER>");
    expect(mentionUser("U1> <!channel")).toBe("U1&gt; &lt;!channel");
  });
});
