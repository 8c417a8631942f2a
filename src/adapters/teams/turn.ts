import { comment, vote } from "../../bot/feedback.js";
import { ask, askSuggestion, handleSuggestion } from "../../bot/handle.js";
import type { BotDeps } from "../../bot/types.js";
import { welcome } from "../../bot/welcome.js";
import type { Logger } from "../../log.js";
import type { CardPlace, Rated, TeamsInput } from "./parse.js";
import type { TeamsReply } from "./render.js";

/**
 * What the bot does with one parsed Teams input: src/bot decides, this only routes. No SDK types, so
 * it is tested without botbuilder.
 *
 * Votes and comments in a channel or group chat never post a message there (anyone could read the
 * thanks and fill in the comment box): the card they came from is changed in place instead, and its
 * comment box only accepts the voter's comment.
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
      return ask(input.text, input.asker, deps);
    case "suggestion":
      return askSuggestion(input.factId, input.question, input.asker, deps);
    case "feedback": {
      vote({ vote: input.feedback, ...rated(input) }, input.asker, deps);
      if (input.scope !== "personal") {
        return inPlace(
          input,
          deps,
          log,
          input.feedback === "down" ? "voted-down" : "voted-up",
          input.asker.userId,
        );
      }
      // A 👎 offers the optional "what was wrong?" box.
      return input.feedback === "down"
        ? { kind: "feedback", feedback: "down", comment: rated(input) }
        : { kind: "feedback", feedback: "up" };
    }
    case "comment":
      comment({ comment: input.comment, ...rated(input) }, input.asker, deps);
      return input.scope !== "personal" ? inPlace(input, deps, log, "commented") : { kind: "commented" };
    case "welcome": {
      const w = welcome(deps);
      return {
        kind: "welcome",
        title: w.title,
        examples: w.examples,
        mentionHint: input.scope !== "personal",
      };
    }
  }
}

const rated = (r: Rated): Rated => ({
  factId: r.factId,
  version: r.version,
  ...(r.answerId ? { answerId: r.answerId } : {}),
  ...(r.question ? { question: r.question } : {}),
});

/** The answer card re-drawn with the vote taken (undefined, nothing sent, when it cannot be found). */
function inPlace(
  input: Rated & CardPlace,
  deps: BotDeps,
  log: Logger,
  done: "voted-up" | "voted-down" | "commented",
  voter?: string,
): TeamsReply | undefined {
  if (!input.cardId) {
    log.info("teams vote in a shared scope without a card id: recorded, nothing sent", {
      scope: input.scope,
    });
    return undefined;
  }
  const answer = handleSuggestion(input.factId, input.question ?? "", deps);
  return {
    kind: "card-update",
    cardId: input.cardId,
    answer,
    rated: rated(input),
    done,
    ...(voter ? { voter } : {}),
  };
}
