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

/** An http(s) URL, normalised by the URL parser, or undefined (javascript:, data:, relative, junk). */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : undefined;
}

/** Cut to at most `max` UTF-16 units, ending with "…", never splitting a surrogate pair. Cut before escaping. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}
