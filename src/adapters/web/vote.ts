import { text } from "./http.js";

/** What a vote links to, as the page echoes it back. */

/** A vote or comment's answer id and fact, as the page echoes them back (bounded, plain tokens). */
export function voteAbout(v: Record<string, unknown>) {
  const answerId = text(v.answerId);
  const factId = text(v.factId);
  const version = (text(v.version) ?? "").slice(0, 100);
  return {
    ...(answerId && /^[\w-]{1,64}$/.test(answerId) ? { answerId } : {}),
    ...(factId ? { factId: factId.slice(0, 200) } : {}),
    ...(version ? { version } : {}),
  };
}
