/** Handoffs and their messages on SQLite. */
import { handoffConditions, handoffFromRow as fromRow, messageFromRow, whereClause, type HandoffMessageRow, type HandoffRow } from './rows.js';
import type { SqliteDatabase } from './sqlite.js';
import type { Handoff, HandoffMessage, HandoffStore } from './types.js';

export class SqliteHandoffStore implements HandoffStore {
  constructor(private readonly db: SqliteDatabase) {}

  async open(h: Omit<Handoff, 'status' | 'closedAt'>, transcript: readonly Omit<HandoffMessage, 'staffId'>[]): Promise<Handoff> {
    const existing = await this.db.get<HandoffRow>("SELECT * FROM handoffs WHERE conversation_id = ? AND status = 'open'", [h.conversationId]);
    if (existing) return fromRow(existing);
    await this.db.run(
      "INSERT OR IGNORE INTO handoffs (id, conversation_id, centre_id, lang, urgent, reason, status, created_at) VALUES (?, ?, ?, ?, ?, ?, 'open', ?)",
      [h.id, h.conversationId, h.centreId, h.lang, h.urgent ? 1 : 0, h.reason, h.createdAt],
    );
    const row = (await this.db.get<HandoffRow>("SELECT * FROM handoffs WHERE conversation_id = ? AND status = 'open'", [h.conversationId]))!;
    if (row.id === h.id) for (const m of transcript) await this.addMessage(h.id, { ...m, staffId: null });
    return fromRow(row);
  }

  async get(id: string): Promise<Handoff | undefined> {
    const row = await this.db.get<HandoffRow>('SELECT * FROM handoffs WHERE id = ?', [id]);
    return row && fromRow(row);
  }

  async list(filter: { centreId?: string; status?: 'open' | 'closed' }): Promise<Handoff[]> {
    const { where, params } = whereClause(handoffConditions(filter));
    const rows = await this.db.all<HandoffRow>(`SELECT * FROM handoffs${where} ORDER BY urgent DESC, created_at`, params);
    return rows.map(fromRow);
  }

  async addMessage(handoffId: string, m: HandoffMessage): Promise<void> {
    await this.db.run('INSERT INTO handoff_messages (handoff_id, sender, staff_id, text, at) VALUES (?, ?, ?, ?, ?)', [handoffId, m.sender, m.staffId, m.text, m.at]);
  }

  async messages(handoffId: string): Promise<HandoffMessage[]> {
    const rows = await this.db.all<HandoffMessageRow>(
      'SELECT sender, staff_id, text, at FROM handoff_messages WHERE handoff_id = ? ORDER BY id',
      [handoffId],
    );
    return rows.map(messageFromRow);
  }

  async close(id: string, now: Date): Promise<boolean> {
    return (await this.db.run("UPDATE handoffs SET status = 'closed', closed_at = ? WHERE id = ? AND status = 'open'", [now.toISOString(), id])).changes === 1;
  }

  async forgetConversation(conversationId: string): Promise<number> {
    await this.db.run('DELETE FROM handoff_messages WHERE handoff_id IN (SELECT id FROM handoffs WHERE conversation_id = ?)', [conversationId]);
    return (await this.db.run('DELETE FROM handoffs WHERE conversation_id = ?', [conversationId])).changes;
  }
}
