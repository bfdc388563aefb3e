/** Opens the store DATABASE_URL names: SQLite (`sqlite:<file>`, the embedded default) or PostgreSQL. */
import { migrate } from './migrations.js';
import { SqliteDatabase } from './sqlite/driver.js';
import { createStorage, type StorageOptions } from './storage.js';
import type { Storage } from './types.js';

/** `schema` keeps a PostgreSQL user's data apart (tests side by side); SQLite ignores it. */
export async function openStorage(databaseUrl: string, schema?: string, opts: StorageOptions = {}): Promise<Storage> {
  if (databaseUrl.startsWith('sqlite:')) return openSqliteStorage(databaseUrl.slice('sqlite:'.length), opts);
  return openPostgresStorage(databaseUrl, { ...(schema ? { schema } : {}), ...opts });
}

/** The embedded default: one SQLite file (or ':memory:'), migrated on open. */
export async function openSqliteStorage(file: string, opts: StorageOptions = {}): Promise<Storage> {
  const db = await SqliteDatabase.open(file);
  try {
    await migrate(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  return createStorage(db, opts);
}

/** The server database: a pool on `url`, migrated on open; `schema` puts every table in that schema. */
export async function openPostgresStorage(url: string, opts: { schema?: string; poolSize?: number } & StorageOptions = {}): Promise<Storage> {
  // pg is loaded only when PostgreSQL is configured: the embedded default never needs it.
  const { connectPostgres, openingFailed } = await import('./postgres/driver.js');
  const db = await connectPostgres(url, opts);
  try {
    await migrate(db);
  } catch (err) {
    await db.close();
    throw openingFailed(url, err);
  }
  return createStorage(db, opts);
}
