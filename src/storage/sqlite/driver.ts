/**
 * SQLite through the `sqlite3` package: one connection in WAL mode behind the SQL interface. A
 * transaction has the connection to itself: statements from outside wait until it ends, and it
 * waits for the statements already running. Inside a transaction, everything goes through its
 * `tx` (the repositories it is given): a statement on the database itself would wait for the
 * transaction to end. No AsyncLocalStorage finds the transaction for such a call: with one in
 * the process, Node runs a hook on every promise made anywhere (a tenth of a menu turn's work).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import sqlite3 from 'sqlite3';
import { WegweiserError } from '../../core/errors.js';
import type { Database, Dialect, Sql, SqlValue } from '../sql.js';

export const sqliteDialect: Dialect = {
  name: 'sqlite',
  placeholders: (sql) => sql,
  types: { sortedText: 'TEXT', flag: 'INTEGER NOT NULL DEFAULT 0', autoId: 'INTEGER PRIMARY KEY AUTOINCREMENT', seqColumn: '', blob: 'BLOB', migratedAt: 'TEXT NOT NULL' },
  seq: 'rowid',
  // one writer at a time: a claim's UPDATE already holds the database
  lockSkipLocked: '',
  limit: (n) => n, // a negative LIMIT is no limit
  migrationLock: '', // BEGIN IMMEDIATE already holds the database
  tablesSql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  isUniqueViolation: (err) => {
    const e = err as { code?: unknown; message?: unknown } | null;
    return e?.code === 'SQLITE_CONSTRAINT' && typeof e.message === 'string' && /UNIQUE constraint failed|PRIMARY KEY/.test(e.message);
  },
};

type Statements = Pick<Sql, 'run' | 'get' | 'all' | 'exec'>;

/**
 * A statement with its parameters written into it as SQL literals, so that several can go to the
 * database in one `exec`; undefined when a parameter has no exact literal (bytes, NUL in a text, a
 * number that is not a 32-bit integer, which the driver would bind as REAL): it is then sent alone.
 */
export function inlineParameters(sql: string, params: readonly SqlValue[]): string | undefined {
  const literals: string[] = [];
  for (const p of params) {
    if (p === null) literals.push('NULL');
    else if (typeof p === 'boolean') literals.push(p ? '1' : '0');
    else if (typeof p === 'number') {
      if ((p | 0) !== p || Object.is(p, -0)) return undefined;
      literals.push(String(p));
    } else if (typeof p === 'string') {
      if (p.includes('\u0000')) return undefined;
      literals.push(`'${p.replaceAll("'", "''")}'`);
    } else return undefined;
  }
  // Without quotes in the statement (the repositories' own), every ? is a parameter.
  if (!sql.includes("'") && !sql.includes('"')) {
    const pieces = sql.split('?');
    if (pieces.length - 1 !== literals.length) return undefined;
    let joined = pieces[0]!;
    for (let i = 0; i < literals.length; i++) joined += literals[i]! + pieces[i + 1]!;
    return joined;
  }
  // Each ? outside a quoted name or text takes the next literal.
  let out = '';
  let next = 0;
  let quote: string | undefined;
  for (const ch of sql) {
    if (quote) {
      if (ch === quote) quote = undefined;
      out += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
    } else if (ch === '?') {
      if (next >= literals.length) return undefined;
      out += literals[next++];
    } else out += ch;
  }
  return next === literals.length ? out : undefined;
}

/** How many prepared statements a connection keeps (the SQL of the repositories is a few dozen). */
const PREPARED_LIMIT = 200;

/**
 * The connection itself, with promises instead of callbacks. Each SQL text is prepared once and
 * kept (at most PREPARED_LIMIT, least recently used dropped): `Database#run` would prepare, run
 * and finalize on every call, three trips through libuv's thread pool instead of one, and a
 * transaction holds the connection for all of them.
 */
class Connection implements Statements {
  private readonly prepared = new Map<string, Promise<sqlite3.Statement>>();

  constructor(private readonly db: sqlite3.Database) {}

