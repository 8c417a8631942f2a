import type { SearchIndex } from "./index-build.js";
import { isStopword, termOf, words } from "./text.js";

/**
 * The topic of a question: the names in it (Pangu, CloudMatrix 384, Nvidia) as opposed to what is
 * asked about them (launched, revenue, chips). A follow-up keeps one and swaps the other: "and its
 * chips?" keeps the topic, "what about Pangu?" keeps what was asked.
 */

export const TOPIC = {
  /** A word the knowledge writes capitalised this often (mid-sentence) is a name. */
  capitalShare: 0.6,
  /** Sentences looked at per word: enough to judge the casing, bounded whatever the knowledge size. */
  sampleSentences: 24,
  /** Content words judged per question: a follow-up's topic is in its first words, a paste is not. */
  maxWords: 16,
  /** Words standing for a topic that has no name: the rarest ones of the earlier question. */
  unnamedWords: 2,
  /** A name in more than this share of facts is the knowledge's subject ("Huawei", in all of them here; Nvidia is in 30%): it picks no topic. */
  ubiquitousShare: 0.5,
};

// Words that point back to something said before.
export const REFERRING = new Set([
  "it",
  "its",
  "they",
  "them",
  "their",
  "theirs",
  "he",
  "him",
  "his",
  "she",
  "her",
  // "what do those run on?", "are these open source?": pointing determiners too.
  "these",
  "those",
]);
// "that one", "this chip"; and "that"/"this" standing alone as a subject: "why was that such a big
// deal?", "is this true?" (not "why was that handset a surprise?", which says what it means).
const REFERRING_PHRASE =
  /\b(?:this|that|the same) (?:one|company|thing|product|chip|model|deal)\b|\b(?:is|was|were|are)\s+(?:that|this)\s*(?:such|so|a|an|really|true|important|new|big|bad|good|\?|$)/i;

export interface TopicWord {
  word: string;
  /** A name (Pangu, Nvidia, 910C), not an attribute (revenue, chips, launched). */
  name: boolean;
  /** A name in so many facts that it singles out none of them. */
  ubiquitous: boolean;
  /** How rare the word is in the knowledge (the rarest possible for a word it never uses). */
  idf: number;
}

/**
 * How often the knowledge writes `word` with a capital letter, judged on a bounded sample of facts.
 * With `after`, only where it follows that word: "cloud" is a common noun, "Huawei Cloud" a name.
 */
function writtenAsName(word: string, id: number, index: SearchIndex, after?: string): boolean {
  // Every question asks this of its words (the scorer's names check): read the sample once per word.
  const key = after ? `${after} ${word}` : word;
  let known = index.nameCache.get(key);
  if (known === undefined) {
    known = readAsName(word, id, index, after);
    if (index.nameCache.size >= NAME_CACHE_SIZE) index.nameCache.clear();
    index.nameCache.set(key, known);
  }
  return known;
}

/** Distinct words (and word pairs) whose name judgement is kept per index. */
const NAME_CACHE_SIZE = 20_000;

