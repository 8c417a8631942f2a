import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { readBody } from "../../http-body.js";
import { CSP } from "./page.js";

/** Small HTTP helpers for the web routes: headers every response carries, static files, JSON bodies. */

const SECURITY_HEADERS = {
  "content-security-policy": CSP,
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
} as const;

export function send(res: ServerResponse, status: number, type: string, body: string, extra = {}): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    "content-type": type,
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
    ...extra,
  });
  res.end(body);
}

export function json(res: ServerResponse, status: number, body: unknown): void {
  send(res, status, "application/json; charset=utf-8", JSON.stringify(body));
}

/** A fixed asset: revalidated every time (cheap: an ETag match answers 304 with no body). */
export function asset(type: string, body: string) {
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"`;
  return (req: IncomingMessage, res: ServerResponse) => {
    if (req.headers["if-none-match"] === etag) {
      res.writeHead(304, { ...SECURITY_HEADERS, etag, "cache-control": "no-cache" });
      res.end();
      return;
    }
    send(res, 200, type, body, { etag, "cache-control": "no-cache" });
  };
}

export type Body =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; status: 400 | 413; error: string };

/** The request's JSON object body, at most `max` bytes. */
export async function readJson(req: IncomingMessage, max = 16_384): Promise<Body> {
  const tooLarge = { ok: false, status: 413, error: `request body over ${max} bytes` } as const;
  if (Number(req.headers["content-length"] ?? 0) > max) return tooLarge;
  const body = await readBody(req, max);
  if (!body.ok) return tooLarge;
  try {
    const value: unknown = JSON.parse(body.text);
    if (value && typeof value === "object" && !Array.isArray(value)) {
      return { ok: true, value: value as Record<string, unknown> };
    }
  } catch {
    // fall through: not JSON
  }
  return { ok: false, status: 400, error: "send a JSON object" };
}

export const text = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
