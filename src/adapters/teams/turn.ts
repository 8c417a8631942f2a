import { recordVote } from "../../analytics/record.js";
import { type Asker, type BotDeps, handleSuggestion, handleText } from "../../bot/handle.js";
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
    case "feedback": {
      log.info("feedback", {
        platform: "teams",
        feedback: input.feedback,
        factId: input.factId,
        version: input.version,
        answerId: input.answerId,
        user: input.asker.userId,
      });
      const about = {
        factId: input.factId,
        version: input.version,
        ...(input.answerId ? { answerId: input.answerId } : {}),
      };
      if (deps.analytics)
        recordVote(deps.analytics, { ...about, ...vote(input.asker, deps), vote: input.feedback });
      // A 👎 offers the optional "what was wrong?" box.
      return input.feedback === "down"
        ? { kind: "feedback", feedback: "down", comment: about }
        : { kind: "feedback", feedback: "up" };
    }
    case "comment":
      log.info("feedback comment", { platform: "teams", factId: input.factId, answerId: input.answerId });
      if (deps.analytics && input.comment) {
        recordVote(deps.analytics, {
          factId: input.factId,
          version: input.version,
          ...(input.answerId ? { answerId: input.answerId } : {}),
          ...vote(input.asker, deps),
          vote: "down",
          comment: input.comment,
        });
      }
      return { kind: "commented" };
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

const vote = (asker: Asker, deps: BotDeps) => ({
  platform: asker.platform,
  userId: asker.userId,
  at: deps.now?.() ?? new Date(),
});
