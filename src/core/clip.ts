/**
 * Length limits and link safety shared by every renderer: each platform has its own escaping, but
 * cutting text and deciding which URLs may become links are the same everywhere.
 */

/**
 * Cut to at most `max` UTF-16 units, ending with "…". Never splits a surrogate pair (an emoji);
 * with `atWord`, prefers a word boundary when one is within 20 characters of the cut.
 */
export function truncate(text: string, max: number, opts: { atWord?: boolean } = {}): string {
  if (text.length <= max) return text;
  let cut = Math.max(0, max - 1);
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  if (opts.atWord) {
    const space = text.lastIndexOf(" ", cut);
    if (space > cut - 20 && space > 0) cut = space;
  }
  return `${text.slice(0, cut).trimEnd()}…`;
}

/** An http(s) URL, normalised by the URL parser, or undefined (javascript:, data:, relative, junk). */
export function httpUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : undefined;
}
