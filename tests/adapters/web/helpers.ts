import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createLogger } from "../../../src/log.js";
import { type RunningBot, startBot } from "../../../src/main.js";

/** The real bot on a loopback port, answering from a temp copy of the small knowledge file. */

export const SMALL = fileURLToPath(new URL("../../fixtures/knowledge/small.yaml", import.meta.url));

export interface WebBot {
  bot: RunningBot;
  base: string;
  /** The temp copy KNOWLEDGE_FILE points at: tests may break it and reload. */
  knowledgeFile: string;
  logs: Record<string, unknown>[];
  stop(): Promise<void>;
}

export async function startWebBot(env: Record<string, string> = {}): Promise<WebBot> {
  const dir = mkdtempSync(join(tmpdir(), "strategy-bot-web-"));
  const knowledgeFile = join(dir, "knowledge.yaml");
  copyFileSync(SMALL, knowledgeFile);
  const logs: Record<string, unknown>[] = [];
  const log = createLogger("debug", (line) => logs.push(JSON.parse(line) as Record<string, unknown>));
  // No rate limit: a test asks more often than a person would.
  const started = await startBot(
    {
      HOST: "127.0.0.1",
      PORT: "0",
      KNOWLEDGE_FILE: knowledgeFile,
      RATE_LIMIT_PER_MINUTE: "0",
      DATA_DIR: join(dir, "data"),
      ...env,
    },
    log,
  );
  if (!started.ok) throw new Error(started.message);
  const bot = started.bot;
  return {
    bot,
    base: `http://127.0.0.1:${bot.address.port}`,
    knowledgeFile,
    logs,
    stop: async () => {
      await bot.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A knowledge file the loader refuses: a quote that is not in its source. */
export const BROKEN_YAML = `version: 1
title: Broken
sources:
  - id: memo
    title: Memo
    text: |
      One sentence here.
facts:
  - id: f
    answer: Two.
    questions: [what?]
    cite:
      - source: memo
        quote: "A sentence that is not in the source."
`;

export function postJson(
  base: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${base}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(5_000),
  });
}

export function get(base: string, path: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}${path}`, { headers, signal: AbortSignal.timeout(5_000) });
}

/** A raw request, for headers fetch will not let a caller set (Host, Origin). */
export function raw(
  base: string,
  opts: { method: string; path: string; headers: Record<string, string>; body?: string },
): Promise<{ status: number; body: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method: opts.method,
        path: opts.path,
        headers: opts.headers,
        timeout: 5_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }),
        );
      },
    );
    req.on("timeout", () => req.destroy(new Error("request timed out after 5000 ms")));
    req.on("error", reject);
    req.end(opts.body);
  });
}
