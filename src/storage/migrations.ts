/**
 * The schema, in order, for every database: the few column types that differ come from the dialect.
 * Never edit a released migration: add the next one. Versions are recorded in schema_migrations, so
 * a database opens without running again what it already has.
 */
import { WegweiserError } from '../core/errors.js';
import type { Dialect, Sql } from './sql.js';

export interface Migration {
  version: number;
  name: string;
  sql: (types: Dialect['types']) => string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'conversations',
    sql: (t) => `CREATE TABLE conversations (
      id TEXT PRIMARY KEY,
      state TEXT NOT NULL,
      updated_at ${t.sortedText} NOT NULL
    )`,
  },
  {
    version: 2,
    name: 'deliveries',
    sql: (t) => `CREATE TABLE deliveries (
      channel TEXT NOT NULL,
      delivery_id TEXT NOT NULL,
      reply TEXT,
      created_at ${t.sortedText} NOT NULL,
      PRIMARY KEY (channel, delivery_id)
    )`,
  },
  {
    version: 3,
    name: 'appointments and staff',
    sql: (t) => `CREATE TABLE appointments (
      id TEXT PRIMARY KEY,
      reference TEXT NOT NULL UNIQUE,
      centre_id TEXT NOT NULL,
      start ${t.sortedText} NOT NULL,
      seat INTEGER NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('booked', 'cancelled')),
      name TEXT,
      contact TEXT,
      conversation_id TEXT,
      lang TEXT,
      created_by TEXT NOT NULL,
      created_at ${t.sortedText} NOT NULL${t.seqColumn}
    );
    -- No double booking, ever: one booked appointment per seat of a slot.
    CREATE UNIQUE INDEX appointments_one_per_seat ON appointments (centre_id, start, seat) WHERE status = 'booked';
    CREATE INDEX appointments_by_conversation ON appointments (conversation_id);
    CREATE TABLE staff (
      id TEXT PRIMARY KEY,
      email ${t.sortedText} NOT NULL UNIQUE,
      password_hash TEXT NOT NULL,
      centre_id TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('advisor', 'admin')),
      created_at ${t.sortedText} NOT NULL
    );
    CREATE TABLE staff_tokens (
      token_hash TEXT PRIMARY KEY,
      staff_id TEXT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
      expires_at ${t.sortedText} NOT NULL
    );
    CREATE TABLE audit_log (
      id ${t.autoId},
      at ${t.sortedText} NOT NULL,
      staff_id TEXT,
      action TEXT NOT NULL,
      target TEXT
    )`,
  },
  {
    version: 4,
    name: 'handoffs',
    sql: (t) => `CREATE TABLE handoffs (
      id TEXT PRIMARY KEY,
      conversation_id TEXT NOT NULL,
      centre_id TEXT,
      lang TEXT NOT NULL,
      urgent ${t.flag},
      reason TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
      created_at ${t.sortedText} NOT NULL,
      closed_at ${t.sortedText}${t.seqColumn}
    );
    -- One open handoff per conversation at a time.
    CREATE UNIQUE INDEX handoffs_one_open ON handoffs (conversation_id) WHERE status = 'open';
    CREATE TABLE handoff_messages (
      id ${t.autoId},
      handoff_id TEXT NOT NULL REFERENCES handoffs(id) ON DELETE CASCADE,
      sender TEXT NOT NULL CHECK (sender IN ('person', 'bot', 'staff')),
      staff_id TEXT,
      text TEXT NOT NULL,
      at ${t.sortedText} NOT NULL
    )`,
  },
  {
    version: 5,
    name: 'scheduled jobs',
    sql: (t) => `CREATE TABLE jobs (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      run_at ${t.sortedText} NOT NULL,
      payload TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('pending', 'running', 'done', 'skipped', 'failed')),
      attempts INTEGER NOT NULL DEFAULT 0,
      note TEXT,
      updated_at ${t.sortedText} NOT NULL${t.seqColumn}
    );
    CREATE INDEX jobs_due ON jobs (status, run_at)`,
  },
  {
    version: 6,
    name: 'deliveries by conversation',
    // A delivery's stored reply can hold a name or a booking reference: delete my data finds it by this.
    sql: () => `ALTER TABLE deliveries ADD COLUMN conversation_id TEXT;
    CREATE INDEX deliveries_by_conversation ON deliveries (conversation_id)`,
  },
  {
    version: 7,
    name: 'handoff messages by handoff',
    // PostgreSQL databases got this index with version 4 already.
    sql: () => 'CREATE INDEX IF NOT EXISTS handoff_messages_by_handoff ON handoff_messages (handoff_id)',
  },
  {
    version: 8,
    name: 'outbound messages and their delivery statuses',
    // What we sent on our own (an advisor's reply, a reminder), held for WhatsApp's window or sent,
    // and the statuses the channel reports per message id. Deleted with the conversation.
    sql: (t) => `CREATE TABLE outbound_messages (
      id TEXT PRIMARY KEY,
      conversation_id TEXT NOT NULL,
      channel TEXT NOT NULL,
      handoff_message_id BIGINT,
      purpose TEXT,
      outbox TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('waiting', 'queued', 'sent', 'delivered', 'read', 'failed', 'undelivered')),
      error_code TEXT,
      attempts INTEGER NOT NULL DEFAULT 1,
      created_at ${t.sortedText} NOT NULL,
      updated_at ${t.sortedText} NOT NULL${t.seqColumn}
    );
    CREATE INDEX outbound_by_conversation ON outbound_messages (conversation_id, status);
    CREATE INDEX outbound_by_handoff_message ON outbound_messages (handoff_message_id);
    CREATE TABLE outbound_receipts (
      channel TEXT NOT NULL,
      message_id TEXT NOT NULL,
      outbound_id TEXT NOT NULL REFERENCES outbound_messages(id) ON DELETE CASCADE,
      attempt INTEGER NOT NULL,
      status TEXT NOT NULL,
      error_code TEXT,
      updated_at ${t.sortedText} NOT NULL,
      PRIMARY KEY (channel, message_id)
    );
    CREATE INDEX outbound_receipts_by_outbound ON outbound_receipts (outbound_id)`,
  },
  {
    version: 9,
    name: 'media',
    // Voice notes, photos and files of a handoff, both ways, with their bytes: stored with the turn
    // in one transaction, deleted with the conversation (delete my data) and with the handoff (retention).
    sql: (t) => `CREATE TABLE media (
      id TEXT PRIMARY KEY,
      conversation_id TEXT NOT NULL,
      handoff_id TEXT NOT NULL,
      direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
      kind TEXT NOT NULL CHECK (kind IN ('audio', 'image', 'video', 'document')),
      content_type TEXT NOT NULL,
      name TEXT,
      size INTEGER NOT NULL,
      content ${t.blob} NOT NULL,
      created_at ${t.sortedText} NOT NULL
    );
    CREATE INDEX media_by_conversation ON media (conversation_id);
    CREATE INDEX media_by_handoff ON media (handoff_id);
    ALTER TABLE handoff_messages ADD COLUMN media_id TEXT`,
  },
  {
    version: 10,
    name: 'staff console: claims, internal notes, canned replies, centre settings, account language',
    // An internal note is a handoff message the person never sees, so delete my data and retention
    // remove it with the handoff's other messages. Canned replies and centre settings hold nothing
    // about a person.
    sql: (t) => `ALTER TABLE handoffs ADD COLUMN claimed_by TEXT;
    ALTER TABLE handoff_messages ADD COLUMN internal ${t.flag};
    ALTER TABLE staff ADD COLUMN lang TEXT;
    ALTER TABLE staff ADD COLUMN disabled ${t.flag};
    CREATE TABLE canned_replies (
      id TEXT PRIMARY KEY,
      centre_id TEXT NOT NULL,
      lang TEXT NOT NULL,
      title TEXT NOT NULL,
      text TEXT NOT NULL,
      updated_at ${t.sortedText} NOT NULL
    );
    CREATE INDEX canned_replies_by_centre ON canned_replies (centre_id, lang);
    CREATE TABLE centre_settings (
      centre_id TEXT PRIMARY KEY,
      settings TEXT NOT NULL,
      updated_at ${t.sortedText} NOT NULL
    )`,
  },
  {
    version: 11,
    name: 'curation queue, taught questions and the curator role',
    // The queue keeps masked text only, linked to its conversation by a keyed hash (delete my data
    // finds it; nobody can read a phone number from it). Taught questions carry no link to anyone.
    // The staff table is rebuilt because its role CHECK cannot be altered on SQLite.
    sql: (t) => `CREATE TABLE curation_items (
      id TEXT PRIMARY KEY,
      conversation_link TEXT NOT NULL,
      lang TEXT NOT NULL,
      country TEXT,
      reason TEXT NOT NULL CHECK (reason IN ('declined', 'low', 'unhelpful', 'choices')),
      text TEXT NOT NULL,
      topics TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('open', 'assigned', 'out-of-scope', 'new-entry')),
      topic TEXT,
      decided_by TEXT,
      created_at ${t.sortedText} NOT NULL,
      decided_at ${t.sortedText}${t.seqColumn}
    );
    CREATE INDEX curation_items_by_link ON curation_items (conversation_link);
    CREATE INDEX curation_items_by_time ON curation_items (created_at);
    CREATE TABLE curation_examples (
      id ${t.autoId},
      text TEXT NOT NULL,
      lang TEXT NOT NULL,
      topic TEXT,
      created_at ${t.sortedText} NOT NULL
    );
    CREATE TABLE staff_v11 (
      id TEXT PRIMARY KEY,
      email ${t.sortedText} NOT NULL UNIQUE,
      password_hash TEXT NOT NULL,
      centre_id TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('advisor', 'curator', 'admin')),
      created_at ${t.sortedText} NOT NULL,
      lang TEXT,
      disabled ${t.flag}
    );
    INSERT INTO staff_v11 (id, email, password_hash, centre_id, role, created_at, lang, disabled) SELECT id, email, password_hash, centre_id, role, created_at, lang, disabled FROM staff;
    CREATE TABLE staff_tokens_v11 (
      token_hash TEXT PRIMARY KEY,
      staff_id TEXT NOT NULL REFERENCES staff_v11(id) ON DELETE CASCADE,
      expires_at ${t.sortedText} NOT NULL
    );
    INSERT INTO staff_tokens_v11 (token_hash, staff_id, expires_at) SELECT token_hash, staff_id, expires_at FROM staff_tokens;
    DROP TABLE staff_tokens;
    DROP TABLE staff;
    ALTER TABLE staff_v11 RENAME TO staff;
    ALTER TABLE staff_tokens_v11 RENAME TO staff_tokens`,
  },
  {
    version: 12,
    name: 'report events',
    // Counts for the centres' reports: no text and no address. `person` is a keyed hash of the
    // conversation, set to NULL by delete my data and by retention; the rest is anonymous.
    sql: (t) => `CREATE TABLE report_events (
      id ${t.autoId},
      at ${t.sortedText} NOT NULL,
      day TEXT NOT NULL,
      centre_id TEXT,
      kind TEXT NOT NULL,
      channel TEXT,
      lang TEXT,
      country TEXT,
      topic TEXT,
      outcome TEXT,
      safety TEXT,
      seconds REAL,
      person TEXT
    );
    CREATE INDEX report_events_by_day ON report_events (day, centre_id);
    CREATE INDEX report_events_by_person ON report_events (person)`,
  },
  {
    version: 13,
    name: 'appointment requests',
    // 1: a requested time at a centre whose hours are not confirmed; it holds its seat like a
    // booking until staff confirm it with the person (0) or cancel it.
    sql: () => 'ALTER TABLE appointments ADD COLUMN requested INTEGER NOT NULL DEFAULT 0',
  },
];

/**
 * Applies the migrations not yet recorded, in order, in one transaction: an instance starting at the
 * same time waits for it, then finds everything applied. Safe to call at every start.
 */
export async function migrate(db: Sql, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const { migrationLock, types } = db.dialect;
  return db.transaction(async (tx) => {
    if (migrationLock) await tx.run(migrationLock);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at ${types.migratedAt})`);
    const done = new Set((await tx.all<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version));
    const applied: number[] = [];
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(m.version)) continue;
      try {
        await tx.exec(m.sql(types));
      } catch (err) {
        throw new WegweiserError('STORAGE_FAILED', [`migration ${m.version} (${m.name}) failed: ${(err as Error).message}`]);
      }
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [m.version, m.name, new Date().toISOString()]);
      applied.push(m.version);
    }
    return applied;
  });
}
