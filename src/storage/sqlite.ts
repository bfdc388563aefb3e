/**
 * SQLite through the `sqlite3` package: one connection in WAL mode, promises instead of callbacks,
 * and versioned migrations applied at start-up inside a transaction each.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import sqlite3 from 'sqlite3';
import { WegweiserError } from '../core/errors.js';

export type SqlValue = string | number | null;

export class SqliteDatabase {
  private constructor(private readonly db: sqlite3.Database) {}

  static async open(file: string): Promise<SqliteDatabase> {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const db = await new Promise<sqlite3.Database>((resolve, reject) => {
      const handle = new sqlite3.Database(file, (err) =>
        err ? reject(new WegweiserError('STORAGE_FAILED', [`cannot open ${file}: ${err.message}`])) : resolve(handle),
      );
    });
    const wrapped = new SqliteDatabase(db);
    // secure_delete: what is deleted (delete my data, retention) is overwritten, not left in free space.
    await wrapped.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA secure_delete = ON;');
    return wrapped;
  }

  run(sql: string, params: SqlValue[] = []): Promise<{ changes: number }> {
    return new Promise((resolve, reject) =>
      this.db.run(sql, params, function (this: sqlite3.RunResult, err) {
        if (err) reject(err);
        else resolve({ changes: this.changes });
      }),
    );
  }

  get<T>(sql: string, params: SqlValue[] = []): Promise<T | undefined> {
    return new Promise((resolve, reject) => this.db.get(sql, params, (err, row) => (err ? reject(err) : resolve(row as T | undefined))));
  }

  all<T>(sql: string, params: SqlValue[] = []): Promise<T[]> {
    return new Promise((resolve, reject) => this.db.all(sql, params, (err, rows) => (err ? reject(err) : resolve(rows as T[]))));
  }

  exec(sql: string): Promise<void> {
    return new Promise((resolve, reject) => this.db.exec(sql, (err) => (err ? reject(err) : resolve())));
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => this.db.close((err) => (err ? reject(err) : resolve())));
  }
}

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Applies the migrations not yet recorded, in order. Safe to call at every start. */
export async function migrate(db: SqliteDatabase, migrations: readonly Migration[]): Promise<number[]> {
  await db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const done = new Set((await db.all<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version));
  const applied: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (done.has(m.version)) continue;
    await db.exec('BEGIN IMMEDIATE');
    try {
      await db.exec(m.sql);
      await db.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [m.version, m.name, new Date().toISOString()]);
      await db.exec('COMMIT');
      applied.push(m.version);
    } catch (err) {
      await db.exec('ROLLBACK');
      throw new WegweiserError('STORAGE_FAILED', [`migration ${m.version} (${m.name}) failed: ${(err as Error).message}`]);
    }
  }
  return applied;
}
