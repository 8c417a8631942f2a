/**
 * The named signals the calibration weighs, one value per candidate fact. Each is documented here,
 * printed by `ask --explain` / `eval --explain` with its contribution, and weighted in calibration.json.
 */
export const SIGNAL_NAMES = [
  "handSet",
  "bm25",
  "relScore",
  "margin",
  "coverage",
  "informative",
  "exampleSim",
  "exampleIntent",
  "phrase",
  "typoShare",
  "unknownShare",
  "typeAsked",
  "typeMismatch",
  "focusAsked",
  "focusMissing",
  "quoteWords",
  "missingIdf",
  "nameMissing",
  "numberMissing",
  "exampleExact",
] as const;

export type SignalName = (typeof SIGNAL_NAMES)[number];

/** What each signal measures (shown by --explain and the README). */
export const SIGNAL_DOC: Record<SignalName, string> = {
  handSet:
    "the earlier hand-set confidence: idf coverage^1.5 x score strength x informativeness x example check",
  bm25: "BM25F score (incl. phrase bonus) / the most a question of this idf mass could score",
  relScore: "score / best candidate's score (1 for the top one)",
  margin: "(score - best other candidate's score) / best score: how far ahead of the runner-up",
  coverage: "share of the question's idf mass the fact matches (synonyms and typos discounted)",
  informative: "question idf mass / 3, capped at 1: one common word says little",
  exampleSim:
    "idf share of the closest curated example question covered by the asker's words (1 without examples)",
  exampleIntent:
    "1 if the question expects a type (who, when, where, why, how many/much) and one of the fact's example questions has the same intent",
  phrase: "phrase bonus / score: question words side by side in the fact",
  typoShare: "share of the question's idf mass matched only through a typo correction",
  unknownShare: "share of the question's idf mass in words the knowledge never uses",
  typeAsked: "1 if the question expects a type of answer (date, number, person, place, reason)",
  typeMismatch: "1 if it does and the quote holds nothing of that type",
  focusAsked: "1 if the question asks for an attribute (price, who runs it, headcount, revenue...)",
  focusMissing: "1 if it does and the fact never covers that attribute",
  quoteWords: "log(words in the quote) / 4: long sentences match by chance",
  missingIdf: "idf of the rarest question word the fact lacks / the rarest possible idf",
  nameMissing: "share of the question's capitalised names the fact never uses",
  numberMissing: "1 if a number the question gives is not in the fact",
  exampleExact:
    "1 if the question wholly covers a curated example question of its own intent, and the fact covers the question",
};
