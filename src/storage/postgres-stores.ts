/** Conversations, the delivery log and retention on PostgreSQL. */
import { migrateState, type ConversationState } from '../core/state.js';
import type { PostgresDatabase } from './postgres.js';
import { STALE_CLAIM_MS, type ConversationStore, type DeliveryClaim, type DeliveryLog } from './types.js';

export class PgConversationStore implements ConversationStore {
  constructor(private readonly db: PostgresDatabase) {}

  async load(id: string): Promise<ConversationState | null> {
    const row = await this.db.get<{ state: string }>('SELECT state FROM conversations WHERE id = $1', [id]);
    return row ? migrateState(JSON.parse(row.state)) : null;
  }

  async save(id: string, state: ConversationState): Promise<void> {
    await this.db.run(
      'INSERT INTO conversations (id, state, updated_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at',
      [id, JSON.stringify(state), state.updatedAt],
    );
  }

  async delete(id: string): Promise<void> {
    await this.db.run('DELETE FROM conversations WHERE id = $1', [id]);
  }
}

/** Deliveries are kept two days: retries come within minutes, and nothing more is needed. */
const DELIVERY_RETENTION_MS = 48 * 3600_000;

export class PgDeliveryLog implements DeliveryLog {
  private lastPrune = 0;

  constructor(private readonly db: PostgresDatabase) {}

  async claim(channel: string, deliveryId: string, now: Date): Promise<DeliveryClaim> {
    if (now.getTime() - this.lastPrune > 3600_000) {
      this.lastPrune = now.getTime();
      await this.db.run('DELETE FROM deliveries WHERE created_at < $1', [new Date(now.getTime() - DELIVERY_RETENTION_MS).toISOString()]);
    }
    // New, or a stale claim with no reply taken over (its handler died): one statement, atomic.
    const inserted = await this.db.run(
      `INSERT INTO deliveries (channel, delivery_id, created_at) VALUES ($1, $2, $3)
       ON CONFLICT (channel, delivery_id) DO UPDATE SET created_at = EXCLUDED.created_at
       WHERE deliveries.reply IS NULL AND deliveries.created_at < $4`,
      [channel, deliveryId, now.toISOString(), new Date(now.getTime() - STALE_CLAIM_MS).toISOString()],
    );
    if (inserted.changes === 1) return { status: 'new' };
    const row = await this.db.get<{ reply: string | null }>('SELECT reply FROM deliveries WHERE channel = $1 AND delivery_id = $2', [channel, deliveryId]);
    return { status: 'seen', reply: row?.reply ?? null };
  }

  async complete(channel: string, deliveryId: string, reply: string): Promise<void> {
    await this.db.run('UPDATE deliveries SET reply = $1 WHERE channel = $2 AND delivery_id = $3', [reply, channel, deliveryId]);
  }

  async release(channel: string, deliveryId: string): Promise<void> {
    await this.db.run('DELETE FROM deliveries WHERE channel = $1 AND delivery_id = $2', [channel, deliveryId]);
  }

  async assign(channel: string, deliveryId: string, conversationId: string): Promise<void> {
    await this.db.run('UPDATE deliveries SET conversation_id = $1 WHERE channel = $2 AND delivery_id = $3', [conversationId, channel, deliveryId]);
  }

  async forgetConversation(conversationId: string): Promise<number> {
    return (await this.db.run('DELETE FROM deliveries WHERE conversation_id = $1', [conversationId])).changes;
  }
}

/** Storage.purgeOlderThan: the statements of the SQLite version, in one transaction. */
export function purgeOlderThan(db: PostgresDatabase, cutoff: Date): Promise<Record<string, number>> {
  const before = cutoff.toISOString();
  return db.transaction(async (tx) => {
    const run = async (sql: string) => (await tx.run(sql, [before])).changes;
    return {
      conversations: await run('DELETE FROM conversations WHERE updated_at < $1'),
      // the messages go first, so their count is not hidden by the cascade from handoffs
      handoffMessages: await run("DELETE FROM handoff_messages WHERE handoff_id IN (SELECT id FROM handoffs WHERE status = 'closed' AND closed_at < $1)"),
      handoffs: await run("DELETE FROM handoffs WHERE status = 'closed' AND closed_at < $1"),
      appointments: await run('UPDATE appointments SET name = NULL, contact = NULL, conversation_id = NULL WHERE start < $1 AND (name IS NOT NULL OR contact IS NOT NULL OR conversation_id IS NOT NULL)'),
      jobs: await run("DELETE FROM jobs WHERE status IN ('done', 'skipped', 'failed') AND updated_at < $1"),
      deliveries: await run('DELETE FROM deliveries WHERE created_at < $1'),
    };
  });
}
