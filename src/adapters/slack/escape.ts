import { truncate as clip } from "../../core/clip.js";
/**
 * Text going into and out of Slack mrkdwn. Everything the bot shows that it did not write itself
 * (knowledge text, the asker's question, reload errors) goes through `escapeMrkdwn` first.
 */

/**
 * Slack parses `<...>` as links and mentions (`<@U123>`, `<!channel>`, `<https://x|label>`) and wants
 * `&`, `<`, `>` sent as HTML entities; nothing else needs escaping
 * (https://docs.slack.dev/messaging/formatting-message-text). The plain words
 * `@channel`/`@here`/`@everyone` only notify when a message is sent with link_names or auto-parsing,
 * which this adapter never asks for; a word joiner after the `@` keeps them inert even if a payload
 * is ever rendered with parsing on (fallback `text`, response_url messages).
 */
export function escapeMrkdwn(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/@(channel|here|everyone)\b/gi, "@\u2060$1");
}

/** Cut escaped mrkdwn to at most `max` characters, ending with "…", never inside an emoji or an entity. */
export function truncate(text: string, max: number): string {
  const cut = clip(text, max);
  if (cut === text) return text;
  // Do not leave half of an entity ("&amp;", "&lt;", "&gt;") that escaping produced.
  return `${cut.slice(0, -1).replace(/&(?:a|am|amp|l|lt|g|gt)?$/, "")}…`;
}

/**
 * A fenced code block of at most `max` characters. Its content is still mrkdwn-escaped (Slack decodes
 * entities inside code), then cut, so the closing fence always survives; a run of three backticks in
 * the content would close the fence early, so it is broken up.
 */
export function codeBlock(text: string, max = 3000): string {
  return `\`\`\`${truncate(escapeMrkdwn(text).replace(/```/g, "`\u200b``"), max - 6)}\`\`\``;
}

/** A link Slack renders as `label`, or just the label when the URL is not a plain http(s) URL. */
export function link(url: string | undefined, label: string): string {
  // `|` and `>` end the URL part of `<url|label>`; spaces are not valid in it either.
  if (url && /^https?:\/\/[^\s<>|]+$/i.test(url)) {
    return `<${url.replace(/&/g, "&amp;")}|${escapeMrkdwn(label).replace(/\|/g, "¦")}>`;
  }
  return escapeMrkdwn(label);
}

/** Slack user and bot ids as they appear in payloads (U…, W… for Enterprise Grid users, B… bots). */
export const SLACK_USER_ID = /^[UWB][A-Z0-9]{2,}$/;

/** A mention of a user id from a Slack payload; anything that is not a plain id is not mentioned. */
export function mentionUser(userId: string): string {
  return SLACK_USER_ID.test(userId) ? `<@${userId}>` : escapeMrkdwn(userId);
}
