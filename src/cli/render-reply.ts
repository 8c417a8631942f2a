import { describeReport } from "../analytics/report-text.js";
import { type BotReply, describeReload, describeStatus } from "../bot/handle.js";
import { WORDING as SAY } from "../bot/wording.js";
import { describeComparison } from "../knowledge/compare.js";
import { renderText } from "./render-text.js";

/**
 * A BotReply as terminal text, for the chat. Its sentences are every surface's (src/bot/wording.ts),
 * so the terminal says what Slack, Teams and the web page say.
 */

export const WORDING = {
  help: SAY.help,
  examples: SAY.examples,
  empty: SAY.empty,
  rateLimited: SAY.rateLimited,
  failed: SAY.failed,
} as const;

const examples = (label: string, list: string[]) =>
  list.length ? [label, ...list.map((e, i) => `  ${i + 1}. ${e}`)].join("\n") : "";

/** The chat's own words: what to type, and how to leave. */
export const CHAT_WORDING = {
  greeting: (title: string) => `Ask a question about "${title}" in your own words.`,
  keys: 'Type "help" for help; "exit", "quit" or Ctrl-D ends the chat.',
  help: 'In this terminal: "exit", "quit" or Ctrl-D ends the chat; "status" and "reload" run the admin commands.',
  ended: (serving: string) => `Chat ended. The server keeps serving on ${serving}; press Ctrl-C to stop it.`,
} as const;

export function renderReplyText(reply: BotReply): string {
  switch (reply.kind) {
    case "answer":
      return renderText(reply.answer);
    case "help":
      return [WORDING.help, examples(WORDING.examples, reply.examples), CHAT_WORDING.help]
        .filter(Boolean)
        .join("\n");
    case "empty":
      return examples(WORDING.empty, reply.examples);
    case "status":
      return describeStatus(reply.status);
    case "reload":
      return describeReload(reply.result);
    case "refused":
      return `"${reply.command}" is an admin command, for the people in ADMIN_USERS.`;
    case "small-talk":
      return [SAY.smallTalk[reply.talk], examples(WORDING.examples, reply.examples)]
        .filter(Boolean)
        .join("\n");
    case "rate-limited":
      return WORDING.rateLimited(reply.retryAfterSeconds);
    case "curation":
      if (reply.curation.kind === "report") return describeReport(reply.curation.report);
      return reply.curation.result.ok
        ? describeComparison(reply.curation.result.comparison)
        : `${reply.curation.file} would be refused:\n${reply.curation.result.message}`;
    default:
      return WORDING.failed;
  }
}
