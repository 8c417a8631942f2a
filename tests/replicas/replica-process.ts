import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { envelope, fixture, type Json, SIGNING_SECRET, signature } from "../adapters/slack/harness.js";
import { freePort } from "../free-port.js";

/**
 * One replica: `node bin/strategy-bot.js serve` as a real process (the built CLI, as deployed), with
 * Slack pointed at a fake, and signed Slack requests to it. The tests run two or three on one database.
 */

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BIN = `${ROOT}bin/strategy-bot.js`;
export const ADMIN = "U0009ADMIN";

export interface Replica {
  base: string;
  /** Everything it wrote to stderr (its JSON logs). */
  stderr(): string;
  health(): Promise<Json>;
  /** A signed Events API request; `retry` adds Slack's retry headers. */
  event(payload: Json, retry?: number): Promise<Response>;
  action(payload: Json): Promise<Response>;
  stop(): Promise<void>;
}

export function assertBuilt(): void {
  if (!existsSync(`${ROOT}dist/cli/main.js`))
    throw new Error("these tests run the built CLI: run `npm run -s build` first");
}

export async function startReplica(env: Record<string, string>): Promise<Replica> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let err = "";
  const child: ChildProcess = spawn(process.execPath, [BIN, "serve"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      HOST: "127.0.0.1",
      PORT: String(port),
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: "xoxb-0000-test-token",
      ADMIN_USERS: ADMIN,
      RATE_LIMIT_PER_MINUTE: "0",
      LOG_LEVEL: "debug",
      ...env,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  child.stderr?.on("data", (d: Buffer) => {
    err += d.toString();
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 30_000;
  while (
    !(await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`replica did not come up:\n${err}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const send = (body: string, type: string, headers: Record<string, string> = {}) => {
    const ts = Math.floor(Date.now() / 1000);
    return fetch(`${base}/slack/events`, {
      method: "POST",
      headers: {
        "content-type": type,
        "x-slack-request-timestamp": String(ts),
        "x-slack-signature": signature(body, ts),
        ...headers,
      },
      body,
      signal: AbortSignal.timeout(15_000),
    });
  };
  return {
    base,
    stderr: () => err,
    health: async () => (await (await fetch(`${base}/healthz`)).json()) as Json,
    event: (payload, retry) =>
      send(
        JSON.stringify(payload),
        "application/json",
        retry ? { "x-slack-retry-num": String(retry), "x-slack-retry-reason": "http_timeout" } : {},
      ),
    action: (payload) =>
      send(
        new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
        "application/x-www-form-urlencoded",
      ),
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

/** An app_mention asking `text` in `channel`, as user `user`, with this event_id. */
export function mention(text: string, channel: string, eventId: string, user = "U0001ASKER"): Json {
  const event = { ...(fixture("app_mention").event as Json), text: `<@U0000BOT01> ${text}`, channel, user };
  return envelope(event, eventId);
}

/** A direct message from the admin (ADMIN) saying `text` (e.g. "reload") in `channel`, with this event_id. */
export function adminMessage(text: string, channel: string, eventId: string): Json {
  const event = { ...(fixture("message_im").event as Json), text, user: ADMIN, channel };
  return { ...fixture("message_im"), event, event_id: eventId };
}

/** `strategy-bot <args>` run to completion: its exit code and output. */
export function cli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: ROOT, env: { PATH: process.env.PATH, ...env } },
      (e, out, err) => resolve({ code: e ? Number((e as { code?: number }).code ?? 1) : 0, out, err }),
    );
  });
}
