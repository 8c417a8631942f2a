/**
 * Slack signs `v0:{x-slack-request-timestamp}:{body}` and says to refuse a timestamp more than five
 * minutes from the local clock, to stop replays. Bolt refuses old ones only; a request dated in the
 * future (+1 h, +30 years) would be replayable until then, so both directions are checked here,
 * before Bolt verifies the signature.
 */

export const MAX_SKEW_SECONDS = 5 * 60;

/** True when the header is absent or malformed (Bolt refuses those itself) or within five minutes. */
export function timestampAcceptable(header: string | string[] | undefined, nowMs: number): boolean {
  if (typeof header !== "string" || !/^\d{1,12}$/.test(header)) return true;
  return Math.abs(nowMs / 1000 - Number(header)) <= MAX_SKEW_SECONDS;
}
