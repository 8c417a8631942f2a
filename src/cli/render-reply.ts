import { describeReport } from "../analytics/report-text.js";
import { type BotReply, describeReload, describeStatus } from "../bot/handle.js";
import { describeComparison } from "../knowledge/compare.js";
import { tidyQuestion } from "../knowledge/presentable.js";
import { renderText } from "./render-text.js";

/**
 * A BotReply as terminal text, for the chat. Its sentences are the web page's (a test keeps them the
 * same as src/adapters/web/wording.ts; the CLI may not import an adapter), so the terminal says what
 * every other surface says.
 */

export const WORDING = {
  help: "Ask a strategy question in your own words. I answer from a curated knowledge file and quote the sentences I rely on.",
  examples: "Try asking:",
  empty: "Ask me a strategy question, for example:",
  rateLimited: (s: number) => `You're asking faster than I can keep up. Please try again in ${s} s.`,
  failed: "Sorry, something went wrong while answering. Please try again in a moment.",
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
      return [WORDING.help, examples(WORDING.examples, reply.examples.map(tidyQuestion)), CHAT_WORDING.help]
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