function readAsName(word: string, id: number, index: SearchIndex, after?: string): boolean {
  const { offsets, docs, knowledge } = index;
  let capital = 0;
  let total = 0;
  let looked = 0;
  const end = offsets[id + 1] ?? 0;
  for (let i = offsets[id] ?? 0; i < end && looked < TOPIC.sampleSentences; i++) {
    const fact = knowledge.facts[docs[i] as number];
    for (const s of fact?.sentences ?? []) {
      const text = knowledge.sentences[s]?.text ?? "";
      looked++;
      for (const at of occurrences(text, word, after)) {
        // The first word of a sentence is capitalised whatever it is, unless a capitalised word
        // follows it: "Paul Triolo, SVP …" opens with a name.
        const opening = !after && /^\W*$/.test(text.slice(0, at));
        if (opening && !/^\s+\p{Lu}\p{Ll}/u.test(text.slice(at + word.length))) continue;
        total++;
        if (/^\p{Lu}/u.test(text.slice(at, at + 1))) capital++;
      }
    }
  }
  return total > 0 && capital / total >= TOPIC.capitalShare;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const isWordChar = (c: string | undefined) => c !== undefined && WORD_CHAR.test(c);

/**
 * Where `word` stands as a whole word in `text` (any case), and with `after` only right after that
 * word ("Huawei Cloud", "Huawei's Cloud"). A plain scan: a RegExp per word cost a question ~5 ms.
 */
function* occurrences(text: string, word: string, after?: string): Generator<number> {
  const lower = text.toLowerCase();
  // Lower-casing keeps offsets for the text we index; if it did not, nothing is read.
  if (lower.length !== text.length) return;
  for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) {
    if (isWordChar(lower[at - 1]) || isWordChar(lower[at + word.length])) continue;
    if (after === undefined || follows(lower, at, after)) yield at;
  }
}

/** Whether `after` (optionally with 's) and white space stand right before offset `at`. */
function follows(lower: string, at: number, after: string): boolean {
  let i = at;
  while (i > 0 && /\s/.test(lower[i - 1] ?? "")) i--;
  if (i === at) return false;
  if (lower.endsWith("'s", i) || lower.endsWith("’s", i)) {
    if (lower.slice(i - 2 - after.length, i - 2) === after && !isWordChar(lower[i - 3 - after.length]))
      return true;
  }
  return lower.slice(i - after.length, i) === after && !isWordChar(lower[i - after.length - 1]);
}

/** The content words of a question, each judged a name or not against the knowledge. */
export function topicWords(question: string, index: SearchIndex): TopicWord[] {
  const facts = Math.max(1, index.knowledge.facts.length);
  const out: TopicWord[] = [];
  for (const word of words(question)) {
    if (out.length >= TOPIC.maxWords) break;
    if (isStopword(word) || REFERRING.has(word)) continue;
    const id = index.terms.get(termOf(word)) ?? index.surfaces.get(word);
    // Model numbers ("910c", "384") name things; digits alone are not written in capitals.
    const numbered = /\d/.test(word) && word.length >= 2;
    if (id === undefined) {
      out.push({ word, name: numbered, ubiquitous: false, idf: index.maxIdf });
      continue;
    }
    const df = (index.offsets[id + 1] ?? 0) - (index.offsets[id] ?? 0);
    const prev = out[out.length - 1];
    const alone = numbered || writtenAsName(word, id, index);
    const compound = !alone && prev?.name === true && writtenAsName(word, id, index, prev.word);
    // "Huawei Cloud" is one specific name, though "Huawei" alone is the knowledge's subject.
    if (compound && prev) prev.ubiquitous = false;
    const name = alone || compound;
    const ubiquitous = name && df / facts > TOPIC.ubiquitousShare;
    out.push({ word, name, ubiquitous, idf: index.idf[id] ?? 0 });
  }
  return out;
}

/** True when the question points back ("it", "its", "that one") instead of naming its topic. */
export function refersBack(question: string): boolean {
  return words(question).some((w) => REFERRING.has(w)) || REFERRING_PHRASE.test(question);
}

