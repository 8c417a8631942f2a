import type { AdminCommand } from "../../bot/handle.js";
import { escapeMrkdwn as esc, mentionUser } from "./escape.js";
import { SLACK_COMMAND } from "./parse.js";

/** Every sentence the Slack adapter says to people, in one place; tests assert on these. */

export const WORDING = {
  suggested: "I'm not sure, but this may answer it:",
  unknown: "I don't know: nothing in the knowledge I answer from covers that.",
  didYouMean: "Did you mean one of these?",
  orDidYouMean: "Or did you mean one of these?",
  moreQuotes: (n: number) => `… and ${n} more quoted sentence${n === 1 ? "" : "s"}`,
  knowledge: (version: string, asOf?: string) =>
    `Knowledge \`${esc(version)}\`${asOf ? ` · as of ${esc(asOf)}` : ""}`,
  asked: (user: string, question: string) => `${mentionUser(user)} asked: ${esc(question)}`,
  helpful: "👍 Helpful",
  notHelpful: "👎 Not helpful",
  share: "Share in channel",
  thanks: {
    up: "Thanks for the feedback! 👍",
    down: "Thanks for the feedback. 👎 It helps us fix the answers.",
  },
  /** The optional "what was wrong?" modal after a 👎 (plain text; the title fits Slack's 24 characters). */
  comment: {
    title: "What was wrong?",
    label: "What was wrong with the answer? (optional)",
    placeholder: "e.g. out of date, wrong fact, didn't answer my question",
    send: "Send",
    skip: "Skip",
  },
  help: [
    "I answer strategy questions from a curated knowledge file and quote the sentences I rely on.",
    "• Mention me in a channel: I answer in the thread.",
    "• Send me a direct message.",
    // Escaped: a bare <question> would be read as a link.
    `• \`${SLACK_COMMAND} ${esc("<question>")}\`: only you see the answer, and you can share it.`,
  ].join("\n"),
  examples: "*Try asking:*",
  empty: "Ask me a strategy question, for example:",
  adminHelp: `Admins: \`${SLACK_COMMAND} reload\` reloads the knowledge file, \`${SLACK_COMMAND} status\` shows what is loaded.`,
  refused: (cmd: AdminCommand) =>
    `Sorry, only the bot's admins can run \`${cmd}\`. If an answer looks out of date, ask one of them to reload the knowledge.`,
  failed: "Sorry, something went wrong while answering. Please try again in a moment.",
  rateLimited: (seconds: number) =>
    `You're sending questions faster than I can take them. Please slow down and try again in ${seconds} second${seconds === 1 ? "" : "s"}.`,
} as const;
