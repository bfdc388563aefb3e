/** The delivery log: a webhook delivered twice is handled once. */
import type { Sql } from '../sql.js';
import { STALE_CLAIM_MS, type DeliveryClaim, type DeliveryLog } from '../types.js';

/** Deliveries are kept two days: retries come within minutes, and nothing more is needed. */
const DELIVERY_RETENTION_MS = 48 * 3600_000;

export class DeliveryRepository implements DeliveryLog {
  /** `pruned` is shared by every repository over the same database, so the log is pruned once an hour. */
  constructor(
    private readonly sql: Sql,
    private readonly pruned: { at: number } = { at: 0 },
  ) {}

  async claim(channel: string, deliveryId: string, now: Date): Promise<DeliveryClaim> {
    if (now.getTime() - this.pruned.at > 3600_000) {
      this.pruned.at = now.getTime();
      await this.sql.run('DELETE FROM deliveries WHERE created_at < ?', [new Date(now.getTime() - DELIVERY_RETENTION_MS).toISOString()]);
    }
    // New, or a stale claim with no reply taken over (its handler died): one statement, atomic.
    const claimed = await this.sql.run(
      `INSERT INTO deliveries (channel, delivery_id, created_at) VALUES (?, ?, ?)
       ON CONFLICT (channel, delivery_id) DO UPDATE SET created_at = excluded.created_at
       WHERE deliveries.reply IS NULL AND deliveries.created_at < ?`,
      [channel, deliveryId, now.toISOString(), new Date(now.getTime() - STALE_CLAIM_MS).toISOString()],
    );
    if (claimed.changes === 1) return { status: 'new' };
    const row = await this.sql.get<{ reply: string | null }>('SELECT reply FROM deliveries WHERE channel = ? AND delivery_id = ?', [channel, deliveryId]);
    return { status: 'seen', reply: row?.reply ?? null };
  }

  async complete(channel: string, deliveryId: string, reply: string): Promise<void> {
    await this.sql.run('UPDATE deliveries SET reply = ? WHERE channel = ? AND delivery_id = ?', [reply, channel, deliveryId]);
  }

  async release(channel: string, deliveryId: string): Promise<void> {
    await this.sql.run('DELETE FROM deliveries WHERE channel = ? AND delivery_id = ?', [channel, deliveryId]);
  }

  async assign(channel: string, deliveryId: string, conversationId: string): Promise<void> {
    await this.sql.run('UPDATE deliveries SET conversation_id = ? WHERE channel = ? AND delivery_id = ?', [conversationId, channel, deliveryId]);
  }

  async forgetConversation(conversationId: string): Promise<number> {
    return (await this.sql.run('DELETE FROM deliveries WHERE conversation_id = ?', [conversationId])).changes;
  }
}
