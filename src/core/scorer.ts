import { hasCount, namesSomeoneElse, TYPE_BIT, typeFlags, withoutNumbers } from "./answer-checks.js";
import {
  coverageOf,
  hasTerm,
  newScratch,
  pairBonus,
  pairIdsOf,
  type Scratch,
  scoreDocs,
  topK,
} from "./bm25.js";
import {
  type Calibration,
  FALLBACK_THRESHOLDS,
  type Profile,
  type ProfileWeights,
  sigmoid,
  type Thresholds,
} from "./calibration.js";
import { ExampleQuestions } from "./example-questions.js";
import { LEXICON_FOCUS } from "./focus.js";
import { factTermsOf, focusCoveredBy } from "./focus-cover.js";
import type { SearchIndex } from "./index-build.js";
import { type Concept, parseQuestion } from "./query.js";
import { analyseQuestion, type QuestionAnalysis } from "./question.js";
import { SIGNAL_NAMES, type SignalName } from "./signals.js";
import { termOf, words } from "./text.js";
import { TUNABLES } from "./tunables.js";

/**
 * The scorer, built with the index: it owns the per-fact scratch buffers and caches (example-question
 * terms, answer-type flags), so nothing lives in module state. rank() returns the candidates with
 * their named signals, calibrated confidence and answer checks; answer() turns them into an Answer.
 */

export interface Candidate {
  doc: number;
  score: number;
  signals: Record<SignalName, number>;
  /** Calibrated probability that this fact's quote answers the question. */
  confidence: number;
  /** How related the fact is, ignoring the checks: for offering it as a suggestion. */
  related: number;
  focusCovered: boolean;
  typeMatch: boolean;
}

export interface Ranked {
  analysis: QuestionAnalysis;
  concepts: Concept[];
  candidates: Candidate[];
}

/** What rank() works out once per question and every candidate reads. */
interface PerQuestion {
  concepts: Concept[];
  analysis: QuestionAnalysis;
  /** The question's surface words (lower case). */
  asked: Set<string>;
  /** Every index term the question's concepts may stand for. */
  askedTerms: Set<string>;
  /** Index terms of the question's capitalised names and of its numbers. */
  nameTerms: string[];
  numberTerms: string[];
  idfMass: number;
  unknown: number;
  top: { doc: number; score: number }[];
}

export class Scorer {
  readonly profile: Profile;
  readonly thresholds: Thresholds;
  /** undefined: the hand-set fallback (no calibration for this profile). */
  readonly weights: ProfileWeights | undefined;
  private readonly scratch: Scratch;
  private readonly examples: ExampleQuestions;
  /** Answer-type bitmask per fact, 0 = not computed yet (bit 128 marks computed). */
  private readonly types: Uint8Array;
  /** Words in each fact's quote, 0 = not counted yet. */
  private readonly quoteWords: Uint16Array;
  /** Each fact's words as terms (quote + answer, example questions), for the focus check; filled lazily. */
  private readonly factTerms: (string[][] | undefined)[] = [];

  constructor(
    private readonly index: SearchIndex,
    calibration: Calibration | null,
  ) {
    const n = index.knowledge.facts.length;
    this.profile = index.knowledge.facts.some((f) => f.curated) ? "curated" : "sources";
    this.weights = calibration?.profiles[this.profile];
    this.thresholds = this.weights?.thresholds ?? FALLBACK_THRESHOLDS;
    this.scratch = newScratch(n);
    this.examples = new ExampleQuestions(index);
    this.types = new Uint8Array(n);
    this.quoteWords = new Uint16Array(n);
  }

  rank(question: string): Ranked {
    const analysis = analyseQuestion(question);
    const concepts = parseQuestion(question, this.index);
    if (concepts.length === 0) return { analysis, concepts, candidates: [] };
    const pool = this.retrieve(concepts);
    const top = pool.sort((a, b) => b.score - a.score).slice(0, TUNABLES.ranking.candidates);
    const askedTerms = new Set<string>();
    for (const c of concepts) for (const a of c.alternatives) askedTerms.add(a.term);
    const q: PerQuestion = {
      concepts,
      analysis,
      asked: new Set(words(question)),
      nameTerms: analysis.names.map(termOf),
      numberTerms: analysis.numbers.map(termOf),
      askedTerms,
      idfMass: concepts.reduce((a, c) => a + c.idf, 0),
      unknown: concepts.reduce((a, c) => a + (c.alternatives.length === 0 ? c.idf : 0), 0),
      top,
    };
    const candidates = top.map((c) => this.candidate(c.doc, c.score, c.phrase, q));
    const bestScore = top[0]?.score || 1;
    // A fact without the kind of answer asked for ("why" and no reason) gives way to one that has it.
    const { confidenceMix, checkPenalty } = TUNABLES.ranking;
    const order = (c: Candidate) =>
      confidenceMix * c.related + c.score / bestScore - (c.typeMatch ? 0 : checkPenalty);
    return { analysis, concepts, candidates: candidates.sort((a, b) => order(b) - order(a)) };
  }

