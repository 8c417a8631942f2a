import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { feedbackValue } from "../../../src/adapters/slack/actions.js";
import type { RunningBot } from "../../../src/main.js";
import { waitFor } from "../slack/fake-slack.js";
import { signature, fixture as slackFixture, startHarness, textsOf } from "../slack/harness.js";
import { fakeConnector, startTeamsBot, fixture as teamsFixture } from "../teams/helpers.js";
import { startWebBot } from "../web/helpers.js";

/**
 * One driver per HTTP adapter, so the contract suite (contract.test.ts) says once what every surface
 * must do and runs it against Slack, Teams and the web page alike. A driver speaks its platform's
 * real wire format to the real bot on loopback, and reads replies where the platform would see them.
 */

export interface Reply {
  /** What the person reads, markup and escaping removed. */
  text: string;
  /** HTTP status of the delivery itself (the web answers in the response; the others with 200). */
  status: number;
}

export interface Driver {
  name: "slack" | "teams" | "web";
  bot: RunningBot;
  /** The endpoint hostile bodies are thrown at. */
  path: string;
  /** Extra headers a request needs to pass the door (Slack's signature). */
  headers(body: string): Record<string, string>;
  /**
   * A person's message, and the reply once it arrives. `id` names the delivery (a platform repeats
   * it on retries); with `quiet` no reply is awaited: the call returns whatever came within a moment.
   */
  say(text: string, user: string, opts?: { id?: string; quiet?: boolean }): Promise<Reply | undefined>;
  /** A 👎 on the answer to `question`. */
  vote(question: string, user: string): Promise<Reply>;
  /** Whether the platform re-delivers (so the adapter must answer a repeat once). */
  redelivers: boolean;
  stop(): Promise<void>;
}

/** Markup of any of the three formats away, entities decoded: what a person reads. */
export function readable(text: string): string {
  return text
    .replace(/<[^>]+>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\\([\\`*_~[\]{}.#+=-])/g, "$1")
    .replace(/[*_`]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

const dataDir = () => mkdtempSync(join(tmpdir(), "sb-contract-"));
let seq = 0;
const settle = () => new Promise((r) => setTimeout(r, 300));

export async function slackDriver(env: Record<string, string>): Promise<Driver> {
  const dir = dataDir();
  const h = await startHarness({ ...env, DATA_DIR: dir });
  const dm = (user: string) => `D0${user.replace(/\W/g, "").toUpperCase()}`;
  const posted = (channel: string, after: number) =>
    h.slack.calls
      .slice(after)
      .find(
        (c) =>
          (c.method === "chat.postMessage" || c.method === "chat.postEphemeral") &&
          c.body.channel === channel,
      );
  const say: Driver["say"] = async (text, user, opts = {}) => {
    const f = slackFixture("message_im");
    const event = { ...(f.event as object), text, user, channel: dm(user), ts: `${Date.now() / 1000}` };
    const after = h.slack.calls.length;
    const res = await h.event({ ...f, event, event_id: opts.id ?? `Ev${++seq}CONTRACT` });
    if (opts.quiet) await settle();
    const post = opts.quiet ? posted(dm(user), after) : await waitFor(() => posted(dm(user), after));
    return post ? { status: res.status, text: readable(textsOf(post.body).join(" ")) } : undefined;
  };
  return {
    name: "slack",
    bot: h.bot,
    path: "/slack/events",
    headers: (body) => {
      const ts = Math.floor(Date.now() / 1000);
      return { "x-slack-request-timestamp": String(ts), "x-slack-signature": signature(body, ts) };
    },
    redelivers: true,
    say,
    async vote(question, user) {
      const answer = await say(question, user);
      if (!answer) throw new Error("no answer to vote on");
      const value = feedbackValue({ factId: "cann", version: "v", status: "answered" });
      const payload = {
        ...slackFixture("block_actions"),
        user: { id: user },
        response_url: h.slack.responseUrl(`vote-${++seq}`),
        actions: [{ action_id: "strategy_feedback_down", type: "button", value }],
      };
      const after = h.slack.calls.length;
      const res = await h.action(payload);
      const thanks = await waitFor(() => h.slack.calls.slice(after).find((c) => c.method === "respond"));
      return { status: res.status, text: readable(textsOf(thanks.body).join(" ")) };
    },
    stop: async () => {
      await h.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function teamsDriver(env: Record<string, string>): Promise<Driver> {
  const dir = dataDir();
  const connector = await fakeConnector();
  const started = await startTeamsBot({ ...env, DATA_DIR: dir });
  const post = (body: unknown) =>
    fetch(`${started.base}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
  const personal = (user: string, id: string, extra: Record<string, unknown>) => {
    const f = teamsFixture("personal-message");
    const conversation = { ...(f.conversation as object), id: `a:1${user}` };
    const from = { ...(f.from as object), id: `29:${user}`, aadObjectId: user };
    return { ...f, id, serviceUrl: connector.url, conversation, from, ...extra };
  };
  const replyFor = (user: string, after: number) =>
    connector.received.slice(after).find((r) => r.conversationId === `a:1${user}`);
  const say = async (
    text: string,
    user: string,
    opts: { id?: string; quiet?: boolean; value?: unknown } = {},
  ): Promise<Reply | undefined> => {
    const after = connector.received.length;
    const extra = opts.value ? { text: "", value: opts.value } : { text };
    const res = await post(personal(user, opts.id ?? `contract-${++seq}`, extra));
    if (opts.quiet) await settle();
    const r = opts.quiet ? replyFor(user, after) : await waitFor(() => replyFor(user, after));
    return r ? { status: res.status, text: readable(String(r.body.text ?? "")) } : undefined;
  };
  return {
    name: "teams",
    bot: started.bot,
    path: "/api/messages",
    headers: () => ({}),
    redelivers: true,
    say,
    async vote(question, user) {
      await say(question, user);
      const value = { action: "feedback", feedback: "down", factId: "cann", version: "v" };
      const r = await say("", user, { value });
      if (!r) throw new Error("no thanks");
      return r;
    },
    stop: async () => {
      await started.bot.stop();
      await connector.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function webDriver(env: Record<string, string>): Promise<Driver> {
  const w = await startWebBot(env);
  const call = async (path: string, body: unknown, user: string) => {
    const res = await fetch(`${w.base}${path}`, {
      method: "POST",
      // The web knows a person by address; the session keeps one tab's conversation apart.
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...(body as object), session: user }),
      signal: AbortSignal.timeout(10_000),
    });
    const json = (await res.json()) as { html?: string; text?: string };
    return { status: res.status, text: readable(json.html ?? json.text ?? "") };
  };
  return {
    name: "web",
    bot: w.bot,
    path: "/api/web/ask",
    headers: () => ({}),
    // A browser does not re-send a request it got no answer to; each POST is a question typed anew.
    redelivers: false,
    say: (text, user) => call("/api/web/ask", { question: text }, user),
    async vote(question, user) {
      await call("/api/web/ask", { question }, user);
      return call("/api/web/feedback", { vote: "down", factId: "cann", version: "v" }, user);
    },
    stop: () => w.stop(),
  };
}
