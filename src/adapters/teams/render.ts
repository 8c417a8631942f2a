import { type BotReply, describeReload, describeStatus } from "../../bot/handle.js";
import type { Answer, Citation } from "../../core/types.js";
import { type CardAttachment, card, exampleElements, feedbackElements, suggestionElements } from "./cards.js";
import { escapeLines, escapeMarkdown, plainLine, safeUrl, truncate } from "./escape.js";

/**
 * Reply -> outgoing Teams message. Pure, and free of SDK types (botbuilder's `Partial<Activity>`
 * accepts the result).
 *
 * Layout: the message text is markdown with the answer, `[n]` markers, and the quotes with their
 * sources as a numbered list, so every client (Teams in channels, mobile, the Emulator) shows the
 * verbatim sentences; one schema.org Message entity makes Teams render the markers as native
 * citations. The quotes are verbatim, not generated, so no AI label (`additionalType`) is added.
 * Buttons (suggestions, feedback, examples) go in one Adaptive Card attachment.
 */

export type TeamsReply =
  | BotReply
  | { kind: "welcome"; title: string; examples: string[]; mentionHint: boolean }
  | { kind: "feedback"; feedback: "up" | "down" };

export interface CitationEntity {
  type: "https://schema.org/Message";
  "@type": "Message";
  "@context": "https://schema.org";
  citation: {
    "@type": "Claim";
    position: number;
    appearance: { "@type": "DigitalDocument"; name: string; abstract: string; url?: string };
  }[];
}

export interface OutgoingActivity {
  type: "message";
  textFormat: "markdown";
  text: string;
  entities?: CitationEntity[];
  attachments?: CardAttachment[];
}

/** Teams limits (bots/how-to/bot-messages-ai-generated-content): name 80, abstract 160, 20 citations. */
const NAME_MAX = 80;
const ABSTRACT_MAX = 160;
const CITATIONS_MAX = 20;
/** Teams refuses messages over about 28 KB; reload reports are the only long text we send. */
const TEXT_MAX = 20_000;

export const WORDING = {
  suggested: "I'm not sure, but this may answer it:",
  unknown: "I don't know: nothing in the knowledge answers that.",
  asOf: (d: string) => `_As of ${d}._`,
  welcome: (title: string) =>
    `Hello! I answer questions about **${title}** by quoting the exact source sentences, with citations.`,
  howToAsk: (mention: boolean) =>
    mention ? "In a channel or group chat, @mention me with your question." : "Just type your question.",
  help: "Ask me a question in your own words and I'll answer with the source sentences it rests on.",
  empty: "What would you like to know? Type a question (in a channel or group chat, after @mentioning me).",
  refused: (cmd: string) =>
    `Sorry, \`${cmd}\` is for the bot's admins only. An admin can add your Microsoft Entra object id to ADMIN_USERS.`,
  reloadTitle: "**Knowledge reload**",
  statusTitle: "**Knowledge status**",
  thanksUp: "Thanks for the feedback, glad it helped. 👍",
  thanksDown: "Thanks for the feedback. I've noted that this answer didn't help. 👎",
} as const;

function citationName(c: Citation): string {
  const locator = plainLine(c.locator);
  const room = NAME_MAX - locator.length - 2;
  return room >= 20
    ? `${truncate(plainLine(c.title), room)}, ${locator}`
    : truncate(plainLine(c.title), NAME_MAX);
}

export function citationEntity(citations: Citation[]): CitationEntity {
  return {
    type: "https://schema.org/Message",
    "@type": "Message",
    "@context": "https://schema.org",
    citation: citations.slice(0, CITATIONS_MAX).map((c, i) => {
      const url = safeUrl(c.url);
      return {
        "@type": "Claim",
        position: i + 1,
        appearance: {
          "@type": "DigitalDocument",
          name: citationName(c),
          abstract: truncate(plainLine(c.quote), ABSTRACT_MAX),
          ...(url ? { url } : {}),
        },
      };
    }),
  };
}

/** `1. “quote” — Title, paragraph 4, sentence 2`, the title linked when the knowledge gives a URL. */
function quoteLine(c: Citation, n: number): string {
  const url = safeUrl(c.url);
  const title = escapeMarkdown(c.title);
  const source = url ? `[${title}](${url})` : `_${title}_`;
  return `${n}. “${escapeMarkdown(c.quote)}” — ${source}, ${escapeMarkdown(c.locator)}`;
}

function message(lines: string[], extra: Omit<OutgoingActivity, "type" | "textFormat" | "text"> = {}) {
  const text = truncate(lines.filter((l) => l !== "").join("\n\n"), TEXT_MAX);
  const out: OutgoingActivity = { type: "message", textFormat: "markdown", text };
  if (extra.entities?.length) out.entities = extra.entities;
  if (extra.attachments?.length) out.attachments = extra.attachments;
  return out;
}

export function renderAnswer(a: Answer): OutgoingActivity {
  const lines: string[] = [];
  if (a.status === "suggested") lines.push(WORDING.suggested);
  if (a.status === "unknown") lines.push(WORDING.unknown);
  const cited = a.status === "unknown" ? [] : a.citations.slice(0, CITATIONS_MAX);
  if (a.status !== "unknown") {
    const marks = cited.map((_, i) => `[${i + 1}]`).join(" ");
    lines.push(`${escapeMarkdown(a.text)} ${marks}`.trim());
    cited.forEach((c, i) => {
      lines.push(quoteLine(c, i + 1));
    });
    if (a.asOf) lines.push(WORDING.asOf(escapeMarkdown(a.asOf)));
  }
  const body = [...suggestionElements(a), ...feedbackElements(a)];
  return message(lines, {
    ...(cited.length ? { entities: [citationEntity(cited)] } : {}),
    ...(body.length ? { attachments: [card(body)] } : {}),
  });
}

function withExamples(lines: string[], examples: string[]): OutgoingActivity {
  const body = exampleElements(examples);
  return message(lines, body.length ? { attachments: [card(body)] } : {});
}

export function renderReply(reply: TeamsReply): OutgoingActivity {
  switch (reply.kind) {
    case "answer":
      return renderAnswer(reply.answer);
    case "welcome":
      return withExamples(
        [WORDING.welcome(escapeMarkdown(reply.title)), WORDING.howToAsk(reply.mentionHint)],
        reply.examples,
      );
    case "help":
      return withExamples([WORDING.help], reply.examples);
    case "empty":
      return withExamples([WORDING.empty], reply.examples);
    case "refused":
      return message([WORDING.refused(reply.command)]);
    case "reload":
      return message([WORDING.reloadTitle, escapeLines(describeReload(reply.result))]);
    case "status":
      return message([WORDING.statusTitle, escapeLines(describeStatus(reply.status))]);
    case "feedback":
      return message([reply.feedback === "up" ? WORDING.thanksUp : WORDING.thanksDown]);
  }
}
