import { exampleQuestions } from "../core/examples.js";
import type { Answer } from "../core/types.js";
import { presentExample, presentQuestion } from "../knowledge/presentable.js";

/** Renderers tidy any question they show as a button (idempotent after presented()). */
export { tidyQuestion } from "../knowledge/presentable.js";

import type { BotDeps, Welcome } from "./types.js";

/**
 * Example questions for help, chips and welcome cards, from the knowledge being served now, as a
 * person would write them (a fact's well-formed question, not the raw phrasing that helps matching).
 */
export function examples(deps: BotDeps, n = 3): string[] {
  const index = deps.store.current();
  return exampleQuestions(index, n).map((e) => presentExample(index.knowledge, e));
}

/** What a surface shows first: the knowledge's title and version, and a few questions to try. */
export function welcome(deps: BotDeps): Welcome {
  const index = deps.store.current();
  return { title: index.knowledge.title, version: index.knowledge.version, examples: examples(deps) };
}

/** Suggestion chips and buttons show each fact's well-formed question, on every surface. */
export function presented(a: Answer, deps: Pick<BotDeps, "store">): Answer {
  if (a.suggestions.length === 0) return a;
  const k = deps.store.current().knowledge;
  return {
    ...a,
    suggestions: a.suggestions.map((s) => ({ ...s, question: presentQuestion(k, s.factId, s.question) })),
  };
}
