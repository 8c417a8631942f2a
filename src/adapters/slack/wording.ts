import type { AdminCommand } from "../../bot/types.js";
import { WORDING as SAY } from "../../bot/wording.js";
import { escapeMrkdwn as esc, mentionUser } from "./escape.js";
import { SLACK_COMMAND } from "./parse.js";

/**
 * The bot's sentences (src/bot/wording.ts) as Slack mrkdwn: the same words, escaped, with Slack's own
 * markup (bold, code, emoji, user mentions). No sentence is written here.
 */

const code = (s: string) => `\`${s}\``;

export const WORDING = {
  suggested: SAY.suggested,
  unknown: SAY.unknown,
  notKnown: (gap?: { topic: string; missing: string }) => esc(SAY.notKnown(gap)),
  didYouMean: SAY.didYouMean,
  orDidYouMean: SAY.orDidYouMean,
  moreQuotes: SAY.moreQuotes,
  knowledge: (version: string, asOf?: string) =>
    `${SAY.knowledge} ${code(esc(version))}${asOf ? ` · ${esc(SAY.asOf(asOf))}` : ""}`,
  asked: (user: string, question: string) => SAY.asked(mentionUser(user), esc(question)),
  helpful: `👍 ${SAY.vote.helpful}`,
  notHelpful: `👎 ${SAY.vote.notHelpful}`,
  share: SAY.share,
  thanks: { up: `${SAY.vote.thanksUp} 👍`, down: `${SAY.vote.thanksDown} 👎` },
  /** The "What was wrong?" modal (plain text; Slack cuts the title at 24 characters). */
  comment: SAY.comment,
  help: [
    esc(SAY.help),
    // Escaped: a bare <question> would be read as a link.
    ...SAY.howToAsk.slack(code(`${SLACK_COMMAND} ${esc("<question>")}`)).map((line) => `• ${line}`),
  ].join("\n"),
  examples: `*${SAY.examples}*`,
  empty: SAY.empty,
  smallTalk: SAY.smallTalk,
  adminHelp: SAY.adminHelp(code(`${SLACK_COMMAND} reload`), code(`${SLACK_COMMAND} status`)),
  refused: (cmd: AdminCommand) => esc(SAY.refused(cmd)),
  failed: SAY.failed,
  rateLimited: SAY.rateLimited,
} as const;
