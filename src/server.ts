import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { KnowledgeStore } from "./knowledge/store.js";
import type { Logger } from "./log.js";
import { InFlight } from "./reliability/in-flight.js";

/**
 * The bot's one HTTP server. Adapters register their routes (Slack at /slack/events, Teams at
 * /api/messages); the server owns health, unknown routes, errors and shutdown.
 */

export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface BotServer {
  route(method: "GET" | "POST", path: string, handler: Handler): void;
  listen(port: number, host: string): Promise<AddressInfo>;
  /**
   * Stops accepting, lets requests in flight finish for up to `graceMs`, then drops what is left.
   * Resolves true when everything in flight finished.
   */
  close(graceMs?: number): Promise<boolean>;
  readonly http: Server;
  /** Requests being handled now (health checks excluded). */
  readonly inFlight: InFlight;
}

/** The id of a request: the caller's X-Request-Id when it is a plain token, else a fresh UUID. */
const requestIds = new WeakMap<IncomingMessage, string>();
export function requestIdOf(req: IncomingMessage): string {
  return requestIds.get(req) ?? "";
}
function assignRequestId(req: IncomingMessage): string {
  const given = req.headers["x-request-id"];
  const id = typeof given === "string" && /^[\w.:-]{1,64}$/.test(given) ? given : randomUUID();
  requestIds.set(req, id);
  return id;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}

export interface ServerOptions {
  store: KnowledgeStore;
  log: Logger;
  /** Requests handled at once before answering 503 (0 or absent: no bound). */
  maxInFlight?: number;
  /** More fields for /healthz (with DATABASE_URL: each replica's version, src/replicas). */
  health?: () => Record<string, unknown>;
}

export function createBotServer(opts: ServerOptions): BotServer {
  const routes = new Map<string, Handler>();
  const inFlight = new InFlight(opts.maxInFlight ?? 0);
  let closing = false;
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
      ...opts.health?.(),
    });
  });

  const http = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const requestId = assignRequestId(req);
    const started = performance.now();
    res.setHeader("x-request-id", requestId);
    const health = path === "/healthz";
    res.on("close", () => {
      const fields = { requestId, method: req.method, path, status: res.statusCode };
      const ms = Math.round(performance.now() - started);
      if (health) opts.log.debug("request", { ...fields, ms });
      else opts.log.info("request", { ...fields, ms });
    });
    const handler = routes.get(`${req.method} ${path}`);
    if (!handler) {
      const known = [...routes.keys()].some((k) => k.endsWith(` ${path}`));
      sendJson(res, known ? 405 : 404, { error: known ? "method not allowed" : "not found" });
      return;
    }
    if (!health) {
      // Shed load rather than queue without bound; the platforms retry a 503 (Slack, Bot Framework).
      if (closing || !inFlight.tryEnter()) {
        res.setHeader("retry-after", "1");
        if (closing) res.setHeader("connection", "close");
        sendJson(res, 503, { error: closing ? "shutting down" : "busy, retry shortly" });
        return;
      }
      res.on("close", () => inFlight.leave());
    }
    Promise.resolve()
      .then(() => handler(req, res))
      .catch((e: unknown) => {
        opts.log.error("request failed", { requestId, path, error: e });
        if (!res.headersSent) sendJson(res, 500, { error: "internal error", requestId });
        else res.end();
      });
  });

  return {
    http,
    inFlight,
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
    close: async (graceMs = 10_000) => {
      closing = true;
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeIdleConnections();
      const drained = await inFlight.drained(graceMs);
      // Keep-alive connections that finished their request (and any still running past the grace).
      http.closeAllConnections();
      await closed;
      return drained;
    },
  };
}