  private statement(sql: string): Promise<sqlite3.Statement> {
    let stmt = this.prepared.get(sql);
    if (stmt) {
      this.prepared.delete(sql); // most recently used last
      this.prepared.set(sql, stmt);
      return stmt;
    }
    stmt = new Promise((resolve, reject) => {
      const prepared: sqlite3.Statement = this.db.prepare(sql, (err) => (err ? reject(err) : resolve(prepared)));
    });
    stmt.catch(() => this.prepared.delete(sql)); // a statement that does not prepare is not kept
    this.prepared.set(sql, stmt);
    if (this.prepared.size > PREPARED_LIMIT) {
      const [oldest, dropped] = this.prepared.entries().next().value as [string, Promise<sqlite3.Statement>];
      this.prepared.delete(oldest);
      void dropped.then((d) => d.finalize(), () => undefined); // finalize waits for the runs already queued on it
    }
    return stmt;
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<{ changes: number }> {
    const stmt = await this.statement(sql);
    return new Promise((resolve, reject) =>
      stmt.run(params, function (this: sqlite3.RunResult, err) {
        if (err) reject(err);
        else resolve({ changes: this.changes });
      }),
    );
  }

  /** Through `all`, which steps the statement to its end, so that no read stays open on it. */
  async get<T>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  async all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    const stmt = await this.statement(sql);
    return new Promise((resolve, reject) => stmt.all(params, (err, rows) => (err ? reject(err) : resolve(rows as T[]))));
  }

  exec(sql: string): Promise<void> {
    return new Promise((resolve, reject) => this.db.exec(sql, (err) => (err ? reject(err) : resolve())));
  }

  async close(): Promise<void> {
    const statements = await Promise.allSettled(this.prepared.values());
    this.prepared.clear();
    await Promise.all(statements.map((s) => (s.status === 'fulfilled' ? new Promise<void>((resolve) => s.value.finalize(() => resolve())) : undefined)));
    return new Promise((resolve, reject) => this.db.close((err) => (err ? reject(err) : resolve())));
  }
}

/**
 * Inside a transaction: statements go straight to the connection the transaction holds. BEGIN is
 * sent with the first statement, and deferred writes wait for the next statement or the COMMIT, so
 * that a turn which only writes (its state, its delivery) is one trip: BEGIN, the writes, COMMIT.
 */
class SqliteTransaction implements Sql {
  readonly dialect = sqliteDialect;
  scrubAfterCommit = false;
  /** Work started inside the transaction but still running after it (a timer, say) goes the outside way. */
  ended = false;
  /** BEGIN has been sent (a failure after it needs a ROLLBACK). */
  begun = false;
  /** Deferred writes not sent yet, as SQL with their literals. */
  private pending: string[] = [];

  constructor(
    private readonly conn: Connection,
    private readonly outside: Sql,
    /** Commits the writes of earlier transactions still waiting for a COMMIT (see SqliteDatabase's group). */
    private readonly flushGroup: (own?: string[]) => Promise<void>,
  ) {}

  /** BEGIN (when not yet sent) and the deferred writes, in one trip, before `then`. */
  private async send(then = ''): Promise<void> {
    // The group's writes are committed first, on their own: this transaction may still roll back.
    if (!this.begun) await this.flushGroup();
    // IMMEDIATE: take the write lock now, so another process cannot make this transaction fail halfway
    const batch = [...(this.begun ? [] : ['BEGIN IMMEDIATE']), ...this.pending, ...(then ? [then] : [])];
    this.pending = [];
    this.begun = true;
    if (batch.length) await this.conn.exec(batch.join(';\n'));
  }

  /** Only deferred writes so far (nothing sent): they may be committed with other transactions' writes. */
  get onlyDeferred(): boolean {
    return !this.begun && this.pending.length > 0;
  }

  /** The deferred writes, handed over to be committed elsewhere; this transaction sends nothing more. */
  takePending(): string[] {
    const writes = this.pending;
    this.pending = [];
    return writes;
  }

  private async via(): Promise<Statements> {
    if (this.ended) return this.outside;
    if (!this.begun || this.pending.length) await this.send();
    return this.conn;
  }

  async run(sql: string, params?: readonly SqlValue[]) {
    return (await this.via()).run(sql, params);
  }

  async get<T>(sql: string, params?: readonly SqlValue[]) {
    return (await this.via()).get<T>(sql, params);
  }

  async all<T>(sql: string, params?: readonly SqlValue[]) {
    return (await this.via()).all<T>(sql, params);
  }

  async exec(sql: string) {
    return (await this.via()).exec(sql);
  }

