import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { KnowledgeStore } from "./knowledge/store.js";
import type { Logger } from "./log.js";

/**
 * The bot's one HTTP server. Adapters register their routes (Slack at /slack/events, Teams at
 * /api/messages); the server owns health, unknown routes, errors and shutdown.
 */

export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface BotServer {
  route(method: "GET" | "POST", path: string, handler: Handler): void;
  listen(port: number, host: string): Promise<AddressInfo>;
  close(): Promise<void>;
  readonly http: Server;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}

export function createBotServer(opts: { store: KnowledgeStore; log: Logger }): BotServer {
  const routes = new Map<string, Handler>();
  routes.set("GET /healthz", (_req, res) => {
    const s = opts.store.status();
    sendJson(res, 200, {
      status: s.version ? (s.lastError ? "degraded" : "ok") : "starting",
      version: s.version ?? null,
      facts: s.facts,
      curatedFacts: s.curatedFacts,
      sentences: s.sentences,
      loadedAt: s.loadedAt ?? null,
      lastReloadError: s.lastError ?? null,
    });
  });

  const http = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const handler = routes.get(`${req.method} ${path}`);
    if (!handler) {
      const known = [...routes.keys()].some((k) => k.endsWith(` ${path}`));
      sendJson(res, known ? 405 : 404, { error: known ? "method not allowed" : "not found" });
      return;
    }
    Promise.resolve()
      .then(() => handler(req, res))
      .catch((e: unknown) => {
        opts.log.error("request failed", { path, error: e });
        if (!res.headersSent) sendJson(res, 500, { error: "internal error" });
        else res.end();
      });
  });

  return {
    http,
    route: (method, path, handler) => {
      routes.set(`${method} ${path}`, handler);
    },
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        http.once("error", reject);
        http.listen(port, host, () => {
          http.off("error", reject);
          resolve(http.address() as AddressInfo);
        });
      }),
    close: () =>
      new Promise((resolve) => {
        http.close(() => resolve());
        http.closeIdleConnections();
      }),
  };
}
