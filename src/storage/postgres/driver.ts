/**
 * PostgreSQL through `pg`: a pool behind the SQL interface, transactions on one pooled connection.
 * An optional schema keeps each test (or tenant) apart. Loaded only when PostgreSQL is configured.
 */
import { redactUrl } from '../../core/redact.js';
import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import { ServiceUnavailableError, WegweiserError } from '../../core/errors.js';
import type { Database, Dialect, Sql, SqlValue } from '../sql.js';

/** `?` becomes $1, $2, ... (never inside a quoted literal); each statement is converted once. */
const converted = new Map<string, string>();
function numbered(sql: string): string {
  let out = converted.get(sql);
  if (out !== undefined) return out;
  let n = 0;
  let quoted = false;
  out = '';
  for (const ch of sql) {
    if (ch === "'") quoted = !quoted;
    out += ch === '?' && !quoted ? `$${++n}` : ch;
  }
  if (converted.size >= 1000) converted.clear(); // statements are fixed texts: this never fills up in practice
  converted.set(sql, out);
  return out;
}

export const postgresDialect: Dialect = {
  name: 'postgres',
  placeholders: numbered,
  // Instants stay text in the form callers wrote them (appointment starts have no milliseconds, other
  // instants have), so results equal SQLite's; COLLATE "C" compares and orders them byte-wise, as SQLite does.
  types: {
    sortedText: 'text COLLATE "C"',
    flag: 'boolean NOT NULL DEFAULT false',
    autoId: 'bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY',
    seqColumn: ',\n      seq bigint GENERATED ALWAYS AS IDENTITY',
    blob: 'bytea',
    migratedAt: 'timestamptz NOT NULL DEFAULT now()',
  },
  seq: 'seq',
  lockSkipLocked: ' FOR UPDATE SKIP LOCKED',
  limit: (n) => (n < 0 ? null : n), // PostgreSQL rejects a negative LIMIT; NULL is none
  migrationLock: "SELECT pg_advisory_xact_lock(hashtext('wegweiser:migrate'))",
  tablesSql: "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name",
  isUniqueViolation: (err) => (err as { code?: unknown } | null)?.code === '23505',
};

/** PostgreSQL text cannot hold NUL (SQLite can); it means nothing in a message or a name, so it goes. */
const storable = (params: readonly SqlValue[]): SqlValue[] => params.map((p) => (typeof p === 'string' && p.includes('\u0000') ? p.replaceAll('\u0000', '') : p));

/** A query that failed because the server went away is an outage (503, try again), not a wrong query. */
function outage(err: unknown): never {
  throw unreachable(err) ? new ServiceUnavailableError('PostgreSQL', err) : err;
}

/** The statements, on the pool or on the connection of a transaction. */
class Queries {
  readonly dialect = postgresDialect;

  constructor(protected readonly client: pg.Pool | pg.PoolClient) {}

  private query(sql: string, params: readonly SqlValue[]): Promise<pg.QueryResult> {
    return this.client.query(numbered(sql), storable(params)).catch(outage);
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<{ changes: number }> {
    return { changes: (await this.query(sql, params)).rowCount ?? 0 };
  }

  async get<T>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    return (await this.query(sql, params)).rows[0] as T | undefined;
  }

  async all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return (await this.query(sql, params)).rows as T[];
  }

  async exec(sql: string): Promise<void> {
    await this.client.query(sql).catch(outage);
  }

  /** Sent now: a statement on a pooled connection is one trip however it is sent. */
  async defer(sql: string, params: readonly SqlValue[] = []): Promise<void> {
    await this.run(sql, params);
  }

  /** Nothing to do: deleted rows are gone from what PostgreSQL serves, and its files are the server's. */
  async scrub(): Promise<void> {}
}

class PostgresTransaction extends Queries implements Sql {
  /** Work started inside the transaction but still running after it (a timer, say) goes to the pool. */
  ended = false;

  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    return fn(this);
  }
}

export class PostgresDatabase extends Queries implements Database {
  private readonly context = new AsyncLocalStorage<PostgresTransaction>();

  constructor(private readonly pool: pg.Pool) {
    super(pool);
  }

