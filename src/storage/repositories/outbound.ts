/**
 * Messages from our side and the delivery statuses the channel reports for them (Twilio's status
 * callbacks). A message may go out as several channel messages (a long text split): each keeps
 * its own status, which only moves forward, and the message takes the status of its current
 * attempt's parts.
 */
import type { Sql } from '../sql.js';
import type { DeliveryStatus, OutboundMessage, OutboundStore, StatusReported } from '../types.js';

const COLUMNS = 'id, conversation_id, channel, handoff_message_id, purpose, outbox, status, error_code, attempts, created_at';

interface OutboundRow {
  id: string;
  conversation_id: string;
  channel: string;
  handoff_message_id: number | string | null;
  purpose: string | null;
  outbox: string;
  status: DeliveryStatus;
  error_code: string | null;
  attempts: number;
  created_at: string;
}

const fromRow = (r: OutboundRow): OutboundMessage => ({
  id: r.id, conversationId: r.conversation_id, channel: r.channel, handoffMessageId: r.handoff_message_id === null ? null : Number(r.handoff_message_id),
  purpose: r.purpose, outbox: r.outbox, status: r.status, errorCode: r.error_code, attempts: Number(r.attempts), createdAt: r.created_at,
});

/** How far a status is along the way; failures end it but a later "delivered" (the truth) still wins. */
const RANK: Record<DeliveryStatus, number> = { waiting: 0, queued: 1, sent: 2, failed: 3, undelivered: 3, delivered: 4, read: 5 };

/** The status of a message from its parts': a failure of any part, else the least advanced. */
function combined(parts: readonly { status: DeliveryStatus; error_code: string | null }[]): { status: DeliveryStatus; errorCode: string | null } {
  const failed = parts.find((p) => p.status === 'failed' || p.status === 'undelivered');
  if (failed) return { status: failed.status, errorCode: failed.error_code };
  const least = [...parts].sort((a, b) => RANK[a.status] - RANK[b.status])[0]!;
  return { status: least.status, errorCode: null };
}

export class OutboundRepository implements OutboundStore {
  constructor(private readonly sql: Sql) {}

