import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { asCodedError } from "./errors.js";
import { receiveBody } from "./http-body.js";
import type { Logger } from "./log.js";
import { InFlight } from "./reliability/in-flight.js";

/**
 * The bot's one HTTP server. Adapters register their routes (Slack at /slack/events, Teams at
 * /api/messages); the server owns health, unknown routes, errors and shutdown.
 */

export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface BotServer {
  /** A GET route answers HEAD too. */
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
  /** The /healthz body (src/bot/health.ts): the server itself never sees the knowledge store. */
  health: () => Record<string, unknown>;
  log: Logger;
  /** Requests handled at once before answering 503 (0 or absent: no bound). */
  maxInFlight?: number;
  /** A client that has not sent its headers by then is cut off (HEADERS_TIMEOUT_SECONDS). */
  headersTimeoutMs?: number;
  /** A client that has not sent its body by then, once the headers are in, gets 408 (BODY_TIMEOUT_SECONDS). */
  bodyTimeoutMs?: number;
}

/** Slack and Bot Framework payloads are a few KB; the routes' own limits are smaller still. */
export const MAX_BODY_BYTES = 1024 * 1024;

export function createBotServer(opts: ServerOptions): BotServer {
  const routes = new Map<string, Handler>();
  const inFlight = new InFlight(opts.maxInFlight ?? 0);
  let closing = false;
  routes.set("GET /healthz", (_req, res) => {
    sendJson(res, 200, opts.health());
  });

  const headersTimeout = opts.headersTimeoutMs ?? 10_000;
  const bodyTimeout = opts.bodyTimeoutMs ?? 10_000;
  const http = createServer(
    {
      headersTimeout,
      // Node's own backstop for the whole request; the body deadline below answers 408 first.
      // (0 turns a timeout off, as in Node: then there is no backstop either.)
      requestTimeout: headersTimeout && bodyTimeout ? headersTimeout + bodyTimeout + 1_000 : 0,
      // How often Node checks those timeouts (default 30 s: far too coarse for a few seconds).
      connectionsCheckingInterval: Math.min(1_000, headersTimeout || 1_000),
    },
    (req, res) => void handle(req, res),
  );

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
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
    // HEAD is GET without the body (Node drops the body of a HEAD response itself).
    const handler = routes.get(`${req.method === "HEAD" ? "GET" : req.method} ${path}`);
    if (!handler) {
      const allowed = [...routes.keys()].filter((k) => k.endsWith(` ${path}`)).map((k) => k.split(" ")[0]);
      if (allowed.includes("GET")) allowed.push("HEAD");
      if (allowed.length > 0) res.setHeader("allow", allowed.join(", "));
      sendJson(res, allowed.length ? 405 : 404, {
        error: allowed.length ? "method not allowed" : "not found",
      });
      return;
    }
    if (!health) {
      // The body first, then a slot: a slow sender waits on its own deadline, not in a slot.
      const arrival = await receiveBody(req, MAX_BODY_BYTES, bodyTimeout);
      if (!arrival.ok) {
        res.setHeader("connection", "close");
        if (!res.headersSent && !res.destroyed) sendJson(res, arrival.status, { error: arrival.error });
        return;
      }
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
        opts.log.error("request failed", { requestId, path, error: asCodedError(e, "request_failed") });
        if (!res.headersSent) sendJson(res, 500, { error: "internal error", requestId });
        else res.end();
      });
  };

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