// "is it true ...", "it is said ...": an "it" that points at nothing.
const EXPLETIVE =
  /\b(?:is it|it is|it's) (?:true|going|possible|likely|worth|hard|easy|said|reported|known)\b/i;
// "the company", "the firm": the knowledge's subject, named the way articles do.
const SUBJECT_PHRASE = /\bthe (?:company|firm|group|business|vendor)\b/i;

/**
 * True when the pointing words of a question can find their referent inside it: it names something
 * (even the knowledge's subject: "where is huawei taking its platforms"), says "the company", or the
 * "it" is an expletive ("is it going to rain"). Such a question stands on its own.
 */
export function refersWithin(question: string, index: SearchIndex): boolean {
  if (EXPLETIVE.test(question) || SUBJECT_PHRASE.test(question)) return true;
  // "how does it compare to nvidia?": a name it is compared with is not what "it" is.
  const subject = question.replace(COMPARED_WITH, " ");
  return topicWords(subject, index).some((t) => t.name);
}

/** What follows "compare(d) to/with", "vs", "versus", "than", "against": the other side of a comparison. */
const COMPARED_WITH =
  /\b(?:compared?|comparison|stacks? up|measures? up)\s+(?:to|with|against)\b.*$|\b(?:vs\.?|versus|than|against)\s.*$/i;

/** True when the question names a topic of its own (a name that is not the knowledge's subject). */
export function hasOwnTopic(question: string, index: SearchIndex): boolean {
  return topicWords(question, index).some((t) => t.name && !t.ubiquitous);
}

/**
 * The names a question is about, as a phrase: its specific names, else its subject, else its rarest
 * words ("robot haulers" of "how big was the fleet of robot haulers the company put into mines?"):
 * all of a long question's words would outweigh the few the follow-up adds.
 */
export function topicPhrase(question: string, index: SearchIndex): string {
  const all = topicWords(question, index);
  const specific = all.filter((t) => t.name && !t.ubiquitous);
  const names = specific.length > 0 ? specific : all.filter((t) => t.name);
  if (names.length > 0) return names.map((t) => t.word).join(" ");
  const rarest = new Set([...all].sort((a, b) => b.idf - a.idf).slice(0, TOPIC.unnamedWords));
  return all
    .filter((t) => rarest.has(t))
    .map((t) => t.word)
    .join(" ");
}

const PERSON_PRONOUN = /\b(?:he|him|his|she|her)\b/i;
// Two capitalised words ("Jensen Huang", "Paul Triolo"); "Nvidia CEO" fails on the all-caps title.
const PERSON_NAME = /\b\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+\b/u;

/**
 * "what did he say?": the person the previous answer quoted, when the follow-up points at a person
 * and the answer names one; undefined otherwise (the previous question's topic is used then).
 */
export function personReferred(question: string, previous: { quote: string }[]): string | undefined {
  if (!PERSON_PRONOUN.test(question)) return undefined;
  for (const c of previous) {
    const name = PERSON_NAME.exec(c.quote)?.[0];
    if (name) return name;
  }
  return undefined;
}

/** Replaces the pointing words of a follow-up with the topic: "and its chips" -> "cloudmatrix 384 chips". */
export function replaceReferences(question: string, topic: string): string {
  const replaced = question
    .replace(REFERRING_PHRASE, topic)
    .replace(/\b(it|its|they|them|their|theirs|he|him|his|she|her|these|those)\b/gi, topic);
  return replaced === question ? `${question} ${topic}` : replaced;
}

/**
 * "what about pangu?" after "when was huawei cloud launched?": the earlier question with its names
 * swapped for the new ones, "when was pangu launched?". Without names to swap, the new words are added.
 */
export function swapTopic(previous: string, names: string, index: SearchIndex): string {
  const judged = new Map(topicWords(previous, index).map((t) => [t.word, t]));
  const specific = [...judged.values()].some((t) => t.name && !t.ubiquitous);
  const swap = (w: string) => {
    const t = judged.get(w.toLowerCase());
    return t?.name === true && (!specific || !t.ubiquitous);
  };
  const tokens = previous.split(/(\s+)/);
  let placed = false;
  const out: string[] = [];
  for (const token of tokens) {
    const bare = token.replace(/^[^\p{L}\p{N}]+|(?:'s)?[^\p{L}\p{N}]*$/gu, "");
    if (bare && words(bare).every(swap)) {
      if (!placed) out.push(names);
      placed = true;
      continue;
    }
    out.push(token);
  }
  return placed ? out.join("").replace(/\s+/g, " ").trim() : `${previous} ${names}`;
}
