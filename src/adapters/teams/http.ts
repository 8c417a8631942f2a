import type { IncomingMessage, ServerResponse } from "node:http";
import { readBody } from "../../http-body.js";
import type { Logger } from "../../log.js";
import { type Handler, requestIdOf, sendJson } from "../../server.js";
import type { TeamsBot } from "./bot.js";

/**
 * POST /api/messages on the bot's one server. The Bot Framework channel posts one Activity as JSON
 * with `Authorization: Bearer <jwt>`; it expects 200 (or an invoke response) and retries on 5xx.
 * This file owns the HTTP side (size limit, content type, JSON), bot.ts the Bot Framework side.
 */

export const TEAMS_PATH = "/api/messages";
/** No legitimate activity comes near this; larger bodies are refused before parsing. */
export const MAX_BODY_BYTES = 1_000_000;

export const HTTP_ERRORS = {
  tooLarge: `request body over ${MAX_BODY_BYTES} bytes`,
  contentType: "content-type must be application/json",
  malformed: "malformed JSON",
  notActivity: "body is not an activity (an object with a string `type`)",
} as const;

function header(req: IncomingMessage, name: string): string {
  const v = req.headers[name];
  return Array.isArray(v) ? (v[0] ?? "") : (v ?? "");
}

type Parsed = { ok: true; activity: Record<string, unknown> } | { ok: false; status: number; error: string };

async function parseRequest(req: IncomingMessage): Promise<Parsed> {
  if (Number(header(req, "content-length")) > MAX_BODY_BYTES) {
    return { ok: false, status: 413, error: HTTP_ERRORS.tooLarge };
  }
  if (!/^application\/json\b/i.test(header(req, "content-type"))) {
    return { ok: false, status: 415, error: HTTP_ERRORS.contentType };
  }
  const body = await readBody(req, MAX_BODY_BYTES);
  if (!body.ok) return { ok: false, status: 413, error: HTTP_ERRORS.tooLarge };
  let value: unknown;
  try {
    value = JSON.parse(body.text);
  } catch {
    return { ok: false, status: 400, error: HTTP_ERRORS.malformed };
  }
  if (
    !value ||
    typeof value !== "object" ||
    Array.isArray(value) ||
    typeof (value as { type?: unknown }).type !== "string"
  ) {
    return { ok: false, status: 400, error: HTTP_ERRORS.notActivity };
  }
  return { ok: true, activity: value as Record<string, unknown> };
}

export function teamsHandler(bot: TeamsBot, log: Logger): Handler {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const parsed = await parseRequest(req);
    if (!parsed.ok) {
      log.info("teams request rejected", {
        requestId: requestIdOf(req),
        status: parsed.status,
        error: parsed.error,
      });
      // The client may still be sending a refused body; close rather than read the rest.
      if (parsed.status === 413) res.setHeader("connection", "close");
      sendJson(res, parsed.status, { error: parsed.error });
      return;
    }
    const result = await bot.handle(header(req, "authorization"), parsed.activity);
    if (result.body === undefined) {
      res.writeHead(result.status).end();
      return;
    }
    sendJson(res, result.status, result.body);
  };
}
