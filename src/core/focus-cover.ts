import type { QuestionAnalysis } from "./question.js";
import { termOf, words } from "./text.js";

/**
 * Does a fact cover the attribute a question asks about (its focus)? Read on what the fact states
 * (quote, answer), never its keywords or example questions: those are what askers might type
 * ("market share" on a fact that states none, "pangu license open?"), not content. Only "biggest"
 * also reads the example questions (a curator's judgement, see below).
 * - numeric attributes (price, market share, revenue, headcount, valuation) need a number in the
 *   quote as well: "share" in "Huawei's share of attention" states no share;
 * - "who runs it" needs the role next to the question's topic: "Nvidia CEO Jensen Huang" does not
 *   answer "Who is Huawei's CEO?" ("X CEO", "X's CEO", "CEO of/at X").
 */

const NUMERIC_FOCUS = new Set(["price", "market share", "revenue", "headcount", "valuation"]);
const ROLE_LINK = new Set(["of", "at", "for", "in"]);

/** A fact's words as index terms, in order (quote and answer, then each example question). */
export function factTermsOf(texts: readonly string[]): string[][] {
  return texts.map((t) => words(t).map(termOf));
}

export function focusCoveredBy(
  analysis: QuestionAnalysis,
  texts: readonly string[][],
  quoteHasNumber: boolean,
  askedTerms: ReadonlySet<string> = new Set(),
): boolean {
  const focus = analysis.focus;
  if (!focus) return true;
  const cover = new Set(focus.terms);
  if (NUMERIC_FOCUS.has(focus.name) && !quoteHasNumber) return false;
  // Only what the fact states (quote and answer, texts[0]): an example question may use a focus word
  // in another sense ("pangu license open?", "who is Huawei going head to head with").
  // "Biggest" is the curator's judgement, not a stated fact: "huawei's biggest weakness" may be an
  // example question of the fact about what it lacks.
  const stated = focus.name === "which is the biggest" ? texts : texts.slice(0, 1);
  if (focus.name !== "who runs it") return stated.some((t) => t.some((w) => cover.has(w)));
  // The topic's words and what the query read them as (synonyms, typo corrections: "nvida" -> nvidia).
  const topic = new Set([...analysis.topic.map(termOf), ...askedTerms].filter((t) => !cover.has(t)));
  if (topic.size === 0) return stated.some((t) => t.some((w) => cover.has(w)));
  return stated.some((t) =>
    t.some((w, i) => {
      if (!cover.has(w)) return false;
      // "huawei cloud ceo", "huawei's ceo": the topic just before the role.
      if (topic.has(t[i - 1] ?? "") || topic.has(t[i - 2] ?? "")) return true;
      // "ceo of huawei", "head of the ascend business".
      if (!ROLE_LINK.has(t[i + 1] ?? "")) return false;
      return t.slice(i + 2, i + 5).some((x) => topic.has(x));
    }),
  );
}
