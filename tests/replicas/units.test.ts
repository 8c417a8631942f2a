import { describe, expect, it } from "vitest";
import { createPool, isUnavailable, redactUrl, safeError } from "../../src/analytics/postgres-pool.js";
import { WriteQueue } from "../../src/analytics/write-queue.js";
import { createLogger, silentLogger } from "../../src/log.js";
import { PgDedupe } from "../../src/reliability/dedupe-postgres.js";
import { firstProblem, summarize } from "../../src/replicas/summary.js";
import { freePort } from "../free-port.js";

const capture = () => {
  const logs: Record<string, unknown>[] = [];
  return { logs, log: createLogger("debug", (l) => logs.push(JSON.parse(l) as Record<string, unknown>)) };
};

describe("the admin's reload summary", () => {
  it("counts replicas per version, refusals with their first problem, and silent replicas", () => {
    const ok = (id: string, version = "a1b2c3") => ({ id, version, refused: null });
    expect(
      summarize(3, [ok("r1"), ok("r2"), { id: "r3", version: "old", refused: "k.yaml:3:1 bad" }], []).text,
    ).toBe("2 of 3 replicas on a1b2c3, 1 refused: k.yaml:3:1 bad.");
    expect(summarize(2, [ok("r1")], ["r2"]).text).toBe("1 of 2 replicas on a1b2c3, 1 did not answer (r2).");
    expect(summarize(2, [ok("r1"), ok("r2", "ffff")], []).text).toBe("1 of 2 replicas on a1b2c3, 1 on ffff.");
    expect(firstProblem("\nk.yaml:1:2 first\nsecond")).toBe("k.yaml:1:2 first");
  });
});

describe("credentials", () => {
  it("are redacted from URLs and error messages", () => {
    expect(redactUrl("postgres://bot:s3cret@db:5432/bot")).toBe("postgres://bot:***@db:5432/bot");
    expect(redactUrl("postgresql://db/bot?password=s3cret&sslmode=require")).toBe(
      "postgresql://db/bot?password=***&sslmode=require",
    );
    expect(safeError(new Error("bad postgres://u:pw@h/d")).message).toBe("bad postgres://u:***@h/d");
  });

  it("tell an unreachable database from a bad statement", () => {
    expect(isUnavailable(Object.assign(new Error("refused"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isUnavailable(Object.assign(new Error("shutdown"), { code: "57P01" }))).toBe(true);
    expect(isUnavailable(Object.assign(new Error("dup"), { code: "23505" }))).toBe(false);
  });
});

describe("the analytics write queue while the database is away", () => {
  it("buffers up to its bound, drops beyond it with one log line, and writes everything queued when back", async () => {
    const { logs, log } = capture();
    let up = false;
    const written: number[] = [];
    const q = new WriteQueue<number>(
      async (n) => {
        if (!up) throw Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
        written.push(n);
      },
      { log, max: 5, retryMs: 10 },
    );
    for (let i = 0; i < 5; i++) q.push(i);
    while (!q.down) await new Promise((r) => setTimeout(r, 5));
    for (let i = 5; i < 8; i++) q.push(i);
    expect(q.size).toBe(5);
    up = true;
    expect(await q.drained(2_000)).toBe(true);
    expect(written).toEqual([0, 1, 2, 3, 4]);
    expect(logs.map((l) => l.msg)).toEqual([
      "analytics: PostgreSQL unavailable; buffering records until it is back",
      "analytics: write queue full; dropping records until it drains",
      "analytics: PostgreSQL back; writing buffered records",
      "analytics: write queue drained",
    ]);
    expect(logs[2]).toMatchObject({ dropped: 3 });
  });
});

describe("shared dedupe with no database", () => {
  it("falls back to the replica's memory (a repeat is still caught) and logs it once", async () => {
    const { logs, log } = capture();
    const pool = createPool({
      url: `postgres://bot:pw@127.0.0.1:${await freePort()}/none`,
      log: silentLogger,
    });
    const d = new PgDedupe({ pool, log });
    try {
      expect(await d.claim("Ev1")).toBe(true);
      expect(await d.claim("Ev1")).toBe(false);
      expect(await d.claim("Ev2")).toBe(true);
      expect(d.fallback).toBe(true);
      expect(logs.filter((l) => l.level === "warn")).toHaveLength(1);
      expect(JSON.stringify(logs)).not.toContain(":pw@");
    } finally {
      await pool.end();
    }
  });
});
