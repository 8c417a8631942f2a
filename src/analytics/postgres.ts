import type pg from "pg";
import type { Logger } from "../log.js";
import { hashUser, newSalt } from "./hash.js";
import { migratePostgres } from "./postgres-migrations.js";
import { createPool, inTransaction, safeError } from "./postgres-pool.js";
import * as rows from "./rows.js";
import type { AnalyticsSnapshot, AnalyticsStore, FeedbackRecord, QuestionRecord } from "./types.js";
import { WriteQueue } from "./write-queue.js";

/**
 * The analytics store shared by several replicas (DATABASE_URL). Same tables and the same snapshot as
 * SQLite's, so the same report. Recording never waits on the database: records go through a bounded
 * queue (src/analytics/write-queue.ts). The schema and the salt are fetched lazily, so a replica
 * started while PostgreSQL is down still answers and catches up when it comes back.
 */

export interface PostgresOptions {
  url: string;
  /** ANALYTICS_SALT; when absent a random salt is made once and kept in the database for every replica. */
  salt?: string;
  log: Logger;
  /** Records held while the database is away (default 10 000). */
  queueMax?: number;
  /** The replica's shared pool (src/replicas/start.ts); without it the store opens and closes its own. */
  pool?: pg.Pool;
}

type Pending = { kind: "question"; q: QuestionRecord } | { kind: "feedback"; f: FeedbackRecord };

/** How long report() waits for this replica's queued records before reading. */
const REPORT_DRAIN_MS = 2_000;

export function openPostgresStore(opts: PostgresOptions): PostgresAnalyticsStore {
  const own = !opts.pool;
  return new PostgresAnalyticsStore(opts.pool ?? createPool({ url: opts.url, log: opts.log }), opts, own);
}

export class PostgresAnalyticsStore implements AnalyticsStore {
  readonly kind = "postgres" as const;
  private readonly queue: WriteQueue<Pending>;
  private salt: Promise<string> | undefined;

  constructor(
    readonly pool: pg.Pool,
    private readonly opts: Omit<PostgresOptions, "url">,
    private readonly ownsPool = true,
  ) {
    this.queue = new WriteQueue((p) => this.write(p), {
      log: opts.log,
      ...(opts.queueMax !== undefined ? { max: opts.queueMax } : {}),
    });
  }

  /** Migrates and learns the salt, once; a failure is forgotten so the next call tries again. */
  ready(): Promise<string> {
    this.salt ??= (async () => {
      await migratePostgres(this.pool);
      if (this.opts.salt) return this.opts.salt;
      await this.pool.query("INSERT INTO settings (key, value) VALUES ('salt', $1) ON CONFLICT DO NOTHING", [
        newSalt(),
      ]);
      const r = await this.pool.query<{ value: string }>("SELECT value FROM settings WHERE key = 'salt'");
      return (r.rows[0] as { value: string }).value;
    })();
    const pending = this.salt;
    pending.catch(() => {
      if (this.salt === pending) this.salt = undefined;
    });
    return pending;
  }

  /** Records waiting for the database (an outage, or a burst). */
  get queued(): number {
    return this.queue.size;
  }

  recordQuestion(q: QuestionRecord): void {
    this.queue.push({ kind: "question", q });
  }

  recordFeedback(f: FeedbackRecord): void {
    this.queue.push({ kind: "feedback", f });
  }

  private async write(p: Pending): Promise<void> {
    const salt = await this.ready();
    if (p.kind === "question") {
      const q = p.q;
      await this.pool.query(
        `INSERT INTO questions (answer_id, at, platform, channel, user_hash, question, status, confidence, fact_ids, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (answer_id) DO NOTHING`,
        rows.questionValues(q, hashUser(salt, q.platform, q.userId)),
      );
      return;
    }
    const f = p.f;
    const user = hashUser(salt, f.platform, f.userId);
    // A comment belongs to the 👎 the same person gave the same answer just before.
    if (f.comment !== undefined && f.answerId) {
      const updated = await this.pool.query(
        `UPDATE feedback SET comment = $1 WHERE id = (SELECT id FROM feedback
           WHERE answer_id = $2 AND user_hash = $3 AND vote = 'down' ORDER BY id DESC LIMIT 1)`,
        [f.comment, f.answerId, user],
      );
      if ((updated.rowCount ?? 0) > 0) return;
    }
    await this.pool.query(
      `INSERT INTO feedback (answer_id, at, platform, user_hash, vote, fact_id, version, comment)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      rows.feedbackValues(f, user),
    );
  }

  async report(since: Date): Promise<AnalyticsSnapshot> {
    await this.queue.drained(REPORT_DRAIN_MS);
    // Reading needs the schema, not the salt (whose first creation writes).
    await migratePostgres(this.pool);
    const t = since.getTime();
    const questions = await this.pool.query<rows.QuestionRow>(
      "SELECT * FROM questions WHERE at >= $1 ORDER BY at, seq",
      [t],
    );
    // A vote's fact is the button's, else the one the rated answer cited.
    const feedback = await this.pool.query<rows.FeedbackRow>(
      `SELECT f.answer_id, f.at, f.platform, f.vote, f.comment, f.version,
              COALESCE(f.fact_id, q.fact_ids::json->>0) AS fact_id
         FROM feedback f LEFT JOIN questions q ON q.answer_id = f.answer_id
        WHERE f.at >= $1 ORDER BY f.at, f.id`,
      [t],
    );
    return {
      since,
      questions: questions.rows.map(rows.questionFromRow),
      feedback: feedback.rows.map(rows.feedbackFromRow),
    };
  }

  async purge(olderThan: Date): Promise<number> {
    await this.ready();
    const t = olderThan.getTime();
    return inTransaction(this.pool, async (client) => {
      const fb = await client.query("DELETE FROM feedback WHERE at < $1", [t]);
      const q = await client.query("DELETE FROM questions WHERE at < $1", [t]);
      // Expired dedupe ids go with the daily purge too.
      await client.query("DELETE FROM seen_events WHERE expires_at < now()");
      return (fb.rowCount ?? 0) + (q.rowCount ?? 0);
    });
  }

  async loadSourceHashes(): Promise<Map<string, string>> {
    try {
      await this.ready();
      const r = await this.pool.query<{ source: string; hash: string }>(
        "SELECT source, hash FROM source_hashes",
      );
      return new Map(r.rows.map((row) => [row.source, row.hash]));
    } catch (error) {
      this.opts.log.error("analytics: could not read the source hashes; changed sources go unflagged", {
        error: safeError(error),
      });
      return new Map();
    }
  }

  async saveSourceHashes(hashes: ReadonlyMap<string, string>): Promise<void> {
    try {
      await this.ready();
      await inTransaction(this.pool, async (client) => {
        await client.query("DELETE FROM source_hashes");
        for (const [source, hash] of hashes)
          await client.query("INSERT INTO source_hashes (source, hash) VALUES ($1, $2)", [source, hash]);
      });
    } catch (error) {
      this.opts.log.error("analytics: could not record the source hashes", { error: safeError(error) });
    }
  }

  /** Writes what is queued (for up to `graceMs`), then closes the pool. */
  async close(graceMs = 2_000): Promise<void> {
    await this.queue.drained(graceMs);
    this.queue.close();
    if (this.ownsPool) await this.pool.end().catch(() => undefined);
  }
}
