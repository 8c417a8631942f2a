import { type BotReply, describeReload, describeStatus } from "../../bot/handle.js";
import type { ReloadResult, StoreStatus } from "../../bot/types.js";
import { tidyQuestion } from "../../bot/welcome.js";
import { WORDING as SAY } from "../../bot/wording.js";
import type { Answer, Citation, Suggestion } from "../../core/types.js";
import { escapeHtml as esc, safeUrl, truncate } from "./escape.js";
import { THUMB } from "./icons.js";
import { WORDING } from "./wording.js";

/**
 * BotReply / Answer -> an HTML fragment for the chat page. Pure. Every piece of knowledge, question or
 * error text is escaped here; the page inserts the fragment as is, so this is the one place that
 * decides what becomes markup. Buttons carry what a click needs in data-* attributes (escaped too).
 */

const MAX_CITATIONS = 10;
const MAX_SUGGESTIONS = 5;
const MAX_TEXT = 5000;
/** Ids are echoed back on click; one this long is not a real fact id. */
const MAX_ID = 200;

export const attr = (name: string, value: string) => ` data-${name}="${esc(value)}"`;
const marks = (n: number) =>
  Array.from({ length: n }, (_, i) => `<sup class="mark">[${i + 1}]</sup>`).join("");

function sourceHtml(c: Citation): string {
  const url = safeUrl(c.url);
  const title = esc(truncate(c.title, 300));
  const linked = url ? `<a href="${esc(url)}" rel="noopener noreferrer" target="_blank">${title}</a>` : title;
  return `<cite>${linked}</cite>, <span class="locator">${esc(truncate(c.locator, 200))}</span>`;
}

function quoteHtml(c: Citation, n: number): string {
  return (
    `<li class="quote"><blockquote>“${esc(truncate(c.quote, MAX_TEXT))}” <span class="mark">[${n}]</span></blockquote>` +
    `<p class="source">${sourceHtml(c)}</p></li>`
  );
}

function chipsHtml(suggestions: Suggestion[], label: string): string {
  const usable = suggestions.filter((s) => s.factId.length <= MAX_ID).slice(0, MAX_SUGGESTIONS);
  if (!usable.length) return "";
  const chips = usable.map(
    (s) =>
      `<button type="button" class="chip"${attr("fact-id", s.factId)}${attr("question", truncate(s.question, 500))}>${esc(truncate(tidyQuestion(s.question), 300))}</button>`,
  );
  return `<div class="chips" role="group" aria-label="${esc(label)}"><p class="chips-label">${esc(label)}</p>${chips.join("")}</div>`;
}

function feedbackHtml(a: Answer, answerId?: string): string {
  const data =
    (answerId ? attr("answer-id", answerId) : "") +
    attr("version", truncate(a.version, 100)) +
    attr("status", a.status) +
    (a.factId && a.factId.length <= MAX_ID ? attr("fact-id", a.factId) : "") +
    attr("question", truncate(a.question, 500));
  const button = (vote: "up" | "down", label: string) =>
    `<button type="button" class="vote" aria-pressed="false"${attr("vote", vote)}${data}>${THUMB}${label}</button>`;
  return (
    `<div class="feedback" role="group" aria-label="${WORDING.feedbackLabel}">` +
    `${button("up", WORDING.helpful)}${button("down", WORDING.notHelpful)}</div>`
  );
}

function metaHtml(a: Answer): string {
  const asOf = a.asOf ? `${esc(WORDING.asOf(a.asOf))} · ` : "";
  return `<p class="meta">${asOf}${WORDING.knowledge} <code>${esc(truncate(a.version, 100))}</code></p>`;
}