  /** The transaction of the current async context: a call made inside one joins it. */
  private current(): PostgresTransaction | undefined {
    const tx = this.context.getStore();
    return tx && !tx.ended ? tx : undefined;
  }

  override run(sql: string, params?: readonly SqlValue[]) {
    const tx = this.current();
    return tx ? tx.run(sql, params) : super.run(sql, params);
  }

  override get<T>(sql: string, params?: readonly SqlValue[]) {
    const tx = this.current();
    return tx ? tx.get<T>(sql, params) : super.get<T>(sql, params);
  }

  override all<T>(sql: string, params?: readonly SqlValue[]) {
    const tx = this.current();
    return tx ? tx.all<T>(sql, params) : super.all<T>(sql, params);
  }

  override exec(sql: string) {
    const tx = this.current();
    return tx ? tx.exec(sql) : super.exec(sql);
  }

  /** Runs `fn` on one connection between BEGIN and COMMIT; any error rolls back and is rethrown. */
  async transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    const outer = this.current();
    if (outer) return fn(outer);
    const client = await this.pool.connect().catch(outage);
    // The server going away mid-transaction is an error event on the checked-out connection as well
    // as a failed query: the query's error is the one handled, the event must not crash the process.
    const ignore = () => undefined;
    client.on('error', ignore);
    const tx = new PostgresTransaction(client);
    try {
      await client.query('BEGIN').catch(outage);
      const result = await this.context.run(tx, () => fn(tx));
      await client.query('COMMIT').catch(outage);
      tx.ended = true;
      client.off('error', ignore);
      client.release();
      return result;
    } catch (err) {
      tx.ended = true;
      // a connection whose rollback failed is in an unknown state: destroy it rather than reuse it
      const broken = await client.query('ROLLBACK').then(() => undefined, (e: Error) => e);
      client.off('error', ignore);
      client.release(broken ?? undefined);
      throw err;
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]*$/;

function checkSchema(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) throw new WegweiserError('STORAGE_FAILED', [`invalid schema name ${JSON.stringify(schema)}: use lower-case letters, digits and _`]);
  return schema;
}

/** A pool on `url`; `schema` puts every table in that schema (created here, under the migrations' lock). */
export async function connectPostgres(url: string, opts: { schema?: string; poolSize?: number } = {}): Promise<PostgresDatabase> {
  const schema = opts.schema === undefined ? undefined : checkSchema(opts.schema);
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.poolSize ?? 10,
    connectionTimeoutMillis: 10_000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // an idle connection dropped by the server must not crash the process: the pool replaces it
  pool.on('error', () => {});
  const db = new PostgresDatabase(pool);
  if (schema) {
    await db
      .transaction(async (tx) => {
        await tx.run(postgresDialect.migrationLock);
        await tx.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      })
      .catch(async (err: unknown) => {
        await pool.end();
        throw openingFailed(url, err);
      });
  }
  return db;
}

/** Why opening failed, as the error start-up reports: unreachable (wait and retry) or a storage failure. */
export function openingFailed(url: string, err: unknown): Error {
  if (err instanceof WegweiserError) return err;
  const problem = `cannot open ${redact(url)}: ${(err as Error).message}`;
  return new WegweiserError(unreachable(err) ? 'SERVICE_UNREACHABLE' : 'STORAGE_FAILED', [problem]);
}

/** Drops a schema and everything in it (the tests' clean-up). */
export async function dropPostgresSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${checkSchema(schema)} CASCADE`);
  } finally {
    await client.end();
  }
}

/**
 * Whether a query failed because the server cannot be reached (yet): a network error, a timeout,
 * or a server still starting or shutting down (SQLSTATE classes 08 and 57), as opposed to a wrong
 * password or a missing database, which no waiting fixes.
 */
function unreachable(err: unknown): boolean {
  if (err instanceof ServiceUnavailableError) return true;
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string' || /^E[A-Z]/.test(code)) return true;
  return code.startsWith('08') || code.startsWith('57');
}

/** The URL without its password, for messages and logs. */
export const redact = (url: string): string => redactUrl(url, 'database');
