import type { SlackMessage } from "../../src/adapters/slack/blocks.js";
import type { OutgoingActivity } from "../../src/adapters/teams/render.js";

/** Checks the property tests make of a rendered message: limits and no live markup we did not build. */

const SLACK = {
  blocks: 50,
  text: 3000,
  contextElements: 10,
  button: 75,
  value: 2000,
  actionId: 255,
  total: 12_000,
};

/** Every mrkdwn text (section, context) and the fallback text of a Slack message. */
function slackTexts(m: SlackMessage): string[] {
  const out = [m.text];
  for (const b of m.blocks) {
    if (b.type === "section") out.push(b.text.text);
    if (b.type === "context") out.push(...b.elements.map((e) => e.text));
  }
  return out;
}

/** Problems with a Slack message; empty when it is within limits and safe. */
export function slackProblems(m: SlackMessage, allowedUrls: string[], allowedUsers: string[] = []): string[] {
  const p: string[] = [];
  if (m.blocks.length > SLACK.blocks) p.push(`${m.blocks.length} blocks`);
  if (m.text.length > SLACK.text) p.push(`fallback text ${m.text.length}`);
  let total = 0;
  for (const b of m.blocks) {
    if (b.type === "section") {
      total += b.text.text.length;
      if (b.text.text.length > SLACK.text || b.text.text.length < 1) p.push(`section ${b.text.text.length}`);
    } else if (b.type === "context") {
      if (b.elements.length > SLACK.contextElements) p.push("context elements");
      for (const e of b.elements) {
        total += e.text.length;
        if (e.text.length > SLACK.text || e.text.length < 1) p.push(`context text ${e.text.length}`);
      }
    } else {
      if (b.elements.length > 25) p.push("actions elements");
      for (const e of b.elements) {
        if (e.text.text.length > SLACK.button || e.text.text.length < 1)
          p.push(`button ${e.text.text.length}`);
        if (e.value.length > SLACK.value) p.push("button value");
        if (e.action_id.length > SLACK.actionId) p.push("action_id");
      }
    }
  }
  if (total > SLACK.total) p.push(`total text ${total}`);
  for (const t of slackTexts(m)) {
    // Slack reads <...> as a mention, channel, special command or link: only ours may appear.
    for (const [, inner = ""] of t.matchAll(/<([^>]*)>?/g)) {
      const user = /^@([A-Z0-9]+)$/.exec(inner)?.[1];
      if (user && allowedUsers.includes(user)) continue;
      const url = /^(https?:\/\/[^|]+)\|[^|]*$/.exec(inner)?.[1]?.replace(/&amp;/g, "&");
      if (url && allowedUrls.includes(url)) continue;
      p.push(`live markup <${inner.slice(0, 40)}>`);
    }
    if (/@(channel|here|everyone)\b/i.test(t)) p.push("bare @channel/@here/@everyone");
  }
  return p;
}

/** Indexes of `](` whose `]` is not backslash-escaped (an even number of backslashes before it). */
function unescapedLinkTargets(text: string): string[] {
  const targets: string[] = [];
  for (const m of text.matchAll(/\]\(([^)\s]*)\)?/g)) {
    let n = 0;
    for (let i = (m.index ?? 0) - 1; i >= 0 && text[i] === "\\"; i--) n++;
    if (n % 2 === 0) targets.push(m[1] ?? "");
  }
  return targets;
}

/** Problems with a Teams message; empty when it is within limits and safe. */
export function teamsProblems(a: OutgoingActivity, allowedUrls: string[]): string[] {
  const p: string[] = [];
  const bytes = Buffer.byteLength(JSON.stringify(a));
  // Teams refuses messages over about 28 KB (payload, text plus attachments and entities).
  if (bytes > 28 * 1024) p.push(`activity ${bytes} bytes`);
  if (a.text.length < 1) p.push("empty text");
  // Raw HTML in Teams markdown is live (<at>, <a>, <img>): all of ours is entity-encoded.
  if (/</.test(a.text))
    p.push(`raw < in text: ${a.text.slice(a.text.indexOf("<"), a.text.indexOf("<") + 30)}`);
  for (const url of unescapedLinkTargets(a.text)) {
    if (!allowedUrls.includes(url)) p.push(`markdown link to ${url.slice(0, 60)}`);
  }
  if (/(^|[^\\])(https?:\/\/|\bwww\.)/.test(stripLinks(a.text)))
    p.push("bare URL that a client would auto-link");
  for (const c of a.entities?.[0]?.citation ?? []) {
    if (c.appearance.name.length > 80 || c.appearance.abstract.length > 160)
      p.push("citation field too long");
    if (c.appearance.url && !allowedUrls.includes(c.appearance.url))
      p.push(`citation url ${c.appearance.url}`);
  }
  for (const att of a.attachments ?? []) {
    for (const el of att.content.body) {
      if (el.type === "TextBlock" && (/</.test(el.text) || unescapedLinkTargets(el.text).length))
        p.push(`card markup ${el.text.slice(0, 40)}`);
    }
  }
  return p;
}

/** Text with our own `[label](url)` targets removed, to look for bare URLs elsewhere. */
function stripLinks(text: string): string {
  return text.replace(/\]\((https?:\/\/[^)\s]*)\)/g, "]()");
}
