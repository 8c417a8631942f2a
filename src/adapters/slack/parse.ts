import { ACTION, type FeedbackValue, readFeedbackValue, readShareValue, type ShareValue } from "./actions.js";

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
  container?: { is_ephemeral?: boolean };
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
}

export type Click =
  | { kind: "suggestion"; factId: string; question: string; userId: string; ephemeral: boolean }
  | { kind: "feedback"; vote: "up" | "down"; feedback: FeedbackValue; userId: string; ephemeral: boolean }
  | { kind: "share"; share: ShareValue; userId: string; ephemeral: boolean };

const ignored = (reason: string): Ignored => ({ kind: "ignored", reason });

/**
 * Slack sends message text with `&`, `<`, `>` as entities and links, mentions and channels as
 * `<...>` markup (https://docs.slack.dev/messaging/formatting-message-text). A question wants none of
 * it: user mentions (the bot's own included) and broadcasts go, links and channels keep their label.
 */
export function questionText(slackText: string): string {
  return slackText
    .replace(/<@[UW][A-Z0-9]+(?:\|[^>]*)?>/g, " ")
    .replace(/<![^>]*>/g, " ")
    .replace(/<#[A-Z0-9]+\|([^>]*)>/g, "#$1")
    .replace(/<#[A-Z0-9]+>/g, " ")
    .replace(/<([^>|]+)\|([^>]*)>/g, "$2")
    .replace(/<([^>]+)>/g, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

function fromEvent(e: SlackEventLike): Question | Ignored {
  if (e.bot_id) return ignored("sent by a bot");
  if (e.subtype)
    return ignored(`message subtype "${e.subtype}" (edits, joins and the like are not questions)`);
  if (!e.user) return ignored("no user");
  if (!e.channel || !e.ts) return ignored("no channel or ts");
  return { kind: "question", text: questionText(e.text ?? ""), userId: e.user, channel: e.channel };
}

/** app_mention: answered in the thread, which starts at the mention when it is not in one yet. */
export function parseMention(e: SlackEventLike): Question | Ignored {
  const q = fromEvent(e);
  return q.kind === "question" ? { ...q, threadTs: e.thread_ts ?? (e.ts as string) } : q;
}

/** message.im: answered in the DM itself (in a thread only if the question was asked in one). */
export function parseDirectMessage(e: SlackEventLike, botUserId?: string): Question | Ignored {
  // Subscribing to message.im also delivers the bot's own DMs, and a workspace may add other
  // message.* subscriptions; only people's messages in a DM are questions.
  if (e.channel_type !== "im") return ignored(`not a direct message (channel_type ${e.channel_type})`);
  if (botUserId && e.user === botUserId) return ignored("the bot's own message");
  const q = fromEvent(e);
  return q.kind === "question" && e.thread_ts ? { ...q, threadTs: e.thread_ts } : q;
}

export function parseCommand(c: SlashCommandLike): Question | Ignored {
  if (c.command !== SLACK_COMMAND) return ignored(`unknown command ${c.command}`);
  if (!c.user_id || !c.channel_id) return ignored("no user or channel");
  return { kind: "question", text: questionText(c.text ?? ""), userId: c.user_id, channel: c.channel_id };
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
    return { kind: "suggestion", factId: action.value, question: action.text?.text ?? "", userId, ephemeral };
  }
  if (id === ACTION.feedbackUp || id === ACTION.feedbackDown) {
    const feedback = readFeedbackValue(action.value);
    if (!feedback) return ignored("feedback without a readable value");
    return { kind: "feedback", vote: id === ACTION.feedbackUp ? "up" : "down", feedback, userId, ephemeral };
  }
  if (id === ACTION.share) {
    const share = readShareValue(action.value);
    if (!share) return ignored("share without a question");
    return { kind: "share", share, userId, ephemeral };
  }
  return ignored(`unknown action ${id}`);
}
