import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { hashUser } from "../../src/analytics/hash.js";
import { MIGRATIONS, migrate, schemaVersion } from "../../src/analytics/migrations.js";
import { DB_FILE, openSqliteStore } from "../../src/analytics/sqlite.js";
import { enforceRetention, openAnalytics } from "../../src/analytics/start.js";
import { createLogger, silentLogger } from "../../src/log.js";
import { question } from "./question-record.js";

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), "sb-analytics-"));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) {
    chmodSync(d, 0o700);
    rmSync(d, { recursive: true, force: true });
  }
});

const capture = () => {
  const logs: Record<string, unknown>[] = [];
  return { logs, log: createLogger("debug", (l) => logs.push(JSON.parse(l) as Record<string, unknown>)) };
};

describe("sqlite analytics store", () => {
  it("creates and migrates the database, and reopening applies nothing twice", () => {
    const dir = tmp();
    openSqliteStore({ dir, log: silentLogger }).close();
    const db = new Database(join(dir, DB_FILE));
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(migrate(db)).toBe(MIGRATIONS.length);
    // A later migration is applied once, on top of what is there.
    expect(migrate(db, [...MIGRATIONS, "CREATE TABLE extra (x INTEGER)"])).toBe(MIGRATIONS.length + 1);
    expect(migrate(db, [...MIGRATIONS, "CREATE TABLE extra (x INTEGER)"])).toBe(MIGRATIONS.length + 1);
    db.close();
  });

  it("stores a salted hash of the user id, never the raw id; the random salt survives a restart", async () => {
    const dir = tmp();
    const a = openSqliteStore({ dir, log: silentLogger });
    a.recordQuestion(question());
    a.close();
    const b = openSqliteStore({ dir, log: silentLogger });
    b.recordQuestion(question({ answerId: "second" }));
    const snap = await b.report(new Date(0));
    b.close();
    expect(snap.questions).toHaveLength(2);
    expect(snap.questions[0]?.userHash).toBe(snap.questions[1]?.userHash);
    expect(snap.questions[0]?.userHash).not.toContain("U0RAWUSERID");
    for (const f of ["analytics.db", "analytics.db-wal"]) {
      try {
        expect(readFileSync(join(dir, f)).includes("U0RAWUSERID")).toBe(false);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
      }
    }
  });

  it("uses ANALYTICS_SALT when given", async () => {
    const salt = "a-configured-salt-of-some-length";
    const s = openSqliteStore({ dir: tmp(), salt, log: silentLogger });
    s.recordQuestion(question());
    const [q] = (await s.report(new Date(0))).questions;
    s.close();
    expect(q?.userHash).toBe(hashUser(salt, "slack", "U0RAWUSERID"));
  });

  it("links a comment to the same person's 👎 of the same answer", async () => {
    const s = openSqliteStore({ dir: tmp(), log: silentLogger });
    const at = new Date("2025-06-02T10:01:00Z");
    s.recordQuestion(question({ answerId: "ans1" }));
    s.recordFeedback({ answerId: "ans1", at, platform: "teams", userId: "u1", vote: "down", factId: "cann" });
    s.recordFeedback({
      answerId: "ans1",
      at,
      platform: "teams",
      userId: "u1",
      vote: "down",
      comment: "outdated",
    });
    const { feedback } = await s.report(new Date(0));
    s.close();
    expect(feedback).toEqual([
      expect.objectContaining({ answerId: "ans1", vote: "down", factId: "cann", comment: "outdated" }),
    ]);
  });

  it("retention removes questions and feedback older than RETENTION_DAYS", async () => {
    const s = openSqliteStore({ dir: tmp(), log: silentLogger });
    const now = new Date("2025-06-30T00:00:00Z");
    s.recordQuestion(question({ answerId: "old", at: new Date("2025-03-01T00:00:00Z") }));
    s.recordQuestion(question({ answerId: "new", at: new Date("2025-06-29T00:00:00Z") }));
    s.recordFeedback({ at: new Date("2025-03-01T00:00:00Z"), platform: "slack", userId: "u", vote: "up" });
    expect(await enforceRetention(s, now, 90, silentLogger)).toBe(2);
    const snap = await s.report(new Date(0));
    s.close();
    expect(snap.questions.map((q) => q.answerId)).toEqual(["new"]);
    expect(snap.feedback).toEqual([]);
  });
});