const words = (t: string) => new Set(t.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

/**
 * Whether the answer line says something the quotes below it do not: a curated answer that only
 * rephrases the quoted sentence (or an answer that is the quote) would show nearly the same text
 * twice. It adds when more than a quarter of its words are not in the quotes ("Yes, in 2019.").
 */
export function addsToQuotes(text: string, citations: Citation[]): boolean {
  if (citations.length === 0) return true;
  const own = [...words(text)];
  if (own.length === 0) return false;
  const quoted = words(citations.map((c) => c.quote).join(" "));
  const fresh = own.filter((w) => !quoted.has(w)).length;
  return fresh / own.length > 0.25;
}

/** `answerId`: the analytics record of this answer, when it was recorded; votes refer to it. */
export function renderAnswerHtml(a: Answer, answerId?: string): string {
  const cited = a.status === "unknown" ? [] : a.citations.slice(0, MAX_CITATIONS);
  const parts: string[] = [];
  if (a.status === "unknown") {
    parts.push(`<p class="lead">${esc(SAY.notKnown(a.gap))}</p>`);
  } else {
    // A gap ("I know about X, but not Y") is said before a hedged answer, as on every surface.
    if (a.status === "suggested" && a.gap) parts.push(`<p class="lead">${esc(SAY.notKnown(a.gap))}</p>`);
    if (a.status === "suggested") parts.push(`<p class="hedge">${esc(WORDING.suggested)}</p>`);
    if (addsToQuotes(a.text, cited)) {
      parts.push(`<p class="lead">${esc(truncate(a.text, MAX_TEXT))}${marks(cited.length)}</p>`);
    }
  }
  if (cited.length) {
    parts.push(
      `<ol class="quotes" aria-label="${WORDING.sources}">${cited.map((c, i) => quoteHtml(c, i + 1)).join("")}</ol>`,
    );
  }
  parts.push(metaHtml(a));
  parts.push(chipsHtml(a.suggestions, a.status === "unknown" ? WORDING.didYouMean : WORDING.orDidYouMean));
  parts.push(feedbackHtml(a, answerId));
  return `<article class="answer answer-${a.status}">${parts.join("")}</article>`;
}

/** Example questions as chips that ask the question (no fact id: the click goes through /ask). */
export function examplesHtml(label: string, examples: string[]): string {
  const chips = examples.map(
    (e) =>
      `<button type="button" class="chip"${attr("ask", truncate(e, 500))}>${esc(truncate(tidyQuestion(e), 300))}</button>`,
  );
  return `<div class="chips" role="group" aria-label="${esc(label)}"><p class="chips-label">${esc(label)}</p>${chips.join("")}</div>`;
}

/** An admin report: a heading line, then the text (problems keep their lines) in a <pre>. */
export function reportHtml(kind: "ok" | "error" | "info", heading: string, text: string): string {
  return `<div class="report report-${kind}"><p class="report-title">${esc(heading)}</p><pre>${esc(text)}</pre></div>`;
}

export function renderReloadHtml(r: ReloadResult): string {
  return r.ok
    ? reportHtml("ok", WORDING.reloadOk, describeReload(r))
    : reportHtml("error", WORDING.reloadFailed, describeReload(r));
}

export function renderStatusHtml(s: StoreStatus): string {
  return reportHtml(s.lastError ? "error" : "info", WORDING.status, describeStatus(s));
}

const note = (text: string) => `<p class="note">${esc(text)}</p>`;

export function renderReplyHtml(reply: BotReply): string {
  switch (reply.kind) {
    case "answer":
      return renderAnswerHtml(reply.answer, reply.answerId);
    case "help":
      return `${note(WORDING.help)}${reply.examples.length ? examplesHtml(WORDING.examples, reply.examples) : ""}`;
    case "empty":
      return examplesHtml(WORDING.empty, reply.examples);
    case "small-talk":
      return `${note(SAY.smallTalk[reply.talk])}${reply.examples.length ? examplesHtml(WORDING.examples, reply.examples) : ""}`;
    case "reload":
      return renderReloadHtml(reply.result);
    case "status":
      return renderStatusHtml(reply.status);
    case "refused":
      return note(WORDING.refused(reply.command));
    default: {
      // Replies added later (rate limiting) arrive here; a retry hint is the only field we use.
      const r = reply as { kind: string; retryAfterSeconds?: number };
      return note(
        r.retryAfterSeconds !== undefined ? WORDING.rateLimited(r.retryAfterSeconds) : WORDING.failed,
      );
    }
  }
}

export function renderThanksHtml(vote: "up" | "down"): string {
  return note(WORDING.thanks[vote]);
}

/** Longest comment kept (Slack's and Teams' limit too). */
export const MAX_COMMENT = 1000;

/** What a 👎 links to, echoed by the comment form so the comment lands on the same vote. */
export interface VoteAbout {
  answerId?: string;
  factId?: string;
  version?: string;
}

/** The reply to a vote: thanks, and after a 👎 the optional "what was wrong?" box. */
export function renderVotedHtml(vote: "up" | "down", about: VoteAbout): string {
  if (vote === "up") return renderThanksHtml(vote);
  const w = WORDING.comment;
  const data =
    (about.answerId ? attr("answer-id", about.answerId) : "") +
    (about.factId ? attr("fact-id", truncate(about.factId, MAX_ID)) : "") +
    (about.version ? attr("version", truncate(about.version, 100)) : "");
  return (
    renderThanksHtml(vote) +
    `<form class="comment"${data}><label>${esc(w.label)}` +
    `<textarea name="comment" rows="2" maxlength="${MAX_COMMENT}" placeholder="${esc(w.placeholder)}"></textarea></label>` +
    `<button type="submit" class="primary">${esc(w.send)}</button></form>`
  );
}
