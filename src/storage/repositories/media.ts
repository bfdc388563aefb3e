/** Voice notes, photos and files of handoffs, with their bytes (see migration 9). */
import type { Sql } from '../sql.js';
import type { MediaStore, StoredMedia } from '../types.js';

interface MediaRow {
  id: string;
  conversation_id: string;
  handoff_id: string;
  direction: StoredMedia['direction'];
  kind: StoredMedia['kind'];
  content_type: string;
  name: string | null;
  size: number | string;
  content: Buffer;
  created_at: string;
}

export class MediaRepository implements MediaStore {
  constructor(private readonly sql: Sql) {}

  async add(m: StoredMedia, content: Buffer): Promise<void> {
    await this.sql.run(
      'INSERT INTO media (id, conversation_id, handoff_id, direction, kind, content_type, name, size, content, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [m.id, m.conversationId, m.handoffId, m.direction, m.kind, m.contentType, m.name ?? null, content.length, content, m.createdAt],
    );
  }

  async get(id: string): Promise<(StoredMedia & { content: Buffer }) | undefined> {
    const r = await this.sql.get<MediaRow>('SELECT * FROM media WHERE id = ?', [id]);
    if (!r) return undefined;
    return {
      id: r.id, conversationId: r.conversation_id, handoffId: r.handoff_id, direction: r.direction, kind: r.kind, contentType: r.content_type,
      ...(r.name === null ? {} : { name: r.name }), size: Number(r.size), createdAt: r.created_at, content: Buffer.from(r.content),
    };
  }

  async remove(id: string): Promise<boolean> {
    const removed = (await this.sql.run('DELETE FROM media WHERE id = ?', [id])).changes === 1;
    if (removed) await this.sql.scrub();
    return removed;
  }

  async forgetConversation(conversationId: string): Promise<number> {
    return (await this.sql.run('DELETE FROM media WHERE conversation_id = ?', [conversationId])).changes;
  }
}
