import { COMMENT_MAX } from "../../bot/feedback.js";
import type { Asker } from "../../bot/types.js";

/**
 * Activity in, question (or "ignored, because") out. Pure: no SDK import, so moving off botbuilder
 * does not touch it. `InboundActivity` is the part of a Bot Framework Activity this adapter reads;
 * botbuilder's `Activity` is assignable to it.
 */

export interface InboundActivity {
  type?: string;
  id?: string;
  text?: string;
  /** "plain", "markdown" or "xml" (HTML: what Teams sends for formatted messages). */
  textFormat?: string;
  /** On a card's Action.Submit: the id of the message that carries the card. */
  replyToId?: string;
  value?: unknown;
  from?: { id?: string; name?: string; aadObjectId?: string; role?: string };
  recipient?: { id?: string; name?: string };
  conversation?: { id?: string; conversationType?: string; isGroup?: boolean };
  entities?: unknown[];
  membersAdded?: { id?: string }[];
}

/** Where the message was written. Teams sets conversation.conversationType; the Emulator does not. */
export type Scope = "personal" | "channel" | "groupChat";

export type IgnoredReason =
  | "not a message"
  | "sent by a bot"
  | "no sender"
  | "bot not mentioned"
  | "unknown card action"
  | "comment from someone other than the voter"
  | "bot not among members added";

/** What a 👍/👎 or a comment refers to; `question` lets a shared card be re-drawn in place. */
export interface Rated {
  factId: string;
  version: string;
  answerId?: string;
  question?: string;
}

/** Where a card lives: in a shared scope the bot changes that message instead of posting a new one. */
export interface CardPlace {
  scope: Scope;
  /** The message carrying the card (Action.Submit's replyToId). */
  cardId?: string;
}

export type TeamsInput =
  | { kind: "question"; text: string; asker: Asker; scope: Scope }
  | { kind: "suggestion"; factId: string; question: string; asker: Asker; scope: Scope }
  | ({ kind: "feedback"; feedback: "up" | "down"; asker: Asker } & Rated & CardPlace)
  | ({ kind: "comment"; comment: string; asker: Asker } & Rated & CardPlace)
  | { kind: "welcome"; scope: Scope }
  | { kind: "ignored"; reason: IgnoredReason };

/** The shape `TurnContext.removeRecipientMention` needs; parse hands it a cleaned copy. */
export interface MentionActivity {
  text: string;
  recipient: { id: string; name: string };
  entities: { type: "mention"; text: string; mentioned: { id: string } }[];
}
export type StripMention = (activity: MentionActivity) => string | undefined;

/** The analytics channel kind of each Teams scope. */
const CHANNEL_KIND = { personal: "dm", channel: "channel", groupChat: "group" } as const;

/** Card actions longer than this are not ours (ids and questions we render are far shorter). */
const MAX_CARD_FIELD = 2000;

/**
 * conversationType when Teams sends it; otherwise the conversation id tells: channel conversations are
 * `19:…@thread.skype` or `19:…@thread.tacv2` (a thread adds `;messageid=…`), group and meeting chats
 * `19:…@thread.v2`, personal chats `a:…`, `8:orgid:…` or `29:…`
 * (learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/conversation-basics).
 */
export function scopeOf(a: InboundActivity): Scope {
  const conversation = record(a.conversation);
  const t = conversation?.conversationType;
  if (t === "personal" || t === "channel" || t === "groupChat") return t;
  const id = typeof conversation?.id === "string" ? conversation.id : "";
  if (/^19:[^;]*@thread\.(?:skype|tacv2)(?:;|$)/.test(id)) return "channel";
  if (id.startsWith("19:")) return "groupChat";
  return conversation?.isGroup === true ? "groupChat" : "personal";
}

