/** Conversations handed to a human, and what was said in them. */
import { whereClause, type Sql } from '../sql.js';
import type { Handoff, HandoffMessage, HandoffStore, MediaInfo } from '../types.js';

const COLUMNS = 'id, conversation_id, centre_id, lang, urgent, reason, status, created_at, closed_at, claimed_by';

interface HandoffRow {
  id: string;
  conversation_id: string;
  centre_id: string | null;
  lang: string;
  /** 0/1 on SQLite, a boolean on PostgreSQL. */
  urgent: number | boolean;
  reason: string;
  status: 'open' | 'closed';
  created_at: string;
  closed_at: string | null;
  claimed_by: string | null;
}

const fromRow = (r: HandoffRow): Handoff => ({
  id: r.id, conversationId: r.conversation_id, centreId: r.centre_id, lang: r.lang, urgent: r.urgent === true || r.urgent === 1, reason: r.reason,
  status: r.status, createdAt: r.created_at, closedAt: r.closed_at, claimedBy: r.claimed_by,
});

interface MessageRow {
  id: number | string;
  sender: HandoffMessage['sender'];
  staff_id: string | null;
  text: string;
  at: string;
  media_id: string | null;
  kind: MediaInfo['kind'] | null;
  content_type: string | null;
  size: number | string | null;
  name: string | null;
  internal: number | boolean;
}

const addMessage = async (sql: Sql, handoffId: string, m: HandoffMessage): Promise<number> => {
  const row = await sql.get<{ id: number | string }>('INSERT INTO handoff_messages (handoff_id, sender, staff_id, text, at, media_id, internal) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id', [
    handoffId, m.sender, m.staffId, m.text, m.at, m.mediaId ?? null, m.internal === true,
  ]);
  return Number(row!.id); // PostgreSQL gives a bigint as text
};

/** A message's file as staff see it (never its bytes). */
const mediaOf = (r: MessageRow): MediaInfo | undefined =>
  r.media_id && r.kind && r.content_type
    ? { id: r.media_id, kind: r.kind, contentType: r.content_type, size: Number(r.size), ...(r.name === null ? {} : { name: r.name }) }
    : undefined;

export class HandoffRepository implements HandoffStore {
  constructor(private readonly sql: Sql) {}

  /**
   * The handoff and its transcript are written in one transaction: a concurrent open for the same
   * conversation waits on the unique index of open handoffs, then finds this one with its messages.
   */
  async open(h: Omit<Handoff, 'status' | 'closedAt'>, transcript: readonly Omit<HandoffMessage, 'staffId'>[]): Promise<Handoff> {
    const openOne = `SELECT ${COLUMNS} FROM handoffs WHERE conversation_id = ? AND status = 'open'`;
    const existing = await this.sql.get<HandoffRow>(openOne, [h.conversationId]);
    if (existing) return fromRow(existing);
    const inserted = await this.sql.transaction(async (tx) => {
      const row = await tx.get<HandoffRow>(
        `INSERT INTO handoffs (id, conversation_id, centre_id, lang, urgent, reason, status, created_at) VALUES (?, ?, ?, ?, ?, ?, 'open', ?)
         ON CONFLICT DO NOTHING RETURNING ${COLUMNS}`,
        [h.id, h.conversationId, h.centreId, h.lang, h.urgent, h.reason, h.createdAt],
      );
      if (row) for (const m of transcript) await addMessage(tx, h.id, { ...m, staffId: null });
      return row;
    });
    return fromRow(inserted ?? (await this.sql.get<HandoffRow>(openOne, [h.conversationId]))!);
  }

  async get(id: string): Promise<Handoff | undefined> {
    const row = await this.sql.get<HandoffRow>(`SELECT ${COLUMNS} FROM handoffs WHERE id = ?`, [id]);
    return row && fromRow(row);
  }

  async list(f: { centreId?: string; status?: 'open' | 'closed' }): Promise<Handoff[]> {
    const { where, params } = whereClause([
      ['centre_id = ?', f.centreId],
      ['status = ?', f.status],
    ]);
    const rows = await this.sql.all<HandoffRow>(`SELECT ${COLUMNS} FROM handoffs${where} ORDER BY urgent DESC, created_at, ${this.sql.dialect.seq}`, params);
    return rows.map(fromRow);
  }

  addMessage(handoffId: string, m: HandoffMessage): Promise<number> {
    return addMessage(this.sql, handoffId, m);
  }

  async messages(handoffId: string): Promise<HandoffMessage[]> {
    const rows = await this.sql.all<MessageRow>(
      `SELECT m.id, m.sender, m.staff_id, m.text, m.at, m.internal, f.id AS media_id, f.kind, f.content_type, f.size, f.name
       FROM handoff_messages m LEFT JOIN media f ON f.id = m.media_id WHERE m.handoff_id = ? ORDER BY m.id`,
      [handoffId],
    );
    return rows.map((r) => {
      const media = mediaOf(r);
      return {
        id: Number(r.id), sender: r.sender, staffId: r.staff_id, text: r.text, at: r.at,
        ...(media ? { media } : {}),
        ...(r.internal === true || r.internal === 1 ? { internal: true } : {}),
      };
    });
  }

  async close(id: string, now: Date): Promise<boolean> {
    return (await this.sql.run("UPDATE handoffs SET status = 'closed', closed_at = ? WHERE id = ? AND status = 'open'", [now.toISOString(), id])).changes === 1;
  }

  async markUrgent(id: string): Promise<void> {
    await this.sql.run('UPDATE handoffs SET urgent = ? WHERE id = ?', [true, id]);
  }

  async claim(id: string, staffId: string, steal = false): Promise<{ claimedBy: string | null; taken: boolean } | undefined> {
    // One statement decides: two advisors claiming at once cannot both get it.
    const taken = await this.sql.run(
      `UPDATE handoffs SET claimed_by = ? WHERE id = ? AND status = 'open'${steal ? '' : ' AND (claimed_by IS NULL OR claimed_by = ?)'}`,
      steal ? [staffId, id] : [staffId, id, staffId],
    );
    const row = await this.sql.get<{ claimed_by: string | null; status: string }>('SELECT claimed_by, status FROM handoffs WHERE id = ?', [id]);
    if (!row || row.status !== 'open') return undefined;
    return { claimedBy: row.claimed_by, taken: taken.changes === 1 };
  }

  async transfer(id: string, to: { centreId: string | null; claimedBy: string | null }): Promise<boolean> {
    return (await this.sql.run("UPDATE handoffs SET centre_id = ?, claimed_by = ? WHERE id = ? AND status = 'open'", [to.centreId, to.claimedBy, id])).changes === 1;
  }

  async forgetConversation(conversationId: string): Promise<number> {
    return this.sql.transaction(async (tx) => {
      await tx.run('DELETE FROM handoff_messages WHERE handoff_id IN (SELECT id FROM handoffs WHERE conversation_id = ?)', [conversationId]);
      return (await tx.run('DELETE FROM handoffs WHERE conversation_id = ?', [conversationId])).changes;
    });
  }
}
