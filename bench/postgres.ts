import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { createLogger } from "../src/log.js";
import { startBot } from "../src/main.js";
import { PG_AVAILABLE, startPostgres } from "../tests/replicas/postgres-server.js";
import { LoadProcess } from "./http.js";
import type { LoadJob, LoadReply } from "./load.js";

/**
 * The same bot with analytics on, once with SQLite (DATA_DIR) and once with DATABASE_URL (a throwaway
 * PostgreSQL on loopback), signed Slack events through autocannon in the forked load process, taking
 * turns for several rounds: p99 of each and the ratio. Then PostgreSQL goes away for `outageSeconds`
 * under the same load: latency, failures and replies before, during and after, and whether every
 * question asked during the outage reached the database once it was back.
 */

type Result = Extract<LoadReply, { type: "result" }>;

export interface PgPhase extends Omit<Result, "type"> {
  phase: string;
  seconds: number;
}

export type PgBenchReport =
  | { status: "skipped"; reason: string }
  | {
      status: "measured";
      connections: number;
      rounds: { sqlite: Result[]; postgres: Result[] };
      p99: { sqlite: number; postgres: number; ratio: number };
      outage: { phases: PgPhase[]; answered: number; recorded: number; logLines: string[]; drainMs: number };
    };

export interface PgBenchOptions {
  knowledgeFile: string;
  questions: string[];
  seconds: number;
  rounds: number;
  warmupSeconds: number;
  connections: number;
  outageSeconds: number;
}

