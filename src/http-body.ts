import type { IncomingMessage } from "node:http";

/**
 * Reading a request body with a size limit, shared by every route that reads its own body (Teams'
 * /api/messages, the web chat's JSON API). Past the limit the body is still drained, so the client
 * can read our 413, but only up to 8x the limit: beyond that the connection is cut.
 */

export type LimitedBody = { ok: true; text: string } | { ok: false };

export function readBody(req: IncomingMessage, limit: number): Promise<LimitedBody> {
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
