import { dateAnswer, factOf, moreAnswer, otherAnswer, speakerAnswer } from "./follow-up-answers.js";
import {
  hasOwnTopic,
  personReferred,
  refersBack,
  refersWithin,
  replaceReferences,
  swapTopic,
  topicPhrase,
} from "./follow-up-topic.js";
import type { SearchIndex } from "./index-build.js";
import type { Fact } from "./knowledge.js";
import { classifySmallTalk, normalizeQuestion } from "./register.js";
import { escapeRegExp, isStopword, words } from "./text.js";
import type { Answer, ConversationContext, ConversationTurn } from "./types.js";

/**
 * Follow-ups in one conversation: "and its chips?", "what about pangu?", "why?", "tell me more",
 * "the other one", "who said that?", "when was that?". A question is resolved against the last few
 * turns into either a standalone question for the scorer or an answer read off the cited passage.
 * A question that names its own topic is never touched: context only fills in what is missing.
 */

/** Turns read, newest last; older ones are ignored whatever the bot layer keeps. */
export const MAX_TURNS = 5;

export type FollowUp = { kind: "question"; question: string } | { kind: "answer"; answer: Answer };

export interface FollowUpDeps {
  /** Candidate facts for a standalone question, best first: "the other one" is the first not yet shown. */
  ranked(question: string): readonly { factId: string; confidence: number }[];
}

/** Longest question whose "it"/"they" is read as pointing at the previous turn. */
export const MAX_REFERRING_WORDS = 8;

/** A runner-up less related than this is not "the other one" the asker saw or meant. */
export const MIN_OTHER_CONFIDENCE = 0.15;

const POINTING_ONLY: ReadonlySet<Form> = new Set(["more", "other", "who-said", "when", "why"]);

type Form = "more" | "other" | "who-said" | "when" | "why" | "connector" | "refers" | "standalone";

const MORE =
  /^(?:tell me more|more|go on|continue|keep going|and then|then what|what else|anything else|more please|more details?|more info|elaborate|say more|can you elaborate|tell me more about (?:that|it|this)|more (?:on|about) (?:that|this|it)|what happened next|what next)$/;
const OTHER =
  /^(?:(?:no,? )?(?:i meant |i mean )?(?:the )?other (?:one|answer|option|fact)|the other|the second one|the next one|another one|not that one|the runner[- ]up|(?:show me|give me) the other (?:one|answer))$/;
const WHO_SAID =
  /^(?:who said (?:that|it|this|so)|who said|says who|who says so|who says|who claimed that|who wrote (?:that|it|this)|according to whom|who is quoted|who was quoted|source|what is the source|where is that from|where does that come from)$/;
const WHEN =
  /^(?:when was (?:that|this|it)|when|when did (?:that|this|it) happen|when did they do (?:that|it)|what year|which year|what year was (?:that|it)|since when)$/;
const WHY_EXTRA = new Set([
  "why",
  "come",
  "reason",
  "happen",
  "happened",
  "so",
  "do",
  "that",
  // "why those ones?", "why this one?"
  "those",
  "these",
  "this",
  "one",
  "ones",
]);
const CONNECTOR =
  /^(?:and|also|but|ok|okay|so)?\s*(?:what about|how about|what of|and about|same for|same question for|and for|and)\s+(.+)$/;
const QUESTION_START =
  /^(?:what|when|where|who|whom|whose|which|why|how|is|are|was|were|does|do|did|can|could|will|would|should|has|have|tell|list|explain|describe|give)\b/;

/** Longest line read as a bare follow-up ("how many?", "which industries exactly?"), in words. */
export const MAX_BARE_WORDS = 4;
/** Words of a bare follow-up that are not question words: "which industries?" has one, "huwaei ascent chip" three. */
const BARE_CONTENT = 1;
const NOT_CONTENT = new Set(
  // "launch year?": the year is what it asks, like "when"; the topic is the earlier one's.
  "how many much which what who when where why any so far exactly else again year date".split(" "),
);

