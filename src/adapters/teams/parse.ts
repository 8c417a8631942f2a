import type { Asker } from "../../bot/handle.js";

/**
 * Activity in, question (or "ignored, because") out. Pure: no SDK import, so moving off botbuilder
 * does not touch it. `InboundActivity` is the part of a Bot Framework Activity this adapter reads;
 * botbuilder's `Activity` is assignable to it.
 */

export interface InboundActivity {
  type?: string;
  id?: string;
  text?: string;
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
  | "bot not among members added";

export type TeamsInput =
  | { kind: "question"; text: string; asker: Asker; scope: Scope }
  | { kind: "suggestion"; factId: string; question: string; asker: Asker; scope: Scope }
  | {
      kind: "feedback";
      feedback: "up" | "down";
      factId: string;
      version: string;
      asker: Asker;
      answerId?: string;
    }
  | { kind: "comment"; comment: string; factId: string; version: string; asker: Asker; answerId?: string }
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

export function scopeOf(a: InboundActivity): Scope {
  const conversation = record(a.conversation);
  const t = conversation?.conversationType;
  if (t === "personal" || t === "channel" || t === "groupChat") return t;
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

/** Teams sends a non-breaking space after a mention as `&nbsp;` in plain text. */
function tidy(s: string): string {
  return s.replace(/&nbsp;/gi, " ").trim();
}

function cardAction(value: Record<string, unknown>, asker: Asker, scope: Scope): TeamsInput {
  const factId = cardField(value.factId);
  if (value.action === "suggestion" && factId) {
    return { kind: "suggestion", factId, question: cardField(value.question) ?? "", asker, scope };
  }
  if (value.action === "ask" && cardField(value.question)) {
    return { kind: "question", text: value.question as string, asker, scope };
  }
  const version = cardField(value.version);
  if (
    value.action === "feedback" &&
    factId &&
    version &&
    (value.feedback === "up" || value.feedback === "down")
  ) {
    const answerId = cardField(value.answerId);
    return {
      kind: "feedback",
      feedback: value.feedback,
      factId,
      version,
      asker,
      ...(answerId ? { answerId } : {}),
    };
  }
  if (value.action === "comment" && factId && version) {
    const answerId = cardField(value.answerId);
    const comment = typeof value.comment === "string" ? value.comment.trim().slice(0, 1000) : "";
    return { kind: "comment", comment, factId, version, asker, ...(answerId ? { answerId } : {}) };
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
  const asker: Asker = { platform: "teams", userId, channel: CHANNEL_KIND[scope] };
  const raw = str(a.text) ?? "";

  // Adaptive Card Action.Submit arrives as a message whose `value` is the action's data, with no
  // text and no mention, in every scope.
  const value = record(a.value);
  if (value && !raw.trim()) return cardAction(value, asker, scope);

  const mentions = botMentions(a, botId);
  if (scope !== "personal" && mentions.length === 0) return { kind: "ignored", reason: "bot not mentioned" };
  const recipient = { id: botId, name: str(a.recipient?.name) ?? "" };
  const stripped =
    mentions.length > 0 ? (stripMention({ text: raw, recipient, entities: mentions }) ?? "") : raw;
  return { kind: "question", text: tidy(stripped), asker, scope };
}
