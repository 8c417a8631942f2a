import type { AnswerStatus } from "../../core/types.js";
import { LIMITS } from "./blocks.js";

/**
 * The buttons the bot puts on its messages: their action_ids and what their values carry. Written by
 * render.ts, read back by parse.ts when Slack sends the click (block_actions).
 */

export const ACTION = {
  /** Suffixed with "_<n>": action_ids must be unique within a block. Value: the fact id. */
  suggest: "strategy_suggest",
  feedbackUp: "strategy_feedback_up",
  feedbackDown: "strategy_feedback_down",
  share: "strategy_share",
} as const;

/**
 * The "What was wrong?" modal a 👎 opens: its callback_id, and the ids of its one text input. Its
 * private_metadata is the clicked 👎's feedbackValue(), so the comment links to the same answer.
 */
export const COMMENT_VIEW = {
  callbackId: "strategy_feedback_comment",
  blockId: "comment",
  actionId: "comment",
  /** Longest comment kept (Teams keeps the same). */
  maxLength: 1000,
} as const;

/** Every action_id above, for registering one listener. */
export const ACTION_ID_PATTERN = /^strategy_(?:suggest(?:_\d+)?|feedback_(?:up|down)|share)$/;

export interface FeedbackValue {
  /** The recorded answer this rates (analytics on). */
  answerId?: string;
  factId?: string;
  version: string;
  status: AnswerStatus;
}

export interface ShareValue {
  question: string;
  /** Set when the answer was confident: sharing then shows that same fact, not a fresh search. */
  factId?: string;
}

const STATUSES = new Set<string>(["answered", "suggested", "unknown"]);

function readJson(value: string | undefined): Record<string, unknown> | undefined {
  if (!value) return undefined;
  try {
    const v: unknown = JSON.parse(value);
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

export function feedbackValue(v: FeedbackValue): string {
  return JSON.stringify({ f: v.factId, v: v.version, s: v.status, a: v.answerId });
}

export function readFeedbackValue(value: string | undefined): FeedbackValue | undefined {
  const o = readJson(value);
  const version = str(o?.v);
  const status = str(o?.s);
  if (!version || !status || !STATUSES.has(status)) return undefined;
  const factId = str(o?.f);
  const answerId = str(o?.a);
  return {
    version,
    status: status as AnswerStatus,
    ...(factId ? { factId } : {}),
    ...(answerId && answerId.length <= 64 ? { answerId } : {}),
  };
}

/** The question rides in the button value (max 2000 characters), shortened if it must be. */
export function shareValue(v: ShareValue): string {
  let question = v.question.slice(0, LIMITS.buttonValue);
  let json = JSON.stringify({ q: question, f: v.factId });
  while (json.length > LIMITS.buttonValue) {
    question = question.slice(0, Math.floor(question.length * 0.8));
    json = JSON.stringify({ q: question, f: v.factId });
  }
  return json;
}

export function readShareValue(value: string | undefined): ShareValue | undefined {
  const o = readJson(value);
  const question = str(o?.q);
  if (!question) return undefined;
  const factId = str(o?.f);
  return { question, ...(factId ? { factId } : {}) };
}