  async defer(sql: string, params: readonly SqlValue[] = []): Promise<void> {
    const inlined = this.ended ? undefined : inlineParameters(sql, params);
    if (inlined === undefined) await this.run(sql, params);
    else this.pending.push(inlined);
  }

  /** The deferred writes and COMMIT (a transaction that sent nothing has nothing to commit). */
  async commit(): Promise<void> {
    if (this.begun) await this.send('COMMIT');
    else await this.flushGroup(this.takePending());
  }

  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    return this.ended ? this.outside.transaction(fn) : fn(this);
  }

  async scrub(): Promise<void> {
    this.scrubAfterCommit = true;
  }
}

export class SqliteDatabase implements Database {
  readonly dialect = sqliteDialect;
  private running = 0;
  private drained: (() => void) | undefined;
  /** Resolves when the transaction holding the connection ends. */
  private held: Promise<void> | undefined;
  /** The last transaction queued: transactions take the connection one after another. */
  private queue: Promise<void> = Promise.resolve();
  /** Transactions queued behind the one that holds the connection. */
  private waiting = 0;
  /**
   * Group commit: a transaction that only deferred writes, ending while others wait for the
   * connection, leaves its writes here, and the next one to commit sends them with its own, in
   * one trip and one COMMIT (each turn's thread-pool hop and WAL commit shared by several). Each
   * waits for that COMMIT before it returns; if the batch fails, each is committed on its own,
   * so that only the one at fault fails.
   */
  private group: { writes: string[]; settle: (err?: unknown) => void }[] = [];

  private constructor(
    private readonly conn: Connection,
    /**
     * A second, read-only connection for reads outside any transaction (a file database only): in
     * WAL mode it reads the last committed state while the writer holds a transaction, so a read
     * does not queue behind other people's turns, as on PostgreSQL with its pool.
     */
    private readonly reader?: Connection,
  ) {}

  static async open(file: string): Promise<SqliteDatabase> {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const handle = await new Promise<sqlite3.Database>((resolve, reject) => {
      const db = new sqlite3.Database(file, (err) => (err ? reject(new WegweiserError('STORAGE_FAILED', [`cannot open ${file}: ${err.message}`])) : resolve(db)));
    });
    const conn = new Connection(handle);
    // secure_delete: what is deleted (delete my data, retention) is overwritten, not left in free space.
    await conn.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA secure_delete = ON;');
    // ':memory:' opened twice is two databases: there, one connection does everything.
    const reader = file === ':memory:' ? undefined : await openReader(file);
    return new SqliteDatabase(conn, reader);
  }

  /** One statement outside any transaction: it runs alongside others, never inside another's transaction. */
  private async statement<T>(fn: (c: Statements) => Promise<T>): Promise<T> {
    while (this.held) await this.held;
    this.running++;
    try {
      return await fn(this.conn);
    } finally {
      if (--this.running === 0) this.drained?.();
    }
  }

  run(sql: string, params?: readonly SqlValue[]) {
    return this.statement((c) => c.run(sql, params));
  }

  get<T>(sql: string, params?: readonly SqlValue[]) {
    if (this.readOnly(sql)) return this.reader!.get<T>(sql, params);
    return this.readsBeside(sql) ? this.conn.get<T>(sql, params) : this.statement((c) => c.get<T>(sql, params));
  }

  all<T>(sql: string, params?: readonly SqlValue[]) {
    if (this.readOnly(sql)) return this.reader!.all<T>(sql, params);
    return this.readsBeside(sql) ? this.conn.all<T>(sql, params) : this.statement((c) => c.all<T>(sql, params));
  }

  /**
   * In memory (one connection, no reader), a SELECT while a transaction holds the connection runs
   * beside it instead of waiting: the turn holding it may be the one reading (an appointment moved:
   * the cancellation in the turn's transaction, then the free days looked up). A file database
   * reads from its reader instead.
   */
  private readsBeside(sql: string): boolean {
    return this.reader === undefined && this.held !== undefined && SELECT.test(sql);
  }

  /** A SELECT on the database (not a transaction's) goes to the reader (an UPDATE ... RETURNING is read with `all` too, and stays on the writer). */
  private readOnly(sql: string): boolean {
    return this.reader !== undefined && SELECT.test(sql);
  }

  exec(sql: string): Promise<void> {
    return this.statement((c) => c.exec(sql));
  }

