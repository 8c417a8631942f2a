import { truncate as clip, httpUrl } from "../../core/clip.js";

/**
 * Text that reaches Teams from the knowledge file or from a user is data, never markup.
 *
 * Platform facts this relies on:
 * - Teams renders message text (textFormat "markdown", its default) as a CommonMark-like subset that
 *   also lets some inline HTML through, so `<at>…</at>`, `<a>` or `<img>` in raw text would be live.
 *   CommonMark decodes `&lt;`, `&gt;` and `&amp;`, and a backslash escapes any ASCII punctuation.
 * - When a message carries a citation entity, Teams turns `[n]` in its text into citation markers, so
 *   brackets from the knowledge must not form `[n]`.
 * - Teams (like most clients) links bare `https://…` and `www.…`; a link must only ever come from a URL
 *   the knowledge file configured for a source, never from quoted text.
 */

/** C0/C1 controls and the bidi embeddings, overrides and isolates that can reorder displayed text. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this regex's job.
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** One line of plain text: controls become spaces, runs of whitespace collapse, ends are trimmed. */
export function plainLine(text: string): string {
  return text.replace(UNSAFE_CHARS, " ").replace(/\s+/g, " ").trim();
}

/**
 * Escapes one line of text for Teams markdown. Newlines are folded (so text cannot start a heading,
 * list or quote block of its own), HTML is entity-encoded, inline markup is backslash-escaped, and
 * URLs are broken so no client auto-links them.
 */
export function escapeMarkdown(text: string): string {
  return (
    plainLine(text)
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      // Emphasis, code, strikethrough, links/images/citation markers; braces are dropped by Teams.
      .replace(/[\\`*_~[\]{}]/g, "\\$&")
      .replace(/:\/\//g, "\\://")
      .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\\.`)
      // Block markers only count at the start of a line; our lines may start with escaped text.
      .replace(/^([#+=-])/, "\\$1")
      .replace(/^(\d+)([.)])/, "$1\\$2")
  );
}

/** Escapes a multi-line report line by line; blank lines separate paragraphs in Teams markdown. */
export function escapeLines(text: string): string {
  return text
    .split(/\r?\n/)
    .map(escapeMarkdown)
    .filter((l) => l !== "")
    .join("\n\n");
}

/** Cuts text to at most `max` UTF-16 units (Teams counts string length), at a word when one is near. */
export function truncate(text: string, max: number): string {
  return clip(text, max, { atWord: true });
}

/** An http(s) URL as a markdown link target, or undefined when the value is not one. */
export function safeUrl(url: string | undefined): string | undefined {
  // Parentheses and spaces would end a markdown link target early.
  return httpUrl(url)?.replace(/\(/g, "%28").replace(/\)/g, "%29").replace(/ /g, "%20");
}
