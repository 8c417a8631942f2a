import type { SearchIndex } from "./index-build.js";
import { citationFor, type Fact, type KnowledgeSentence } from "./knowledge.js";
import type { Answer, Suggestion } from "./types.js";

/**
 * Follow-ups answered from the passage the previous answer cited, not by searching again: "tell me
 * more" (the next sentences), "who said that?" (the attribution next to the quote), "when was that?"
 * (the date in or next to it), "the other one" (the runner-up). Pure; reads only the cited paragraph.
 */

export const PASSAGE = {
  /** Sentences "tell me more" adds at a time. */
  moreSentences: 2,
  /** Confidence of an answer read off the cited paragraph: it is the asker's own passage. */
  confidence: 0.9,
  /** Longest run cited for "who said that?" (attribution plus the quote it belongs to). */
  maxRun: 3,
};

const SPEECH =
  /\b(said|says|say|explained|added|wrote|noted|warned|told|stated|argued|cautioned|acknowledged|claimed|called|according to)\b/i;
// "he explained" names no one: the speaker is in an earlier sentence.
const PRONOUN_SPEAKER =
  /\b(he|she|they|it|we|I)\s+(?:also\s+|recently\s+|later\s+)?(said|says|explained|added|wrote|noted|warned|told|stated|argued|cautioned|claimed|called)\b/i;
const DATE =
  /\b(1[89]\d\d|20\d\d)s?\b|\b(January|February|March|April|May|June|July|August|September|October|November|December)\b/;

/** The fact an earlier answer came from, looked up in the knowledge serving now. */
export function factOf(answer: Answer, index: SearchIndex): Fact | undefined {
  return answer.factId ? index.knowledge.facts.find((f) => f.id === answer.factId) : undefined;
}

function samePara(a: KnowledgeSentence | undefined, b: KnowledgeSentence | undefined): boolean {
  return !!a && !!b && a.source === b.source && a.paragraph === b.paragraph;
}

/** The fact that cites sentence `s` (a curated one before the implicit one), for the Answer's id. */
function factCiting(s: number, index: SearchIndex): Fact | undefined {
  let found: Fact | undefined;
  for (const f of index.knowledge.facts) {
    if (!f.sentences.includes(s)) continue;
    if (f.curated) return f;
    found ??= f;
  }
  return found;
}

function sourceOf(s: KnowledgeSentence, index: SearchIndex) {
  return index.knowledge.sources.find((src) => src.id === s.source) ?? { id: s.source, title: s.source };
}

/** A cited Answer for a run of consecutive sentences of one paragraph. */
export function passageAnswer(question: string, run: KnowledgeSentence[], index: SearchIndex): Answer {
  const first = run[0] as KnowledgeSentence;
  const fact = factCiting(first.index, index);
  return {
    status: "answered",
    question,
    text: run.map((s) => s.text).join(" "),
    ...(fact ? { factId: fact.id } : {}),
    citations: [citationFor(run, sourceOf(first, index))],
    confidence: PASSAGE.confidence,
    suggestions: [],
    version: index.knowledge.version,
    ...(fact?.asOf ? { asOf: fact.asOf } : {}),
  };
}

function unknown(question: string, index: SearchIndex, suggestions: Suggestion[] = []): Answer {
  return {
    status: "unknown",
    question,
    text: "",
    citations: [],
    confidence: 0,
    suggestions,
    version: index.knowledge.version,
  };
}

/**
 * "tell me more": the sentences after the last one cited, in the same paragraph. At the paragraph's end
 * the answer is `unknown` with the next paragraph's opening offered as a suggestion (none at the end of
 * the source), so the asker sees the paragraph is done and where the article goes on.
 */
export function moreAnswer(question: string, fact: Fact, index: SearchIndex, topic: string): Answer {
  const all = index.knowledge.sentences;
  const last = Math.max(...fact.sentences);
  const next = all[last + 1];
  if (!samePara(all[last], next)) {
    // Not "I don't know": the asker was just answered. Say the passage is done ("I know about Pangu,
    // but not anything more than that") and offer where the article goes on.
    const gap = { topic, missing: "anything more than that" };
    const opening =
      next && next.source === all[last]?.source ? passageAnswer(question, [next], index) : undefined;
    if (!opening) return { ...unknown(question, index), gap };
    const suggestion: Suggestion = {
      factId: opening.factId ?? "",
      question: opening.text,
      answer: opening.text,
      citations: opening.citations,
      confidence: 0,
    };
    return { ...unknown(question, index, opening.factId ? [suggestion] : []), gap };
  }
  const run: KnowledgeSentence[] = [];
  for (let i = last + 1; run.length < PASSAGE.moreSentences && samePara(all[last], all[i]); i++) {
    run.push(all[i] as KnowledgeSentence);
  }
  return passageAnswer(question, run, index);
}