/**
 * A short line with at most one content word, no name, no pointing word and no subject of its own: it
 * continues the conversation. "huwaei ascent chip" is a short question of its own.
 */
function isBare(q: string, index: SearchIndex): boolean {
  const ws = words(q);
  const content = ws.filter((w) => !NOT_CONTENT.has(w) && !isStopword(w));
  return (
    ws.length <= MAX_BARE_WORDS &&
    content.length <= BARE_CONTENT &&
    !refersWithin(q, index) &&
    !classifySmallTalk(q)
  );
}

/** The shape of a chat line, from its wording alone: which kind of follow-up it could be. */
function formOf(q: string): Form {
  const whole = q
    .toLowerCase()
    .replace(/[?!.]+$/, "")
    .trim();
  // "and why?", "ok, tell me more": the lead-in is not the follow-up, except for "and nvidia?".
  const t = whole.replace(/^(?:ok|okay|and|so|but|hmm+)[\s,]+/, "");
  if (MORE.test(t)) return "more";
  if (OTHER.test(t)) return "other";
  if (WHO_SAID.test(t)) return "who-said";
  if (WHEN.test(t)) return "when";
  const w = words(t);
  if ((w[0] === "why" || t.startsWith("how come")) && w.every((x) => WHY_EXTRA.has(x) || isStopword(x))) {
    return "why";
  }
  const rest = CONNECTOR.exec(whole)?.[1];
  if (rest && !QUESTION_START.test(rest) && words(rest).length <= 6) return "connector";
  return refersBack(t) ? "refers" : "standalone";
}

/** The previous question with its question word swapped for another: "when did X" -> "why did X". */
function reask(previous: string, asking: "why" | "when" | "who said", index: SearchIndex): string {
  const rest = previous
    .replace(/[?!.]+$/, "")
    .replace(QUESTION_START, "")
    .trim();
  return rest ? `${asking} ${rest}?` : `${asking} ${topicPhrase(previous, index)}?`;
}

/** The standalone question a turn asked, resolving earlier follow-ups in turn (bounded by MAX_TURNS). */
function effectiveQuestion(turns: readonly ConversationTurn[], index: SearchIndex): string | undefined {
  const last = turns[turns.length - 1];
  if (!last) return undefined;
  const q = normalizeQuestion(last.question);
  const earlier = turns.slice(0, -1);
  const form = formOf(q);
  if (form === "more" || form === "other" || form === "who-said") return effectiveQuestion(earlier, index);
  const rewritten = rewrite(q, form, earlier, index);
  // "why?" whose topic fell out of the window has none: better no question than "why?" itself.
  if (!rewritten && (form === "why" || form === "when" || form === "connector")) return undefined;
  return rewritten ?? q;
}

/**
 * A follow-up that the scorer answers, rewritten with the earlier topic; undefined if not one. A short
 * line that names nothing ("how many?", "any caveats?", "which industries?") is read about the earlier
 * topic too: on its own it asks about nothing in particular.
 */
