import { describeReload, describeStatus } from "../../bot/admin.js";
import type { BotReply } from "../../bot/types.js";
import type { Answer, Citation } from "../../core/types.js";
import { ACTION, COMMENT_VIEW, type FeedbackValue, feedbackValue, shareValue } from "./actions.js";
import {
  type Block,
  blockTextLength,
  button,
  actions as buttons,
  context,
  LIMITS,
  type ModalView,
  message,
  plain,
  type SlackMessage,
  section,
} from "./blocks.js";
import { codeBlock, escapeMrkdwn as esc, link, truncate } from "./escape.js";
import { renderCuration } from "./render-report.js";
import { WORDING } from "./wording.js";

/**
 * BotReply / Answer -> Slack message (Block Kit blocks plus a plain `text` fallback). Pure. Every piece
 * of knowledge or question text is escaped here, so a knowledge file can never ping or inject links.
 */

/**
 * message: a normal post (thread or DM). ephemeral: only the asker sees it (slash command), so it
 * offers "Share in channel". shared: the public copy, headed by who asked what.
 */
export type Surface = "message" | "ephemeral" | "shared";

export interface RenderOptions {
  surface: Surface;
  /** For "shared": the Slack user id of who shared it, and their question. */
  sharedBy?: string;
  question?: string;
  /** The recorded answer's id, carried in the feedback buttons. */
  answerId?: string;
}

/** At most this many quotes and suggestion buttons, whatever the core returns. */
const MAX_CITATIONS = 10;
const MAX_SUGGESTIONS = 5;
/** Ids travel in button values and cannot be shortened; one this long is not a real fact id. */
const MAX_ID = 200;
/** Answer line and shared question: curated answers are a sentence or two, this is generous. */
const MAX_LEAD = 1500;
const MAX_SHARED_QUESTION = 1000;
/** Room a quote leaves for its "> " prefix and " [n]" marker inside a section's 3000 characters. */
const QUOTE_CHARS = LIMITS.sectionText - 20;

const quoteBlockText = (c: Citation, n: number) =>
  `> ${truncate(esc(c.quote), QUOTE_CHARS).replace(/\n/g, "\n> ")} [${n}]`;

/** Long URLs are left out (title only) rather than cut: a cut URL is a broken link. */
const sourceLine = (c: Citation, i: number) =>
  `[${i + 1}] ${link(c.url && c.url.length <= 500 ? c.url : undefined, truncate(c.title, 150))}, ${esc(truncate(c.locator, 100))}`;

function leadLine(a: Answer, marks: string): string {
  if (a.status === "unknown")
    return `${WORDING.notKnown(a.gap)}${a.suggestions.length ? `\n${WORDING.didYouMean}` : ""}`;
  const text = `${truncate(esc(a.text), MAX_LEAD)} ${marks}`.trim();
  if (a.status !== "suggested") return text;
  // The knowledge names the topic but not what was asked: say so before offering the closest fact.
  return `${a.gap ? `${WORDING.notKnown(a.gap)}\n` : ""}_${WORDING.suggested}_\n${text}`;
}

function fallbackText(a: Answer): string {
  if (a.status === "unknown") return WORDING.notKnown(a.gap);
  return esc(a.status === "suggested" ? `${WORDING.suggested} ${a.text}` : a.text);
}

export function renderAnswer(a: Answer, opts: RenderOptions): SlackMessage {
  const cited = a.status === "unknown" ? [] : a.citations.slice(0, MAX_CITATIONS);
  const head: Block[] = [];
  if (opts.surface === "shared" && opts.sharedBy) {
    head.push(context(WORDING.asked(opts.sharedBy, truncate(opts.question ?? a.question, 500))));
  }
  head.push(section(leadLine(a, cited.map((_, i) => `[${i + 1}]`).join(""))));
  const tail = [...sourcesAndMeta(a, cited), ...buttonRows(a, opts.surface, opts.answerId)];

  // Quotes get whatever the whole-message budget leaves after the fixed parts.
  let room = LIMITS.totalText - 200 - [...head, ...tail].reduce((n, b) => n + blockTextLength(b), 0);
  const quotes: Block[] = [];
  for (const [i, c] of cited.entries()) {
    const b = section(quoteBlockText(c, i + 1));
    room -= blockTextLength(b);
    if (room < 0 || quotes.length + head.length + tail.length + 2 > LIMITS.blocks) break;
    quotes.push(b);
  }
  if (quotes.length < cited.length) quotes.push(context(WORDING.moreQuotes(cited.length - quotes.length)));
  return message(fallbackText(a), [...head, ...quotes, ...tail]);
}

/** Source lines that fit one context element whole (a cut link would show as raw markup). */
function fitLines(lines: string[], max: number): string {
  let out = "";
  for (const line of lines) {
    const next = out ? `${out}\n${line}` : line;
    if (next.length > max - 2) return `${out}\n…`;
    out = next;
  }
  return out;
}