  async defer(sql: string, params?: readonly SqlValue[]): Promise<void> {
    await this.run(sql, params);
  }

  async transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    const before = this.queue;
    let done!: () => void;
    this.queue = new Promise((resolve) => (done = resolve));
    this.waiting++;
    await before;
    this.waiting--;
    let ended!: () => void;
    this.held = new Promise((resolve) => (ended = resolve));
    const tx = new SqliteTransaction(this.conn, this, (own?: string[]) => this.commitGroup(own));
    let committed: Promise<void> | undefined;
    try {
      if (this.running > 0) await new Promise<void>((resolve) => (this.drained = resolve));
      this.drained = undefined;
      let result: T;
      try {
        result = await fn(tx);
        if (tx.onlyDeferred && !tx.scrubAfterCommit && this.waiting > 0 && this.group.length < GROUP_LIMIT) {
          const writes = tx.takePending();
          committed = new Promise<void>((resolve, reject) => this.group.push({ writes, settle: (err) => (err === undefined ? resolve() : reject(err)) }));
        } else await tx.commit();
      } catch (err) {
        if (tx.begun) await this.conn.exec('ROLLBACK').catch(() => undefined); // a failed COMMIT may have rolled back already
        throw err;
      }
      if (tx.scrubAfterCommit) await this.checkpoint();
      if (committed) {
        // the next transaction takes the connection at once; this one returns with the COMMIT that takes its writes along
        await this.releaseConnection(tx, ended, done);
        await committed;
      }
      return result;
    } finally {
      if (!committed) await this.releaseConnection(tx, ended, done);
    }
  }

  /** Ends a transaction's hold on the connection; the group is committed first when nobody else waits to take it along. */
  private releaseConnection(tx: SqliteTransaction, ended: () => void, done: () => void): Promise<void> {
    tx.ended = true;
    const flushed = this.waiting === 0 && this.group.length ? this.commitGroup() : Promise.resolve();
    return flushed.finally(() => {
      this.held = undefined;
      ended();
      done();
    });
  }

  /**
   * The group's writes and `own` (the committing transaction's deferred writes), in one trip and
   * one COMMIT; `own`'s failure is thrown, each member's goes to its own transaction.
   */
  private async commitGroup(own: string[] = []): Promise<void> {
    const members = this.group;
    this.group = [];
    let ownError: unknown;
    const all = own.length ? [...members, { writes: own, settle: (err?: unknown) => void (ownError = err) }] : members;
    if (!all.length) return;
    const failed = await this.commitWrites(all.flatMap((m) => m.writes));
    if (failed === undefined) for (const m of all) m.settle();
    else if (all.length === 1) all[0]!.settle(failed);
    // one of them is at fault: each on its own, so that only that one fails
    else for (const m of all) m.settle(await this.commitWrites(m.writes));
    if (ownError !== undefined) throw ownError;
  }

  /** BEGIN, `writes` and COMMIT in one trip; the error when they did not commit (rolled back), else undefined. */
  private async commitWrites(writes: readonly string[]): Promise<unknown> {
    try {
      await this.conn.exec(['BEGIN IMMEDIATE', ...writes, 'COMMIT'].join(';\n'));
      return undefined;
    } catch (err) {
      await this.conn.exec('ROLLBACK').catch(() => undefined);
      return err ?? new Error('commit failed');
    }
  }

  async scrub(): Promise<void> {
    await this.statement(() => this.checkpoint());
  }

  /** secure_delete zeroed the freed space in the pages; the write-ahead log holds the pages as they were until it is copied back and emptied. */
  private checkpoint(): Promise<void> {
    return this.conn.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  }

  async close(): Promise<void> {
    await this.reader?.close();
    return this.conn.close();
  }
}

const SELECT = /^\s*SELECT\b/i;

/** At most this many transactions' writes in one COMMIT: each waits for it. */
const GROUP_LIMIT = 32;

async function openReader(file: string): Promise<Connection> {
  const handle = await new Promise<sqlite3.Database>((resolve, reject) => {
    const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (err) => (err ? reject(new WegweiserError('STORAGE_FAILED', [`cannot open ${file}: ${err.message}`])) : resolve(db)));
  });
  const reader = new Connection(handle);
  await reader.exec('PRAGMA busy_timeout = 5000;');
  return reader;
}
