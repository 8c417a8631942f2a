import { definitionTopic } from "./definition.js";
import { AUX, focusOf, whNoun } from "./focus.js";
import { foldText, isStopword, stripMarkup, words } from "./text.js";

/**
 * Question analysis: what kind of answer the asker wants. Question words are signals here, not
 * stopwords: "who" wants a person or organisation, "when" a date, "how many" a number, "why" a reason.
 * Small rules of our own: compromise and wink-nlp are not installed (no new dependencies), and the
 * few patterns below are enough for the intents the issue names (measured in `eval`, per intent).
 */

export type Intent =
  | "what"
  | "who"
  | "when"
  | "where"
  | "why"
  | "how"
  | "how-many"
  | "how-much"
  | "yes-no"
  | "compare"
  | "definition";

/** What the answer must contain: an entity (person/organisation), a date, a place, a number, an amount, a reason. */
export type AnswerType = "entity" | "date" | "place" | "number" | "amount" | "reason";

export interface Focus {
  /** Name shown in a gap ("who runs it", "market share"). */
  name: string;
  /** The question's own words that asked for it (surface, lower case). */
  words: string[];
  /** Index terms (stems) that count as covering it: the group's lexicon. */
  terms: string[];
}

export interface QuestionAnalysis {
  intent: Intent;
  expects?: AnswerType;
  focus?: Focus;
  /** Topic words (surface, lower case): the question's content words minus the focus. */
  topic: string[];
  /** Names typed with a capital (not the first word), lower-cased: "Who is the CEO of TechMoat?" -> techmoat. */
  names: string[];
  /** Numbers the question gives ("384", "2023"). */
  numbers: string[];
  /** "What is X?": X's words. The answer must say what X is, not mention it in passing (definition.ts). */
  defines?: string[];
  /** "How much of the stack does it control?": a part of something, answered by an amount or an extent ("the full stack"). */
  partOf?: true;
}

const FILLERS = new Set(
  "hey hi hello yo ok okay so and but quick q question pls please bot um uh".split(" "),
);
const INTENT_QUESTION_WORDS = new Set(
  "what what's whats which who who's whom whose when where where's why how how's is are was were do does did can could has have had will would should may might tell me about the a an of many much".split(
    " ",
  ),
);

function intentOf(ws: string[], text: string): Intent {
  const has = (w: string) => ws.includes(w);
  const joined = ` ${ws.join(" ")} `;
  // "how much better is X than Y" compares; it does not ask for an amount ("how much larger" may).
  if (/ how much (better|worse) .* than /.test(joined)) return "compare";
  if (/ how (many|much) /.test(joined) || / number of /.test(joined)) {
    return / how much /.test(joined) && !/ how much (of|did|does|do) .* (people|users)/.test(joined)
      ? "how-much"
      : "how-many";
  }
  if (has("why") || / (reason|reasons|purpose) /.test(joined) || / what for /.test(joined)) return "why";
  if (has("when") || / (what|which) (year|date|month|day) /.test(joined)) return "when";
  if (
    has("where") ||
    / (which|what) (country|countries|city|cities|region|regions|place|places|markets) /.test(joined)
  )
    return "where";
  if (
    has("who") ||
    has("whom") ||
    has("whose") ||
    / (which|what) (company|companies|person|firm|people) /.test(joined)
  )
    return "who";
  if (/\b(vs|versus|compare|compared|comparison|difference|differ|better than|rival|rivals)\b/.test(text))
    return "compare";
  if (has("how")) return "how";
  const first = ws.find((w) => !FILLERS.has(w));
  if (first && AUX.has(first)) return "yes-no";
  if (
    /^(what|whats|what's) (is|are|was) \w+( \w+)?\??$/.test(ws.filter((w) => !FILLERS.has(w)).join(" ")) ||
    has("define") ||
    / (meaning|definition) of /.test(joined)
  ) {
    return "definition";
  }
  return "what";
}

const EXPECTS: Partial<Record<Intent, AnswerType>> = {
  who: "entity",
  when: "date",
  where: "place",
  why: "reason",
  "how-many": "number",
  "how-much": "amount",
};

export function analyseQuestion(question: string): QuestionAnalysis {
  const ws = words(question);
  const defines = definitionTopic(question);
  let intent = intentOf(ws, ` ${ws.join(" ")} `);
  if (defines && intent === "what") intent = "definition";
  const content = ws.filter((w) => !INTENT_QUESTION_WORDS.has(w) && !FILLERS.has(w));
  let focus = focusOf(content, intent);
  const wh = whNoun(ws);
  let expects = EXPECTS[intent];
  if (wh && "type" in wh) expects ??= wh.type;
  else if (wh && !focus) focus = wh;
  const topic = content.filter((w) => !isStopword(w) && !focus?.words.includes(w));
  const numbers = ws.filter((w) => /\d/.test(w));
  return {
    intent,
    ...(expects ? { expects } : {}),
    ...(focus ? { focus } : {}),
    topic,
    names: namesIn(question),
    numbers,
    ...(defines && intent === "definition" ? { defines } : {}),
    ...(expects === "amount" && / how much of /.test(` ${ws.join(" ")} `) ? { partOf: true as const } : {}),
  };
}

/** Capitalised words after the first (a sentence starts with a capital anyway), lower-cased. */
function namesIn(question: string): string[] {
  const out: string[] = [];
  const raw = foldText(stripMarkup(question)).match(/[\p{L}\p{N}]+(?:['.][\p{L}\p{N}]+)*/gu) ?? [];
  raw.forEach((w, i) => {
    if (i === 0 || !/^[A-Z]/.test(w)) return;
    const lower = w.toLowerCase().replace(/'s$/, "");
    if (!isStopword(lower) && !/\d/.test(lower)) out.push(lower);
  });
  return out;
}