/** Sentences of the fact's paragraph, nearest to the cited ones first: cited, then before, then after. */
function nearby(fact: Fact, index: SearchIndex): KnowledgeSentence[] {
  const all = index.knowledge.sentences;
  const first = Math.min(...fact.sentences);
  const last = Math.max(...fact.sentences);
  const out = fact.sentences.map((i) => all[i] as KnowledgeSentence);
  for (let i = first - 1; samePara(all[first], all[i]); i--) out.push(all[i] as KnowledgeSentence);
  for (let i = last + 1; samePara(all[last], all[i]); i++) out.push(all[i] as KnowledgeSentence);
  return out;
}

/** The cited sentences with `extra` joined on when it stands right before or after them. */
function withCited(extra: KnowledgeSentence, fact: Fact, index: SearchIndex): KnowledgeSentence[] {
  const all = index.knowledge.sentences;
  const from = Math.min(extra.index, ...fact.sentences);
  const to = Math.max(extra.index, ...fact.sentences);
  if (to - from + 1 > PASSAGE.maxRun) return [extra];
  return all.slice(from, to + 1);
}

const QUOTED = /["“”]|\b(he|she|they)\s+(said|says|explained|added|wrote|noted|warned|told)\b/i;

/**
 * "who said that?": the sentence naming the speaker. Neighbours are searched only when the cited text
 * quotes someone ("…,” he explained"); a plain statement is the source's own, answered `unknown` with
 * a gap naming the source, never with a neighbour's unrelated "Huawei said".
 */
export function speakerAnswer(question: string, fact: Fact, index: SearchIndex): Answer {
  const all = index.knowledge.sentences;
  const cited = fact.sentences.map((i) => all[i] as KnowledgeSentence);
  const pool = cited.some((s) => QUOTED.test(s.text)) ? nearby(fact, index) : cited;
  const said = pool.find((s) => SPEECH.test(s.text) && !PRONOUN_SPEAKER.test(s.text));
  if (said) return passageAnswer(question, withCited(said, fact, index), index);
  const first = cited[0];
  const title = first ? sourceOf(first, index).title : "the source";
  return {
    ...unknown(question, index),
    gap: { topic: title, missing: "who said it, beyond the source itself" },
  };
}

/**
 * "when was that?": the cited sentences when they carry a date, else the nearest one of the paragraph
 * that does. The source dates events next to them; with no date there, it is `unknown` with a gap
 * ("I know about <topic>, but not when") rather than a search that would quote an undated sentence.
 */
export function dateAnswer(question: string, fact: Fact, index: SearchIndex, topic: string): Answer {
  const dated = nearby(fact, index).find((s) => DATE.test(s.text));
  if (dated) return passageAnswer(question, withCited(dated, fact, index), index);
  return { ...unknown(question, index), gap: { topic, missing: "when that was" } };
}

/** "the other one": the first fact, in the given order, that the conversation has not shown yet. */
export function otherAnswer(
  question: string,
  candidates: readonly string[],
  shown: ReadonlySet<string>,
  index: SearchIndex,
): Answer | undefined {
  const id = candidates.find((c) => !shown.has(c));
  const fact = id ? index.knowledge.facts.find((f) => f.id === id) : undefined;
  if (!fact) return undefined;
  return {
    status: "answered",
    question,
    text: fact.answer ?? fact.citations.map((c) => c.quote).join(" "),
    factId: fact.id,
    citations: fact.citations,
    // Picked by the asker, as a clicked suggestion is (answerFact): no matching left to doubt.
    confidence: 1,
    suggestions: [],
    version: index.knowledge.version,
    ...(fact.asOf ? { asOf: fact.asOf } : {}),
  };
}