  async add(m: Omit<OutboundMessage, 'errorCode' | 'attempts' | 'createdAt'>, messageIds: readonly string[], now: Date): Promise<void> {
    await this.sql.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO outbound_messages (id, conversation_id, channel, handoff_message_id, purpose, outbox, status, attempts, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
        [m.id, m.conversationId, m.channel, m.handoffMessageId, m.purpose, m.outbox, m.status, now.toISOString(), now.toISOString()],
      );
      await this.receipts(tx, m.channel, m.id, 1, messageIds, now);
    });
  }

  private async receipts(tx: Sql, channel: string, outboundId: string, attempt: number, messageIds: readonly string[], now: Date): Promise<void> {
    for (const messageId of messageIds) {
      await tx.run(
        `INSERT INTO outbound_receipts (channel, message_id, outbound_id, attempt, status, updated_at) VALUES (?, ?, ?, ?, 'queued', ?) ON CONFLICT DO NOTHING`,
        [channel, messageId, outboundId, attempt, now.toISOString()],
      );
    }
  }

  async get(id: string): Promise<OutboundMessage | undefined> {
    const row = await this.sql.get<OutboundRow>(`SELECT ${COLUMNS} FROM outbound_messages WHERE id = ?`, [id]);
    return row && fromRow(row);
  }

  async handedOver(id: string, messageIds: readonly string[], status: DeliveryStatus, now: Date): Promise<void> {
    await this.sql.transaction(async (tx) => {
      const row = await tx.get<{ channel: string; attempts: number }>('SELECT channel, attempts FROM outbound_messages WHERE id = ?', [id]);
      if (!row) return;
      await tx.run('UPDATE outbound_messages SET status = ?, error_code = NULL, updated_at = ? WHERE id = ?', [status, now.toISOString(), id]);
      await this.receipts(tx, row.channel, id, Number(row.attempts), messageIds, now);
    });
  }

  async queueAgain(id: string, now: Date): Promise<void> {
    await this.sql.run("UPDATE outbound_messages SET attempts = attempts + 1, status = 'queued', updated_at = ? WHERE id = ?", [now.toISOString(), id]);
  }

  async setStatus(id: string, status: DeliveryStatus, errorCode: string | null, now: Date): Promise<void> {
    await this.sql.run('UPDATE outbound_messages SET status = ?, error_code = ?, updated_at = ? WHERE id = ?', [status, errorCode, now.toISOString(), id]);
  }

  async report(channel: string, messageId: string, status: Exclude<DeliveryStatus, 'waiting'>, errorCode: string | null, now: Date): Promise<StatusReported | undefined> {
    return this.sql.transaction(async (tx) => {
      const receipt = await tx.get<{ outbound_id: string; status: DeliveryStatus }>('SELECT outbound_id, status FROM outbound_receipts WHERE channel = ? AND message_id = ?', [channel, messageId]);
      if (!receipt) return undefined;
      const load = async () => fromRow((await tx.get<OutboundRow>(`SELECT ${COLUMNS} FROM outbound_messages WHERE id = ?`, [receipt.outbound_id]))!);
      if (RANK[status] <= RANK[receipt.status]) return { outbound: await load(), moved: false };
      await tx.run('UPDATE outbound_receipts SET status = ?, error_code = ?, updated_at = ? WHERE channel = ? AND message_id = ?', [status, errorCode, now.toISOString(), channel, messageId]);
      const message = await load();
      const parts = await tx.all<{ status: DeliveryStatus; error_code: string | null }>('SELECT status, error_code FROM outbound_receipts WHERE outbound_id = ? AND attempt = ?', [
        message.id, message.attempts,
      ]);
      // A late report about an earlier attempt is kept on its part, and changes nothing of the message.
      if (!parts.length || message.status === 'waiting') return { outbound: message, moved: true };
      const now_ = combined(parts);
      await tx.run('UPDATE outbound_messages SET status = ?, error_code = ?, updated_at = ? WHERE id = ?', [now_.status, now_.errorCode, now.toISOString(), message.id]);
      return { outbound: { ...message, status: now_.status, errorCode: now_.errorCode }, moved: true };
    });
  }

  async hasWaiting(conversationId: string): Promise<boolean> {
    return (await this.sql.get("SELECT 1 AS one FROM outbound_messages WHERE conversation_id = ? AND status = 'waiting'", [conversationId])) !== undefined;
  }

  async releaseWaiting(conversationId: string, now: Date): Promise<string[]> {
    const ordered = await this.sql.all<{ id: string; created_at: string; seq: number | string }>(
      `UPDATE outbound_messages SET status = 'queued', updated_at = ? WHERE conversation_id = ? AND status = 'waiting' RETURNING id, created_at, ${this.sql.dialect.seq} AS seq`,
      [now.toISOString(), conversationId],
    );
    // RETURNING keeps no order: oldest first, as the advisor wrote them
    ordered.sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : Number(a.seq) - Number(b.seq)));
    return ordered.map((r) => r.id);
  }

  async toSend(ids: readonly string[]): Promise<OutboundMessage[]> {
    if (!ids.length) return [];
    const rows = await this.sql.all<OutboundRow>(
      `SELECT ${COLUMNS} FROM outbound_messages o WHERE id IN (${ids.map(() => '?').join(', ')}) AND status = 'queued'
       AND NOT EXISTS (SELECT 1 FROM outbound_receipts r WHERE r.outbound_id = o.id AND r.attempt = o.attempts)`,
      [...ids],
    );
    const byId = new Map(rows.map((r) => [r.id, fromRow(r)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async unsent(conversationId: string): Promise<string[]> {
    const rows = await this.sql.all<{ id: string }>(
      `SELECT id FROM outbound_messages o WHERE conversation_id = ? AND status = 'queued'
       AND NOT EXISTS (SELECT 1 FROM outbound_receipts r WHERE r.outbound_id = o.id AND r.attempt = o.attempts)
       ORDER BY created_at, ${this.sql.dialect.seq}`,
      [conversationId],
    );
    return rows.map((r) => r.id);
  }

  async statusOfHandoffMessages(handoffMessageIds: readonly number[]): Promise<Map<number, DeliveryStatus>> {
    const found = new Map<number, DeliveryStatus>();
    if (!handoffMessageIds.length) return found;
    const rows = await this.sql.all<{ handoff_message_id: number | string; status: DeliveryStatus }>(
      `SELECT handoff_message_id, status FROM outbound_messages WHERE handoff_message_id IN (${handoffMessageIds.map(() => '?').join(', ')})`,
      [...handoffMessageIds],
    );
    for (const r of rows) found.set(Number(r.handoff_message_id), r.status);
    return found;
  }

  async forgetConversation(conversationId: string): Promise<number> {
    return this.sql.transaction(async (tx) => {
      await tx.run('DELETE FROM outbound_receipts WHERE outbound_id IN (SELECT id FROM outbound_messages WHERE conversation_id = ?)', [conversationId]);
      return (await tx.run('DELETE FROM outbound_messages WHERE conversation_id = ?', [conversationId])).changes;
    });
  }
}
