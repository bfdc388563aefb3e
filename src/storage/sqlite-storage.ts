import { migrateState, type ConversationState } from '../core/state.js';
import { MIGRATIONS } from './migrations.js';
import { migrate, SqliteDatabase } from './sqlite.js';
import type { ConversationStore, Storage } from './types.js';

class SqliteConversationStore implements ConversationStore {
  constructor(private readonly db: SqliteDatabase) {}

  async load(id: string): Promise<ConversationState | null> {
    const row = await this.db.get<{ state: string }>('SELECT state FROM conversations WHERE id = ?', [id]);
    return row ? migrateState(JSON.parse(row.state)) : null;
  }

  async save(id: string, state: ConversationState): Promise<void> {
    await this.db.run(
      'INSERT INTO conversations (id, state, updated_at) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at',
      [id, JSON.stringify(state), state.updatedAt],
    );
  }

  async delete(id: string): Promise<void> {
    await this.db.run('DELETE FROM conversations WHERE id = ?', [id]);
  }
}

/** The embedded default: one SQLite file (or ':memory:'), migrated on open. */
export async function openSqliteStorage(file: string): Promise<Storage & { db: SqliteDatabase }> {
  const db = await SqliteDatabase.open(file);
  await migrate(db, MIGRATIONS);
  return { db, conversations: new SqliteConversationStore(db), close: () => db.close() };
}
