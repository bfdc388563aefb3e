import { migrateState, type ConversationState } from '../core/state.js';
import { MIGRATIONS } from './migrations.js';
import { forgetInEveryTable } from './forget.js';
import { allRows } from './rows.js';
import { SqliteAppointmentStore, SqliteStaffStore } from './sqlite-booking.js';
import { SqliteHandoffStore } from './sqlite-handoffs.js';
import { SqliteJobQueue } from './sqlite-jobs.js';
import { migrate, SqliteDatabase } from './sqlite.js';
import { STALE_CLAIM_MS, type ConversationStore, type DeliveryClaim, type DeliveryLog, type Storage } from './types.js';

class SqliteConversationStore implements ConversationStore {
  constructor(private readonly db: SqliteDatabase) {}

  async load(id: string): Promise<ConversationState | null> {
    const row = await this.db.get<{ state: string }>('SELECT state FROM conversations WHERE id = ?', [id]);
    return row ? migrateState(JSON.parse(row.state)) : null;
  }

  async save(id: string, state: ConversationState): Promise<void> {
    await this.db.run(
      'INSERT INTO conversations (id, state, updated_at) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at',
      [id, JSON.stringify(state), state.updatedAt],
    );
  }

  async delete(id: string): Promise<void> {
    await this.db.run('DELETE FROM conversations WHERE id = ?', [id]);
  }
}

/** Deliveries are kept two days: retries come within minutes, and nothing more is needed. */
const DELIVERY_RETENTION_MS = 48 * 3600_000;

class SqliteDeliveryLog implements DeliveryLog {
  private lastPrune = 0;

  constructor(private readonly db: SqliteDatabase) {}

  async claim(channel: string, deliveryId: string, now: Date): Promise<DeliveryClaim> {
    if (now.getTime() - this.lastPrune > 3600_000) {
      this.lastPrune = now.getTime();
      await this.db.run('DELETE FROM deliveries WHERE created_at < ?', [new Date(now.getTime() - DELIVERY_RETENTION_MS).toISOString()]);
    }
    const inserted = await this.db.run('INSERT OR IGNORE INTO deliveries (channel, delivery_id, created_at) VALUES (?, ?, ?)', [channel, deliveryId, now.toISOString()]);
    if (inserted.changes === 1) return { status: 'new' };
    const stale = new Date(now.getTime() - STALE_CLAIM_MS).toISOString();
    const takenOver = await this.db.run('UPDATE deliveries SET created_at = ? WHERE channel = ? AND delivery_id = ? AND reply IS NULL AND created_at < ?', [now.toISOString(), channel, deliveryId, stale]);
    if (takenOver.changes === 1) return { status: 'new' };
    const row = await this.db.get<{ reply: string | null }>('SELECT reply FROM deliveries WHERE channel = ? AND delivery_id = ?', [channel, deliveryId]);
    return { status: 'seen', reply: row?.reply ?? null };
  }

  async complete(channel: string, deliveryId: string, reply: string): Promise<void> {
    await this.db.run('UPDATE deliveries SET reply = ? WHERE channel = ? AND delivery_id = ?', [reply, channel, deliveryId]);
  }

  async release(channel: string, deliveryId: string): Promise<void> {
    await this.db.run('DELETE FROM deliveries WHERE channel = ? AND delivery_id = ?', [channel, deliveryId]);
  }

  async assign(channel: string, deliveryId: string, conversationId: string): Promise<void> {
    await this.db.run('UPDATE deliveries SET conversation_id = ? WHERE channel = ? AND delivery_id = ?', [conversationId, channel, deliveryId]);
  }

  async forgetConversation(conversationId: string): Promise<number> {
    return (await this.db.run('DELETE FROM deliveries WHERE conversation_id = ?', [conversationId])).changes;
  }
}

/** The embedded default: one SQLite file (or ':memory:'), migrated on open. */
export async function openSqliteStorage(file: string): Promise<Storage & { db: SqliteDatabase }> {
  const db = await SqliteDatabase.open(file);
  await migrate(db, MIGRATIONS);
  const stores = {
    conversations: new SqliteConversationStore(db),
    deliveries: new SqliteDeliveryLog(db),
    appointments: new SqliteAppointmentStore(db),
    staff: new SqliteStaffStore(db),
    handoffs: new SqliteHandoffStore(db),
    jobs: new SqliteJobQueue(db),
  };
  return {
    db,
    ...stores,
    forgetConversation: async (id) => {
      await forgetInEveryTable(stores, id);
      // secure_delete zeroed the freed space in the pages; the write-ahead log still holds the
      // pages as they were until it is copied back and emptied.
      await db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    },
    purgeOlderThan: async (cutoff) => {
      const before = cutoff.toISOString();
      const run = async (sql: string) => (await db.run(sql, [before])).changes;
      const counts = {
        conversations: await run('DELETE FROM conversations WHERE updated_at < ?'),
        handoffMessages: await run("DELETE FROM handoff_messages WHERE handoff_id IN (SELECT id FROM handoffs WHERE status = 'closed' AND closed_at < ?)"),
        handoffs: await run("DELETE FROM handoffs WHERE status = 'closed' AND closed_at < ?"),
        appointments: await run('UPDATE appointments SET name = NULL, contact = NULL, conversation_id = NULL WHERE start < ? AND (name IS NOT NULL OR contact IS NOT NULL OR conversation_id IS NOT NULL)'),
        jobs: await run("DELETE FROM jobs WHERE status IN ('done', 'skipped', 'failed') AND updated_at < ?"),
        deliveries: await run('DELETE FROM deliveries WHERE created_at < ?'),
      };
      await db.exec('PRAGMA wal_checkpoint(TRUNCATE)'); // what was deleted must not stay readable in the write-ahead log
      return counts;
    },
    inspect: async () => {
      const tables = await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
      return allRows(tables.map((t) => t.name), (sql) => db.all(sql));
    },
    ping: async () => void (await db.get('SELECT 1')),
    close: () => db.close(),
  };
}
