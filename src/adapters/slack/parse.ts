import { MAX_QUESTION_CHARS } from "../../bot/types.js";
import {
  ACTION,
  ACTION_ID_PATTERN,
  COMMENT_VIEW,
  type FeedbackValue,
  readFeedbackValue,
  readShareValue,
  type ShareValue,
} from "./actions.js";

/**
 * Slack payload -> a question for the bot, a button click, or "ignored, because". Pure: no I/O and
 * no SDK types, so fixtures of real payloads test it directly. The shapes below are the fields we read.
 */

/** The event subscriptions this adapter handles, by their manifest names (bot_events). */
export const SLACK_EVENTS = ["app_mention", "message.im"] as const;
/** The slash command this adapter handles. */
export const SLACK_COMMAND = "/strategy";
/** Where Slack sends events, slash commands and interactivity in HTTP mode. */
export const SLACK_PATH = "/slack/events";

export interface SlackEventLike {
  type?: string;
  subtype?: string;
  user?: string;
  bot_id?: string;
  text?: string;
  ts?: string;
  thread_ts?: string;
  channel?: string;
  channel_type?: string;
  /** Set when the user edited the message; Slack re-sends app_mention for an edited mention. */
  edited?: unknown;
  hidden?: boolean;
}

export interface SlashCommandLike {
  command?: string;
  text?: string;
  user_id?: string;
  channel_id?: string;
}

export interface BlockActionsLike {
  type?: string;
  user?: { id?: string };
  actions?: { action_id?: string; value?: string; text?: { text?: string } }[];
  /** Where the clicked message is: its channel, and its thread (the mention's) when it is in one. */
  container?: { is_ephemeral?: boolean; channel_id?: string; message_ts?: string; thread_ts?: string };
  /** Lets the app open a modal in answer to this click, for 3 seconds. */
  trigger_id?: string;
}

/** A submitted modal (view_submission): the "What was wrong?" comment. */
export interface ViewSubmissionLike {
  type?: string;
  user?: { id?: string };
  view?: {
    callback_id?: string;
    private_metadata?: string;
    state?: { values?: Record<string, Record<string, { value?: string | null }>> };
  };
}

export interface Comment {
  kind: "comment";
  /** Trimmed and capped at COMMENT_VIEW.maxLength; empty when the box was left blank. */
  comment: string;
  /** The 👎 it explains: answer id, fact id, version. */
  feedback: FeedbackValue;
  userId: string;
}

export interface Ignored {
  kind: "ignored";
  reason: string;
}

export interface Question {
  kind: "question";
  /** The question as plain text: mentions removed, Slack markup and entities undone. */
  text: string;
  userId: string;
  channel: string;
  /** The thread to answer in, if any. */
  threadTs?: string;
  /** The conversation follow-ups belong to: the thread, the DM, or the asker's slash commands there. */
  conversation: string;
}

export type Click =
  | {
      kind: "suggestion";
      factId: string;
      question: string;
      userId: string;
      ephemeral: boolean;
      /** The thread the click belongs to, so a follow-up there reads it (as parseMention keys it). */
      conversation?: string;
    }
  | {
      kind: "feedback";
      vote: "up" | "down";
      feedback: FeedbackValue;
      userId: string;
      ephemeral: boolean;
      triggerId?: string;
    }
  | { kind: "share"; share: ShareValue; userId: string; ephemeral: boolean };

const ignored = (reason: string): Ignored => ({ kind: "ignored", reason });

/**
 * Slack sends message text with `&`, `<`, `>` as entities and links, mentions and channels as
 * `<...>` markup (https://docs.slack.dev/messaging/formatting-message-text). A question wants none of
 * it: user mentions (the bot's own included) and broadcasts go, links and channels keep their label.
 */
