import { describeReload, describeStatus } from "../../bot/admin.js";
import type { BotReply } from "../../bot/types.js";
import { WORDING as SAY } from "../../bot/wording.js";
import type { Answer, Citation } from "../../core/types.js";
import {
  type CardAttachment,
  card,
  commentElements,
  exampleElements,
  feedbackElements,
  noteElements,
  suggestionElements,
} from "./cards.js";
import { escapeLines, escapeMarkdown, plainLine, safeUrl, truncate } from "./escape.js";
import type { Rated } from "./parse.js";
import { curationLines } from "./render-report.js";

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
  | {
      kind: "feedback";
      feedback: "up" | "down";
      comment?: { factId: string; version: string; answerId?: string };
    }
  | { kind: "commented" }
  | {
      /** A vote or comment in a shared scope: the card's message is changed in place. */
      kind: "card-update";
      cardId: string;
      answer: Answer;
      rated: Rated;
      done: "voted-up" | "voted-down" | "commented";
      /** After a 👎: whose comment the box accepts. */
      voter?: string;
    };

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
/**
 * The 28 KB is bytes of the whole activity, and UTF-8 text can take up to three bytes per UTF-16 unit
 * (emoji, CJK), so the text is also cut to what fits beside its entities and card, with a margin.
 */
const ACTIVITY_MAX_BYTES = 27 * 1024;
const utf8 = new TextEncoder();
const sizeOf = (a: OutgoingActivity) => utf8.encode(JSON.stringify(a)).length;

/** The bot's sentences (src/bot/wording.ts) as Teams markdown; no sentence is written here. */
export const WORDING = {
  suggested: SAY.suggested,
  unknown: SAY.unknown,
  notKnown: (gap?: { topic: string; missing: string }) => escapeMarkdown(SAY.notKnown(gap)),
  asOf: (d: string) => `_${SAY.asOf(d)}._`,
  welcome: (title: string) => SAY.welcome(`**${title}**`),
  howToAsk: (mention: boolean) => (mention ? SAY.howToAsk.teamsShared : SAY.howToAsk.teamsPersonal),
  help: SAY.help,
  empty: SAY.empty,
  smallTalk: SAY.smallTalk,
  refused: (cmd: string) => escapeMarkdown(SAY.refused(cmd as Parameters<typeof SAY.refused>[0])),
  reloadTitle: `**${SAY.admin.reloadTitle}**`,
  statusTitle: `**${SAY.admin.statusTitle}**`,
  thanksUp: `${SAY.vote.thanksUp} 👍`,
  thanksDown: `${SAY.vote.thanksDown} 👎`,
  thanksComment: SAY.comment.thanks,
  failed: SAY.failed,
  rateLimited: SAY.rateLimited,
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
  const full = truncate(lines.filter((l) => l !== "").join("\n\n"), TEXT_MAX);
  const out: OutgoingActivity = { type: "message", textFormat: "markdown", text: full };
  if (extra.entities?.length) out.entities = extra.entities;
  if (extra.attachments?.length) out.attachments = extra.attachments;
  if (sizeOf(out) <= ACTIVITY_MAX_BYTES) return out;
  // The longest cut of the text that fits (binary search over its length).
  let [lo, hi] = [1, full.length];
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (sizeOf({ ...out, text: truncate(full, mid) }) <= ACTIVITY_MAX_BYTES) lo = mid;
    else hi = mid - 1;
  }
  out.text = truncate(full, lo);
  return out;
}

/** `buttons`: the card's lower part; by default suggestions and 👍/👎 (a card changed in place passes its own). */
export function renderAnswer(
  a: Answer,
  answerId?: string,
  buttons?: ReturnType<typeof feedbackElements>,
): OutgoingActivity {
  const lines: string[] = [];
  // A gap ("I know about X, but not Y") is said before a hedged answer, and instead of "I don't know".
  if (a.status === "suggested" && a.gap) lines.push(WORDING.notKnown(a.gap));
  if (a.status === "suggested") lines.push(WORDING.suggested);
  if (a.status === "unknown") lines.push(WORDING.notKnown(a.gap));
  const cited = a.status === "unknown" ? [] : a.citations.slice(0, CITATIONS_MAX);
  if (a.status !== "unknown") {
    const marks = cited.map((_, i) => `[${i + 1}]`).join(" ");
    lines.push(`${escapeMarkdown(a.text)} ${marks}`.trim());
    cited.forEach((c, i) => {
      lines.push(quoteLine(c, i + 1));
    });
    if (a.asOf) lines.push(WORDING.asOf(escapeMarkdown(a.asOf)));
  }
  const body = buttons ?? [...suggestionElements(a), ...feedbackElements(a, answerId)];
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
      return renderAnswer(reply.answer, reply.answerId);
    case "curation":
      return message(curationLines(reply.curation));
    case "commented":
      return message([WORDING.thanksComment]);
    case "welcome":
      return withExamples(
        [WORDING.welcome(escapeMarkdown(reply.title)), WORDING.howToAsk(reply.mentionHint)],
        reply.examples,
      );
    case "help":
      return withExamples([WORDING.help], reply.examples);
    case "small-talk":
      return withExamples([WORDING.smallTalk[reply.talk]], reply.examples);
    case "card-update":
      return renderCardUpdate(reply);
    case "empty":
      return withExamples([WORDING.empty], reply.examples);
    case "refused":
      return message([WORDING.refused(reply.command)]);
    case "rate-limited":
      return message([WORDING.rateLimited(reply.retryAfterSeconds)]);
    case "reload":
      return message([WORDING.reloadTitle, escapeLines(describeReload(reply.result))]);
    case "status":
      return message([WORDING.statusTitle, escapeLines(describeStatus(reply.status))]);
    case "feedback":
      return message(
        [reply.feedback === "up" ? WORDING.thanksUp : WORDING.thanksDown],
        reply.comment ? { attachments: [card(commentElements(reply.comment))] } : {},
      );
  }
}

/** The answer again, its 👍/👎 replaced by a note (and, after a 👎, a comment box only the voter can use). */
function renderCardUpdate(r: Extract<TeamsReply, { kind: "card-update" }>): OutgoingActivity {
  const note = r.done === "commented" ? SAY.comment.thanks : SAY.vote.recorded;
  const box = r.done === "voted-down" && r.voter ? commentElements({ ...r.rated, by: r.voter }) : [];
  return renderAnswer(r.answer, r.rated.answerId, [...noteElements(note), ...box]);
}
