import type Database from "better-sqlite3";

/**
 * Schema changes, in order. Each runs once, inside a transaction, and bumps schema_version; a database
 * written by an older bot is brought up to date on start. Append, never edit, a migration.
 */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE questions (
     answer_id TEXT PRIMARY KEY,
     at INTEGER NOT NULL,
     platform TEXT NOT NULL,
     channel TEXT NOT NULL,
     user_hash TEXT NOT NULL,
     question TEXT NOT NULL,
     status TEXT NOT NULL,
     confidence REAL NOT NULL,
     fact_ids TEXT NOT NULL,
     version TEXT NOT NULL
   );
   CREATE INDEX questions_at ON questions(at);
   CREATE TABLE feedback (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     answer_id TEXT,
     at INTEGER NOT NULL,
     platform TEXT NOT NULL,
     user_hash TEXT NOT NULL,
     vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
     fact_id TEXT,
     version TEXT,
     comment TEXT
   );
   CREATE INDEX feedback_at ON feedback(at);
   CREATE INDEX feedback_answer ON feedback(answer_id);
   CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
  // The text hash of each knowledge source at the last load, so a restart can flag changed sources.
  `CREATE TABLE source_hashes (source TEXT PRIMARY KEY, hash TEXT NOT NULL);`,
];

export function schemaVersion(db: Database.Database): number {
  db.exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
  const row = db.prepare("SELECT version FROM schema_version").get() as { version: number } | undefined;
  return row?.version ?? 0;
}

/** Applies the migrations the database lacks; returns the version it is at afterwards. */
export function migrate(db: Database.Database, migrations: readonly string[] = MIGRATIONS): number {
  // IMMEDIATE: two processes starting at once must not both apply migration 1.
  const run = db.transaction(() => {
    const from = schemaVersion(db);
    for (let v = from; v < migrations.length; v++) db.exec(migrations[v] as string);
    db.prepare("DELETE FROM schema_version").run();
    db.prepare("INSERT INTO schema_version (version) VALUES (?)").run(Math.max(from, migrations.length));
    return Math.max(from, migrations.length);
  });
  return run.immediate();
}
