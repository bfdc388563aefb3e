/**
 * The SQLite driver: deferred writes carry their parameters as literals (exact, or not inlined at
 * all), and transactions waiting for each other share one COMMIT without sharing a failure.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inlineParameters, SqliteDatabase, sqliteDialect } from '../src/storage/sqlite/driver.js';

describe('inlineParameters', () => {
  it('writes texts, integers, booleans and NULL as literals, quotes doubled', () => {
    expect(inlineParameters('INSERT INTO t (a, b, c, d) VALUES (?, ?, ?, ?)', ["O'Neil ''x''", 42, true, null])).toBe(
      "INSERT INTO t (a, b, c, d) VALUES ('O''Neil ''''x''''', 42, 1, NULL)",
    );
  });

  it('leaves a ? inside quoted text or names alone', () => {
    expect(inlineParameters(`SELECT '?', "a?b" FROM t WHERE x = ? AND y = 'it''s ?'`, ['v'])).toBe(`SELECT '?', "a?b" FROM t WHERE x = 'v' AND y = 'it''s ?'`);
  });

  it('does not inline what has no exact literal: bytes, NUL, a fraction, a large number, a count mismatch', () => {
    expect(inlineParameters('VALUES (?)', [new Uint8Array([1])])).toBeUndefined();
    expect(inlineParameters('VALUES (?)', ['a\u0000b'])).toBeUndefined();
    expect(inlineParameters('VALUES (?)', [0.5])).toBeUndefined();
    expect(inlineParameters('VALUES (?)', [2 ** 40])).toBeUndefined();
    expect(inlineParameters('VALUES (?, ?)', ['a'])).toBeUndefined();
    expect(inlineParameters('VALUES (?)', ['a', 'b'])).toBeUndefined();
  });
});

describe('group commit', () => {
  const open = async () => {
    const db = await SqliteDatabase.open(join(mkdtempSync(join(tmpdir(), 'group-')), 'db.sqlite'));
    await db.exec('CREATE TABLE t (id TEXT PRIMARY KEY, v INTEGER NOT NULL)');
    return db;
  };
  const count = async (db: SqliteDatabase) => (await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM t'))!.n;

  it('commits the writes of transactions that wait for each other in fewer trips, and each returns only once its writes are kept', async () => {
    const db = await open();
    const execs: string[] = [];
    const conn = (db as unknown as { conn: { exec(sql: string): Promise<void> } }).conn;
    const exec = conn.exec.bind(conn);
    conn.exec = (sql: string) => (execs.push(sql), exec(sql));
    await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        await db.transaction((tx) => tx.defer('INSERT INTO t (id, v) VALUES (?, ?)', [`k${i}`, i]));
        // returned: the row is there for anyone who reads it
        expect(await db.get('SELECT v FROM t WHERE id = ?', [`k${i}`])).toEqual({ v: i });
      }),
    );
    expect(await count(db)).toBe(20);
    const commits = execs.filter((sql) => sql.endsWith('COMMIT'));
    expect(commits.length).toBeLessThan(20);
    expect(commits.some((sql) => (sql.match(/INSERT INTO t/g) ?? []).length > 1)).toBe(true);
    await db.close();
  });

  it('fails only the transaction whose write fails; the others of its group are kept', async () => {
    const db = await open();
    await db.run("INSERT INTO t (id, v) VALUES ('taken', 0)");
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) => db.transaction((tx) => tx.defer('INSERT INTO t (id, v) VALUES (?, ?)', [i === 5 ? 'taken' : `k${i}`, i]))),
    );
    expect(results.map((r) => r.status)).toEqual(results.map((_, i) => (i === 5 ? 'rejected' : 'fulfilled')));
    expect(sqliteDialect.isUniqueViolation((results[5] as PromiseRejectedResult).reason)).toBe(true);
    expect(await count(db)).toBe(12); // 'taken' and the eleven others
    await db.close();
  });

  it('keeps the group out of a transaction that rolls back', async () => {
    const db = await open();
    const results = await Promise.allSettled([
      db.transaction((tx) => tx.defer("INSERT INTO t (id, v) VALUES ('a', 1)")),
      db.transaction(async (tx) => {
        await tx.run("INSERT INTO t (id, v) VALUES ('b', 2)");
        throw new Error('changed my mind');
      }),
      db.transaction((tx) => tx.defer("INSERT INTO t (id, v) VALUES ('c', 3)")),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await db.all('SELECT id FROM t ORDER BY id')).toEqual([{ id: 'a' }, { id: 'c' }]);
    await db.close();
  });
});
