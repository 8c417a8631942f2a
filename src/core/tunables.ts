/**
 * Every tunable of matching and scoring, in one frozen object: meaning, range and default beside each.
 * The learned part (signal weights and status thresholds) is not here: it is data, trained by
 * `npm run calibrate` into src/core/calibration.json (see calibration.ts).
 */
export const TUNABLES = Object.freeze({
  /** How much each part of a fact counts in BM25F (0..2, default shown). Example questions and keywords are what askers type. */
  fields: Object.freeze({
    questions: 1.0,
    keywords: 1.0,
    answer: 0.7,
    quote: 0.8,
    /** The sentence before an implicit fact's sentence, and the source title: context, not content. */
    context: 0.25,
  }),
  /**
   * BM25 saturation k1 (0.5..3, default 1.2) and per-field length normalisation b (0..1); questions
   * and keywords are lists, so their length says little.
   */
  bm25: Object.freeze({
    k1: 1.2,
    b: Object.freeze({ questions: 0.3, keywords: 0.2, answer: 0.5, quote: 0.6, context: 0.5 }),
  }),
  /** Question words: how much a synonym / a typo correction counts against the word itself (0..1). */
  query: Object.freeze({
    /** Bonus per pair of question words standing side by side in a fact, times their idf (0..1, 0.25). */
    pairWeight: 0.25,
    synonymWeight: 0.8,
    fuzzyWeight: 0.9,
    /** idf of a word the knowledge never uses, as a share of the rarest possible idf (0..1, 0.8). */
    unknownIdf: 0.8,
  }),
  ranking: Object.freeze({
    /** Candidates scored with BM25F kept for the phrase bonus (8..200, 50). */
    rerankPool: 50,
    /** Candidates whose signals are computed and calibrated (2..20, 8). */
    candidates: 8,
    /** Weight of the calibrated confidence against score/best score when ordering candidates (0..2, 1). */
    confidenceMix: 1,
    /**
     * Taken off a candidate's order when its quote lacks the type of answer asked for (a "why" without
     * a reason, a "when" without a date) and no example question has the intent (0..1, 0.5; 0.3 ranked
     * one dev and two WikiQA questions lower, SQuAD rank@1 0.737 vs 0.734).
     */
    checkPenalty: 0.5,
    /**
     * A typed question (when, where, why, who, how many/much) passes the answer-type check on a curated
     * example question of the same intent only if it covers this share of that example's words, by idf
     * (0..1, 0.5): the example must be about the same thing. Over rounds 1–2 and round 3's tune half,
     * 0.5 stopped 4 confident near-miss answers and made 2 right answers `suggested` (0.3: 1 and 1).
     */
    exampleIntentCoverage: 0.5,
  }),
  /**
   * Answer a question that restates a curated example question (signal exampleExact) even below the
   * calibrated threshold (boolean, default true): the curator wrote that question for that fact.
   */
  answerRestatedExamples: true,
  /** Lowest confidence for a suggestion to be offered (0..1, 0.15). */
  suggestionFloor: 0.15,
  /** Longest question read (characters); beyond this is pasted text, not a question. */
  maxQuestionChars: 2000,
});

export type Field = keyof typeof TUNABLES.fields;
