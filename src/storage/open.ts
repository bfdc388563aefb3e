/** Opens the store DATABASE_URL names: SQLite (`sqlite:<file>`, the embedded default) or PostgreSQL. */
import { openSqliteStorage } from './sqlite-storage.js';
import type { Storage } from './types.js';

/** `schema` keeps a PostgreSQL user's data apart (tests side by side); SQLite ignores it. */
export async function openStorage(databaseUrl: string, schema?: string): Promise<Storage> {
  if (databaseUrl.startsWith('sqlite:')) return openSqliteStorage(databaseUrl.slice('sqlite:'.length));
  // pg is loaded only when PostgreSQL is configured: the embedded default never needs it.
  const { openPostgresStorage } = await import('./postgres.js');
  return openPostgresStorage(databaseUrl, schema ? { schema } : {});
}
