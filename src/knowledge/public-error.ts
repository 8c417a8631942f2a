import { dirname, sep } from "node:path";

/**
 * A reload error as unauthenticated callers (/healthz) may see it: paths relative to the knowledge
 * folder, control and other invisible characters replaced, at most 1 KB of UTF-8. The full message
 * stays in the logs and the admin views.
 */

export const PUBLIC_ERROR_BYTES = 1024;

export function publicError(message: string, knowledgeFile: string): string {
  const folder = dirname(knowledgeFile) + sep;
  // split/join: the folder is literal text, not a pattern.
  const relative = message.split(folder).join("");
  // \p{C}: control, format, surrogate, private-use and unassigned code points (keeps line breaks).
  const printable = relative.replace(/[^\P{C}\n]/gu, "?");
  if (Buffer.byteLength(printable) <= PUBLIC_ERROR_BYTES) return printable;
  const more = "…";
  const chars = [...printable.slice(0, PUBLIC_ERROR_BYTES * 2)];
  let n = PUBLIC_ERROR_BYTES;
  while (Buffer.byteLength(chars.slice(0, n).join("") + more) > PUBLIC_ERROR_BYTES) n -= 16;
  return chars.slice(0, n).join("") + more;
}
