import type { AnswerType } from "./question.js";
import { escapeRegExp } from "./text.js";

/**
 * Answer-type checks on a fact's quoted text: does it hold the kind of thing the question asks for?
 * Small patterns, computed once per fact and cached by the scorer as a bitmask.
 */

// Months capitalised only: "may" is mostly the verb.
const MONTH =
  /\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b/;
const DATE =
  /\b(1[0-9]{3}|20[0-9]{2})s?\b|\b\d+(st|nd|rd|th)?[- ]centur(y|ies)\b|\b(centur(y|ies)|decades?|ago|era|dynasty|reign|yesterday|last year|this year)\b/i;
const NUMBER_WORDS =
  "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fifteen|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|billions|dozen|dozens|several|half|single|double|triple|few|many|majority|minority|number";
const NUMBER = new RegExp(`\\d|\\b(${NUMBER_WORDS})\\b`, "i");
/**
 * An amount: a number with its currency, scale or unit beside it ("362 billion yuan", "$5", "12%").
 * An amount word anywhere and a number anywhere is not one: "top revenue source" and "In 2023".
 */
const AMOUNT_NEAR =
  /[$€£¥]\s?\d|\d[\d,.]*\s*(%|percent\b|per cent\b|(billion|million|trillion|thousand|bn|yuan|dollars?|euros?|pounds?|usd|rmb|tons?|tonnes?|km|miles|kilometres|kilometers|metres|meters|feet|acres|square)\b)|\b(hundreds|thousands|millions|billions) of (dollars|yuan|euros|pounds)\b/i;
// Not inside a hyphenated word: "general-purpose tools" gives no purpose.
const REASON =
  /(?<![\w-])(because|due to|owing to|so that|in order to|as a result|result of|reason|reasons|goal|aim|aims|purpose|intended|meant to|forced|had to|in response|thanks to|driven by|led to|lead to|caused|cause|since|therefore|thus|hence|pressure|to (encourage|help|support|grow|build|reduce|avoid|prevent|protect|ensure|compete|replace|allow|enable|make|gain|win|attract|boost|promote|expand))\b/i;
const PLACE_WORDS =
  /\b(china|chinese|africa|african|asia|asian|europe|european|america|american|latin|pacific|india|japan|russia|germany|france|britain|england|london|paris|beijing|shenzhen|shanghai|u\.s|usa|united states|country|countries|city|cities|region|regions|province|state|states|world|global|globally|abroad|overseas|domestic|market|markets|north|south|east|west|central|island|river|coast|capital|belt and road)\b/i;
const PLACE_PREP = /\b(in|at|from|across|to|near|throughout|into|within|outside)\s+(the\s+)?[A-Z][a-z]/;
// Capitalised words that are not names: sentence openers and common acronyms.
const NOT_NAMES = new Set(
  "The A An It Its In On At Of For From By With And But Or As This That These Those They Their He She His Her We Our However Despite Once Unlike Of Analysts AI ICT GPU CPU 5G January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split(
    " ",
  ),
);

export const TYPE_BIT: Record<AnswerType, number> = {
  entity: 1,
  date: 2,
  place: 4,
  number: 8,
  amount: 16,
  reason: 32,
};

/**
 * Capitalised words of a text that look like names (not first word of a sentence, not a known opener).
 * `known` (lower case): names the curator listed (keywords), counted even when they open a sentence
 * ("Forrester analysts noted…").
 */
