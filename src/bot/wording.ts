import type { AdminCommand, SmallTalk } from "./types.js";

/**
 * Every sentence a person reads from the bot, on every surface, in one place. Plain text: each
 * adapter escapes and marks it up for its platform (Slack mrkdwn, Teams markdown, HTML). Tests assert
 * on these, so changing a sentence here changes it everywhere at once.
 */

/** The core names what is missing as a question ("who runs it") or an attribute ("price": "its price"). */
const missingPhrase = (missing: string) =>
  /^(?:who|what|when|where|why|how|which|whether|its|their|anything|the)\b/i.test(missing)
    ? missing
    : `its ${missing}`;

const WORDING_UNKNOWN = "I don't know: nothing in the knowledge I answer from covers that.";
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export const WORDING = {
  /** The one "I don't know". */
  unknown: WORDING_UNKNOWN,
  /** Instead of an answer: Answer.gap ("I know about X, but not Y") when the core found one, else "I don't know". */
  notKnown: (gap?: { topic: string; missing: string }) =>
    gap ? `I know about ${gap.topic}, but not ${missingPhrase(gap.missing)}.` : WORDING_UNKNOWN,
  suggested: "I'm not sure, but this may answer it:",
  didYouMean: "Did you mean one of these?",
  orDidYouMean: "Or did you mean one of these?",
  moreQuotes: (n: number) => `… and ${n} more quoted ${n === 1 ? "sentence" : "sentences"}`,
  asOf: (date: string) => `As of ${date}`,
  knowledge: "Knowledge",
  /** The one apology, for any failure on any platform. */
  failed: "Sorry, something went wrong while answering. Please try again in a moment.",
  rateLimited: (seconds: number) =>
    `You're sending questions faster than I can take them. Please slow down and try again in ${plural(seconds, "second")}.`,

  help: "I answer strategy questions from a curated knowledge file and quote the sentences I rely on. Ask in your own words.",
  examples: "Try asking:",
  empty: "Ask me a strategy question, for example:",
  smallTalk: {
    greeting: "Hello! Ask me a strategy question and I'll answer with the source sentences it rests on.",
    thanks: "You're welcome! Ask me anything else whenever you like.",
  } satisfies Record<SmallTalk, string>,
  welcome: (title: string) =>
    `Hello! I answer questions about ${title} by quoting the exact source sentences, with citations.`,
  /** Where and how to ask, per surface (the command name is the platform's own). */
  howToAsk: {
    /** `usage`: the slash command with its argument, marked up by the adapter. */
    slack: (usage: string) => [
      "Mention me in a channel: I answer in the thread.",
      "Send me a direct message.",
      `${usage}: only you see the answer, and you can share it.`,
    ],
    teamsPersonal: "Just type your question.",
    teamsShared: "In a channel or group chat, @mention me with your question.",
  },
  adminHelp: (reload: string, status: string) =>
    `Admins: ${reload} reloads the knowledge file, ${status} shows what is loaded.`,
  refused: (cmd: AdminCommand) =>
    `Sorry, only the bot's admins can run "${cmd}". If an answer looks out of date, ask one of them to reload the knowledge.`,
  /** The web page has its own admin panel instead of chat commands. */
  refusedOnPage: (cmd: AdminCommand) =>
    `“${cmd}” is an admin command. On this page, use the Admin panel instead (it may ask for the admin token).`,

  vote: {
    helpful: "Helpful",
    notHelpful: "Not helpful",
    question: "Was this answer helpful?",
    thanksUp: "Thanks for the feedback!",
    thanksDown: "Thanks for the feedback. It helps us fix the answers.",
    /** Shown in a shared channel once someone has voted: the card changes in place, nothing is posted. */
    recorded: "Feedback recorded, thank you.",
  },
  comment: {
    title: "What was wrong?",
    label: "What was wrong with the answer? (optional, helps the curators fix it)",
    placeholder: "e.g. out of date, wrong fact, didn't answer my question",
    send: "Send",
    skip: "Skip",
    thanks: "Thanks, the curators will read it.",
  },
  share: "Share in channel",
  asked: (who: string, question: string) => `${who} asked: ${question}`,

  admin: {
    reloadTitle: "Knowledge reload",
    statusTitle: "Knowledge status",
    reportFix:
      "Fix: add a question to the closest fact (or a new fact), run `strategy-bot check`, then `reload`.",
    dryRunRefused: (file: string) => `Dry run: ${file} would be refused`,
    dryRun: (summary: string) => `Dry run (nothing swapped): ${summary}`,
    reloadRefused: (serving: string | undefined, problem: string) =>
      `Reload refused; still serving ${serving ?? "nothing"}.\n${problem}`,
    reloaded: (version: string, previous: string | undefined, ms: number) =>
      `Reloaded knowledge ${version}${previous ? ` (was ${previous})` : ""} in ${ms} ms.`,
    /** `added`, `removed`, `changed`: each already "n (id, id, …)". */
    changes: (added: string, removed: string, changed: string) =>
      `added ${added}; removed ${removed}; changed ${changed}.`,
    size: (facts: number, sentences: number) => `${facts} facts, ${sentences} sentences.`,
    statusHead: (version: string | undefined, title: string | undefined) =>
      `Knowledge ${version ?? "(none)"}: "${title ?? ""}"`,
    statusCounts: (facts: number, curated: number, sentences: number, sources: number) =>
      `${facts} facts (${curated} curated), ${sentences} sentences, ${sources} source(s).`,
    loadedFrom: (at: string | undefined, file: string) => `Loaded at ${at ?? "never"} from ${file}.`,
    lastError: (at: string, message: string) => `Last reload error (${at}):\n${message}`,
    noErrors: "No reload errors.",
    /** `facts`: already "id (review by …, owner), …". */
    overdue: (n: number, facts: string) => `${n} fact(s) past their review date: ${facts}`,
    sourceChanged: (source: string, facts: string) =>
      `Source "${source}" text changed: check ${facts || "(no curated facts)"}.`,
  },
} as const;
