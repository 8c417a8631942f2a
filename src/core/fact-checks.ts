import {
  countsAList,
  enumerates,
  hasCount,
  namesSomeoneElse,
  statesExtent,
  TYPE_BIT,
  typeFlags,
  withoutNumbers,
} from "./answer-checks.js";
import { hasTerm } from "./bm25.js";
import { definesTopic } from "./definition.js";
import type { ExampleQuestions } from "./example-questions.js";
import { LEXICON_FOCUS } from "./focus.js";
import { factTermsOf, focusCoveredBy } from "./focus-cover.js";
import { idfOf, type SearchIndex } from "./index-build.js";
import type { Concept } from "./query.js";
import type { QuestionAnalysis } from "./question.js";
import { escapeRegExp, termOf, terms, words } from "./text.js";

/**
 * The answer checks on one candidate fact: does its quote hold the kind of answer asked for (a date,
 * a count, a name the question did not give…), the attribute asked about (the focus), and, for "what
 * is X?", a sentence about X? Built with the index; owns the per-fact caches the checks read (type
 * flags, terms, words as written), filled lazily for the facts that become candidates.
 */

/** What the checks read of a question, worked out once per question by the scorer. */
export interface CheckedQuestion {
  concepts: Concept[];
  analysis: QuestionAnalysis;
  /** The question's surface words (lower case). */
  asked: Set<string>;
  /** Every index term the question's concepts may stand for. */
  askedTerms: Set<string>;
  /** Index terms of the question's capitalised names. */
  nameTerms: string[];
  /** Index terms of the names the question is about, as the knowledge writes names ("Huawei Cloud": huawei, cloud; not a lone "Huawei"). */
  specificNames: string[];
}

/** Words that open a clause giving the cause of what the sentence says: "had to transform after …". */
const CAUSE_CLAUSE = new Set(["after", "following", "once"]);

/** A pronoun that points back at what the sentence before named. */
const POINTS_BACK = /\b(?:he|she|they|it|its|his|her|their|this|these)\b/i;

/** Model numbers typed in lower case count as names: "h100", "mi300", "7nm". */
const MODEL_NUMBER = /^(?=.*\d)(?=.*[a-z])[a-z\d]+$/;

/**
 * Names the question typed that the knowledge never uses, not even as a typo, as typed: no fact
 * answers a question about them.
 */
export function unknownNames(
  question: string,
  analysis: QuestionAnalysis,
  concepts: readonly Concept[],
): string[] {
  const names = new Set(analysis.names);
  const out: string[] = [];
  for (const c of concepts) {
    if (c.alternatives.length > 0 || !(names.has(c.word) || MODEL_NUMBER.test(c.word))) continue;
    // As the asker typed it ("H100", "DeepSeek"), for the reply.
    const typed = new RegExp(`\\b${escapeRegExp(c.word)}\\b`, "i").exec(question);
    out.push(typed?.[0] ?? c.word);
  }
  return out;
}

/** The synonyms the query found for a question word (its concept's alternatives, typos left out). */
function synonymTerms(word: string, concepts: readonly Concept[]): string[] {
  const term = termOf(word);
  const concept = concepts.find((c) => c.word === term || c.word === word);
  return (concept?.alternatives ?? []).filter((a) => !a.fuzzy && a.term !== term).map((a) => a.term);
}

export class FactChecks {
  /** Answer-type bitmask per fact, 0 = not computed yet (bit 128 marks computed). */
  private readonly types: Uint8Array;
  /** Each fact's words as terms (quote + answer, example questions), for the focus check. */
  private readonly factTerms: (string[][] | undefined)[] = [];
  /** Each fact's terms in its quote, answer, keywords and example questions, for the names check. */
  private readonly named: (Set<string> | undefined)[] = [];
  /** Each fact's words as written, for which-noun checks: stated (quote, answer) and with its curated words. */
  private readonly surface: ({ strict: Set<string>; loose: Set<string> } | undefined)[] = [];

  constructor(
    private readonly index: SearchIndex,
    private readonly examples: ExampleQuestions,
  ) {
    this.types = new Uint8Array(index.knowledge.facts.length);
  }

