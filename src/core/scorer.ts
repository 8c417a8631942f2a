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
import { type CheckedQuestion, FactChecks, unknownNames } from "./fact-checks.js";
import { topicWords } from "./follow-up-topic.js";
import type { SearchIndex } from "./index-build.js";
import { type Concept, parseQuestion } from "./query.js";
import { analyseQuestion, type QuestionAnalysis } from "./question.js";
import { SIGNAL_NAMES, type SignalName } from "./signals.js";
import { termOf, words } from "./text.js";
import { TUNABLES } from "./tunables.js";

/**
 * The scorer, built with the index: it owns the per-fact scratch buffers and caches (example-question
 * terms; the answer checks and theirs, fact-checks.ts), so nothing lives in module state. rank() returns the candidates with
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
  /** The fact states every name the question is about (FactChecks.namesAll); else at most `suggested`. */
  namesCovered: boolean;
}

export interface Ranked {
  analysis: QuestionAnalysis;
  concepts: Concept[];
  candidates: Candidate[];
  /**
   * Names the question typed that the knowledge never uses, not even as a typo ("H100", "DeepSeek"),
   * as typed: no fact can answer a question about them, so the answer is at most `suggested`.
   */
  unknownNames: string[];
}

/** What rank() works out once per question and every candidate reads. */
interface PerQuestion extends CheckedQuestion {
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
  /** The answer checks (type, focus, definition), with their per-fact caches. */
  private readonly checks: FactChecks;
  /** Words in each fact's quote, 0 = not counted yet. */
  private readonly quoteWords: Uint16Array;

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
    this.checks = new FactChecks(index, this.examples);
    this.quoteWords = new Uint16Array(n);
  }

  rank(question: string): Ranked {
    const analysis = analyseQuestion(question);
    const concepts = parseQuestion(question, this.index);
    if (concepts.length === 0) return { analysis, concepts, candidates: [], unknownNames: [] };
    const pool = this.retrieve(concepts);
    const top = pool.sort((a, b) => b.score - a.score).slice(0, TUNABLES.ranking.candidates);
    const askedTerms = new Set<string>();
    for (const c of concepts) for (const a of c.alternatives) askedTerms.add(a.term);
    const q: PerQuestion = {
      concepts,
      analysis,
      asked: new Set(words(question)),
      nameTerms: analysis.names.map(termOf),
      // Curated knowledge only: its names are few and written with care, while judging every word of
      // sources-only text by its casing would cost each question a scan of sampled sentences.
      specificNames:
        this.profile === "curated"
          ? topicWords(question, this.index)
              .filter((t) => t.name && !t.ubiquitous)
              .map((t) => termOf(t.word))
          : [],
      numberTerms: analysis.numbers.map(termOf),
      askedTerms,
      idfMass: concepts.reduce((a, c) => a + c.idf, 0),
      unknown: concepts.reduce((a, c) => a + (c.alternatives.length === 0 ? c.idf : 0), 0),
      top,
    };
    const candidates = top.map((c) => this.candidate(c.doc, c.score, c.phrase, q));
    const bestScore = top[0]?.score || 1;
    // A fact without the kind of answer asked for ("why" and no reason) gives way to one that has it.
    // So does a curated fact without the attribute asked for ("which industries?": the fact naming them,
    // not the one counting them); on sources-only text the asked noun is often worded otherwise in the
    // answering sentence (SQuAD rank@1 0.736 -> 0.725 when it counted there too).
    const { confidenceMix, checkPenalty } = TUNABLES.ranking;
    const curated = this.profile === "curated";
    const passes = (c: Candidate) => c.typeMatch && (c.focusCovered || !curated);
    const order = (c: Candidate) =>
      confidenceMix * c.related + c.score / bestScore - (passes(c) ? 0 : checkPenalty);
    return {
      analysis,
      concepts,
      candidates: candidates.sort((a, b) => order(b) - order(a)),
      unknownNames: unknownNames(question, analysis, concepts),
    };
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
    const { concepts, analysis, idfMass, unknown, top } = q;
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
    // Vouched for by a curated example question of the same intent about the same thing: "why did
    // Huawei launch Huawei Cloud in 2017?" is not vouched for by "why does Huawei Cloud matter?".
    const exampleIntent =
      analysis.expects !== undefined &&
      this.examples.coverage(q.askedTerms, doc, analysis.intent) >= TUNABLES.ranking.exampleIntentCoverage;
    const typeMatch = this.checks.typeMatch(doc, q, exampleIntent);
    const focusCovered = this.checks.focusCovered(doc, q);
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
      // One example question, of the question's own intent, wholly covered: "why did the U.S. blacklist
      // Huawei?" does not restate "when was Huawei put on the blacklist?" plus a why-question about
      // something else.
      exampleExact:
        exampleSim >= 0.999 &&
        coverage >= 0.999 &&
        exampleIntent &&
        this.examples.coverage(q.askedTerms, doc, analysis.intent) >= 0.999
          ? 1
          : 0,
    };
    const namesCovered = this.checks.namesAll(doc, q);
    return {
      doc,
      score,
      signals,
      confidence: this.calibrated(signals),
      related,
      focusCovered,
      typeMatch,
      namesCovered,
    };
  }

  /** The logistic model over the signals, or the hand-set confidence when there is no calibration. */
  calibrated(signals: Record<SignalName, number>): number {
    const w = this.weights;
    if (!w) return signals.handSet;
    let z = w.bias;
    for (const s of SIGNAL_NAMES) z += w.weights[s] * signals[s];
    return sigmoid(z);
  }

  private quoteWordsOf(doc: number): number {
    let n = this.quoteWords[doc] as number;
    if (n === 0) {
      n = this.checks.quoteOf(doc).split(" ").length;
      this.quoteWords[doc] = n;
    }
    return n;
  }
}
