import { truncate } from "./escape.js";

/**
 * The few Block Kit shapes this bot sends, as plain data, and builders that enforce Slack's per-element
 * limits so no renderer can produce a message Slack rejects with `invalid_blocks`.
 * Kept free of @slack/types: only app.ts depends on the Slack SDK.
 */

/** Slack's documented limits (https://docs.slack.dev/reference/block-kit/blocks) and our own budgets. */
export const LIMITS = {
  /** Blocks per message. */
  blocks: 50,
  /** Characters in a section block's text object. */
  sectionText: 3000,
  /** Elements in a context block, and characters in each text element. */
  contextElements: 10,
  contextText: 3000,
  /** Elements in an actions block. */
  actionsElements: 25,
  /** Characters in a button's plain_text label, in its value, and in an action_id. */
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  /** Our budget for all block text together: well under the ~12k Slack accepts per message. */
  totalText: 10_000,
  /** Our budget for the notification fallback `text` (Slack truncates at 40k, advises 4k). */
  fallbackText: 3000,
} as const;

/**
 * verbatim: true stops Slack from auto-linking URLs and channel names and from auto-parsing mentions in
 * text we did not mark up ourselves; the `<url|label>` links we build on purpose still work.
 */
export interface Mrkdwn {
  type: "mrkdwn";
  text: string;
  verbatim: true;
}

export interface PlainText {
  type: "plain_text";
  text: string;
  emoji: true;
}

export interface SectionBlock {
  type: "section";
  text: Mrkdwn;
}

export interface ContextBlock {
  type: "context";
  elements: Mrkdwn[];
}

export interface Button {
  type: "button";
  action_id: string;
  text: PlainText;
  value: string;
  style?: "primary";
}

export interface ActionsBlock {
  type: "actions";
  elements: Button[];
}

export type Block = SectionBlock | ContextBlock | ActionsBlock;

/** A message as chat.postMessage, chat.postEphemeral, chat.update and response_url all accept it. */
export interface SlackMessage {
  /** Plain fallback for notifications and screen readers; shown instead of blocks where they can't be. */
  text: string;
  blocks: Block[];
}

const mrkdwn = (text: string, max: number): Mrkdwn => ({
  type: "mrkdwn",
  // Slack rejects empty text objects (minimum length 1).
  text: truncate(text, max) || " ",
  verbatim: true,
});

export function section(text: string): SectionBlock {
  return { type: "section", text: mrkdwn(text, LIMITS.sectionText) };
}

export function context(...texts: string[]): ContextBlock {
  return {
    type: "context",
    elements: texts.slice(0, LIMITS.contextElements).map((t) => mrkdwn(t, LIMITS.contextText)),
  };
}

export function button(actionId: string, label: string, value: string, style?: "primary"): Button {
  return {
    type: "button",
    action_id: actionId.slice(0, LIMITS.actionId),
    text: { type: "plain_text", text: truncate(label, LIMITS.buttonText) || "…", emoji: true },
    value: value.slice(0, LIMITS.buttonValue),
    ...(style ? { style } : {}),
  };
}

export function actions(buttons: Button[]): ActionsBlock {
  return { type: "actions", elements: buttons.slice(0, LIMITS.actionsElements) };
}

/** Characters of text a block carries, for the whole-message budget. */
export function blockTextLength(b: Block): number {
  switch (b.type) {
    case "section":
      return b.text.text.length;
    case "context":
      return b.elements.reduce((n, e) => n + e.text.length, 0);
    case "actions":
      return b.elements.reduce((n, e) => n + e.text.text.length + e.value.length, 0);
  }
}

/** A modal's one multiline text box (the "What was wrong?" comment). */
export interface InputBlock {
  type: "input";
  block_id: string;
  optional: boolean;
  label: PlainText;
  element: {
    type: "plain_text_input";
    action_id: string;
    multiline: true;
    max_length: number;
    placeholder: PlainText;
  };
}

/** A modal as views.open takes it. private_metadata is at most 3000 characters. */
export interface ModalView {
  type: "modal";
  callback_id: string;
  private_metadata: string;
  title: PlainText;
  submit: PlainText;
  close: PlainText;
  blocks: InputBlock[];
}

export const plain = (text: string, max: number = LIMITS.buttonText): PlainText => ({
  type: "plain_text",
  text: truncate(text, max) || " ",
  emoji: true,
});

export function message(text: string, blocks: Block[]): SlackMessage {
  return { text: truncate(text, LIMITS.fallbackText) || " ", blocks: blocks.slice(0, LIMITS.blocks) };
}
