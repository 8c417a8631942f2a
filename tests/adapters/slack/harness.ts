import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { createLogger, type Logger } from "../../../src/log.js";
import { type RunningBot, type StartOptions, startBot } from "../../../src/main.js";
import { type FakeSlack, startFakeSlack } from "./fake-slack.js";

/** The real bot on 127.0.0.1 with Slack pointed at a FakeSlack, and correctly signed requests to it. */

export const SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
export const ASKER = "U0001ASKER";
export const ADMIN = "U0009ADMIN";

export type Json = Record<string, unknown>;

export function fixture(name: string): Json {
  const url = new URL(`../../fixtures/slack/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, "utf8")) as Json;
}

/** An Events API envelope around `event`, as Slack posts it. */
export function envelope(event: Json, eventId: string): Json {
  return { ...fixture("app_mention"), event, event_id: eventId };
}

/**
 * Slack's request signing: `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{raw body}` with the signing
 * secret, sent as X-Slack-Signature with X-Slack-Request-Timestamp (seconds).
 */
export function signature(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export interface SendOptions {
  secret?: string;
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  headers?: Record<string, string>;
  /** Sign this body but send `body` (a body altered in transit). */
  signedBody?: string;
}

export interface Harness {
  bot: RunningBot;
  slack: FakeSlack;
  base: string;
  logs: Json[];
  send(body: string, contentType: string, opts?: SendOptions): Promise<Response>;
  event(payload: Json, opts?: SendOptions): Promise<Response>;
  command(fields: Record<string, string>, opts?: SendOptions): Promise<Response>;
  action(payload: Json, opts?: SendOptions): Promise<Response>;
  stop(): Promise<void>;
}

/**
 * Bolt answers a request no listener acknowledged after 3 s; only unreadable bodies get that far
 * here, so tests shorten the wait (a test that proves prompt acks passes a long one instead).
 */
const SHORT_WAITS: StartOptions = {
  slackUnhandledRequestTimeoutMs: 200,
  // Retried as in production (3 times, Retry-After honoured), with short waits in between.
  slackWebApiRetries: { retries: 3, factor: 2, minTimeout: 20, maxTimeout: 200, randomize: false },
};

export async function startHarness(
  env: Record<string, string> = {},
  slack?: FakeSlack,
  options: StartOptions = SHORT_WAITS,
): Promise<Harness> {
  const fake = slack ?? (await startFakeSlack());
  const logs: Json[] = [];
  // The tests check who a line is about: user ids as they are (LOG_USER_IDS=1; hashed by default).
  const log: Logger = createLogger("debug", (line) => logs.push(JSON.parse(line) as Json), {}, undefined, {
    userIds: true,
  });
  const started = await startBot(
    {
      HOST: "127.0.0.1",
      PORT: "0",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: "xoxb-0000-test-token",
      SLACK_API_URL: fake.apiUrl,
      ADMIN_USERS: ADMIN,
      // Tests that look at analytics pass ANALYTICS=on with a temporary DATA_DIR; the rest write nothing.
      ANALYTICS: "off",
      ...env,
    },
    log,
    options,
  );
  if (!started.ok) throw new Error(started.message);
  const base = `http://127.0.0.1:${started.bot.address.port}`;
  const send = (body: string, contentType: string, opts: SendOptions = {}) => {
    const ts = opts.timestamp ?? Math.floor(Date.now() / 1000);
    return fetch(`${base}/slack/events`, {
      method: "POST",
      headers: {
        "content-type": contentType,
        "x-slack-request-timestamp": String(ts),
        "x-slack-signature": signature(opts.signedBody ?? body, ts, opts.secret),
        ...opts.headers,
      },
      body,
      signal: AbortSignal.timeout(10_000),
    });
  };
  return {
    bot: started.bot,
    slack: fake,
    base,
    logs,
    send,
    event: (payload, opts) => send(JSON.stringify(payload), "application/json", opts),
    command: (fields, opts) =>
      send(new URLSearchParams(fields).toString(), "application/x-www-form-urlencoded", opts),
    action: (payload, opts) =>
      send(
        new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
        "application/x-www-form-urlencoded",
        opts,
      ),
    stop: async () => {
      await started.bot.stop();
      if (!slack) await fake.close();
    },
  };
}

/** The text of every text object in a message's blocks (and its fallback), for assertions. */
export function textsOf(body: Json): string[] {
  const out: string[] = typeof body.text === "string" ? [body.text] : [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") {
      const o = v as Json;
      if (typeof o.text === "string") out.push(o.text);
      Object.values(o).forEach(walk);
    }
  };
  walk(body.blocks);
  return out;
}

/** The buttons in a message's blocks. */
export function buttonsOf(body: Json): { action_id: string; value: string; text: { text: string } }[] {
  const blocks = (body.blocks ?? []) as { type: string; elements?: Json[] }[];
  return blocks.filter((b) => b.type === "actions").flatMap((b) => b.elements ?? []) as unknown as {
    action_id: string;
    value: string;
    text: { text: string };
  }[];
}
