import type { AnswerType, Focus, Intent } from "./question.js";
import { isStopword, termOf } from "./text.js";

/**
 * The focus of a question: the attribute asked about ("who runs it", price, market share…), from a
 * small lexicon, or the noun after "which"/"what". A fact must cover it to answer the question.
 */

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
      // Not "leader": "the AI leader", "China's top contender" rank a company; they name nobody who runs it.
      // Nor a vice-president: "Triolo, SVP for China at DGA-Albright Stonebridge" does not head it.
      "ceo cto cfo coo chief president chairman director founder head boss executive manager chairwoman led headed".split(
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
    // "What percentage of its revenue…" asks for a share: a sentence with an amount but no share does not say.
    name: "what share",
    ask: "percentage percent proportion fraction".split(" "),
    cover: "% percent percentage proportion fraction share half third quarter".split(" "),
  },
  {
    // "total revenue", "overall sales": one unit's revenue is not the total.
    name: "the total",
    ask: "total overall combined".split(" "),
    cover: "total overall combined altogether whole".split(" "),
  },
  {
    name: "which languages",
    ask: "language languages".split(" "),
    cover: "language languages python java javascript c++ rust".split(" "),
  },
  {
    name: "its licence",
    ask: "license licence licensed licensing".split(" "),
    cover: "license licence licensed licensing apache mit gpl".split(" "),
  },
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
  {
    // "Where does Huawei make the trucks?", "who manufactures them?": where or by whom something is made.
    name: "who makes it",
    ask: "manufacture manufactures manufactured manufacturing manufacturer factory factories plant assembled assembles produce produces".split(
      " ",
    ),
    cover:
      "manufacture manufactured manufacturer manufacturing factory factories plant produced produces built chipmaker foundry".split(
        " ",
      ),
  },
  { name: "valuation", ask: "valuation valued worth".split(" "), cover: "valuation valued worth".split(" ") },
  {
    // "Where is its biggest data center?" asks which one is biggest: a fact naming none does not say.
    name: "which is the biggest",
    ask: "biggest largest smallest fastest".split(" "),
    cover: "biggest largest smallest fastest most top leading main major primary flagship first".split(" "),
  },
];
/** Names of the lexicon's attributes (a which/what-noun focus is not one of them). */
export const LEXICON_FOCUS: ReadonlySet<string> = new Set([
  ...FOCUS_GROUPS.map((g) => g.name),
  "where it is made",
]);
const ASK_TO_GROUP = new Map<string, (typeof FOCUS_GROUPS)[number]>();
for (const g of FOCUS_GROUPS) for (const w of g.ask) ASK_TO_GROUP.set(w, g);

export const AUX = new Set(
  "is are was were do does did can could has have had will would should may might".split(" "),
);

const MAKE_VERBS = new Set("make makes made build builds built".split(" "));
function makes(w: string): Focus {
  const g = FOCUS_GROUPS.find((x) => x.name === "who makes it") as (typeof FOCUS_GROUPS)[number];
  return { name: g.name, words: [w], terms: [...new Set(g.cover.map(termOf))] };
}

/** The attribute a question asks about from the focus lexicon, or undefined. */
export function focusOf(content: string[], intent: Intent): Focus | undefined {
  // "market share" asks for a share of a market: "share" alone is enough to name it.
  for (const w of content) {
    // "Where does Huawei make the trucks?": where something is made, not its revenue.
    if (intent === "where" && MAKE_VERBS.has(w)) return { ...makes(w), name: "where it is made" };
    const g = ASK_TO_GROUP.get(w);
    // "make"/"made" ask for revenue only in how-much questions ("how much did huawei make").
    if (!g || (g.name === "revenue" && (w === "make" || w === "made") && intent !== "how-much")) continue;
    // "how much did huawei make in total revenue": the total is asked, whichever word comes first.
    if (g.name === "revenue" && content.some((x) => ASK_TO_GROUP.get(x)?.name === "the total")) continue;
    // "people"/"users" ask for a headcount only when counted.
    if (g.name === "headcount" && intent !== "how-many") continue;
    // "total" asks for a total of money ("total revenue"); "the total number of chips" is a count.
    if (g.name === "the total" && !content.some((x) => ASK_TO_GROUP.get(x)?.name === "revenue")) continue;
    // "who runs", "who leads": the verb names the focus only in who-questions or with an owner noun.
    if (
      g.name === "who runs it" &&
      intent !== "who" &&
      !["ceo", "boss", "owner", "founder", "chairman", "president"].includes(w)
    )
      continue;
    if (g.name === "who makes it" && intent === "where") return { ...makes(w), name: "where it is made" };
    return {
      name: g.name,
      // "market share" is one attribute: "market" is not part of the topic.
      words: g.name === "market share" && content.includes("market") ? ["market", w] : [w],
      terms: [...new Set([...g.cover, ...(g.name === "who runs it" ? [] : [w])].map(termOf))],
    };
  }
  return undefined;
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
export function whNoun(ws: string[]): Focus | { type: AnswerType } | undefined {
  const at = ws.findIndex((w) => w === "which" || w === "what" || w === "whats");
  if (at >= 0) {
    const next = ws[at + 1];
    // "what's the name of" arrives as "what is the name of" (chat register spells "what's" out).
    const nameAt = next === "the" ? at + 2 : next === "is" && ws[at + 2] === "the" ? at + 3 : -1;
    if (nameAt > 0 && ws[nameAt] === "name" && ws[nameAt + 1] === "of") {
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
