/** The curator's queue (masked questions, linked to their conversation by a keyed hash) and the questions curators taught. */
import { createHmac, randomUUID } from 'node:crypto';
import { whereClause, type Sql } from '../sql.js';
import type { CurationItem, CurationStatus, CurationStore, TaughtQuestion } from '../types.js';

const COLUMNS = 'id, lang, country, reason, text, topics, status, topic, created_at, decided_at';

interface ItemRow {
  id: string;
  lang: string;
  country: string | null;
  reason: CurationItem['reason'];
  text: string;
  topics: string;
  status: CurationStatus;
  topic: string | null;
  created_at: string;
  decided_at: string | null;
}

const fromRow = (r: ItemRow): CurationItem => ({
  id: r.id, lang: r.lang, country: r.country, reason: r.reason, text: r.text, topics: JSON.parse(r.topics) as CurationItem['topics'],
  status: r.status, topic: r.topic, at: r.created_at, decidedAt: r.decided_at,
});

/** The keyed link of a conversation: the same id gives the same link, and the link gives away no phone number. */
export function conversationLink(conversationId: string, key: Buffer): string {
  return createHmac('sha256', key).update(`curation:${conversationId}`).digest('hex');
}

export class CurationRepository implements CurationStore {
  constructor(
    private readonly sql: Sql,
    private readonly linkKey: Buffer,
  ) {}

  async add(item: Omit<CurationItem, 'status' | 'topic' | 'decidedAt'> & { conversationId: string }): Promise<void> {
    await this.sql.run(
      "INSERT INTO curation_items (id, conversation_link, lang, country, reason, text, topics, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?)",
      [item.id || randomUUID(), conversationLink(item.conversationId, this.linkKey), item.lang, item.country, item.reason, item.text, JSON.stringify(item.topics), item.at],
    );
  }

  async get(id: string): Promise<CurationItem | undefined> {
    const row = await this.sql.get<ItemRow>(`SELECT ${COLUMNS} FROM curation_items WHERE id = ?`, [id]);
    return row && fromRow(row);
  }

  async list(f: { lang?: string; status?: CurationStatus; limit?: number }): Promise<CurationItem[]> {
    const { where, params } = whereClause<string | number>([
      ['lang = ?', f.lang],
      ['status = ?', f.status],
    ]);
    const rows = await this.sql.all<ItemRow>(`SELECT ${COLUMNS} FROM curation_items${where} ORDER BY created_at DESC, ${this.sql.dialect.seq} DESC LIMIT ?`, [...params, f.limit ?? 500]);
    return rows.map(fromRow);
  }

  async decide(id: string, d: { status: Exclude<CurationStatus, 'open'>; topic: string | null; staffId: string }, now: Date): Promise<boolean> {
    const changed = await this.sql.run("UPDATE curation_items SET status = ?, topic = ?, decided_by = ?, decided_at = ? WHERE id = ? AND status = 'open'", [d.status, d.topic, d.staffId, now.toISOString(), id]);
    return changed.changes === 1;
  }

  async teach(e: { text: string; lang: string; topic: string | null }, now: Date): Promise<void> {
    await this.sql.run('INSERT INTO curation_examples (text, lang, topic, created_at) VALUES (?, ?, ?, ?)', [e.text, e.lang, e.topic, now.toISOString()]);
  }

  async taught(f: { topic?: string; lang?: string } = {}): Promise<TaughtQuestion[]> {
    const { where, params } = whereClause([
      ['topic = ?', f.topic],
      ['lang = ?', f.lang],
    ]);
    const rows = await this.sql.all<{ id: number | string; text: string; lang: string; topic: string | null; created_at: string }>(
      `SELECT id, text, lang, topic, created_at FROM curation_examples${where} ORDER BY id`,
      params,
    );
    return rows.map((r) => ({ id: Number(r.id), text: r.text, lang: r.lang, topic: r.topic, at: r.created_at }));
  }

  async taughtVersion(): Promise<string> {
    const row = await this.sql.get<{ n: number | string; last: number | string | null }>('SELECT COUNT(*) AS n, MAX(id) AS last FROM curation_examples');
    return `${row?.n ?? 0}:${row?.last ?? 0}`;
  }

  async forgetConversation(conversationId: string): Promise<number> {
    return (await this.sql.run('DELETE FROM curation_items WHERE conversation_link = ?', [conversationLink(conversationId, this.linkKey)])).changes;
  }

  async purgeOlderThan(cutoff: Date): Promise<number> {
    return (await this.sql.run('DELETE FROM curation_items WHERE created_at < ?', [cutoff.toISOString()])).changes;
  }
}
