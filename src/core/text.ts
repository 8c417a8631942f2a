import { stemmer } from "stemmer";

/**
 * Text normalisation shared by indexing and questions, so both sides of a match see the same terms.
 */

// Chat platforms wrap mentions and links in markup; none of it is part of the question.
const SLACK_MARKUP = /<[@#!][^>]*>/g;
const TEAMS_AT = /<at>[^<]*<\/at>/gi;
const HTML_TAG = /<\/?[a-z][^>]*>/gi;

// Characters that render as nothing: zero-width space/joiners (U+200B-U+200D), word joiner (U+2060),
// BOM (U+FEFF), soft hyphen (U+00AD), bidi marks and embeddings (U+200E/F, U+202A-E, U+2066-9). Pasted
// from chat or PDFs they split words invisibly: "CA\u200bNN" must read as "CANN". NFKC keeps them.
export const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

const ASCII = /^[^\u0080-\uFFFF]*$/;

/** Unicode-normalise and fold quotes, dashes and case, so "Huawei’s" and "Huawei's" compare equal. */
export function foldText(s: string): string {
  // Most text is plain ASCII (every sentence of a big source is folded at load): NFKC and the
  // Unicode replacements below change nothing there but the backtick, so skip them.
  if (ASCII.test(s))
    return s
      .replace(/\u0060/g, "'")
      .replace(/\s+/g, " ")
      .trim();
  return s
    .replace(INVISIBLE, "")
    .normalize("NFKC")
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\u2026/g, "...")
    .replace(/\s+/g, " ")
    .trim();
}

/** Remove platform markup (mentions, Teams <at> tags, HTML) from a chat message. */
export function stripMarkup(s: string): string {
  // Every markup form starts with "<": most text (every indexed sentence) has none.
  if (!s.includes("<")) return s;
  return s.replace(TEAMS_AT, " ").replace(SLACK_MARKUP, " ").replace(HTML_TAG, " ");
}

// Words that carry no topic. Question words are dropped too: the intent they carry is not in the index.
export const STOPWORD_LIST: readonly string[] =
  `a about above after again against all am an and any are aren't as at be because been before being below
between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each
few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself
him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself let's me more most mustn't
my myself no nor not of off on once only or other ought our ours ourselves out over own same shan't she she'd
she'll she's should shouldn't so some such than that that's the their theirs them themselves then there
there's these they they'd they'll they're they've this those through to too under until up very was wasn't we
we'd we'll we're we've were weren't what what's when when's where where's which while who who's whom why why's
with won't would wouldn't you you'd you'll you're you've your yours yourself yourselves also just now us tell
please know explain whats hey hi hello thanks thank quick q question does did really much many
instead actually basically specifically exactly anyway stuff wondering curious hearing thing things like kinda
sorta something anything`.split(/\s+/);
const STOPWORDS = new Set(STOPWORD_LIST);

const WORD = /[\p{L}\p{N}]+(?:['.][\p{L}\p{N}]+)*/gu;

/** Lower-cased surface words of a text, before stopword removal and stemming. */
export function words(s: string): string[] {
  const folded = foldText(stripMarkup(s));
  const out: string[] = [];
  for (const m of folded.matchAll(WORD)) {
    // An upper-case "US" is the country, not the pronoun: give it the same term as "U.S.".
    let w = m[0] === "US" ? "u.s" : m[0].toLowerCase();
    // Possessives and contractions: "huawei's" -> "huawei", "isn't" stays a stopword.
    if (w.endsWith("'s")) w = w.slice(0, -2);
    // Dotted runs stay one term: "U.S." -> "u.s" (not the pronoun "us"), "5.5G" -> "5.5g".
    out.push(w);
  }
  return out;
}

/** `s` as a literal inside a RegExp: "gpt-4.5" matches itself, not "gpt-4x5". */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function isStopword(w: string): boolean {
  return STOPWORDS.has(w);
}

/** Index term for a surface word: Porter stem, with tokens containing digits or dots kept whole. */
export function termOf(w: string): string {
  if (/[\d.']/.test(w)) return w;
  return stemmer(w);
}

/** Topic terms of a text: words minus stopwords, stemmed. */
export function terms(s: string): string[] {
  const out: string[] = [];
  for (const w of words(s)) {
    if (!isStopword(w)) out.push(termOf(w));
  }
  return out;
}