  /** BM25F over the posting lists into the scratch buffers, then the phrase bonus on the best pool. */
  private retrieve(concepts: Concept[]): { doc: number; score: number; phrase: number }[] {
    const scratch = this.scratch;
    let count = 0;
    let done = false;
    try {
      count = scoreDocs(concepts, this.index, scratch);
      const pairIds = pairIdsOf(concepts, this.index);
      const pool = topK(scratch.scores, scratch.touched, count, TUNABLES.ranking.rerankPool).map((doc) => {
        const phrase = pairBonus(pairIds, this.index, doc);
        return { doc, score: (scratch.scores[doc] ?? 0) + phrase, phrase };
      });
      done = true;
      return pool;
    } finally {
      // Leave the buffers clean for the next question: cheaply when all went well, wholly if not.
      if (done) for (let t = 0; t < count; t++) scratch.scores[scratch.touched[t] as number] = 0;
      else {
        scratch.scores.fill(0);
        scratch.best.fill(0);
      }
    }
  }

  private candidate(doc: number, score: number, phrase: number, q: PerQuestion): Candidate {
    const { concepts, analysis, asked, idfMass, unknown, top } = q;
    const { coverage, fuzzy, missingIdf } = coverageOf(concepts, this.index, doc);
    const lacks = (term: string) => !hasTerm(this.index, term, doc);
    const names = q.nameTerms;
    const informative = Math.min(1, idfMass / 3);
    const strength = 1 - Math.exp(-score / 3);
    const related = Math.max(
      0,
      Math.min(1, coverage ** 1.5 * (0.6 + 0.4 * strength) * (0.7 + 0.3 * informative)),
    );
    const exampleSim = this.examples.coverage(q.askedTerms, doc);
    const handSet = related * (1 - 0.5 * (1 - exampleSim));
    const bestScore = top[0]?.score || 1;
    const other = top.reduce((m, t) => (t.doc !== doc && t.score > m ? t.score : m), 0);
    // Only typed intents: nearly every fact has a "what" example question.
    const exampleIntent = analysis.expects !== undefined && this.examples.intents(doc).has(analysis.intent);
    const typeMatch = !analysis.expects || exampleIntent || this.hasType(doc, analysis, asked);
    const focusCovered = this.focusCovered(doc, analysis, q.askedTerms);
    const signals: Record<SignalName, number> = {
      handSet,
      // Against the most a question of this idf mass could score: absolute BM25 grows with the corpus.
      bm25: idfMass > 0 ? score / (idfMass * (TUNABLES.bm25.k1 + 1)) : 0,
      relScore: score / bestScore,
      margin: (score - other) / bestScore,
      coverage,
      informative,
      exampleSim,
      exampleIntent: exampleIntent ? 1 : 0,
      phrase: score > 0 ? phrase / score : 0,
      typoShare: fuzzy,
      unknownShare: idfMass > 0 ? unknown / idfMass : 0,
      typeAsked: analysis.expects ? 1 : 0,
      typeMismatch: typeMatch ? 0 : 1,
      focusAsked: analysis.focus ? 1 : 0,
      focusMissing: focusCovered ? 0 : 1,
      quoteWords: Math.log(1 + this.quoteWordsOf(doc)) / 4,
      missingIdf,
      nameMissing: names.length > 0 ? names.filter(lacks).length / names.length : 0,
      numberMissing: q.numberTerms.some(lacks) ? 1 : 0,
      exampleExact: exampleSim >= 0.999 && coverage >= 0.999 && exampleIntent ? 1 : 0,
    };
    return { doc, score, signals, confidence: this.calibrated(signals), related, focusCovered, typeMatch };
  }

  /** The logistic model over the signals, or the hand-set confidence when there is no calibration. */
  calibrated(signals: Record<SignalName, number>): number {
    const w = this.weights;
    if (!w) return signals.handSet;
    let z = w.bias;
    for (const s of SIGNAL_NAMES) z += w.weights[s] * signals[s];
    return sigmoid(z);
  }

  private quoteOf(doc: number): string {
    return this.index.knowledge.facts[doc]?.citations.map((c) => c.quote).join(" ") ?? "";
  }

  private quoteWordsOf(doc: number): number {
    let n = this.quoteWords[doc] as number;
    if (n === 0) {
      n = this.quoteOf(doc).split(" ").length;
      this.quoteWords[doc] = n;
    }
    return n;
  }

  private focusCovered(doc: number, analysis: QuestionAnalysis, askedTerms: ReadonlySet<string>): boolean {
    const focus = analysis.focus;
    if (!focus) return true;
    // A which/what-noun ("which event") may be covered by a keyword; the lexicon's attributes are read on content.
    if (!LEXICON_FOCUS.has(focus.name)) return focus.terms.some((t) => hasTerm(this.index, t, doc));
    let texts = this.factTerms[doc];
    if (!texts) {
      const fact = this.index.knowledge.facts[doc];
      texts = factTermsOf([`${this.quoteOf(doc)} ${fact?.answer ?? ""}`, ...(fact?.questions ?? [])]);
      this.factTerms[doc] = texts;
    }
    return focusCoveredBy(analysis, texts, (this.flagsOf(doc) & TYPE_BIT.number) !== 0, askedTerms);
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

  private hasType(doc: number, analysis: QuestionAnalysis, asked: Set<string>): boolean {
    const expects = analysis.expects;
    if (!expects) return true;
    const flags = this.flagsOf(doc);
    if (expects === "entity") return namesSomeoneElse(this.quoteOf(doc), asked, this.keywordNames(doc));
    if ((flags & TYPE_BIT[expects]) === 0) return false;
    const numbers = [...asked].filter((w) => /\d/.test(w));
    if (expects === "number") return hasCount(this.quoteOf(doc), numbers);
    if (numbers.length === 0 || expects === "place" || expects === "reason") return true;
    return (typeFlags(withoutNumbers(this.quoteOf(doc), numbers)) & TYPE_BIT[expects]) !== 0;
  }
}