  /**
   * Whether the quote holds the type of answer asked for. A curated example question of the same
   * intent (`exampleIntent`) vouches for the type; "what is X?" always needs a sentence about X.
   */
  typeMatch(doc: number, q: CheckedQuestion, exampleIntent: boolean): boolean {
    const { analysis, asked } = q;
    // A curated example question of the same intent vouches for the type, but not past the sentence
    // check: "When will the 910C mass rollout happen?" has a when-example on the Ascend fact, whose only
    // date (2019) stands beside the 910, not the 910C ("currently preparing for mass rollout").
    const typed =
      !analysis.expects ||
      ((exampleIntent || this.hasType(doc, analysis, asked)) && this.typeBesideName(doc, q));
    return (
      typed &&
      this.defines(doc, analysis) &&
      !this.givesOwnAmount(doc, q) &&
      !this.causesSomethingElse(doc, q)
    );
  }

  /**
   * "Why did the U.S. blacklist Huawei?" is not answered by "The company had to transform after the
   * U.S. placed it on a trade blacklist in 2019": what the question asks about stands only in the
   * sentence's "after …" clause, as the cause of something else, not as what the sentence explains.
   * ("Why did Huawei have to transform?" is answered by it: "transform" stands before "after".)
   */
  private causesSomethingElse(doc: number, q: CheckedQuestion): boolean {
    if (q.analysis.expects !== "reason") return false;
    const asked = new Set(q.analysis.topic.map(termOf));
    let found = false;
    for (const sentence of this.sentencesOf(doc)) {
      const ws = words(sentence);
      const clause = ws.findIndex((w) => CAUSE_CLAUSE.has(w));
      for (let i = 0; i < ws.length; i++) {
        if (!asked.has(termOf(ws[i] as string))) continue;
        if (clause < 0 || i < clause) return false;
        found = true;
      }
    }
    return found;
  }

  /**
   * Whether the fact names every name the question is about, in its quote, answer, keywords or
   * example questions: "How much revenue did Huawei Cloud make?" is not answered by the ICT unit's
   * revenue, though the fact names Huawei and has a how-much example question. A lone "Huawei" (the
   * knowledge's subject) is no name here; "Huawei Cloud" is (follow-up-topic.ts judges names as the
   * knowledge writes them). Example questions count: "What's Huawei's answer to Nvidia's CUDA?" is
   * the curator saying the CANN fact is about Nvidia too (without them, 9 right answers were capped).
   */
  namesAll(doc: number, q: CheckedQuestion): boolean {
    if (q.specificNames.length === 0) return true;
    const named = this.namedTerms(doc);
    return q.specificNames.every((t) => named.has(t));
  }

  private namedTerms(doc: number): Set<string> {
    const cached = this.named[doc];
    if (cached) return cached;
    const fact = this.index.knowledge.facts[doc];
    const texts = [
      this.quoteOf(doc),
      fact?.answer ?? "",
      ...(fact?.keywords ?? []),
      ...(fact?.questions ?? []),
    ];
    const named = new Set(terms(texts.join(" ")));
    this.named[doc] = named;
    return named;
  }

  /**
   * "How much of the ICT unit's 362 billion yuan came from AI?": the question states the quote's only
   * amount itself, so it asks for something else (a part of it), whatever example questions the fact
   * has. Amounts only: "How many chips does CloudMatrix 384 connect?" is rightly answered by "384".
   */
  private givesOwnAmount(doc: number, q: CheckedQuestion): boolean {
    if (q.analysis.expects !== "amount") return false;
    const numbers = q.analysis.numbers.filter((w) => /^\d[\d,.]*$/.test(w));
    if (numbers.length === 0) return false;
    const quote = this.quoteOf(doc);
    const own = numbers.some((n) => new RegExp(`\\b${n.replace(/[.]/g, "\\.")}\\b`).test(quote));
    return own && (typeFlags(withoutNumbers(quote, numbers)) & TYPE_BIT.amount) === 0;
  }

  /** The fact's quoted sentences as the knowledge split them (its splitter knows "U.S." ends no sentence). */
  private sentencesOf(doc: number): string[] {
    const fact = this.index.knowledge.facts[doc];
    const all = this.index.knowledge.sentences;
    const texts = (fact?.sentences ?? []).map((i) => all[i]?.text ?? "").filter((t) => t);
    return texts.length > 0 ? texts : [this.quoteOf(doc)];
  }

