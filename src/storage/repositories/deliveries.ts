/**
 * The delivery log: a webhook delivered twice is handled once. A delivery is recorded with its
 * reply in the same transaction as the turn's state, so there is never a claim without an answer.
 */
import type { Sql } from '../sql.js';
import { STALE_CLAIM_MS, type DeliveryLog, type DeliveryRecord } from '../types.js';

/** Deliveries are kept two days: retries come within minutes, and nothing more is needed. */
const DELIVERY_RETENTION_MS = 48 * 3600_000;

export class DeliveryRepository implements DeliveryLog {
  /** `pruned` is shared by every repository over the same database, so the log is pruned once an hour. */
  constructor(
    private readonly sql: Sql,
    private readonly pruned: { at: number } = { at: 0 },
  ) {}

  async find(channel: string, deliveryIds: readonly string[], now: Date): Promise<Map<string, string | null>> {
    const found = new Map<string, string | null>();
    if (!deliveryIds.length) return found;
    const rows = await this.sql.all<{ delivery_id: string; reply: string | null; created_at: string }>(
      `SELECT delivery_id, reply, created_at FROM deliveries WHERE channel = ? AND delivery_id IN (${deliveryIds.map(() => '?').join(', ')})`,
      [channel, ...deliveryIds],
    );
    const stale = new Date(now.getTime() - STALE_CLAIM_MS).toISOString();
    for (const row of rows) if (row.reply !== null || row.created_at >= stale) found.set(row.delivery_id, row.reply);
    return found;
  }

  async record(channel: string, deliveryId: string, reply: string, conversationId: string | null, now: Date): Promise<boolean> {
    return (await this.recordAll(channel, [{ id: deliveryId, reply, conversationId }], now)).has(deliveryId);
  }

  async recordAll(channel: string, deliveries: readonly DeliveryRecord[], now: Date): Promise<Set<string>> {
    if (!deliveries.length) return new Set();
    await this.prune(now);
    // New, or a stale claim with no reply taken over (left by a handler that died): one statement, atomic.
    const stale = new Date(now.getTime() - STALE_CLAIM_MS).toISOString();
    const recorded = await this.sql.all<{ delivery_id: string }>(
      `INSERT INTO deliveries (channel, delivery_id, created_at, reply, conversation_id) VALUES ${deliveries.map(() => '(?, ?, ?, ?, ?)').join(', ')}
       ON CONFLICT (channel, delivery_id) DO UPDATE SET created_at = excluded.created_at, reply = excluded.reply, conversation_id = excluded.conversation_id
       WHERE deliveries.reply IS NULL AND deliveries.created_at < ?
       RETURNING delivery_id`,
      [...deliveries.flatMap((d) => [channel, d.id, now.toISOString(), d.reply, d.conversationId]), stale],
    );
    return new Set(recorded.map((r) => r.delivery_id));
  }

  async recordNew(channel: string, deliveries: readonly DeliveryRecord[], now: Date): Promise<void> {
    if (!deliveries.length) return;
    await this.prune(now);
    await this.sql.defer(
      `INSERT INTO deliveries (channel, delivery_id, created_at, reply, conversation_id) VALUES ${deliveries.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
      deliveries.flatMap((d) => [channel, d.id, now.toISOString(), d.reply, d.conversationId]),
    );
  }

  /** Once an hour, whichever repository records. */
  private async prune(now: Date): Promise<void> {
    if (now.getTime() - this.pruned.at <= 3600_000) return;
    this.pruned.at = now.getTime();
    await this.sql.run('DELETE FROM deliveries WHERE created_at < ?', [new Date(now.getTime() - DELIVERY_RETENTION_MS).toISOString()]);
  }

  async forgetConversation(conversationId: string): Promise<number> {
    return (await this.sql.run('DELETE FROM deliveries WHERE conversation_id = ?', [conversationId])).changes;
  }
}
