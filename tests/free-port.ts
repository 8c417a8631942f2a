import { createServer } from "node:net";

/**
 * A loopback port nothing listens on, for a child process or server that must be told its port up front
 * (a server in this process listens on port 0 instead). Another process could take it before it is
 * used; on a test machine that is rare enough.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}
