/** What the staff console keeps besides handoffs: canned replies and centre settings (nothing about a person). */
import type { Sql } from '../sql.js';
import type { CannedReply, CannedReplyStore, CentreSettings, CentreSettingsStore } from '../types.js';

interface CannedRow {
  id: string;
  centre_id: string;
  lang: string;
  title: string;
  text: string;
}

const fromRow = (r: CannedRow): CannedReply => ({ id: r.id, centreId: r.centre_id, lang: r.lang, title: r.title, text: r.text });

export class CannedReplyRepository implements CannedReplyStore {
  constructor(private readonly sql: Sql) {}

  async list(centreId: string | undefined): Promise<CannedReply[]> {
    const rows = centreId
      ? await this.sql.all<CannedRow>('SELECT id, centre_id, lang, title, text FROM canned_replies WHERE centre_id = ? ORDER BY lang, title', [centreId])
      : await this.sql.all<CannedRow>('SELECT id, centre_id, lang, title, text FROM canned_replies ORDER BY centre_id, lang, title');
    return rows.map(fromRow);
  }

  async get(id: string): Promise<CannedReply | undefined> {
    const row = await this.sql.get<CannedRow>('SELECT id, centre_id, lang, title, text FROM canned_replies WHERE id = ?', [id]);
    return row && fromRow(row);
  }

  async save(r: CannedReply, now: Date): Promise<void> {
    await this.sql.run(
      `INSERT INTO canned_replies (id, centre_id, lang, title, text, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET centre_id = excluded.centre_id, lang = excluded.lang, title = excluded.title, text = excluded.text, updated_at = excluded.updated_at`,
      [r.id, r.centreId, r.lang, r.title, r.text, now.toISOString()],
    );
  }

  async remove(id: string): Promise<boolean> {
    return (await this.sql.run('DELETE FROM canned_replies WHERE id = ?', [id])).changes === 1;
  }
}

export class CentreSettingsRepository implements CentreSettingsStore {
  constructor(private readonly sql: Sql) {}

  async all(): Promise<Map<string, CentreSettings>> {
    const rows = await this.sql.all<{ centre_id: string; settings: string }>('SELECT centre_id, settings FROM centre_settings');
    return new Map(rows.map((r) => [r.centre_id, JSON.parse(r.settings) as CentreSettings]));
  }

  async get(centreId: string): Promise<CentreSettings | undefined> {
    const row = await this.sql.get<{ settings: string }>('SELECT settings FROM centre_settings WHERE centre_id = ?', [centreId]);
    return row && (JSON.parse(row.settings) as CentreSettings);
  }

  async save(centreId: string, settings: CentreSettings, now: Date): Promise<void> {
    await this.sql.run(
      `INSERT INTO centre_settings (centre_id, settings, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (centre_id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at`,
      [centreId, JSON.stringify(settings), now.toISOString()],
    );
  }
}
