import { COMMENT_MAX } from "../../bot/feedback.js";
import { WORDING as SAY } from "../../bot/wording.js";
import type { Answer } from "../../core/types.js";
import { plainLine, truncate } from "./escape.js";

/**
 * The buttons of a reply, as an Adaptive Card. Action.Submit posts its `data` back to the bot as a
 * message whose `value` is that data (parse.ts reads it), in personal chats, group chats and channels
 * alike, and without an @mention. Card version 1.5 is what Teams desktop, web and mobile render.
 */

export const ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";

export type CardData =
  | { action: "suggestion"; factId: string; question: string }
  | { action: "ask"; question: string }
  | ({ action: "feedback"; feedback: "up" | "down" } & RatedData)
  | ({ action: "comment"; by?: string } & RatedData);

/** What a vote names: the fact, the knowledge version, the recorded answer, the question (to redraw it). */
interface RatedData {
  factId: string;
  version: string;
  answerId?: string;
  question?: string;
}

interface SubmitAction {
  type: "Action.Submit";
  title: string;
  data: CardData;
}

type CardElement =
  | { type: "TextBlock"; text: string; wrap: true; weight?: "Bolder"; isSubtle?: true; size?: "Small" }
  | { type: "Input.Text"; id: string; placeholder: string; isMultiline: true; maxLength: number }
  | { type: "ActionSet"; actions: SubmitAction[] };

export interface CardAttachment {
  contentType: typeof ADAPTIVE_CARD;
  content: {
    type: "AdaptiveCard";
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json";
    version: "1.5";
    body: CardElement[];
  };
}

/** Button titles are plain text in Teams; long ones are cut by the client anyway. */
const TITLE_MAX = 80;

export const CARD_WORDING = {
  didYouMean: SAY.didYouMean,
  closest: SAY.didYouMean,
  tryThese: SAY.examples,
  helpful: SAY.vote.question,
  up: `👍 ${SAY.vote.helpful}`,
  down: `👎 ${SAY.vote.notHelpful}`,
  whatWasWrong: SAY.comment.label,
  commentPlaceholder: SAY.comment.placeholder,
  send: SAY.comment.send,
} as const;

function title(text: string): string {
  return truncate(plainLine(text), TITLE_MAX);
}

function label(text: string, subtle = false): CardElement {
  return subtle
    ? { type: "TextBlock", text, wrap: true, isSubtle: true, size: "Small" }
    : { type: "TextBlock", text, wrap: true, weight: "Bolder" };
}

export function card(body: CardElement[]): CardAttachment {
  return {
    contentType: ADAPTIVE_CARD,
    content: {
      type: "AdaptiveCard",
      $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
      version: "1.5",
      body,
    },
  };
}

/** Suggestion buttons answer their fact directly when clicked (handleSuggestion). */
export function suggestionElements(a: Answer): CardElement[] {
  if (a.suggestions.length === 0) return [];
  const actions: SubmitAction[] = a.suggestions.map((s) => ({
    type: "Action.Submit",
    title: title(s.question),
    data: { action: "suggestion", factId: s.factId, question: truncate(s.question, 500) },
  }));
  return [
    label(a.status === "unknown" ? CARD_WORDING.closest : CARD_WORDING.didYouMean),
    { type: "ActionSet", actions },
  ];
}

/** 👍/👎 for an answer that cites a fact; the data names the fact and the knowledge version. */
export function feedbackElements(a: Answer, answerId?: string): CardElement[] {
  if (a.status === "unknown" || !a.factId) return [];
  const data = (feedback: "up" | "down"): CardData => ({
    action: "feedback",
    feedback,
    factId: a.factId as string,
    version: a.version,
    question: truncate(a.question, 500),
    ...(answerId ? { answerId } : {}),
  });
  return [
    label(`${CARD_WORDING.helpful} (knowledge ${plainLine(a.version)})`, true),
    {
      type: "ActionSet",
      actions: [
        { type: "Action.Submit", title: CARD_WORDING.up, data: data("up") },
        { type: "Action.Submit", title: CARD_WORDING.down, data: data("down") },
      ],
    },
  ];
}

export { COMMENT_MAX };

/** A small grey line in place of buttons (a vote taken in a shared card). */
export function noteElements(text: string): CardElement[] {
  return [label(text, true)];
}

/**
 * After a 👎: one optional text box. Action.Submit merges the inputs into its data, so the bot gets
 * `{ action: "comment", ..., comment: "<text>" }` back as the message value.
 */
export function commentElements(about: RatedData & { by?: string }): CardElement[] {
  return [
    label(CARD_WORDING.whatWasWrong),
    {
      type: "Input.Text",
      id: "comment",
      placeholder: CARD_WORDING.commentPlaceholder,
      isMultiline: true,
      maxLength: COMMENT_MAX,
    },
    {
      type: "ActionSet",
      actions: [{ type: "Action.Submit", title: CARD_WORDING.send, data: { action: "comment", ...about } }],
    },
  ];
}

/** Example questions as buttons that ask them. */
export function exampleElements(examples: string[]): CardElement[] {
  if (examples.length === 0) return [];
  return [
    label(CARD_WORDING.tryThese),
    {
      type: "ActionSet",
      actions: examples.map((q) => ({
        type: "Action.Submit",
        title: title(q),
        data: { action: "ask", question: truncate(q, 500) },
      })),
    },
  ];
}
