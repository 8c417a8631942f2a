import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashUser } from "../../src/analytics/hash.js";
import { openPostgresStore } from "../../src/analytics/postgres.js";
import { migratePostgres, PG_MIGRATIONS } from "../../src/analytics/postgres-migrations.js";
import { buildReport } from "../../src/analytics/report.js";
import { openSqliteStore } from "../../src/analytics/sqlite.js";
import { enforceRetention } from "../../src/analytics/start.js";
import type { AnalyticsStore } from "../../src/analytics/types.js";
import { DEFAULT_KNOWLEDGE_FILE } from "../../src/config.js";
import { buildIndex, type SearchIndex } from "../../src/core/index-build.js";
import { loadKnowledgeFile } from "../../src/knowledge/load.js";
import { silentLogger } from "../../src/log.js";
import { seedWeek } from "../fixtures/analytics/seed-week.js";
import { PG_AVAILABLE, type PgServer, startPostgres } from "../replicas/postgres-server.js";
import { question } from "./question-record.js";

/**
 * One contract for every AnalyticsStore: the same calls give the same snapshot and the same report
 * from SQLite (DATA_DIR) and PostgreSQL (DATABASE_URL, a real server started for this file).
 * "Reopen" is a restart: a new store on the same file or database.
 */

interface Backend {
  name: string;
  /** A new empty place to keep analytics; `open` opens a store on it (again, for a restart). */
  fresh(): Promise<{ open(salt?: string): AnalyticsStore }>;
}

let server: PgServer | undefined;
const dirs: string[] = [];
const opened: AnalyticsStore[] = [];