  quoteOf(doc: number): string {
    return this.index.knowledge.facts[doc]?.citations.map((c) => c.quote).join(" ") ?? "";
  }

  /** Whether the fact covers the attribute the question asks about (focus-cover.ts), or a which-noun. */
  focusCovered(doc: number, q: CheckedQuestion): boolean {
    const analysis = q.analysis;
    const focus = analysis.focus;
    if (!focus) return true;
    // A which/what-noun ("which event") may be covered by a keyword; the lexicon's attributes are read on content.
    if (!LEXICON_FOCUS.has(focus.name))
      return this.namesNoun(doc, focus.words, q) && !this.countsNoun(doc, focus.words, q.concepts);
    let texts = this.factTerms[doc];
    if (!texts) {
      const fact = this.index.knowledge.facts[doc];
      texts = factTermsOf([`${this.quoteOf(doc)} ${fact?.answer ?? ""}`, ...(fact?.questions ?? [])]);
      this.factTerms[doc] = texts;
    }
    return focusCoveredBy(analysis, texts, (this.flagsOf(doc) & TYPE_BIT.number) !== 0, q.askedTerms);
  }

  /**
   * Whether the fact uses the noun a which/what question asks for, as written (or a plural) or a
   * synonym: not by stem, since "which mine" is not answered by "mining trucks". Example questions and
   * keywords count: "what areas", "what playbook" are the curator's words for what the fact says.
   */
  /**
   * Whether the quote only counts the things a "which industries?" question asks to name: "used in
   * over 20 sectors" says how many sectors, not which. Plural nouns only ("which sector" may be named).
   */
  private countsNoun(doc: number, nouns: readonly string[], concepts: readonly Concept[]): boolean {
    const plural = nouns.filter((n) => /[^s]s$/.test(n));
    if (plural.length === 0) return false;
    const wanted = new Set(plural.flatMap((n) => [termOf(n), ...synonymTerms(n, concepts)]));
    let counted = false;
    const quote = this.quoteOf(doc);
    // Each mention of the noun, with the three words before it ("over 20 sectors", "100 self-driving
    // mining trucks"); a number in a model name ("GPT-4") or a year is no count.
    for (const m of quote.matchAll(/[\p{L}\p{N}]+(?:['.][\p{L}\p{N}]+)*/gu)) {
      if (!wanted.has(termOf(m[0].toLowerCase()))) continue;
      const before = quote.slice(Math.max(0, m.index - 40), m.index);
      const near = before.split(/\s+/).slice(-4).join(" ");
      if (/(?<![\p{L}\d.]|\p{L}-)\d[\d,.]*(?=\s)/u.test(near) && !/\b(1[89]|20)\d{2}\b/.test(near))
        counted = true;
      else return false;
    }
    return counted;
  }

  private namesNoun(doc: number, nouns: readonly string[], q: CheckedQuestion): boolean {
    let nounWords = this.surface[doc];
    if (!nounWords) {
      const fact = this.index.knowledge.facts[doc];
      // Example questions count for "which" only with the noun they ask about ("which industries…"):
      // "how many driverless trucks does huawei have in mines" does not say which mine.
      const askedNouns = (fact?.questions ?? []).flatMap((x) => {
        const m = /\b(?:which|what)\s+([\p{L}\d-]+)(?:\s+([\p{L}\d-]+))?/iu.exec(x);
        return m ? [m[1] ?? "", m[2] ?? ""] : [];
      });
      const stated = words(`${this.quoteOf(doc)} ${fact?.answer ?? ""}`);
      const curated = words([...(fact?.questions ?? []), ...(fact?.keywords ?? [])].join(" "));
      nounWords = {
        strict: new Set([...stated, ...askedNouns.map((w) => w.toLowerCase())]),
        loose: new Set([...stated, ...curated]),
      };
      this.surface[doc] = nounWords;
    }
    // "Which mine?" asks to pick one out, read on what the fact states; "what explanation?", "what
    // precedent?" are the curator's words for what the fact says, read on its examples and keywords too.
    const surface = q.asked.has("which") ? nounWords.strict : nounWords.loose;
    const concepts = q.concepts;
    const has = surface;
    return nouns.some((n) => {
      const forms = [
        n,
        `${n}s`,
        `${n}es`,
        n.replace(/s$/, ""),
        n.replace(/ies$/, "y"),
        n.replace(/y$/, "ies"),
      ];
      if (forms.some((f) => has.has(f))) return true;
      // A synonym the curator listed ("which sectors" on a fact about industries).
      return synonymTerms(n, concepts).some((t) => hasTerm(this.index, t, doc));
    });
  }

  /** "What is X?": the quote says what X is, or the curator wrote a "what is X" question for this fact. */
  private defines(doc: number, analysis: QuestionAnalysis): boolean {
    if (!analysis.defines) return true;
    const topic = analysis.defines.map(termOf);
    if (definesTopic(this.quoteOf(doc), topic)) return true;
    return this.examples.defined(doc).some((t) => topic.every((w) => t.has(w)));
  }

  private flagsOf(doc: number): number {
    let flags = this.types[doc] as number;
    if (flags === 0) {
      flags = typeFlags(this.quoteOf(doc)) | 128;
      this.types[doc] = flags;
    }
    return flags;
  }

  /** The fact's capitalised one-word keywords, lower-cased: curated names ("Forrester"). */
  private keywordNames(doc: number): Set<string> {
    const keywords = this.index.knowledge.facts[doc]?.keywords ?? [];
    return new Set(keywords.filter((k) => /^[A-Z][\p{L}\d-]*$/u.test(k)).map((k) => k.toLowerCase()));
  }

  /**
   * In a quote of several sentences, the date, number or place must stand in a sentence that names what
   * the question names: "when did Nvidia release the GB200 NVL72?" is not answered by "In April 2024,
   * Huawei introduced CloudMatrix 384… Analysts say it beats Nvidia's GB200 NVL72".
   */
  private typeBesideName(doc: number, q: CheckedQuestion): boolean {
    const expects = q.analysis.expects;
    if (!expects || expects === "entity" || expects === "reason") return true;
    // Only specific names: one most facts share ("Huawei") says nothing about which sentence is meant.
    const specific = (t: string) => (idfOf(this.index, t) ?? 0) >= 0.5 * this.index.maxIdf;
    const named = [
      ...q.nameTerms,
      ...q.concepts
        .filter((c) => MODEL_NUMBER.test(c.word))
        .flatMap((c) => c.alternatives.map((a) => a.term)),
    ].filter(specific);
    if (named.length === 0) return true;
    const quote = this.quoteOf(doc);
    const sentences = this.sentencesOf(doc);
    if (sentences.length < 2) return true;
    const inQuote = new Set(terms(quote).filter((t) => named.includes(t)));
    if (inQuote.size === 0) return true;
    // A count is checked as a count: "GB200" holds a digit but counts nothing.
    const holds = (s: string) =>
      expects === "number"
        ? hasCount(s, q.analysis.numbers) || (countsAList(q.asked) && enumerates(s))
        : (typeFlags(s) & TYPE_BIT[expects]) !== 0;
    // "Jack Chen … said the solution is scalable. “We can deploy this in …,” he added.": a sentence
    // whose pronoun points back names what the sentence before it named.
    let namedBefore = false;
    return sentences.some((s) => {
      const names = terms(s).some((t) => inQuote.has(t)) || (namedBefore && POINTS_BACK.test(s));
      namedBefore = names;
      return names && holds(s);
    });
  }

  private hasType(doc: number, analysis: QuestionAnalysis, asked: Set<string>): boolean {
    const expects = analysis.expects;
    if (!expects) return true;
    const flags = this.flagsOf(doc);
    if (expects === "entity") return namesSomeoneElse(this.quoteOf(doc), asked, this.keywordNames(doc));
    if (expects === "number" && countsAList(asked) && enumerates(this.quoteOf(doc))) return true;
    if (analysis.partOf && statesExtent(this.quoteOf(doc))) return true;
    if ((flags & TYPE_BIT[expects]) === 0) return false;
    const numbers = analysis.numbers;
    const quote = this.quoteOf(doc);
    if (expects === "number") return hasCount(quote, numbers);
    if (numbers.length === 0 || expects === "place" || expects === "reason") return true;
    return (typeFlags(withoutNumbers(quote, numbers)) & TYPE_BIT[expects]) !== 0;
  }
}