export function nameWords(text: string, known?: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(^|[^.!?]\s|["“(]\s?)?([A-Z][\p{L}\d]*(?:[-.][\p{L}\d]+)*)/gu)) {
    const w = m[2] as string;
    if (NOT_NAMES.has(w) || w.length < 2) continue;
    const at = m.index + (m[1]?.length ?? 0);
    const before = text.slice(Math.max(0, at - 2), at);
    // The first word of a sentence is capitalised anyway: only count it if the next word is too.
    const sentenceStart = at === 0 || /[.!?]\s$/.test(before);
    if (sentenceStart && !/^[A-Z][\p{L}]*\s+[A-Z]/u.test(text.slice(at)) && !known?.has(w.toLowerCase()))
      continue;
    out.push(w.toLowerCase());
  }
  return out;
}

/** Which answer types a quoted text can satisfy, as a bitmask of TYPE_BIT. */
export function typeFlags(text: string): number {
  let flags = 0;
  if (nameWords(text).length > 0) flags |= TYPE_BIT.entity;
  if (DATE.test(text) || MONTH.test(text)) flags |= TYPE_BIT.date;
  if (PLACE_WORDS.test(text) || PLACE_PREP.test(text)) flags |= TYPE_BIT.place;
  if (NUMBER.test(text)) flags |= TYPE_BIT.number;
  if (AMOUNT_NEAR.test(text)) flags |= TYPE_BIT.amount;
  if (REASON.test(text)) flags |= TYPE_BIT.reason;
  return flags;
}

/**
 * Whether the text answers "who": it names someone the question did not already name ("Who runs
 * Huawei Cloud?" is not answered by a sentence whose only name is Huawei Cloud).
 */
export function namesSomeoneElse(
  text: string,
  questionWords: ReadonlySet<string>,
  known?: ReadonlySet<string>,
): boolean {
  return nameWords(text, known).some(
    (w) => !questionWords.has(w) && !questionWords.has(w.replace(/'s$/, "")),
  );
}

/** Scale and currency words that belong to the number before them ("362 billion yuan"). */
const AMOUNT_TAIL =
  "(?:\\s+(?:billion|million|trillion|thousand|bn|m))?(?:\\s+(?:yuan|dollars?|euros?|usd|rmb|percent))?";

/**
 * The text without the numbers the question itself gave, with their scale and currency ("How many
 * CloudMatrix 384 systems…" is not answered by "384"; "How much of the 362 billion yuan came from AI?"
 * is not answered by "362 billion yuan").
 */
export function withoutNumbers(text: string, numbers: readonly string[]): string {
  let out = text;
  for (const n of numbers) {
    out = out.replace(new RegExp(`\\b${escapeRegExp(n)}\\b${AMOUNT_TAIL}`, "gi"), " ");
  }
  return out;
}

const COUNT_WORDS = new RegExp(`\\b(${NUMBER_WORDS})\\b`, "i");

/**
 * Whether the text gives a count for "how many": a number word, or a plain number that is neither a
 * year ("In 2024") nor one the question gave ("How many CloudMatrix 384 systems…"); a model name
 * such as "910C" or "GPT-4" is not a count.
 */
export function hasCount(text: string, questionNumbers: readonly string[]): boolean {
  if (COUNT_WORDS.test(text)) return true;
  // Not part of a model name either: "GPT-4", "Ascend 910C".
  for (const m of text.matchAll(/(?<![\p{L}\d.]|\p{L}-)\d[\d,.]*(?![\p{L}\d])/gu)) {
    const n = m[0].replace(/[.,]$/, "");
    if (/^(1[89]|20)\d{2}$/.test(n)) continue;
    if (questionNumbers.includes(n.toLowerCase())) continue;
    return true;
  }
  return false;
}

/** "How many regions did Jack Chen list?": the question counts the items someone listed or named. */
const LISTING_VERBS = new Set(
  "list listed lists name named names mention mentioned mentions cite cited cites enumerate enumerated".split(
    " ",
  ),
);
export function countsAList(asked: ReadonlySet<string>): boolean {
  for (const w of asked) if (LISTING_VERBS.has(w)) return true;
  return false;
}

/**
 * Whether the text lists three or more items, "A, B, C, and D": the answer to "how many did he list?"
 * is counted off the list, not written as a number.
 */
export function enumerates(text: string): boolean {
  return /(?:[^,.;:]+,\s*){2,}(?:and|or)\s+[^,.;:]+/.test(text);
}

/** An extent, the answer to "how much of X?" when it is not a number: "the full stack", "the entire chain". */
export function statesExtent(text: string): boolean {
  return /\b(?:full|entire|whole|majority|half|all of)\b/i.test(text);
}
