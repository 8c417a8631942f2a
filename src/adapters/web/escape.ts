import { httpUrl, truncate } from "../../core/clip.js";

/**
 * Text going into HTML. Everything the page shows that the bot did not write itself (knowledge text,
 * the asker's question, reload errors) passes through `escapeHtml`; links only ever come from a URL the
 * knowledge file configured for a source, and only when it is plain http(s).
 */

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Safe in element content and in double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}

/** An http(s) URL, or undefined (javascript:, data:, relative, junk). */
export const safeUrl = httpUrl;

/** Cut to at most `max` UTF-16 units, ending with "…". Cut before escaping. */
export { truncate };
