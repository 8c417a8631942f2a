import type { AdminCommand } from "../../bot/handle.js";

/** Every sentence the web page says to people, in one place; tests assert on these. */

export const WORDING = {
  suggested: "I'm not sure, but this may answer it:",
  unknown: "I don't know: nothing in the knowledge I answer from covers that.",
  didYouMean: "Did you mean one of these?",
  orDidYouMean: "Or did you mean one of these?",
  sources: "Quoted sources",
  asOf: (d: string) => `As of ${d}`,
  knowledge: "Knowledge",
  helpful: "Helpful",
  notHelpful: "Not helpful",
  feedbackLabel: "Was this answer helpful?",
  thanks: {
    up: "Thanks for the feedback!",
    down: "Thanks for the feedback. It helps us fix the answers.",
  },
  /** The optional box a "Not helpful" vote opens (same words as Slack's and Teams'). */
  comment: {
    label: "What was wrong with the answer? (optional)",
    placeholder: "e.g. out of date, wrong fact, didn't answer my question",
    send: "Send",
    thanks: "Thanks: your comment goes to the people who curate the answers.",
    empty: "Type what was wrong first, or leave the box empty.",
  },
  help: "Ask a strategy question in your own words. I answer from a curated knowledge file and quote the sentences I rely on.",
  examples: "Try asking:",
  empty: "Ask me a strategy question, for example:",
  refused: (cmd: AdminCommand) =>
    `“${cmd}” is an admin command. On this page, use the Admin panel instead (it may ask for the admin token).`,
  rateLimited: (s: number) => `You're asking faster than I can keep up. Please try again in ${s} s.`,
  reloadOk: "Knowledge reloaded",
  reloadFailed: "Reload refused: the previous knowledge is still serving",
  status: "Knowledge status",
  failed: "Sorry, something went wrong while answering. Please try again in a moment.",
  tooLong: (max: number) => `Please keep questions under ${max} characters.`,
  noQuestion: "Type a question first.",
  tokenNeeded: "This admin view needs the admin token (ADMIN_TOKEN).",
  tokenWrong: "That admin token is not right.",
  /** Shown in place of the report of unanswered questions and 👎 when nothing is recorded. */
  reportOff: "No report: questions and feedback are not being recorded (ANALYTICS=off).",
  reportTitle: "Last 7 days",
} as const;
