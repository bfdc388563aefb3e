/** Handoffs and their messages on PostgreSQL, with the semantics of sqlite-handoffs.ts. */
import type { PgQueries, PostgresDatabase } from './postgres.js';
import { handoffConditions, handoffFromRow as fromRow, messageFromRow, whereClause, type HandoffMessageRow, type HandoffRow } from './rows.js';
import type { Handoff, HandoffMessage, HandoffStore } from './types.js';

const COLUMNS = 'id, conversation_id, centre_id, lang, urgent, reason, status, created_at, closed_at';


const addMessage = (q: PgQueries, handoffId: string, m: HandoffMessage) =>
  q.run('INSERT INTO handoff_messages (handoff_id, sender, staff_id, text, at) VALUES ($1, $2, $3, $4, $5)', [handoffId, m.sender, m.staffId, m.text, m.at]);

export class PgHandoffStore implements HandoffStore {
  constructor(private readonly db: PostgresDatabase) {}

  /**
   * The handoff and its transcript are written in one transaction: a concurrent open for the same
   * conversation waits on the unique index of open handoffs, then finds this one with its messages.
   */
  async open(h: Omit<Handoff, 'status' | 'closedAt'>, transcript: readonly Omit<HandoffMessage, 'staffId'>[]): Promise<Handoff> {
    const openOne = `SELECT ${COLUMNS} FROM handoffs WHERE conversation_id = $1 AND status = 'open'`;
    const existing = await this.db.get<HandoffRow>(openOne, [h.conversationId]);
    if (existing) return fromRow(existing);
    const inserted = await this.db.transaction(async (tx) => {
      const row = await tx.get<HandoffRow>(
        `INSERT INTO handoffs (id, conversation_id, centre_id, lang, urgent, reason, status, created_at) VALUES ($1, $2, $3, $4, $5, $6, 'open', $7)
         ON CONFLICT DO NOTHING RETURNING ${COLUMNS}`,
        [h.id, h.conversationId, h.centreId, h.lang, h.urgent, h.reason, h.createdAt],
      );
      if (row) for (const m of transcript) await addMessage(tx, h.id, { ...m, staffId: null });
      return row;
    });
    return fromRow(inserted ?? (await this.db.get<HandoffRow>(openOne, [h.conversationId]))!);
  }

  async get(id: string): Promise<Handoff | undefined> {
    const row = await this.db.get<HandoffRow>(`SELECT ${COLUMNS} FROM handoffs WHERE id = $1`, [id]);
    return row && fromRow(row);
  }

  async list(filter: { centreId?: string; status?: 'open' | 'closed' }): Promise<Handoff[]> {
    const { where, params } = whereClause(handoffConditions(filter), true);
    const rows = await this.db.all<HandoffRow>(`SELECT ${COLUMNS} FROM handoffs${where} ORDER BY urgent DESC, created_at, seq`, params);
    return rows.map(fromRow);
  }

  async addMessage(handoffId: string, m: HandoffMessage): Promise<void> {
    await addMessage(this.db, handoffId, m);
  }

  async messages(handoffId: string): Promise<HandoffMessage[]> {
    const rows = await this.db.all<HandoffMessageRow>(
      'SELECT sender, staff_id, text, at FROM handoff_messages WHERE handoff_id = $1 ORDER BY id',
      [handoffId],
    );
    return rows.map(messageFromRow);
  }

  async close(id: string, now: Date): Promise<boolean> {
    return (await this.db.run("UPDATE handoffs SET status = 'closed', closed_at = $1 WHERE id = $2 AND status = 'open'", [now.toISOString(), id])).changes === 1;
  }

  async forgetConversation(conversationId: string): Promise<number> {
    return this.db.transaction(async (tx) => {
      await tx.run('DELETE FROM handoff_messages WHERE handoff_id IN (SELECT id FROM handoffs WHERE conversation_id = $1)', [conversationId]);
      return (await tx.run('DELETE FROM handoffs WHERE conversation_id = $1', [conversationId])).changes;
    });
  }
}