export function questionText(slackText: string): string {
  // Capped before any regex: the markup patterns below backtrack over unclosed "<" (40,000 of them
  // took 2.6 s). Twice the core's cap leaves room for markup that the replacements shorten, and each
  // tag's content is bounded too.
  return slackText
    .slice(0, 2 * MAX_QUESTION_CHARS)
    .replace(/<@[UW][A-Z0-9]+(?:\|[^>]{0,200})?>/g, " ")
    .replace(/<![^>]{0,200}>/g, " ")
    .replace(/<#[A-Z0-9]+\|([^>]{0,200})>/g, "#$1")
    .replace(/<#[A-Z0-9]+>/g, " ")
    .replace(/<([^>|]{1,1000})\|([^>]{0,1000})>/g, "$2")
    .replace(/<([^>]{1,1000})>/g, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Message subtypes that still carry a person's own words (https://docs.slack.dev/reference/events/message):
 * a message with a file attached, a thread reply also sent to the channel, a /me message. Every other
 * subtype (message_changed for edits, message_deleted, bot_message, channel_join, …) is not a question.
 */
const PERSON_SUBTYPES = new Set(["file_share", "thread_broadcast", "me_message"]);

function fromEvent(e: SlackEventLike): Omit<Question, "conversation"> | Ignored {
  if (e.bot_id) return ignored("sent by a bot");
  if (e.subtype && !PERSON_SUBTYPES.has(e.subtype))
    return ignored(`message subtype "${e.subtype}" (edits, deletes, joins and the like are not questions)`);
  // An edit of a message already answered: answering again would post a second full answer.
  if (e.edited !== undefined) return ignored("an edited message (the original was answered)");
  if (e.hidden) return ignored("a hidden message");
  if (!e.user) return ignored("no user");
  if (!e.channel || !e.ts) return ignored("no channel or ts");
  return { kind: "question", text: questionText(e.text ?? ""), userId: e.user, channel: e.channel };
}

/** app_mention: answered in the thread, which starts at the mention when it is not in one yet. */
export function parseMention(e: SlackEventLike): Question | Ignored {
  const q = fromEvent(e);
  if (q.kind === "ignored") return q;
  const threadTs = e.thread_ts ?? (e.ts as string);
  return { ...q, threadTs, conversation: `slack:${q.channel}:${threadTs}` };
}

/** message.im: answered in the DM itself (in a thread only if the question was asked in one). */
export function parseDirectMessage(e: SlackEventLike, botUserId?: string): Question | Ignored {
  // Subscribing to message.im also delivers the bot's own DMs, and a workspace may add other
  // message.* subscriptions; only people's messages in a DM are questions.
  if (e.channel_type !== "im") return ignored(`not a direct message (channel_type ${e.channel_type})`);
  if (botUserId && e.user === botUserId) return ignored("the bot's own message");
  const q = fromEvent(e);
  if (q.kind === "ignored") return q;
  const conversation = `slack:${q.channel}:${e.thread_ts ?? "dm"}`;
  return e.thread_ts ? { ...q, threadTs: e.thread_ts, conversation } : { ...q, conversation };
}

export function parseCommand(c: SlashCommandLike): Question | Ignored {
  if (c.command !== SLACK_COMMAND) return ignored(`unknown command ${c.command}`);
  if (!c.user_id || !c.channel_id) return ignored("no user or channel");
  return {
    kind: "question",
    text: questionText(c.text ?? ""),
    userId: c.user_id,
    channel: c.channel_id,
    conversation: `slack:${c.channel_id}:${c.user_id}:slash`,
  };
}

/**
 * Whether a request Bolt received is one of ours: an event (Bolt acknowledges those itself), our slash
 * command, a click on one of our buttons, or our comment modal. Anything else reaches no listener.
 */
export function isOurs(body: Record<string, unknown>): boolean {
  if (body.type === "event_callback" || body.event !== undefined) return true;
  if (typeof body.command === "string") return body.command === SLACK_COMMAND;
  if (body.type === "block_actions") {
    const first = (body as BlockActionsLike).actions?.[0]?.action_id;
    return typeof first === "string" && ACTION_ID_PATTERN.test(first);
  }
  if (body.type === "view_submission") {
    return (body as ViewSubmissionLike).view?.callback_id === COMMENT_VIEW.callbackId;
  }
  return false;
}

export function parseAction(body: BlockActionsLike): Click | Ignored {
  const action = body.actions?.[0];
  const userId = body.user?.id;
  if (body.type !== "block_actions" || !action?.action_id) return ignored("not a button click");
  if (!userId) return ignored("no user");
  const id = action.action_id;
  // Ephemeral messages (slash command answers) can only be changed through response_url.
  const ephemeral = body.container?.is_ephemeral === true;
  if (id.startsWith(ACTION.suggest)) {
    if (!action.value) return ignored("suggestion without a fact id");
    const c = body.container;
    const thread = c?.thread_ts ?? c?.message_ts;
    const conversation = c?.channel_id && thread ? `slack:${c.channel_id}:${thread}` : undefined;
    const question = action.text?.text ?? "";
    return {
      kind: "suggestion",
      factId: action.value,
      question,
      userId,
      ephemeral,
      ...(conversation ? { conversation } : {}),
    };
  }
  if (id === ACTION.feedbackUp || id === ACTION.feedbackDown) {
    const feedback = readFeedbackValue(action.value);
    if (!feedback) return ignored("feedback without a readable value");
    const vote = id === ACTION.feedbackUp ? "up" : "down";
    const triggerId = body.trigger_id;
    return { kind: "feedback", vote, feedback, userId, ephemeral, ...(triggerId ? { triggerId } : {}) };
  }
  if (id === ACTION.share) {
    const share = readShareValue(action.value);
    if (!share) return ignored("share without a question");
    return { kind: "share", share, userId, ephemeral };
  }
  return ignored(`unknown action ${id}`);
}

/** The "What was wrong?" modal's submission: the comment and the 👎 it belongs to. */
export function parseCommentSubmission(body: ViewSubmissionLike): Comment | Ignored {
  const view = body.view;
  if (body.type !== "view_submission" || view?.callback_id !== COMMENT_VIEW.callbackId)
    return ignored("not the comment modal");
  const userId = body.user?.id;
  if (!userId) return ignored("no user");
  const feedback = readFeedbackValue(view.private_metadata);
  if (!feedback) return ignored("comment without a readable private_metadata");
  const raw = view.state?.values?.[COMMENT_VIEW.blockId]?.[COMMENT_VIEW.actionId]?.value;
  const comment = typeof raw === "string" ? raw.trim().slice(0, COMMENT_VIEW.maxLength) : "";
  return { kind: "comment", comment, feedback, userId };
}