function sourcesAndMeta(a: Answer, cited: Citation[]): Block[] {
  const meta = WORDING.knowledge(a.version, a.asOf);
  if (!cited.length) return [context(meta)];
  return [context(fitLines(cited.map(sourceLine), 2500), meta)];
}

function buttonRows(a: Answer, surface: Surface, answerId?: string): Block[] {
  const rows: Block[] = [];
  const suggestions = a.suggestions.filter((s) => s.factId.length <= MAX_ID).slice(0, MAX_SUGGESTIONS);
  if (suggestions.length) {
    if (a.status !== "unknown") rows.push(section(`_${WORDING.orDidYouMean}_`));
    rows.push(buttons(suggestions.map((s, i) => button(`${ACTION.suggest}_${i}`, s.question, s.factId))));
  }
  const factId = a.factId && a.factId.length <= MAX_ID ? a.factId : undefined;
  const feedback = feedbackValue({
    version: truncate(a.version, 100),
    status: a.status,
    ...(factId ? { factId } : {}),
    ...(answerId ? { answerId } : {}),
  });
  const row = [
    button(ACTION.feedbackUp, WORDING.helpful, feedback),
    button(ACTION.feedbackDown, WORDING.notHelpful, feedback),
  ];
  if (surface === "ephemeral" && a.status !== "unknown") {
    // A confident answer is shared as that same fact; a hedged one is asked again.
    const fact = a.status === "answered" ? factId : undefined;
    const question = a.question.slice(0, MAX_SHARED_QUESTION);
    const value = shareValue({ question, ...(fact ? { factId: fact } : {}) });
    row.push(button(ACTION.share, WORDING.share, value, "primary"));
  }
  rows.push(buttons(row));
  return rows;
}

/** An admin report: its first line as a heading, the rest (problems, paths) as a code block. */
function report(icon: string, text: string): SlackMessage {
  const [first = "", ...rest] = text.split("\n");
  const blocks: Block[] = [section(`${icon} *${esc(first)}*`)];
  if (rest.length) blocks.push(section(codeBlock(rest.join("\n"), LIMITS.sectionText)));
  return message(esc(text), blocks);
}

function examplesList(examples: string[]): string {
  return examples.map((e) => `• ${esc(truncate(e, 300))}`).join("\n");
}

export function renderReply(reply: BotReply, opts: RenderOptions): SlackMessage {
  switch (reply.kind) {
    case "answer":
      return renderAnswer(reply.answer, reply.answerId ? { ...opts, answerId: reply.answerId } : opts);
    case "curation":
      return renderCuration(reply.curation);
    case "help":
      return message(WORDING.help, [
        section(WORDING.help),
        ...(reply.examples.length ? [section(`${WORDING.examples}\n${examplesList(reply.examples)}`)] : []),
        context(WORDING.adminHelp),
      ]);
    case "small-talk": {
      const text = WORDING.smallTalk[reply.talk];
      const list = reply.examples.length
        ? [section(`${WORDING.examples}\n${examplesList(reply.examples)}`)]
        : [];
      return message(text, [section(text), ...list]);
    }
    case "empty":
      return message(WORDING.empty, [section(`${WORDING.empty}\n${examplesList(reply.examples)}`)]);
    case "reload":
      return report(reply.result.ok ? ":white_check_mark:" : ":warning:", describeReload(reply.result));
    case "status":
      return report(":information_source:", describeStatus(reply.status));
    case "refused":
      return message(WORDING.refused(reply.command), [section(WORDING.refused(reply.command))]);
    case "rate-limited": {
      const text = WORDING.rateLimited(reply.retryAfterSeconds);
      return message(text, [section(text)]);
    }
  }
}

export function renderThanks(vote: "up" | "down"): SlackMessage {
  return message(WORDING.thanks[vote], [section(WORDING.thanks[vote])]);
}

/** The optional "What was wrong?" box a 👎 opens; it carries the 👎's value so the comment links to it. */
export function renderCommentModal(feedback: FeedbackValue): ModalView {
  const w = WORDING.comment;
  return {
    type: "modal",
    callback_id: COMMENT_VIEW.callbackId,
    private_metadata: feedbackValue(feedback),
    title: plain(w.title, 24),
    submit: plain(w.send, 24),
    close: plain(w.skip, 24),
    blocks: [
      {
        type: "input",
        block_id: COMMENT_VIEW.blockId,
        optional: true,
        label: plain(w.label, 2000),
        element: {
          type: "plain_text_input",
          action_id: COMMENT_VIEW.actionId,
          multiline: true,
          max_length: COMMENT_VIEW.maxLength,
          placeholder: plain(w.placeholder, 150),
        },
      },
    ],
  };
}

export function renderFailure(): SlackMessage {
  return message(WORDING.failed, [section(WORDING.failed)]);
}
