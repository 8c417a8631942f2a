import { foldText, isStopword, stripMarkup, termOf, words } from "./text.js";

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
}

/**
 * Attributes askers ask about that a fact may never state. A fact covers a focus when it holds any of
 * the group's words (in its quote, answer, example questions or keywords).
 */
const FOCUS_GROUPS: { name: string; ask: string[]; cover: string[] }[] = [
  {
    name: "who runs it",
    ask: "run runs running ran lead leads led head heads manage manages managed boss ceo chief president chairman director owner owns own founder founded leader leads".split(
      " ",
    ),
    cover:
      "ceo chief president chairman director founder leader head boss executive manager chairwoman led headed".split(
        " ",
      ),
  },
  {
    name: "price",
    ask: "price prices priced cost costs pricing expensive cheap".split(" "),
    cover: "price cost priced pricing yuan dollar $ usd".split(" "),
  },
  { name: "market share", ask: ["share"], cover: ["share", "%", "percent"] },
  {
    name: "revenue",
    ask: "revenue revenues sales income profit profits earnings earn earned make made".split(" "),
    cover: "revenue sales income profit earnings yuan billion".split(" "),
  },
  {
    name: "headcount",
    ask: "employees employee staff headcount workers engineers developers users customers people".split(" "),
    cover: "employees staff headcount workers engineers developers users customers".split(" "),
  },
  {
    name: "location",
    ask: "headquarters headquartered hq located based".split(" "),
    cover: "headquarters headquartered located based".split(" "),
  },
  { name: "valuation", ask: "valuation valued worth".split(" "), cover: "valuation valued worth".split(" ") },
];
const ASK_TO_GROUP = new Map<string, (typeof FOCUS_GROUPS)[number]>();
for (const g of FOCUS_GROUPS) for (const w of g.ask) ASK_TO_GROUP.set(w, g);

const AUX = new Set(
  "is are was were do does did can could has have had will would should may might".split(" "),
);
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
  const intent = intentOf(ws, ` ${ws.join(" ")} `);
  let focus: Focus | undefined;
  const content = ws.filter((w) => !INTENT_QUESTION_WORDS.has(w) && !FILLERS.has(w));
  // "market share" asks for a share of a market: "share" alone is enough to name it.
  for (const w of content) {
    const g = ASK_TO_GROUP.get(w);
    // "make"/"made" ask for revenue only in how-much questions ("how much did huawei make").
    if (!g || (g.name === "revenue" && (w === "make" || w === "made") && intent !== "how-much")) continue;
    // "people"/"users" ask for a headcount only when counted.
    if (g.name === "headcount" && intent !== "how-many") continue;
    // "who runs", "who leads": the verb names the focus only in who-questions or with an owner noun.
    if (
      g.name === "who runs it" &&
      intent !== "who" &&
      !["ceo", "boss", "owner", "founder", "chairman", "president"].includes(w)
    )
      continue;
    focus = {
      name: g.name,
      words: [w],
      terms: [...new Set([...g.cover, ...(g.name === "who runs it" ? [] : [w])].map(termOf))],
    };
    break;
  }
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
  };
}

/** Nouns after "which"/"what" that name a type of answer rather than an attribute. */
const TYPE_NOUNS = new Map<string, AnswerType>([
  ..."company companies firm firms organisation organization person people consultancy chipmaker manufacturer maker foundry supplier suppliers partner partners rival rivals competitor competitors analyst analysts brand agency government"
    .split(" ")
    .map((w) => [w, "entity"] as const),
  ..."country countries city cities region regions place places continent province"
    .split(" ")
    .map((w) => [w, "place"] as const),
  ..."year years date month day decade century".split(" ").map((w) => [w, "date"] as const),
]);

/**
 * "which event", "what process node", "what's the name of", "what does X stand for": the noun the
 * asker wants named. A type noun ("which year") sets the expected type; another noun is a focus the
 * fact must cover ("At which event…" is not answered by a sentence that names no event).
 */
function whNoun(ws: string[]): Focus | { type: AnswerType } | undefined {
  const at = ws.findIndex((w) => w === "which" || w === "what" || w === "whats");
  if (at >= 0) {
    const next = ws[at + 1];
    if (next === "the" && ws[at + 2] === "name" && ws[at + 3] === "of") {
      return { name: "its name", words: ["name"], terms: ["name", "call", "brand"].map(termOf) };
    }
    if (next && !isStopword(next) && !AUX.has(next) && !/\d/.test(next)) {
      const type = TYPE_NOUNS.get(next);
      if (type) return { type };
      const nouns = [next];
      const after = ws[at + 2];
      if (after && !isStopword(after) && !AUX.has(after)) nouns.push(after);
      return { name: nouns.join(" "), words: nouns, terms: nouns.map(termOf) };
    }
  }
  const stand = ws.indexOf("stand");
  if (stand > 0 && ws[stand + 1] === "for") {
    return {
      name: "what it stands for",
      words: ["stand"],
      terms: ["stand", "short", "abbreviation"].map(termOf),
    };
  }
  return undefined;
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