const SECRET = "bench-signing-secret";
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export async function measurePostgres(opts: PgBenchOptions): Promise<PgBenchReport> {
  if (!PG_AVAILABLE)
    return { status: "skipped", reason: "no PostgreSQL server binaries (apt-get install postgresql)" };
  const load = new LoadProcess();
  const server = await startPostgres();
  const dir = mkdtempSync(join(tmpdir(), "sb-bench-pg-"));
  const stops: (() => Promise<void>)[] = [];
  const logLines: string[] = [];
  try {
    const fakes = await load.ask({ type: "fakes" });
    if (fakes.type !== "fakes") throw new Error("the load process did not start its fakes");
    const url = await server.freshDatabase();
    const env = {
      HOST: "127.0.0.1",
      PORT: "0",
      KNOWLEDGE_FILE: opts.knowledgeFile,
      LOG_LEVEL: "warn",
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: "xoxb-test",
      SLACK_API_URL: fakes.slackApiUrl,
      RATE_LIMIT_PER_MINUTE: "0",
      ANALYTICS: "on",
    };
    const start = async (extra: Record<string, string>, log = createLogger("warn")) => {
      const s = await startBot({ ...env, ...extra }, log);
      if (!s.ok) throw new Error(s.message);
      stops.push(() => s.bot.stop());
      return `http://127.0.0.1:${s.bot.address.port}/slack/events`;
    };
    const sqliteUrl = await start({ DATA_DIR: dir });
    const pgUrl = await start(
      { DATABASE_URL: url },
      createLogger("warn", (l) => logLines.push(l)),
    );
    const job = (target: string, seconds: number): LoadJob => ({
      type: "run",
      kind: "slack",
      url: target,
      signingSecret: SECRET,
      seconds,
      connections: opts.connections,
      questions: opts.questions,
    });
    const run = async (target: string, seconds: number) => {
      const r = await load.ask(job(target, seconds));
      if (r.type !== "result") throw new Error("the load process answered out of turn");
      return r;
    };
    await run(sqliteUrl, opts.warmupSeconds);
    await run(pgUrl, opts.warmupSeconds);
    const rounds = { sqlite: [] as Result[], postgres: [] as Result[] };
    for (let i = 0; i < opts.rounds; i++) {
      rounds.sqlite.push(await run(sqliteUrl, opts.seconds));
      rounds.postgres.push(await run(pgUrl, opts.seconds));
    }
    const p99 = {
      sqlite: median(rounds.sqlite.map((r) => r.p99)),
      postgres: median(rounds.postgres.map((r) => r.p99)),
      ratio: 0,
    };
    p99.ratio = p99.sqlite > 0 ? p99.postgres / p99.sqlite : 0;

    // The outage: phases run back to back; the server stops and starts between them.
    const db = new pg.Pool({ connectionString: url, max: 1 });
    const count = async () => Number((await db.query("SELECT count(*) AS n FROM questions")).rows[0].n);
    // Wait for the rounds' records to be written: the outage counts from a settled table.
    let before = await count();
    for (let i = 0; i < 100; i++) {
      await new Promise((r) => setTimeout(r, 300));
      const now = await count();
      if (now === before) break;
      before = now;
    }
    await db.end();
    const phases: PgPhase[] = [];
    const phase = async (name: string, seconds: number) => {
      phases.push({ phase: name, seconds, ...withoutType(await run(pgUrl, seconds)) });
    };
    await phase("PostgreSQL up", opts.seconds);
    server.stop();
    await phase(`PostgreSQL down (${opts.outageSeconds} s)`, opts.outageSeconds);
    server.start();
    await phase("after the restart", opts.seconds);
    const answered = phases.reduce((n, p) => n + p.replies, 0);
    const t0 = performance.now();
    const db2 = new pg.Pool({ connectionString: url, max: 1 });
    let recorded = 0;
    for (let i = 0; i < 300; i++) {
      recorded = Number((await db2.query("SELECT count(*) AS n FROM questions")).rows[0].n) - before;
      if (recorded >= answered) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await db2.end();
    const drainMs = Math.round(performance.now() - t0);
    return {
      status: "measured",
      connections: opts.connections,
      rounds,
      p99,
      outage: {
        phases,
        answered,
        recorded,
        logLines: logLines.map(summarizeLine).filter((l) => /postgres|analytics|dedupe|replicas/i.test(l)),
        drainMs,
      },
    };
  } catch (e) {
    return { status: "skipped", reason: `PostgreSQL benchmark failed: ${(e as Error).stack ?? String(e)}` };
  } finally {
    for (const s of stops.reverse()) await s().catch(() => undefined);
    load.stop();
    server.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

const withoutType = ({ type: _t, ...rest }: Result) => rest;
const summarizeLine = (l: string) => {
  const j = JSON.parse(l) as { level: string; msg: string };
  return `${j.level}: ${j.msg}`;
};

export function pgTable(r: PgBenchReport): string {
  if (r.status === "skipped") return `PostgreSQL vs SQLite: skipped: ${r.reason}`;
  const row = (name: string, x: Omit<Result, "type">, extra = "") =>
    `| ${name} | ${x.rps.toFixed(0)} | ${x.p50} | ${x.p99} | ${x.replies} | ${x.non2xx} | ${x.errors} |${extra}`;
  const o = r.outage;
  return [
    `POST /slack/events with analytics on, ${r.connections} connections: SQLite (DATA_DIR) vs PostgreSQL (DATABASE_URL, loopback), rounds taking turns.`,
    "| store | req/s | p50 ms | p99 ms | replies | non-2xx | errors |",
    "|---|---|---|---|---|---|---|",
    ...r.rounds.sqlite.map((x, i) => row(`SQLite round ${i + 1}`, x)),
    ...r.rounds.postgres.map((x, i) => row(`PostgreSQL round ${i + 1}`, x)),
    `p99 (median round): SQLite ${r.p99.sqlite} ms, PostgreSQL ${r.p99.postgres} ms: ratio ${r.p99.ratio.toFixed(2)}x (target <= 1.2x)`,
    "",
    "PostgreSQL stopped under that load, then started again:",
    "| phase | req/s | p50 ms | p99 ms | replies | non-2xx | errors |",
    "|---|---|---|---|---|---|---|",
    ...o.phases.map((p) => row(`${p.phase}, ${p.seconds} s`, p)),
    `answers posted: ${o.answered}; questions recorded in PostgreSQL afterwards: ${o.recorded} (all in ${o.drainMs} ms after the last phase)`,
    `log lines during the outage: ${o.logLines.length ? o.logLines.join(" | ") : "none"}`,
  ].join("\n");
}
