import { foldText, isStopword, termOf, words } from "./text.js";

/**
 * "What is X?" asks what X is. A sentence that only mentions X in passing does not say it: "Jeffrey
 * Towson from TechMoat Consulting explained…" does not answer "What is TechMoat Consulting?", nor a
 * list "home to AI, 5.5G, and enterprise solutions" "What is 5.5G?". A quote defines X when X is
 * what the sentence is about (its subject) or is described beside it: "Huawei Cloud, launched in
 * 2017, …", "its own CUDA alternative, CANN, …", "Chinese chipmaker SMIC", "CloudMatrix 384, which…".
 */

const FILLER = new Set(["exactly", "again", "anyway", "actually", "really", "even", "pls", "please"]);
/** "…, what do they do", "and what does it do": part of asking what X is. */
const WHAT_DO = /\s*,?\s*(and )?what (do|does) (they|it|he|she|that|this) do$/;
/** Words that put X in a prepositional phrase or a list, not the sentence's subject or its description. */
const PASSING = new Set(
  "from at for of in on with by to into about like than and or including include includes such as via".split(
    " ",
  ),
);
/** Longest X read as a definition topic, in content words: longer is a question about something else. */
const MAX_TOPIC_WORDS = 4;

/**
 * The topic of a definition question ("what is X", "what are X", "what's X, what do they do", "define
 * X"), as content words, or undefined when the question is not one.
 */
export function definitionTopic(question: string): string[] | undefined {
  const ws = words(question).filter((w) => !FILLER.has(w));
  let text = ws.join(" ").replace(WHAT_DO, "");
  text = text.replace(/^(hey |hi |yo |ok |so |quick q |bot )+/, "");
  const m =
    /^(?:what (?:is|are|was|were)|whats) (?:an? |the )?(.+)$/.exec(text) ??
    /^(?:define|definition of|meaning of) (?:an? |the )?(.+)$/.exec(text);
  if (!m) return undefined;
  const raw = (m[1] as string).split(" ");
  // Only a bare name or noun phrase is a definition: "what was holding the company back", "what was
  // the ascend 910 meant to compete with" and "what is the revenue of the ICT unit" ask something else.
  if (raw.length > MAX_TOPIC_WORDS || /ing$/.test(raw[0] as string)) return undefined;
  if (raw.some((w) => w !== "and" && isStopword(w))) return undefined;
  const topic = raw.filter((w) => w !== "and");
  if (topic.length === 0) return undefined;
  return topic;
}

// The words as words() reads them ("DGA-Albright" is two), and the punctuation that marks a list or an apposition.
const TOKEN = /[\p{L}\p{N}]+(?:['.][\p{L}\p{N}]+)*|[,;:—–()]/gu;
/** Part of a name around the topic's words: "AI CloudMatrix 384", "TechMoat Consulting". */
const NAME_PART = /^([\p{Lu}\p{N}]|\p{L}+\p{N})/u;

/** From a comma, whether the list goes on to ", and" / ", or" within a few short items. */
function isListAhead(tokens: readonly string[], comma: number): boolean {
  let item = 0;
  for (let i = comma + 1; i < Math.min(tokens.length, comma + 10); i++) {
    const t = tokens[i] as string;
    if (t === "and" || t === "or") return item <= 3;
    if (t === ",") item = 0;
    else if (/^[,;:—–()]$/.test(t) || ++item > 3) return false;
  }
  return false;
}

/** Whether a quote defines the topic (term form): X is a sentence's subject or described beside it. */
export function definesTopic(quote: string, topicTerms: readonly string[]): boolean {
  if (topicTerms.length === 0) return true;
  const wanted = new Set(topicTerms);
  for (const sentence of foldText(quote).split(/(?<=[.!?])\s+/)) {
    const tokens = sentence.match(TOKEN) ?? [];
    const terms = tokens.map((t) => termOf(t.toLowerCase().replace(/['’]s$/, "")));
    let at = terms.findIndex((t) => wanted.has(t));
    if (at < 0) continue;
    let end = at;
    while (
      end + 1 < terms.length &&
      (wanted.has(terms[end + 1] as string) || NAME_PART.test(tokens[end + 1] as string))
    )
      end++;
    while (at > 0 && NAME_PART.test(tokens[at - 1] as string) && at > 1) at--;
    const before = tokens[at - 1]?.toLowerCase();
    const after = tokens[end + 1]?.toLowerCase();
    const afterNext = tokens[end + 2]?.toLowerCase();
    // In a list ("AI, 5.5G, and …") or after a preposition ("from TechMoat"): mentioned in passing.
    if (before && PASSING.has(before)) continue;
    if (after === "," && (afterNext === "and" || afterNext === "or")) continue;
    // An item of a longer list: "mining, healthcare, finance, and manufacturing".
    if (after === "," && isListAhead(tokens, end + 1)) continue;
    if (after === "and" || after === "or") continue;
    if (before === "," && tokens[at - 3] === ",") continue;
    // The subject: among the sentence's first words ("Huawei's Pangu AI models form…").
    const opening = tokens.slice(0, at).filter((t) => !/^[,;:—–()]$/.test(t)).length;
    if (opening <= 3) return true;
    // Described beside it: an apposition ("alternative, CANN,"; "CloudMatrix 384, which"), a title
    // noun just before ("chipmaker SMIC"), or a verb of being after.
    if (before === "," || after === "," || after === "(" || after === "—") return true;
    if (after && ["is", "are", "was", "were", "which", "that"].includes(after)) return true;
    if (before && /^[a-z]/.test(tokens[at - 1] as string) && !isStopword(before)) return true;
  }
  return false;
}
