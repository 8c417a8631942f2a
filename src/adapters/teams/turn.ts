import { type BotDeps, handleSuggestion, handleText } from "../../bot/handle.js";
import { exampleQuestions } from "../../core/examples.js";
import type { Logger } from "../../log.js";
import type { TeamsInput } from "./parse.js";
import type { TeamsReply } from "./render.js";

/**
 * What the bot does with one parsed Teams input: the platform-free handling in src/bot decides, this
 * only routes. No SDK types, so it is tested without botbuilder.
 */
export async function respond(
  input: TeamsInput,
  deps: BotDeps,
  log: Logger,
): Promise<TeamsReply | undefined> {
  switch (input.kind) {
    case "ignored":
      log.debug("teams activity ignored", { reason: input.reason });
      return undefined;
    case "question":
      return handleText(input.text, input.asker, deps);
    case "suggestion":
      log.info("suggestion clicked", { factId: input.factId, user: input.asker.userId });
      return { kind: "answer", answer: handleSuggestion(input.factId, input.question, deps) };
    case "feedback":
      // Stored in a later issue; for now the log line is the record.
      log.info("feedback", {
        platform: "teams",
        feedback: input.feedback,
        factId: input.factId,
        version: input.version,
        user: input.asker.userId,
      });
      return { kind: "feedback", feedback: input.feedback };
    case "welcome": {
      const index = deps.store.current();
      return {
        kind: "welcome",
        title: index.knowledge.title,
        examples: exampleQuestions(index),
        mentionHint: input.scope !== "personal",
      };
    }
  }
}