function rewrite(q: string, form: Form, earlier: readonly ConversationTurn[], index: SearchIndex) {
  if (form === "more" || form === "other" || earlier.length === 0) return undefined;
  if (form === "standalone" && !isBare(q, index)) return undefined;
  const previous = effectiveQuestion(earlier, index);
  if (!previous) return undefined;
  if (form === "standalone") return `${q.replace(/[?!.]+$/, "")} ${topicPhrase(previous, index)}?`;
  if (form === "why") return reask(previous, "why", index);
  if (form === "when") return reask(previous, "when", index);
  if (form === "connector") {
    const rest = (CONNECTOR.exec(q.toLowerCase().replace(/[?!.]+$/, "")) ?? [])[1] ?? q;
    if (refersBack(rest) || !hasOwnTopic(rest, index)) {
      // "and its chips?", "what about the revenue?": the earlier topic with the new words.
      return replaceReferences(rest, topicPhrase(previous, index));
    }
    // "what about pangu?": the earlier question about the new names.
    return swapTopic(previous, rest, index);
  }
  // "refers": "when did they launch it?" names nothing itself; "where is huawei taking its chips?" does.
  // Follow-ups are short: a long question with an "it" is a question of its own.
  if (words(q).length > MAX_REFERRING_WORDS) return undefined;
  const cited = earlier[earlier.length - 1]?.answer.citations ?? [];
  // "what did he say about huawei?" after an answer quoting Paul Triolo: "he" is Triolo, whatever
  // else the line names, unless it names a person or product of its own.
  const person = personReferred(q, cited);
  if (person && !hasOwnTopic(q, index)) return replaceReferences(q, person);
  if (refersWithin(q, index)) return undefined;
  return replaceReferences(q, person ?? topicPhrase(previous, index));
}

/**
 * The topic's words as the fact's quote writes them ("ascend 910" -> "Ascend 910"), else as asked; the
 * fact's id when the question named nothing.
 */
function shownAsWritten(topic: string, fact: Fact | undefined): string {
  if (!fact) return topic;
  if (!topic) return fact.id;
  const quote = fact.citations.map((c) => c.quote).join(" ");
  return topic
    .split(" ")
    .map(
      (w) =>
        quote.match(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(w)}(?![\\p{L}\\p{N}])`, "iu"))?.[0] ?? w,
    )
    .join(" ");
}

/**
 * Resolves a chat line against its conversation. Without context (or for a standalone question) the
 * result is the normalised question itself, so passing context never changes a standalone answer.
 */
export function resolveFollowUp(
  question: string,
  index: SearchIndex,
  context: ConversationContext | undefined,
  deps: FollowUpDeps,
): FollowUp {
  // "hi", "thanks!", "help": small talk is the bot layer's to answer; the scorer never quotes a fact for it.
  if (classifySmallTalk(question)) return { kind: "question", question: "" };
  const q = normalizeQuestion(question);
  const turns = context?.turns.slice(-MAX_TURNS) ?? [];
  const prev = turns[turns.length - 1];
  const form = formOf(q);
  // "tell me more", "the other one", "why?" opening a conversation point at nothing: no question.
  if (!prev) return { kind: "question", question: POINTING_ONLY.has(form) ? "" : q };
  const fact = factOf(prev.answer, index);
  const asked = question.slice(0, 2000);
  // What the conversation is about, for a gap ("I know about Ascend 910, but not when that was").
  const topic = () => shownAsWritten(topicPhrase(effectiveQuestion(turns, index) ?? "", index), fact);
  if (form === "more" && fact) return { kind: "answer", answer: moreAnswer(asked, fact, index, topic()) };
  if (form === "who-said" && fact) return { kind: "answer", answer: speakerAnswer(asked, fact, index) };
  if (form === "when" && fact) return { kind: "answer", answer: dateAnswer(asked, fact, index, topic()) };
  if (form === "other") {
    const previous = effectiveQuestion(turns, index);
    const shown = new Set(turns.flatMap((t) => (t.answer.factId ? [t.answer.factId] : [])));
    const candidates = [
      ...prev.answer.suggestions.map((s) => s.factId),
      ...(previous ? deps.ranked(previous) : [])
        .filter((r) => r.confidence >= MIN_OTHER_CONFIDENCE)
        .map((r) => r.factId),
    ];
    const other = otherAnswer(asked, candidates, shown, index);
    if (other) return { kind: "answer", answer: other };
  }
  const asking = form === "who-said" ? "who said" : undefined;
  const previous = asking ? effectiveQuestion(turns, index) : undefined;
  if (asking && previous) return { kind: "question", question: reask(previous, asking, index) };
  return { kind: "question", question: rewrite(q, form, turns, index) ?? q };
}
