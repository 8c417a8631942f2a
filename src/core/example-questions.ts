import { definitionTopic } from "./definition.js";
import { idfOf, type SearchIndex } from "./index-build.js";
import { analyseQuestion, type Intent } from "./question.js";
import { termOf, terms } from "./text.js";

/**
 * The curated example questions of each fact, as the scorer compares them with a question: their
 * terms with idf, and their intents. Worked out once per fact on first use and kept with the index.
 */
export class ExampleQuestions {
  private readonly termsByDoc = new Map<
    number,
    { intent: Intent; terms: { term: string; idf: number }[] }[]
  >();
  private readonly definedByDoc = new Map<number, Set<string>[]>();

  constructor(private readonly index: SearchIndex) {}

  /** The topics (as term sets) of the fact's "what is X" example questions: the curator says it defines X. */
  defined(doc: number): Set<string>[] {
    let topics = this.definedByDoc.get(doc);
    if (!topics) {
      topics = (this.index.knowledge.facts[doc]?.questions ?? []).flatMap((q) => {
        const topic = definitionTopic(q);
        return topic ? [new Set(topic.map(termOf))] : [];
      });
      this.definedByDoc.set(doc, topics);
    }
    return topics;
  }

  /**
   * How much of the closest curated example question the asker's words cover, by idf. "Who is Huawei's
   * CEO?" covers little of "what did nvidia's ceo say about huawei": a hint that the fact is about
   * someone else. 1 for facts without example questions (nothing to compare with). With `intent`, only
   * the example questions of that intent count (0 if there are none).
   */
  coverage(askedTerms: Set<string>, doc: number, intent?: Intent): number {
    let examples = this.termsByDoc.get(doc);
    if (!examples) {
      const questions = this.index.knowledge.facts[doc]?.questions ?? [];
      examples = questions.map((q) => ({
        intent: analyseQuestion(q).intent,
        terms: [...new Set(terms(q))].map((term) => ({ term, idf: idfOf(this.index, term) ?? 0 })),
      }));
      this.termsByDoc.set(doc, examples);
    }
    if (examples.length === 0) return intent === undefined ? 1 : 0;
    let best = 0;
    for (const example of examples) {
      if (intent !== undefined && example.intent !== intent) continue;
      let total = 0;
      let covered = 0;
      for (const { term, idf } of example.terms) {
        total += idf;
        if (askedTerms.has(term)) covered += idf;
      }
      if (total > 0 && covered / total > best) best = covered / total;
    }
    return best;
  }
}
