/** Conversation states, one row per conversation. */
import DataLoader from 'dataloader';
import { migrateState, type ConversationState } from '../../core/state.js';
import type { Sql } from '../sql.js';
import type { ConversationStore } from '../types.js';

/** At most this many states in one SELECT. */
const BATCH_LIMIT = 32;

export class ConversationRepository implements ConversationStore {
  /**
   * Outside a transaction, the states asked for while the event loop polls (turns of several
   * people arriving together) are read in one statement: one trip to the database for many turns.
   */
  private readonly batched: DataLoader<string, ConversationState | null> | undefined;

  constructor(
    private readonly sql: Sql,
    opts: { batchLoads?: boolean } = {},
  ) {
    if (opts.batchLoads) this.batched = new DataLoader((ids) => this.loadMany(ids), { cache: false, maxBatchSize: BATCH_LIMIT, batchScheduleFn: (run) => setImmediate(run) });
  }

  async load(id: string): Promise<ConversationState | null> {
    if (this.batched) return this.batched.load(id);
    const row = await this.sql.get<{ state: string }>('SELECT state FROM conversations WHERE id = ?', [id]);
    return row ? migrateState(JSON.parse(row.state)) : null;
  }

  /** Each id's state (or null), in order; the list of ids is padded to a power of two, so that few statements are prepared. */
  private async loadMany(ids: readonly string[]): Promise<(ConversationState | null)[]> {
    const size = 2 ** Math.ceil(Math.log2(ids.length));
    const params = [...ids, ...Array<string>(size - ids.length).fill(ids[0]!)];
    const rows = await this.sql.all<{ id: string; state: string }>(`SELECT id, state FROM conversations WHERE id IN (${params.map(() => '?').join(', ')})`, params);
    const states = new Map(rows.map((r) => [r.id, r.state]));
    return ids.map((id) => {
      const state = states.get(id);
      return state === undefined ? null : migrateState(JSON.parse(state));
    });
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
