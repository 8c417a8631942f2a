import type { BotDeps } from "../../bot/handle.js";
import type { Answer } from "../../core/types.js";
import { presentQuestion } from "../../knowledge/presentable.js";
import { text } from "./http.js";

/** Small request/answer shaping for the web routes: what a vote links to, how chips read. */

/** Suggestion chips show each fact's well-formed question, not the raw phrasing that matched. */
export function presented(a: Answer, deps: BotDeps): Answer {
  const k = deps.store.current().knowledge;
  return {
    ...a,
    suggestions: a.suggestions.map((s) => ({ ...s, question: presentQuestion(k, s.factId, s.question) })),
  };
}

/** A vote or comment's answer id and fact, as the page echoes them back (bounded, plain tokens). */
export function voteAbout(v: Record<string, unknown>) {
  const answerId = text(v.answerId);
  const factId = text(v.factId);
  const version = (text(v.version) ?? "").slice(0, 100);
  return {
    ...(answerId && /^[\w-]{1,64}$/.test(answerId) ? { answerId } : {}),
    ...(factId ? { factId: factId.slice(0, 200) } : {}),
    ...(version ? { version } : {}),
  };
}
