import type { AdminCommand } from "../../bot/types.js";
import { WORDING as SAY } from "../../bot/wording.js";

/**
 * The web page's words. Sentences every surface says come from src/bot/wording.ts (one "I don't
 * know", one help, one apology); the page-only labels below are the page's own.
 */

export const WORDING = {
  suggested: SAY.suggested,
  unknown: SAY.unknown,
  didYouMean: SAY.didYouMean,
  orDidYouMean: SAY.orDidYouMean,
  sources: "Quoted sources",
  asOf: SAY.asOf,
  knowledge: SAY.knowledge,
  helpful: SAY.vote.helpful,
  notHelpful: SAY.vote.notHelpful,
  feedbackLabel: SAY.vote.question,
  thanks: {
    up: SAY.vote.thanksUp,
    down: SAY.vote.thanksDown,
  },
  /** The optional box a "Not helpful" vote opens (same words as Slack's and Teams'). */
  comment: {
    label: "What was wrong with the answer? (optional)",
    placeholder: "e.g. out of date, wrong fact, didn't answer my question",
    send: "Send",
    thanks: "Thanks: your comment goes to the people who curate the answers.",
    empty: "Type what was wrong first, or leave the box empty.",
  },
  help: SAY.help,
  examples: SAY.examples,
  empty: SAY.empty,
  refused: (cmd: AdminCommand) => SAY.refusedOnPage(cmd),
  rateLimited: SAY.rateLimited,
  reloadOk: "Knowledge reloaded",
  reloadFailed: "Reload refused: the previous knowledge is still serving",
  status: SAY.admin.statusTitle,
  failed: SAY.failed,
  tooLong: (max: number) => `Please keep questions under ${max} characters.`,
  noQuestion: "Type a question first.",
  tokenNeeded: "This admin view needs the admin token (ADMIN_TOKEN).",
  tokenWrong: "That admin token is not right.",
  /** Shown in place of the report of unanswered questions and 👎 when nothing is recorded. */
  reportOff: "No report: questions and feedback are not being recorded (ANALYTICS=off).",
  reportTitle: "Last 7 days",
} as const;
