import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createLogger, type Logger } from "../../../src/log.js";
import { type RunningBot, type StartOptions, startBot } from "../../../src/main.js";

/** Shared by the Teams HTTP tests: fixtures, a fake Bot connector, the real bot on loopback. */

export const BOT_ID = "28:11111111-2222-4333-8444-555555555555";
export const ADA = "aaaaaaaa-0000-4000-8000-000000000001";
export const ADMIN = "aaaaaaaa-0000-4000-8000-00000000ad01";

export function fixture(name: string): Record<string, unknown> {
  const url = new URL(`../../fixtures/teams/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, "utf8")) as Record<string, unknown>;
}

export interface Recorded {
  method: string;
  /** Decoded path segments after /v3/conversations/. */
  conversationId: string;
  replyToId?: string;
  path: string;
  body: Record<string, unknown>;
}

/** A scripted failure: an HTTP status (with headers, e.g. Retry-After), after an optional delay. */
export interface ConnectorFailure {
  status: number;
  headers?: Record<string, string>;
  delayMs?: number;
}

export interface FakeConnector {
  url: string;
  received: Recorded[];
  /** Answer the next posts with these failures (in order), recording them too, then normally again. */
  failNext(...failures: ConnectorFailure[]): void;
  /** Delay every normal answer by this many ms (a slow connector). */
  delayMs: number;
  close(): Promise<void>;
}

/**
 * Stands in for the Bot Connector service (Teams' serviceUrl): records what the bot posts to
 * /v3/conversations/{id}/activities[/{replyToId}] and what it PUTs to .../activities/{activityId}
 * (an update in place; ids arrive URL-encoded), and answers like it does.
 */
export async function fakeConnector(): Promise<FakeConnector> {
  const received: Recorded[] = [];
  const failures: ConnectorFailure[] = [];
  const state = { delayMs: 0 };
  let n = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = (req.url ?? "").split("?")[0] ?? "";
      const m = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(path);
      const text = Buffer.concat(chunks).toString("utf8");
      // POST sends (or replies to) an activity; PUT .../activities/{id} updates one (updateActivity).
      if (!m || (req.method !== "POST" && !(req.method === "PUT" && m[2]))) {
        received.push({ method: req.method ?? "", conversationId: "", path, body: { unexpected: text } });
        res.writeHead(404).end();
        return;
      }
      received.push({
        method: req.method,
        conversationId: decodeURIComponent(m[1] as string),
        ...(m[2] ? { replyToId: decodeURIComponent(m[2]) } : {}),
        path,
        body: JSON.parse(text) as Record<string, unknown>,
      });
      const failure = failures.shift();
      const answer = failure
        ? () => res.writeHead(failure.status, failure.headers).end("{}")
        : () => {
            res.writeHead(200, { "content-type": "application/json" });
            res.end(JSON.stringify({ id: `reply-${++n}` }));
          };
      const delay = failure ? (failure.delayMs ?? 0) : state.delayMs;
      if (delay > 0) setTimeout(answer, delay);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    received,
    failNext: (...f) => {
      failures.push(...f);
    },
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(ms: number) {
      state.delayMs = ms;
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export interface StartedBot {
  bot: RunningBot;
  base: string;
  logs: Record<string, unknown>[];
}

/** Replies to the connector retried as in production (3 times, Retry-After honoured), with short waits. */
const SHORT_WAITS: StartOptions = { teamsRetries: { retries: 3, baseDelayMs: 20, maxDelayMs: 2_000 } };

export async function startTeamsBot(env: Record<string, string>, options = SHORT_WAITS): Promise<StartedBot> {
  const logs: Record<string, unknown>[] = [];
  // The tests check who a line is about: user ids as they are (LOG_USER_IDS=1; hashed by default).
  const log: Logger = createLogger(
    "debug",
    (line) => logs.push(JSON.parse(line) as Record<string, unknown>),
    {},
    undefined,
    {
      userIds: true,
    },
  );
  // Tests that look at analytics pass ANALYTICS=on with a temporary DATA_DIR; the rest write nothing.
  const started = await startBot({ HOST: "127.0.0.1", PORT: "0", ANALYTICS: "off", ...env }, log, options);
  if (!started.ok) throw new Error(started.message);
  return { bot: started.bot, base: `http://127.0.0.1:${started.bot.address.port}`, logs };
}

export function post(base: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(5_000),
  });
}

/** Polls until `check` holds, or fails after `ms`: every wait in these tests is bounded. */
export async function until(check: () => boolean, ms = 3_000, what = "condition"): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
