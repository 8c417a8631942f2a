import { mkdirSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import type { Logger } from "../log.js";
import { hashUser, newSalt } from "./hash.js";
import { migrate } from "./migrations.js";
import * as rows from "./rows.js";
import type { AnalyticsSnapshot, AnalyticsStore, FeedbackRecord, QuestionRecord } from "./types.js";

/**
 * The default analytics store: one SQLite file, DATA_DIR/analytics.db, in WAL mode so `strategy-bot
 * report` can read while the bot writes. Writes are synchronous and take microseconds; a locked
 * database waits at most BUSY_MS, then the record is dropped and logged (answering never waits on it).
 */

export const DB_FILE = "analytics.db";
const BUSY_MS = 50;

export interface SqliteOptions {
  dir: string;
  /** ANALYTICS_SALT; when absent a random salt is made on first start and kept in the database. */
  salt?: string;
  log: Logger;
}

/** Opens (creating and migrating) the database; throws when the directory or file is unusable. */
export function openSqliteStore(opts: SqliteOptions): SqliteAnalyticsStore {
  mkdirSync(opts.dir, { recursive: true });
  const db = new Database(join(opts.dir, DB_FILE), { timeout: BUSY_MS });
  try {
    db.pragma("journal_mode = WAL");
    migrate(db);
    return new SqliteAnalyticsStore(db, opts.salt ?? storedSalt(db), opts.log);
  } catch (e) {
    db.close();
    throw e;
  }
}

function storedSalt(db: Database.Database): string {
  db.prepare("INSERT OR IGNORE INTO settings (key, value) VALUES ('salt', ?)").run(newSalt());
  return (db.prepare("SELECT value FROM settings WHERE key = 'salt'").get() as { value: string }).value;
}

export class SqliteAnalyticsStore implements AnalyticsStore {
  readonly kind = "sqlite" as const;
  private failures = 0;

  constructor(
    readonly db: Database.Database,
    private readonly salt: string,
    private readonly log: Logger,
  ) {}

  private write(what: string, run: () => void): void {
    try {
      run();
      this.failures = 0;
    } catch (error) {
      // A full disk fails every write: log the first few of a run, then every hundredth.
      this.failures++;
      if (this.failures <= 3 || this.failures % 100 === 0) {
        this.log.error(`analytics: could not record ${what}; answering goes on`, {
          error,
          failures: this.failures,
        });
      }
    }
  }

  recordQuestion(q: QuestionRecord): void {
    this.write("a question", () =>
      this.db
        .prepare(
          `INSERT INTO questions (answer_id, at, platform, channel, user_hash, question, status, confidence, fact_ids, version)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(...rows.questionValues(q, hashUser(this.salt, q.platform, q.userId))),
    );
  }

  recordFeedback(f: FeedbackRecord): void {
    const user = hashUser(this.salt, f.platform, f.userId);
    this.write("feedback", () => {
      // A comment belongs to the 👎 the same person gave the same answer just before.
      if (f.comment !== undefined && f.answerId) {
        const updated = this.db
          .prepare(
            `UPDATE feedback SET comment = ? WHERE id = (SELECT id FROM feedback
               WHERE answer_id = ? AND user_hash = ? AND vote = 'down' ORDER BY id DESC LIMIT 1)`,
          )
          .run(f.comment, f.answerId, user);
        if (updated.changes > 0) return;
      }
      this.db
        .prepare(
          `INSERT INTO feedback (answer_id, at, platform, user_hash, vote, fact_id, version, comment)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(...rows.feedbackValues(f, user));
    });
  }

  async report(since: Date): Promise<AnalyticsSnapshot> {
    const t = since.getTime();
    const questions = this.db
      .prepare("SELECT * FROM questions WHERE at >= ? ORDER BY at")
      .all(t) as rows.QuestionRow[];
    // A vote's fact is the button's, else the one the rated answer cited.
    const feedback = this.db
      .prepare(
        `SELECT f.answer_id, f.at, f.platform, f.vote, f.comment, f.version,
                COALESCE(f.fact_id, json_extract(q.fact_ids, '$[0]')) AS fact_id
           FROM feedback f LEFT JOIN questions q ON q.answer_id = f.answer_id
          WHERE f.at >= ? ORDER BY f.at`,
      )
      .all(t) as rows.FeedbackRow[];
    return {
      since,
      questions: questions.map(rows.questionFromRow),
      feedback: feedback.map(rows.feedbackFromRow),
    };
  }

  async purge(olderThan: Date): Promise<number> {
    const t = olderThan.getTime();
    const run = this.db.transaction(
      () =>
        this.db.prepare("DELETE FROM feedback WHERE at < ?").run(t).changes +
        this.db.prepare("DELETE FROM questions WHERE at < ?").run(t).changes,
    );
    return run();
  }

  async loadSourceHashes(): Promise<Map<string, string>> {
    try {
      const saved = this.db.prepare("SELECT source, hash FROM source_hashes").all() as {
        source: string;
        hash: string;
      }[];
      return new Map(saved.map((r) => [r.source, r.hash]));
    } catch (error) {
      this.log.error("analytics: could not read the source hashes; changed sources go unflagged", { error });
      return new Map();
    }
  }

  async saveSourceHashes(hashes: ReadonlyMap<string, string>): Promise<void> {
    this.write("the source hashes", () => {
      const insert = this.db.prepare("INSERT INTO source_hashes (source, hash) VALUES (?, ?)");
      this.db.transaction(() => {
        this.db.prepare("DELETE FROM source_hashes").run();
        for (const [source, hash] of hashes) insert.run(source, hash);
      })();
    });
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
