import { comment, vote } from "../../bot/feedback.js";
import { ask, askSuggestion, handleSuggestion } from "../../bot/handle.js";
import type { Asker, BotDeps, BotReply, ChannelKind } from "../../bot/types.js";
import type { Logger } from "../../log.js";
import type { ModalView, SlackMessage } from "./blocks.js";
import {
  type BlockActionsLike,
  parseAction,
  parseCommand,
  parseCommentSubmission,
  parseDirectMessage,
  parseMention,
  type SlackEventLike,
  type SlashCommandLike,
  type ViewSubmissionLike,
} from "./parse.js";
import { renderCommentModal, renderFailure, renderReply, renderThanks } from "./render.js";

/**
 * What the bot does with each kind of Slack input: parse, ask the bot, render, send. The sending goes
 * through two small interfaces that app.ts implements with Bolt's client and respond(), so these flows
 * hold no SDK types and the tests can drive them through the real Bolt stack or alone.
 */

/** The Web API calls a reply needs (chat.postMessage, chat.postEphemeral). */
export interface Outbox {
  post(msg: SlackMessage & { channel: string; thread_ts?: string }): Promise<void>;
  postEphemeral(msg: SlackMessage & { channel: string; user: string; thread_ts?: string }): Promise<void>;
}

/**
 * A message through response_url: `response_type` ephemeral or in_channel; `replace_original` replaces
 * the clicked message in place, `delete_original` removes it. A response_url takes 5 posts in 30 minutes.
 */
export type Response =
  | (SlackMessage & { response_type?: "ephemeral" | "in_channel"; replace_original?: boolean })
  | { delete_original: true };
export type Respond = (r: Response) => Promise<void>;

/** views.open: a modal in answer to a click, with the click's trigger_id (valid for 3 seconds). */
export type OpenView = (triggerId: string, view: ModalView) => Promise<void>;

export interface Ctx {
  deps: BotDeps;
  log: Logger;
}

const asker = (userId: string, channel?: ChannelKind, conversation?: string): Asker => ({
  platform: "slack",
  userId,
  ...(channel ? { channel } : {}),
  ...(conversation ? { conversation } : {}),
});
/** Slack channel ids start with C (public), G (private or group DM), D (DM). */
const kindOf = (channel: string): ChannelKind =>
  channel.startsWith("D") ? "dm" : channel.startsWith("G") ? "group" : "channel";
const thread = (ts: string | undefined) => (ts ? { thread_ts: ts } : {});

/** Admin reports and refusals concern the bot, not the conversation: only the asker sees them. */
const forAskerOnly = (r: BotReply) =>
  r.kind === "reload" ||
  r.kind === "status" ||
  r.kind === "refused" ||
  r.kind === "rate-limited" ||
  r.kind === "curation";

export async function onMention(event: SlackEventLike, out: Outbox, ctx: Ctx): Promise<void> {
  const q = parseMention(event);
  if (q.kind === "ignored") return ctx.log.debug("mention ignored", { reason: q.reason });
  const where = { channel: q.channel, ...thread(q.threadTs) };
  await apologiseOnFailure(ctx, out, where, "mention", async () => {
    const reply = await ask(q.text, asker(q.userId, kindOf(q.channel), q.conversation), ctx.deps);
    const msg = { ...renderReply(reply, { surface: "message" }), ...where };
    if (forAskerOnly(reply)) await out.postEphemeral({ ...msg, user: q.userId });
    else await out.post(msg);
  });
}

export async function onDirectMessage(
  event: SlackEventLike,
  botUserId: string | undefined,
  out: Outbox,
  ctx: Ctx,
): Promise<void> {
  const q = parseDirectMessage(event, botUserId);
  if (q.kind === "ignored") return ctx.log.debug("message ignored", { reason: q.reason });
  const where = { channel: q.channel, ...thread(q.threadTs) };
  await apologiseOnFailure(ctx, out, where, "direct message", async () => {
    const reply = await ask(q.text, asker(q.userId, "dm", q.conversation), ctx.deps);
    await out.post({ ...renderReply(reply, { surface: "message" }), ...where });
  });
}

