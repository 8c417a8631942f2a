import type { SearchIndex } from "./index-build.js";

/** Example questions for help and welcome messages, spread across the knowledge, not the first few facts. */
export function exampleQuestions(index: SearchIndex, n = 3): string[] {
  const withQuestions = index.knowledge.facts.filter((f) => f.curated && f.questions.length > 0);
  if (withQuestions.length === 0) {
    return index.knowledge.facts.slice(0, n).map((f) => f.citations[0]?.quote ?? f.id);
  }
  const step = Math.max(1, Math.floor(withQuestions.length / n));
  const out: string[] = [];
  for (let i = 0; i < withQuestions.length && out.length < n; i += step) {
    out.push(withQuestions[i]?.questions[0] as string);
  }
  return out;
}
