import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS } from "../../src/analytics/migrations.js";
import { PG_MIGRATIONS } from "../../src/analytics/postgres-migrations.js";
import { freePort } from "../free-port.js";
import { PG_AVAILABLE, type PgServer, startPostgres } from "./postgres-server.js";
import { assertBuilt, cli } from "./replica-process.js";

/** `strategy-bot migrate` and `report` (the built CLI) against DATABASE_URL, and against none. */

let pgs: PgServer | undefined;
const dir = mkdtempSync(join(tmpdir(), "sb-migrate-"));

beforeAll(async () => {
  assertBuilt();
  if (PG_AVAILABLE) pgs = await startPostgres();
}, 30_000);
afterAll(() => {
  pgs?.destroy();
  rmSync(dir, { recursive: true, force: true });
});

describe("strategy-bot migrate", () => {
  it.skipIf(!PG_AVAILABLE)(
    "brings PostgreSQL's schema up to date once, naming the database without its password",
    async () => {
      const url = (await (pgs as PgServer).freshDatabase()).replace("postgres@", "postgres:hunter2-secret@");
      const first = await cli(["migrate"], { DATABASE_URL: url });
      expect(first).toMatchObject({ code: 0, err: "" });
      expect(first.out).toContain(
        `schema version ${PG_MIGRATIONS.length} (applied ${PG_MIGRATIONS.length} migrations)`,
      );
      expect(first.out).toContain("postgres://postgres:***@127.0.0.1:");
      const again = await cli(["migrate"], { DATABASE_URL: url });
      expect(again.out).toContain("(applied 0 migrations)");
      expect(first.out + again.out).not.toContain("hunter2");
    },
  );

  it.skipIf(!PG_AVAILABLE)(
    "report reads with a user that may only SELECT (once the schema is there)",
    async () => {
      const url = await (pgs as PgServer).freshDatabase();
      expect((await cli(["migrate"], { DATABASE_URL: url })).code).toBe(0);
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query("CREATE ROLE reader LOGIN");
      await admin.query("GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader");
      await admin.end();
      const r = await cli(["report", "--json"], { DATABASE_URL: url.replace("postgres@", "reader@") });
      expect(r).toMatchObject({ code: 0, err: "" });
      expect(JSON.parse(r.out).totals).toMatchObject({ questions: 0 });
    },
  );

  it("without DATABASE_URL migrates the SQLite database in DATA_DIR", async () => {
    const r = await cli(["migrate"], { DATA_DIR: dir });
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toBe(`SQLite ${dir}: schema version ${MIGRATIONS.length} of ${MIGRATIONS.length}\n`);
  });

  it("a database that cannot be reached: exit 1, a stable code, what to check, no password", async () => {
    const url = `postgres://bot:hunter2-secret@127.0.0.1:${await freePort()}/bot`;
    for (const args of [["migrate"], ["report", "--json"]]) {
      const r = await cli(args, { DATABASE_URL: url });
      expect(r.code).toBe(1);
      expect(r.out).toBe("");
      expect(r.err).toMatch(
        /^PG_UNAVAILABLE: PostgreSQL at postgres:\/\/bot:\*\*\*@127\.0\.0\.1:\d+\/bot failed \(ECONNREFUSED/,
      );
      expect(r.err).toContain("check DATABASE_URL");
      expect(r.err).not.toContain("hunter2");
    }
  });
});