/** A question that fails (core bug, Slack refusing the answer) still gets the one short apology. */
async function apologiseOnFailure(
  ctx: Ctx,
  out: Outbox,
  where: { channel: string; thread_ts?: string },
  what: string,
  run: () => Promise<void>,
): Promise<void> {
  try {
    await run();
  } catch (error) {
    ctx.log.error(`slack ${what} failed`, { error, channel: where.channel });
    await out
      .post({ ...renderFailure(), ...where })
      .catch((e: unknown) => ctx.log.warn("slack apology not posted", { error: e }));
  }
}

/** Call after ack(): the answer goes to response_url, visible to the asker only. */
export async function onCommand(command: SlashCommandLike, respond: Respond, ctx: Ctx): Promise<void> {
  const q = parseCommand(command);
  if (q.kind === "ignored") return ctx.log.warn("command ignored", { reason: q.reason });
  try {
    const reply = await ask(q.text, asker(q.userId, "slash", q.conversation), ctx.deps);
    await respond({ response_type: "ephemeral", ...renderReply(reply, { surface: "ephemeral" }) });
  } catch (error) {
    ctx.log.error("slash command failed", { error, user: q.userId });
    await respond({ response_type: "ephemeral", ...renderFailure() });
  }
}

/**
 * Call after ack(): button clicks answer through the clicked message's response_url. A 👎 also opens
 * the optional "What was wrong?" modal when `openView` is given.
 */
export async function onAction(
  body: BlockActionsLike,
  respond: Respond,
  ctx: Ctx,
  openView?: OpenView,
): Promise<void> {
  const click = parseAction(body);
  switch (click.kind) {
    case "ignored":
      return ctx.log.warn("action ignored", { reason: click.reason });
    case "suggestion": {
      // Answer in place: the clicked message becomes the answer to the suggestion.
      const who = asker(click.userId, undefined, click.conversation);
      const reply = askSuggestion(click.factId, click.question, who, ctx.deps);
      const surface = click.ephemeral ? "ephemeral" : "message";
      return respond({ replace_original: true, ...renderReply(reply, { surface }) });
    }
    case "feedback": {
      vote({ vote: click.vote, ...click.feedback }, asker(click.userId), ctx.deps);
      const thanks = respond({
        response_type: "ephemeral",
        replace_original: false,
        ...renderThanks(click.vote),
      });
      // The trigger_id expires 3 s after the click: open the modal alongside the thanks, not after it.
      const comment =
        click.vote === "down" && click.triggerId && openView
          ? openView(click.triggerId, renderCommentModal(click.feedback)).catch((error: unknown) =>
              ctx.log.warn("could not open the feedback comment modal", { error, user: click.userId }),
            )
          : undefined;
      await Promise.all([thanks, comment]);
      return;
    }
    case "share": {
      const { question, factId } = click.share;
      const reply: BotReply = factId
        ? { kind: "answer", answer: handleSuggestion(factId, question, ctx.deps) }
        : await ask(question, asker(click.userId), ctx.deps);
      const shared = renderReply(reply, { surface: "shared", sharedBy: click.userId, question });
      await respond({ response_type: "in_channel", replace_original: false, ...shared });
      // An ephemeral message cannot become public; the private copy is removed once the public one is out.
      if (click.ephemeral) await respond({ delete_original: true });
      return;
    }
  }
}

/** Call after ack() (which closes the modal): the "What was wrong?" comment, linked to its 👎. */
export function onCommentSubmission(body: ViewSubmissionLike, ctx: Ctx): void {
  const c = parseCommentSubmission(body);
  if (c.kind === "ignored") {
    ctx.log.warn("view submission ignored", { reason: c.reason });
    return;
  }
  // Stored, never rendered into mrkdwn.
  comment({ ...c.feedback, comment: c.comment }, asker(c.userId), ctx.deps);
}
