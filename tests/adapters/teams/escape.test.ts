import { describe, expect, it } from "vitest";
import {
  escapeLines,
  escapeMarkdown,
  plainLine,
  safeUrl,
  truncate,
} from "../../../src/adapters/teams/escape.js";

describe("escapeMarkdown", () => {
  it("leaves ordinary prose alone", () => {
    expect(escapeMarkdown("Huawei’s Pangu models serve 20 sectors, e.g. mining.")).toBe(
      "Huawei’s Pangu models serve 20 sectors, e.g. mining.",
    );
  });

  it.each([
    ["<at>Everyone</at> hi", "&lt;at&gt;Everyone&lt;/at&gt; hi"],
    ['<img src="x" onerror="y">', '&lt;img src="x" onerror="y"&gt;'],
    ["**bold** _it_ ~~s~~ `code`", "\\*\\*bold\\*\\* \\_it\\_ \\~\\~s\\~\\~ \\`code\\`"],
    ["[click](https://evil.example)", "\\[click\\](https\\://evil.example)"],
    ["see https://evil.example/x", "see https\\://evil.example/x"],
    ["visit www.evil.example", "visit www\\.evil.example"],
    ["a fake citation [2]", "a fake citation \\[2\\]"],
    ["{hidden by Teams}", "\\{hidden by Teams\\}"],
    ["already \\*escaped", "already \\\\\\*escaped"],
    ["AT&T &amp; co", "AT&amp;T &amp;amp; co"],
  ])("%s", (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  it.each([
    ["# heading", "\\# heading"],
    ["- item", "\\- item"],
    ["+ item", "\\+ item"],
    ["> quote", "&gt; quote"],
    ["1. first", "1\\. first"],
    ["2) second", "2\\) second"],
  ])("cannot start a block: %s", (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  it("folds newlines so text cannot open a block of its own", () => {
    expect(escapeMarkdown("line one\n# two\n\n> three")).toBe("line one # two &gt; three");
  });

  it("drops control and bidi override characters but keeps emoji, RTL text and joiners", () => {
    expect(escapeMarkdown("a\u0000b\u0007c\u202Ed\u2066e")).toBe("a b c d e");
    expect(escapeMarkdown("مرحبا 👩‍💻 שלום")).toBe("مرحبا 👩‍💻 שלום");
  });
});

describe("plainLine, escapeLines", () => {
  it("plainLine collapses whitespace without escaping", () => {
    expect(plainLine("  a\t\n b *c*  ")).toBe("a b *c*");
  });

  it("escapeLines keeps lines apart as paragraphs and escapes each", () => {
    expect(escapeLines("first *x*\n\nsecond <at>y</at>\n")).toBe(
      "first \\*x\\*\n\nsecond &lt;at&gt;y&lt;/at&gt;",
    );
  });
});

describe("truncate", () => {
  it("keeps short text", () => {
    expect(truncate("short", 10)).toBe("short");
  });

  it("cuts at a word boundary near the end and marks the cut", () => {
    const out = truncate("The Huawei AI strategy has quickly evolved from a defensive pivot", 40);
    expect(out).toBe("The Huawei AI strategy has quickly…");
    expect(out.length).toBeLessThanOrEqual(40);
  });

  it("never splits a surrogate pair", () => {
    const out = truncate("😀".repeat(50), 11);
    expect(out.length).toBeLessThanOrEqual(11);
    expect(out).toBe(`${"😀".repeat(5)}…`);
  });
});

describe("safeUrl", () => {
  it("accepts http(s) and encodes what would end a markdown link", () => {
    expect(safeUrl("https://example.com/a (b)")).toBe("https://example.com/a%20%28b%29");
  });

  it.each(["javascript:alert(1)", "data:text/html,x", "not a url", "", undefined])("refuses %s", (u) => {
    expect(safeUrl(u)).toBeUndefined();
  });
});