describe("recording never breaks answering", () => {
  it("an unusable DATA_DIR is logged and replaced by the no-op store", () => {
    const dir = tmp();
    writeFileSync(join(dir, "file"), "not a folder");
    const { logs, log } = capture();
    const store = openAnalytics(
      { ANALYTICS: true, DATA_DIR: join(dir, "file", "data"), RETENTION_DAYS: 90 },
      log,
    );
    expect(store.kind).toBe("off");
    expect(() => store.recordQuestion(question())).not.toThrow();
    expect(logs.some((l) => l.level === "error" && String(l.msg).includes("cannot open"))).toBe(true);
  });

  it.skipIf(process.getuid?.() === 0)("a read-only directory: no database, the bot goes on", () => {
    const dir = tmp();
    chmodSync(dir, 0o500);
    const { log } = capture();
    expect(openAnalytics({ ANALYTICS: true, DATA_DIR: dir, RETENTION_DAYS: 90 }, log).kind).toBe("off");
  });

  it("a full disk (SQLITE_FULL) and a locked database are logged; record calls do not throw", () => {
    const dir = tmp();
    const { logs, log } = capture();
    const s = openSqliteStore({ dir, log });
    // A database at its page limit behaves as a full disk does.
    const pages = (s.db.pragma("page_count", { simple: true }) as number) + 0;
    s.db.pragma(`max_page_count = ${pages}`);
    for (let i = 0; i < 200; i++) s.recordQuestion(question({ question: "x".repeat(2000) }));
    expect(logs.filter((l) => l.level === "error").length).toBeGreaterThan(0);
    expect(JSON.stringify(logs)).toContain("SQLITE_FULL");
    s.db.pragma("max_page_count = 1073741823");
    s.recordQuestion(question()); // space again: recording resumes (and the failure run ends)

    const other = new Database(join(dir, DB_FILE));
    other.exec("BEGIN EXCLUSIVE");
    const before = logs.length;
    const started = Date.now();
    expect(() => s.recordQuestion(question())).not.toThrow();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(JSON.stringify(logs.slice(before))).toContain("SQLITE_BUSY");
    other.exec("ROLLBACK");
    other.close();
    s.close();
  });

  it("keeps each knowledge source's text hash across a restart; the no-op store keeps none", async () => {
    const dir = tmp();
    const a = openSqliteStore({ dir, log: silentLogger });
    expect(await a.loadSourceHashes()).toEqual(new Map());
    await a.saveSourceHashes(
      new Map([
        ["memo", "aaaa"],
        ["blog", "bbbb"],
      ]),
    );
    await a.saveSourceHashes(new Map([["memo", "cccc"]])); // replaces: a removed source goes
    a.close();
    const b = openSqliteStore({ dir, log: silentLogger });
    expect(await b.loadSourceHashes()).toEqual(new Map([["memo", "cccc"]]));
    b.close();
    const off = openAnalytics({ ANALYTICS: false, DATA_DIR: dir, RETENTION_DAYS: 90 }, silentLogger);
    await off.saveSourceHashes(new Map([["memo", "dddd"]]));
    expect(await off.loadSourceHashes()).toEqual(new Map());
  });

  it("ANALYTICS=off records nothing and opens no file", () => {
    const dir = tmp();
    expect(openAnalytics({ ANALYTICS: false, DATA_DIR: dir, RETENTION_DAYS: 90 }, silentLogger).kind).toBe(
      "off",
    );
    expect(() => readFileSync(join(dir, DB_FILE))).toThrow();
  });
});
