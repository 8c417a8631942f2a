import { recordVote } from "../analytics/record.js";
import type { Asker, BotDeps, CommentInput, VoteInput } from "./types.js";

/**
 * 👍/👎 and the optional "what was wrong?" comment, from every surface. The values come back from
 * buttons a client could forge, so each field is checked here, once, the same for Slack, Teams and web.
 */

/** Longest comment kept, on every surface. */
export const COMMENT_MAX = 1000;

const ANSWER_ID = /^[\w-]{1,64}$/;

function about(v: Omit<VoteInput, "vote">) {
  const factId = v.factId?.slice(0, 200);
  const version = v.version?.slice(0, 100);
  return {
    ...(v.answerId && ANSWER_ID.test(v.answerId) ? { answerId: v.answerId } : {}),
    ...(factId ? { factId } : {}),
    ...(version ? { version } : {}),
  };
}

const who = (asker: Asker, deps: BotDeps) => ({
  platform: asker.platform,
  userId: asker.userId,
  at: deps.now?.() ?? new Date(),
});

export function vote(v: VoteInput, asker: Asker, deps: BotDeps): void {
  const rated = about(v);
  deps.log.info("feedback", { vote: v.vote, ...rated, platform: asker.platform, user: asker.userId });
  if (deps.analytics) recordVote(deps.analytics, { ...rated, ...who(asker, deps), vote: v.vote });
}

/** Records the comment as a 👎 carrying it; an empty box records nothing (the 👎 already is). */
export function comment(c: CommentInput, asker: Asker, deps: BotDeps): void {
  const rated = about(c);
  const text = c.comment.trim().slice(0, COMMENT_MAX);
  deps.log.info("feedback comment", { ...rated, platform: asker.platform, user: asker.userId });
  if (!deps.analytics || !text) return;
  recordVote(deps.analytics, { ...rated, ...who(asker, deps), vote: "down", comment: text });
}
