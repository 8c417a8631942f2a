import type { IncomingMessage } from "node:http";

/**
 * Request bodies. The server receives every body before a request takes an in-flight slot
 * (`receiveBody`: size limit and deadline), so slow or stalled senders cannot hold the slots real
 * requests need; routes then read it (`readBody`, with their own smaller limits). Bolt's
 * ExpressReceiver reads a body already received from `req.rawBody` (as on Google Cloud Functions).
 */

export type LimitedBody = { ok: true; text: string } | { ok: false };

export type Arrival = { ok: true } | { ok: false; status: 400 | 408 | 413; error: string };

const received = new WeakMap<IncomingMessage, Buffer>();

/** Whether the request has a body to wait for (a GET or HEAD has none). */
function hasBody(req: IncomingMessage): boolean {
  if (req.headers["transfer-encoding"] !== undefined) return true;
  return Number(req.headers["content-length"] ?? 0) > 0;
}

/** Receives the whole body within `timeoutMs`, at most `limit` bytes; keeps it for readBody. */
export function receiveBody(req: IncomingMessage, limit: number, timeoutMs: number): Promise<Arrival> {
  if (!hasBody(req)) {
    received.set(req, Buffer.alloc(0));
    return Promise.resolve({ ok: true });
  }
  if (Number(req.headers["content-length"] ?? 0) > limit) {
    return Promise.resolve({ ok: false, status: 413, error: `request body over ${limit} bytes` });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (a: Arrival) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      req.removeListener("data", onData);
      resolve(a);
    };
    const timer =
      timeoutMs > 0
        ? setTimeout(
            () =>
              finish({ ok: false, status: 408, error: `request body not received within ${timeoutMs} ms` }),
            timeoutMs,
          )
        : undefined;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) finish({ ok: false, status: 413, error: `request body over ${limit} bytes` });
      else chunks.push(chunk);
    };
    req.on("data", onData);
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      received.set(req, body);
      (req as IncomingMessage & { rawBody?: Buffer }).rawBody = body;
      finish({ ok: true });
    });
    req.on("error", () => finish({ ok: false, status: 400, error: "request body aborted" }));
    req.on("close", () => finish({ ok: false, status: 400, error: "request body aborted" }));
  });
}

/**
 * The body, at most `limit` bytes. Normally already received by the server; read here otherwise
 * (a route mounted on a bare server in a test). Past the limit the body is still drained, so the
 * client can read our 413, but only up to 8x the limit: beyond that the connection is cut.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<LimitedBody> {
  const body = received.get(req);
  if (body)
    return Promise.resolve(body.length > limit ? { ok: false } : { ok: true, text: body.toString("utf8") });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        if (size > limit * 8) req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () =>
      resolve(size > limit ? { ok: false } : { ok: true, text: Buffer.concat(chunks).toString("utf8") }),
    );
    req.on("error", reject);
    req.on("close", () => resolve({ ok: false }));
  });
}
