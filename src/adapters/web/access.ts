import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { type Config, isLoopback } from "../../config.js";

/**
 * Who may use the web page and its admin view. Pure functions of the config and request headers.
 *
 * - Bound to loopback, the page is only reachable from this machine, but a web page the user visits
 *   elsewhere can still aim requests at 127.0.0.1: a DNS-rebinding page arrives with its own name in
 *   Host, and a cross-site form post arrives with a foreign Origin or without a JSON content type
 *   (a JSON content type needs a CORS preflight, which this server never grants). Both are refused.
 * - The admin view always needs `Authorization: Bearer <token>`: a reverse proxy on the same host
 *   (nginx's default proxy_pass sets Host to the upstream) makes a loopback HOST reachable from
 *   anywhere. Without ADMIN_TOKEN, startBot makes a token per run and `serve` prints a local URL
 *   carrying it (#token=…, a fragment: never sent to the server, so never in a log or a Referer).
 * - Forwarded addresses (X-Forwarded-For) are used only with TRUST_PROXY: anyone can send the header.
 */

export type Verdict = { ok: true } | { ok: false; status: 400 | 401 | 403 | 415; error: string };

const OK: Verdict = { ok: true };

/** "127.0.0.1:3978", "localhost", "[::1]:80" -> the host part, lower-cased. */
function hostName(hostHeader: string): string {
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith("[")) return h.slice(1, h.indexOf("]"));
  return h.replace(/:\d+$/, "");
}

/** Requests for any web route: on a loopback HOST, only with a loopback name in Host. */
export function checkHost(req: IncomingMessage, config: Config): Verdict {
  if (!isLoopback(config.HOST)) return OK;
  const host = req.headers.host;
  if (host && isLoopback(hostName(host))) return OK;
  return { ok: false, status: 403, error: "this page answers on a loopback address only (Host header)" };
}

/** POSTs: JSON only, and from this page's own origin when the browser says where it came from. */
export function checkPost(req: IncomingMessage, config: Config): Verdict {
  const host = checkHost(req, config);
  if (!host.ok) return host;
  const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") {
    return { ok: false, status: 415, error: "send JSON (content-type: application/json)" };
  }
  const origin = req.headers.origin;
  if (
    origin !== undefined &&
    origin !== `http://${req.headers.host}` &&
    origin !== `https://${req.headers.host}`
  ) {
    return { ok: false, status: 403, error: "cross-origin request refused" };
  }
  return OK;
}

/** Whether the admin view needs a token: always (kept as a function for the page's data attribute). */
export function adminNeedsToken(_config: Config): boolean {
  return true;
}

/**
 * Who is asking, for rate limits and logs: the socket's address, or with TRUST_PROXY the last address
 * in X-Forwarded-For (the one the proxy itself appended; earlier entries are the client's to forge).
 */
export function clientAddress(req: IncomingMessage, config: Pick<Config, "TRUST_PROXY">): string {
  const socket = req.socket.remoteAddress ?? "unknown";
  if (!config.TRUST_PROXY) return socket;
  const forwarded = req.headers["x-forwarded-for"];
  const list = (Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? "")).split(",");
  const last = list[list.length - 1]?.trim();
  return last && /^[\w.:[\]%-]{1,64}$/.test(last) ? last : socket;
}

/** Compare digests: equal length, constant time, whatever the caller sent. */
function sameSecret(given: string, expected: string): boolean {
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

export function checkAdmin(req: IncomingMessage, config: Config): Verdict {
  if (!adminNeedsToken(config)) return OK;
  const expected = config.ADMIN_TOKEN;
  const auth = req.headers.authorization ?? "";
  const given = /^Bearer\s+(\S+)$/i.exec(auth)?.[1];
  if (!expected || !given) return { ok: false, status: 401, error: "admin token required" };
  return sameSecret(given, expected) ? OK : { ok: false, status: 401, error: "admin token not accepted" };
}
