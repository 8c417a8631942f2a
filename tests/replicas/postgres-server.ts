import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { freePort } from "../free-port.js";

/**
 * A throwaway PostgreSQL cluster for the tests (and the bench): Debian's server binaries, run as the
 * `postgres` user (the server refuses root), in a temporary directory on a free loopback port.
 * Each test file starts its own, so one file stopping it (the outage tests) cannot disturb another.
 * Without the binaries the suites skip with a message, except in CI (CI=true), where they fail.
 */

/** PG_BIN, else the newest Debian server version installed under /usr/lib/postgresql. */
function findBin(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, "bin", "pg_ctl")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return join(root, versions[0] ?? "15", "bin");
}
const BIN = findBin();
export const PG_AVAILABLE = existsSync(join(BIN, "pg_ctl"));
export const PG_SKIP_REASON = PG_AVAILABLE
  ? undefined
  : `PostgreSQL server binaries not found in ${BIN} (apt-get install postgresql): PostgreSQL tests skipped`;

if (!PG_AVAILABLE) {
  if (process.env.CI) throw new Error(`${PG_SKIP_REASON?.split(":")[0]}; CI must run the PostgreSQL tests`);
  console.warn(PG_SKIP_REASON);
}

export interface PgServer {
  /** postgres://postgres@127.0.0.1:PORT/postgres */
  url: string;
  port: number;
  stop(): void;
  start(): void;
  /** A new empty database on this server, as a URL. */
  freshDatabase(): Promise<string>;
  destroy(): void;
}

const asPostgres = (cmd: string, args: string[]) =>
  execFileSync(
    process.getuid?.() === 0 ? "runuser" : join(BIN, cmd),
    [...(process.getuid?.() === 0 ? ["-u", "postgres", "--", join(BIN, cmd)] : []), ...args],
    { stdio: "pipe" },
  );

let databases = 0;

export async function startPostgres(): Promise<PgServer> {
  const dir = mkdtempSync(join(tmpdir(), "sb-pg-"));
  chmodSync(dir, 0o755);
  if (process.getuid?.() === 0) execFileSync("chown", ["postgres:postgres", dir]);
  const data = join(dir, "data");
  asPostgres("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
  const port = await freePort();
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  const start = () => asPostgres("pg_ctl", ["-D", data, "-o", opts, "-l", join(dir, "log"), "-w", "start"]);
  const stop = () => asPostgres("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
  start();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    port,
    start,
    stop,
    async freshDatabase() {
      const name = `t${process.pid}_${++databases}`;
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`CREATE DATABASE ${name}`);
      await c.end();
      return url.replace(/\/postgres$/, `/${name}`);
    },
    destroy() {
      try {
        asPostgres("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
