/**
 * PostgreSQL through `pg`: a pool with the query helpers of SqliteDatabase, transactions on one
 * pooled connection, and the migrations applied at start-up under an advisory lock, so several
 * instances starting together never race. An optional schema keeps each test (or tenant) apart.
 */
import pg from 'pg';
import { ServiceUnavailableError, WegweiserError } from '../core/errors.js';
import { PgAppointmentStore, PgStaffStore } from './postgres-booking.js';
import { PgHandoffStore } from './postgres-handoffs.js';
import { PgJobQueue } from './postgres-jobs.js';
import { POSTGRES_MIGRATIONS } from './postgres-migrations.js';
import { forgetInEveryTable } from './forget.js';
import { PgConversationStore, PgDeliveryLog, purgeOlderThan } from './postgres-stores.js';
import { allRows } from './rows.js';
import type { Migration } from './sqlite.js';
import type { Storage } from './types.js';

export type PgValue = string | number | boolean | null | readonly string[];

/** PostgreSQL text cannot hold NUL (SQLite can); it means nothing in a message or a name, so it goes. */
const storable = (params: PgValue[]): PgValue[] => params.map((p) => (typeof p === 'string' && p.includes('\u0000') ? p.replaceAll('\u0000', '') : p));

/** A query that failed because the server went away is an outage (503, try again), not a wrong query. */
function outage(err: unknown): never {
  throw unreachable(err) ? new ServiceUnavailableError('PostgreSQL', err) : err;
}

/** The query helpers, on the pool or inside a transaction. */
export class PgQueries {
  constructor(private readonly client: pg.Pool | pg.PoolClient) {}

  private query(sql: string, params: PgValue[]): Promise<pg.QueryResult> {
    return this.client.query(sql, storable(params)).catch(outage);
  }

  async run(sql: string, params: PgValue[] = []): Promise<{ changes: number }> {
    return { changes: (await this.query(sql, params)).rowCount ?? 0 };
  }

  async get<T>(sql: string, params: PgValue[] = []): Promise<T | undefined> {
    return (await this.query(sql, params)).rows[0] as T | undefined;
  }

  async all<T>(sql: string, params: PgValue[] = []): Promise<T[]> {
    return (await this.query(sql, params)).rows as T[];
  }
}

export class PostgresDatabase extends PgQueries {
  constructor(private readonly pool: pg.Pool) {
    super(pool);
  }

  /** Runs `fn` on one connection between BEGIN and COMMIT; any error rolls back and is rethrown. */
  async transaction<T>(fn: (tx: PgQueries) => Promise<T>): Promise<T> {
    const client = await this.pool.connect().catch(outage);
    try {
      await client.query('BEGIN').catch(outage);
      const result = await fn(new PgQueries(client));
      await client.query('COMMIT').catch(outage);
      client.release();
      return result;
    } catch (err) {
      // a connection whose rollback failed is in an unknown state: destroy it rather than reuse it
      const broken = await client.query('ROLLBACK').then(() => undefined, (e: Error) => e);
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

/**
 * Applies the migrations not yet recorded, all in one transaction. The advisory lock makes a second
 * instance wait for the first and then find everything applied.
 */
export async function migrate(db: PostgresDatabase, migrations: readonly Migration[], schema?: string): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.run("SELECT pg_advisory_xact_lock(hashtext('wegweiser:migrate'))");
    if (schema) await tx.run(`CREATE SCHEMA IF NOT EXISTS ${checkSchema(schema)}`);
    await tx.run('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await tx.all<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version));
    const applied: number[] = [];
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(m.version)) continue;
      try {
        await tx.run(m.sql);
      } catch (err) {
        throw new WegweiserError('STORAGE_FAILED', [`migration ${m.version} (${m.name}) failed: ${(err as Error).message}`]);
      }
      await tx.run('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    return applied;
  });
}

/** The server database: a pool on `url`, migrated on open; `schema` puts every table in that schema. */
export async function openPostgresStorage(url: string, opts: { schema?: string; poolSize?: number } = {}): Promise<Storage & { db: PostgresDatabase }> {
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
  try {
    await migrate(db, POSTGRES_MIGRATIONS, schema);
  } catch (err) {
    await pool.end();
    if (err instanceof WegweiserError) throw err;
    const problem = `cannot open ${redact(url)}: ${(err as Error).message}`;
    throw new WegweiserError(unreachable(err) ? 'SERVICE_UNREACHABLE' : 'STORAGE_FAILED', [problem]);
  }
  const stores = {
    conversations: new PgConversationStore(db),
    deliveries: new PgDeliveryLog(db),
    appointments: new PgAppointmentStore(db),
    staff: new PgStaffStore(db),
    handoffs: new PgHandoffStore(db),
    jobs: new PgJobQueue(db),
  };
  return {
    db,
    ...stores,
    forgetConversation: (id) => forgetInEveryTable(stores, id),
    purgeOlderThan: (cutoff) => purgeOlderThan(db, cutoff),
    inspect: async () => {
      const tables = await db.all<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name");
      return allRows(tables.map((t) => t.name), (sql) => db.all(sql));
    },
    ping: async () => void (await db.get('SELECT 1')),
    close: () => db.close(),
  };
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
 * Whether opening failed because the server cannot be reached (yet): a network error, a timeout,
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
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparsable database URL)';
  }
}