beforeAll(async () => {
  if (PG_AVAILABLE) server = await startPostgres();
}, 30_000);
afterAll(async () => {
  for (const s of opened) await s.close();
  server?.destroy();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const track = (s: AnalyticsStore) => {
  opened.push(s);
  return s;
};

const sqlite: Backend = {
  name: "sqlite",
  fresh: async () => {
    const dir = mkdtempSync(join(tmpdir(), "sb-contract-"));
    dirs.push(dir);
    return {
      open: (salt) => track(openSqliteStore({ dir, log: silentLogger, ...(salt ? { salt } : {}) })),
    };
  },
};

const postgres: Backend = {
  name: "postgres",
  fresh: async () => {
    const url = await (server as PgServer).freshDatabase();
    return {
      open: (salt) => track(openPostgresStore({ url, log: silentLogger, ...(salt ? { salt } : {}) })),
    };
  },
};

let index: SearchIndex;
beforeAll(async () => {
  const k = await loadKnowledgeFile(DEFAULT_KNOWLEDGE_FILE);
  if (!k.ok) throw new Error("shipped knowledge refused");
  index = buildIndex(k.knowledge);
});

const NOW = new Date("2025-06-09T09:00:00Z");
const reports: Record<string, unknown> = {};

describe.each([sqlite, ...(PG_AVAILABLE ? [postgres] : [])])("AnalyticsStore contract: $name", (backend) => {
  it("stores a salted hash of the user id, never the raw id; the random salt survives a restart", async () => {
    const place = await backend.fresh();
    const a = place.open();
    a.recordQuestion(question({ answerId: "first" }));
    await a.report(new Date(0)); // written
    await a.close();
    const b = place.open();
    b.recordQuestion(question({ answerId: "second" }));
    const snap = await b.report(new Date(0));
    expect(snap.questions.map((q) => q.answerId)).toEqual(["first", "second"]);
    expect(snap.questions[0]?.userHash).toBe(snap.questions[1]?.userHash);
    expect(JSON.stringify(snap)).not.toContain("U0RAWUSERID");
  });

  it("uses ANALYTICS_SALT when given", async () => {
    const salt = "a-configured-salt-of-some-length";
    const s = (await backend.fresh()).open(salt);
    s.recordQuestion(question());
    const [q] = (await s.report(new Date(0))).questions;
    expect(q?.userHash).toBe(hashUser(salt, "slack", "U0RAWUSERID"));
  });

  it("links a comment to the same person's 👎 of the same answer; a vote's fact falls back to the answer's", async () => {
    const s = (await backend.fresh()).open();
    const at = new Date("2025-06-02T10:01:00Z");
    s.recordQuestion(question({ answerId: "ans1", factIds: ["cann", "ascend"] }));
    s.recordFeedback({ answerId: "ans1", at, platform: "teams", userId: "u1", vote: "down", factId: "cann" });
    s.recordFeedback({
      answerId: "ans1",
      at,
      platform: "teams",
      userId: "u1",
      vote: "down",
      comment: "outdated",
    });
    s.recordFeedback({ answerId: "ans1", at, platform: "slack", userId: "u2", vote: "up" });
    const { feedback } = await s.report(new Date(0));
    expect(feedback).toEqual([
      { answerId: "ans1", at, platform: "teams", vote: "down", factId: "cann", comment: "outdated" },
      { answerId: "ans1", at, platform: "slack", vote: "up", factId: "cann" },
    ]);
  });

  it("retention removes questions and feedback older than RETENTION_DAYS", async () => {
    const s = (await backend.fresh()).open();
    s.recordQuestion(question({ answerId: "old", at: new Date("2025-03-01T00:00:00Z") }));
    s.recordQuestion(question({ answerId: "new", at: new Date("2025-06-29T00:00:00Z") }));
    s.recordFeedback({ at: new Date("2025-03-01T00:00:00Z"), platform: "slack", userId: "u", vote: "up" });
    await s.report(new Date(0)); // everything written before the purge
    expect(await enforceRetention(s, new Date("2025-06-30T00:00:00Z"), 90, silentLogger)).toBe(2);
    const snap = await s.report(new Date(0));
    expect(snap.questions.map((q) => q.answerId)).toEqual(["new"]);
    expect(snap.feedback).toEqual([]);
  });

  it("keeps each knowledge source's text hash across a restart", async () => {
    const place = await backend.fresh();
    const a = place.open();
    expect(await a.loadSourceHashes()).toEqual(new Map());
    await a.saveSourceHashes(
      new Map([
        ["memo", "aaaa"],
        ["blog", "bbbb"],
      ]),
    );
    await a.saveSourceHashes(new Map([["memo", "cccc"]])); // replaces: a removed source goes
    await a.close();
    expect(await place.open().loadSourceHashes()).toEqual(new Map([["memo", "cccc"]]));
  });

  it("a week of questions gives the report every store gives", async () => {
    const s = (await backend.fresh()).open("the-same-salt-for-every-store");
    seedWeek(s, index, NOW);
    const report = buildReport(await s.report(new Date(NOW.getTime() - 7 * 86_400_000)), index, NOW);
    expect(report.totals.questions).toBeGreaterThan(100);
    reports[backend.name] = report;
    if (reports.sqlite && backend.name !== "sqlite") expect(report).toEqual(reports.sqlite);
  });
});

describe.skipIf(!PG_AVAILABLE)("PostgreSQL migrations", () => {
  it("apply once, with a version table; a later migration applies on top; concurrent starts are safe", async () => {
    const url = await (server as PgServer).freshDatabase();
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    try {
      const runs = await Promise.all([1, 2, 3].map(() => migratePostgres(pool)));
      expect(runs.map((r) => r.to)).toEqual([3, 3, 3].map(() => PG_MIGRATIONS.length));
      expect(runs.filter((r) => r.from === 0)).toHaveLength(1);
      const more = [...PG_MIGRATIONS, "CREATE TABLE extra (x INTEGER)"];
      expect(await migratePostgres(pool, more)).toEqual({ from: PG_MIGRATIONS.length, to: more.length });
      expect(await migratePostgres(pool, more)).toEqual({ from: more.length, to: more.length });
      const v = await pool.query("SELECT version FROM schema_version");
      expect(v.rows).toEqual([{ version: more.length }]);
    } finally {
      await pool.end();
    }
  });
});
