import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { silentLogger } from "../src/log.js";
import { startBot } from "../src/main.js";

describe("startBot", () => {
  it("refuses a port in use with a message naming it, instead of crashing", async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const port = (taken.address() as AddressInfo).port;
    try {
      const r = await startBot({ HOST: "127.0.0.1", PORT: String(port), ANALYTICS: "off" }, silentLogger);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.exitCode).toBe(78);
        expect(r.message).toBe(
          `cannot listen on 127.0.0.1:${port} (EADDRINUSE): another process uses that port: stop it or set PORT`,
        );
      }
    } finally {
      await new Promise<void>((resolve) => taken.close(() => resolve()));
    }
  });
});
