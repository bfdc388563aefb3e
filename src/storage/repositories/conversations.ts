/** Conversation states, one row per conversation. */
import { migrateState, type ConversationState } from '../../core/state.js';
import type { Sql } from '../sql.js';
import type { ConversationStore } from '../types.js';

export class ConversationRepository implements ConversationStore {
  constructor(private readonly sql: Sql) {}

  async load(id: string): Promise<ConversationState | null> {
    const row = await this.sql.get<{ state: string }>('SELECT state FROM conversations WHERE id = ?', [id]);
    return row ? migrateState(JSON.parse(row.state)) : null;
  }

  /** Deferred: inside a turn's transaction the state goes with its COMMIT. */
  async save(id: string, state: ConversationState): Promise<void> {
    await this.sql.defer(
      'INSERT INTO conversations (id, state, updated_at) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at',
      [id, JSON.stringify(state), state.updatedAt],
    );
  }

  async delete(id: string): Promise<void> {
    await this.sql.run('DELETE FROM conversations WHERE id = ?', [id]);
  }
}
