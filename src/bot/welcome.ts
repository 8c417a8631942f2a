import { exampleQuestions } from "../core/examples.js";
import type { BotDeps, Welcome } from "./types.js";

/** Example questions for help, chips and welcome cards, from the knowledge being served now. */
export function examples(deps: BotDeps, n = 3): string[] {
  return exampleQuestions(deps.store.current(), n);
}

/** What a surface shows first: the knowledge's title and version, and a few questions to try. */
export function welcome(deps: BotDeps): Welcome {
  const index = deps.store.current();
  return {
    title: index.knowledge.title,
    version: index.knowledge.version,
    examples: exampleQuestions(index),
  };
}
