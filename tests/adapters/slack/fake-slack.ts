import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A stand-in for Slack on 127.0.0.1: the Web API (`/api/<method>`, what SLACK_API_URL points at) and
 * response_urls (`/respond/<id>`). Records every call and answers `{ ok: true, ... }` like Slack does.
 */

export interface Call {
  /** Web API method ("chat.postMessage"), or "respond" for a response_url post. */
  method: string;
  /** For "respond": the id in the response_url. */
  id?: string;
  body: Record<string, unknown>;
  headers: IncomingMessage["headers"];
}

export const BOT_USER_ID = "U0000BOT01";
export const BOT_ID = "B0000BOT01";
export const TEAM_ID = "T0001TEST";

type Reply = (call: Call) => Record<string, unknown>;

/** A scripted failure: an HTTP status (with headers, e.g. Retry-After), after an optional delay. */
export interface Failure {
  status: number;
  headers?: Record<string, string>;
  delayMs?: number;
}

export interface FakeSlack {
  calls: Call[];
  /** Base URL for SLACK_API_URL (ends with /api/). */
  apiUrl: string;
  responseUrl(id: string): string;
  /** Override what a Web API method answers. */
  on(method: string, reply: Reply): void;
  /** Answer the next Web API calls with these failures (in order) before answering normally again. */
  failNext(...failures: Failure[]): void;
  /** Resolves with the first recorded call matching, polling until `timeoutMs` passes. */
  waitFor(match: (c: Call) => boolean, timeoutMs?: number): Promise<Call>;
  close(): Promise<void>;
}

const DEFAULTS: Record<string, Reply> = {
  "auth.test": () => ({ user_id: BOT_USER_ID, bot_id: BOT_ID, team_id: TEAM_ID, user: "strategy-bot" }),
  "chat.postMessage": (c) => ({ channel: c.body.channel, ts: `${Date.now() / 1000}`, message: {} }),
  "chat.postEphemeral": () => ({ message_ts: `${Date.now() / 1000}` }),
  "chat.update": (c) => ({ channel: c.body.channel, ts: c.body.ts }),
  "views.open": (c) => ({ view: { id: "V0000VIEW01", ...(c.body.view as Record<string, unknown>) } }),
};

function parseBody(raw: string, type: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (type?.includes("json")) return JSON.parse(raw) as Record<string, unknown>;
  // The Web API client sends forms; structured fields (blocks) arrive as JSON strings.
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    out[k] = /^[[{]/.test(v) ? JSON.parse(v) : v;
  }
  return out;
}

export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: Call[] = [];
  const replies = new Map<string, Reply>(Object.entries(DEFAULTS));
  const failures: Failure[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = (req.url ?? "").split("?")[0] ?? "";
      const body = parseBody(Buffer.concat(chunks).toString("utf8"), req.headers["content-type"]);
      const respond = /^\/respond\/(.+)$/.exec(path);
      const call: Call = respond
        ? { method: "respond", id: respond[1] as string, body, headers: req.headers }
        : { method: path.replace(/^\/api\//, ""), body, headers: req.headers };
      calls.push(call);
      const failure = respond ? undefined : failures.shift();
      if (failure) {
        const fail = () => res.writeHead(failure.status, failure.headers).end("{}");
        if (failure.delayMs) setTimeout(fail, failure.delayMs);
        else fail();
        return;
      }
      const extra = respond ? {} : (replies.get(call.method)?.(call) ?? {});
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: true, ...extra }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    calls,
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/respond/${id}`,
    on: (method, reply) => {
      replies.set(method, reply);
    },
    failNext: (...f) => {
      failures.push(...f);
    },
    waitFor: (match, timeoutMs = 10_000) => waitFor(() => calls.find(match), timeoutMs),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Polls `probe` until it returns a value or `timeoutMs` passes (robust on a slow shared machine). */
export async function waitFor<T>(
  probe: () => T | undefined,
  timeoutMs = 10_000,
  what = "condition",
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
