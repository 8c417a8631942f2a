/**
 * Icons drawn inline as SVG: emoji fonts are missing on many servers, kiosks and locked-down
 * desktops, where 👍 / 👎 render as empty boxes. Each is decorative (aria-hidden); the text beside it
 * or the table header's visually hidden label says what it means.
 */

const svg = (cls: string, path: string) =>
  `<svg class="${cls}" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="16" height="16"><path fill="currentColor" d="${path}"/></svg>`;

const THUMB_PATH =
  "M2 21h4V9H2v12zm20-11a2 2 0 0 0-2-2h-6.3l1-4.6v-.3c0-.4-.2-.8-.4-1.1L13.2 1 6.6 7.6C6.2 8 6 8.5 6 9v10a2 2 0 0 0 2 2h9c.8 0 1.5-.5 1.8-1.2l3-7.1c.1-.2.2-.5.2-.7v-2z";

/** A thumb; CSS flips `.thumb-down` (and a down vote button's thumb) upside down. */
export const THUMB = svg("thumb", THUMB_PATH);
export const THUMB_UP = svg("thumb thumb-up", THUMB_PATH);
export const THUMB_DOWN = svg("thumb thumb-down", THUMB_PATH);
export const ICON_OK = svg("icon icon-ok", "M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z");
export const ICON_WARN = svg("icon icon-warn", "M1 21h22L12 2 1 21zm12-3h-2v-2h2v2zm0-4h-2v-4h2v4z");
export const ICON_COMMENT = svg(
  "icon icon-comment",
  "M20 2H4a2 2 0 0 0-2 2v18l4-4h14a2 2 0 0 0 2-2V4a2 2 0 0 0-2-2zm0 14H5.2L4 17.2V4h16v12z",
);
