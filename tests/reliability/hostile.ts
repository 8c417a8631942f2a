import fc from "fast-check";
import { buildIndex, type SearchIndex } from "../../src/core/index-build.js";
import { loadKnowledgeText } from "../../src/knowledge/load.js";

/** Hostile text for the property tests, and a knowledge file that carries it in every field it can. */

export const INJECTIONS = [
  "<!channel>",
  "<!here>",
  "<!everyone>",
  "@channel",
  "@here everyone",
  "<@U123>",
  "<@U0001ASKER|ada>",
  "<#C1>",
  "<#C1|general>",
  "<!subteam^S1>",
  "[x](http://evil)",
  "[1](https://evil.example/)",
  "![img](http://evil/x.png)",
  "<http://evil|click>",
  "<https://evil.example>",
  "<at>x</at>",
  "<script>alert(1)</script>",
  '<a href="http://evil">x</a>',
  "<img src=x onerror=alert(1)>",
  "```",
  "*bold* _it_ ~s~ `c`",
  "# heading",
  "1. list",
  "> quote",
  "www.evil.example",
  "https://evil.example/x",
  "&lt;!channel&gt;",
  "\\<!channel>",
  "\u202eRTL override\u202c",
  "\u0000\u0007\u001b[31m\u007f",
  "مرحبا بالعالم",
  "שלום עולם",
  "👩‍👩‍👧‍👦🏳️‍🌈",
  "\ud800",
  "\r\n\r\n",
];

const injection = fc.constantFrom(...INJECTIONS);
const mixed = fc
  .array(fc.oneof(injection, fc.string({ unit: "binary", maxLength: 40 }), fc.string({ unit: "grapheme" })), {
    maxLength: 12,
  })
  .map((parts) => parts.join(" "));
const huge = fc
  .tuple(
    fc.oneof(injection, fc.string({ unit: "binary", minLength: 1, maxLength: 8 })),
    fc.integer({ min: 500, max: 20_000 }),
  )
  .map(([s, n]) => s.repeat(Math.ceil(n / Math.max(1, s.length))));

/** Any text a user or a knowledge file might hold: plain, binary, injection strings, huge. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: mixed },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 300 }) },
  { weight: 1, arbitrary: injection },
  { weight: 1, arbitrary: huge },
);

export const CONFIGURED_URL = "https://example.com/memo";

/** A knowledge file (JSON) with injection text in a source sentence, a fact answer and example questions. */
export function hostileKnowledge(): SearchIndex {
  const evil = "Huawei told <!channel> and <@U123> in <#C1> to read [x](http://evil) and <at>x</at> now.";
  const rtl = "The \u202eAscend\u202c chip ships with <script>alert(1)</script> markup.";
  const file = {
    version: 1,
    title: "Hostile <!here> [memo](http://evil)",
    sources: [
      {
        id: "memo",
        title: "Memo <!everyone> *bold* [t](http://evil)",
        url: CONFIGURED_URL,
        text: `${evil} ${rtl}\n\nCANN supports developers @here with 👩‍👩‍👧‍👦 tools.`,
      },
      { id: "bare", title: "<@U999> no url", text: "Plain sentence about revenue <!channel> growth." },
    ],
    facts: [
      {
        id: "evil-fact",
        answer: "Read [this](http://evil) <!channel> <@U123> <#C1|x> <at>Ada</at> & more.",
        questions: ["What did Huawei tell <!channel>?", "<@U123> [x](http://evil) what to read"],
        keywords: ["<!here>", "channel"],
        cite: [{ source: "memo", quote: evil }],
      },
      {
        id: "rtl",
        answer: rtl,
        questions: ["Which chip ships with <script>?"],
        cite: [{ source: "memo", quote: rtl }],
      },
      {
        id: "revenue",
        questions: ["revenue <!channel> growth?"],
        cite: [{ source: "bare", quote: "Plain sentence about revenue <!channel> growth." }],
      },
    ],
  };
  const r = loadKnowledgeText(JSON.stringify(file), "hostile.json");
  if (!r.ok) throw new Error(`hostile knowledge did not load: ${JSON.stringify(r.problems)}`);
  return buildIndex(r.knowledge);
}