function record(v: unknown): Record<string, unknown> | undefined {
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** A non-empty string, or undefined: the body is untrusted JSON whatever the interface says. */
function str(v: unknown): string | undefined {
  return typeof v === "string" && v !== "" ? v : undefined;
}

function cardField(v: unknown): string | undefined {
  return typeof v === "string" && v.length > 0 && v.length <= MAX_CARD_FIELD ? v : undefined;
}

/** Well-formed mention entities of the bot. Hostile or odd entities are skipped, never thrown on. */
function botMentions(a: InboundActivity, botId: string): MentionActivity["entities"] {
  const out: MentionActivity["entities"] = [];
  if (!botId) return out;
  for (const e of Array.isArray(a.entities) ? a.entities : []) {
    const r = record(e);
    const mentioned = record(r?.mentioned);
    if (typeof r?.type !== "string" || r.type.toLowerCase() !== "mention") continue;
    if (mentioned?.id !== botId || typeof r.text !== "string" || r.text === "") continue;
    out.push({ type: "mention", text: r.text, mentioned: { id: botId } });
  }
  return out;
}

const ENTITIES: Record<string, string> = { nbsp: " ", amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const HTML_TAG =
  /<\/?(?:p|div|span|br|at|b|i|u|s|strong|em|a|ul|ol|li|img|h\d|blockquote|code|pre|table|tr|td)\b[^>]*>/i;

/**
 * The question as plain text. Teams sends formatted messages as HTML (`textFormat: "xml"`, or
 * `<p>…</p>` in text) and a mention's trailing space as `&nbsp;`: tags go (block ends become spaces),
 * entities are decoded, so commands, answering and analytics all see the words the person typed.
 */
export function plainText(text: string, textFormat?: string): string {
  const html = textFormat === "xml" || HTML_TAG.test(text);
  const untagged = html
    ? text.replace(/<(?:br|\/p|\/div|\/li)\b[^>]*>/gi, " ").replace(/<[^>]*>/g, "")
    : text;
  return untagged
    .replace(/&#(\d{1,7});/g, (m, n: string) => safeChar(Number(n)) ?? m)
    .replace(/&#x([\da-f]{1,6});/gi, (m, n: string) => safeChar(Number.parseInt(n, 16)) ?? m)
    .replace(/&(nbsp|amp|lt|gt|quot|apos);/gi, (_m, name: string) => ENTITIES[name.toLowerCase()] ?? "")
    .replace(/\s+/g, " ")
    .trim();
}

function safeChar(code: number): string | undefined {
  return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
    ? String.fromCodePoint(code)
    : undefined;
}

function cardAction(value: Record<string, unknown>, asker: Asker, place: CardPlace): TeamsInput {
  const { scope } = place;
  const factId = cardField(value.factId);
  if (value.action === "suggestion" && factId) {
    return { kind: "suggestion", factId, question: cardField(value.question) ?? "", asker, scope };
  }
  if (value.action === "ask" && cardField(value.question)) {
    return { kind: "question", text: value.question as string, asker, scope };
  }
  const version = cardField(value.version);
  if (!factId || !version) return { kind: "ignored", reason: "unknown card action" };
  const answerId = cardField(value.answerId);
  const question = cardField(value.question);
  const rated: Rated = {
    factId,
    version,
    ...(answerId ? { answerId } : {}),
    ...(question ? { question } : {}),
  };
  if (value.action === "feedback" && (value.feedback === "up" || value.feedback === "down")) {
    return { kind: "feedback", feedback: value.feedback, asker, ...rated, ...place };
  }
  if (value.action === "comment") {
    // In a shared card the box is the voter's: someone else filling it in is not recorded.
    const by = cardField(value.by);
    if (by && by !== asker.userId)
      return { kind: "ignored", reason: "comment from someone other than the voter" };
    const comment = typeof value.comment === "string" ? value.comment.trim().slice(0, COMMENT_MAX) : "";
    return { kind: "comment", comment, asker, ...rated, ...place };
  }
  return { kind: "ignored", reason: "unknown card action" };
}

export function parseActivity(a: InboundActivity, stripMention: StripMention): TeamsInput {
  const botId = str(a.recipient?.id) ?? "";
  const scope = scopeOf(a);
  if (a.type === "conversationUpdate") {
    const added = Array.isArray(a.membersAdded) ? a.membersAdded : [];
    return botId && added.some((m) => record(m)?.id === botId)
      ? { kind: "welcome", scope }
      : { kind: "ignored", reason: "bot not among members added" };
  }
  if (a.type !== "message") return { kind: "ignored", reason: "not a message" };
  const from = record(a.from);
  if (from?.role === "bot" || (botId && from?.id === botId))
    return { kind: "ignored", reason: "sent by a bot" };
  // ADMIN_USERS holds AAD object ids; the Emulator sends none, so its user id stands in locally.
  const userId = str(from?.aadObjectId) ?? str(from?.id);
  if (!userId) return { kind: "ignored", reason: "no sender" };
  const conversation = str(record(a.conversation)?.id);
  const asker: Asker = {
    platform: "teams",
    userId,
    channel: CHANNEL_KIND[scope],
    ...(conversation ? { conversation: `teams:${conversation}` } : {}),
  };
  const raw = str(a.text) ?? "";

  // Adaptive Card Action.Submit arrives as a message whose `value` is the action's data, with no
  // text and no mention, in every scope.
  const value = record(a.value);
  if (value && !raw.trim()) {
    const cardId = str(a.replyToId);
    return cardAction(value, asker, { scope, ...(cardId ? { cardId } : {}) });
  }

  const mentions = botMentions(a, botId);
  if (scope !== "personal" && mentions.length === 0) return { kind: "ignored", reason: "bot not mentioned" };
  const recipient = { id: botId, name: str(a.recipient?.name) ?? "" };
  const stripped =
    mentions.length > 0 ? (stripMention({ text: raw, recipient, entities: mentions }) ?? "") : raw;
  return { kind: "question", text: plainText(stripped, str(a.textFormat)), asker, scope };
}
