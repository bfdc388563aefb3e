import type { Migration } from './sqlite.js';

/** The schema, in order. Never edit a released migration: add the next one. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'conversations',
    sql: `CREATE TABLE conversations (
      id TEXT PRIMARY KEY,
      state TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`,
  },
  {
    version: 2,
    name: 'deliveries',
    sql: `CREATE TABLE deliveries (
      channel TEXT NOT NULL,
      delivery_id TEXT NOT NULL,
      reply TEXT,
      created_at TEXT NOT NULL,
      PRIMARY KEY (channel, delivery_id)
    )`,
  },
  {
    version: 3,
    name: 'appointments and staff',
    sql: `CREATE TABLE appointments (
      id TEXT PRIMARY KEY,
      reference TEXT NOT NULL UNIQUE,
      centre_id TEXT NOT NULL,
      start TEXT NOT NULL,
      seat INTEGER NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('booked', 'cancelled')),
      name TEXT,
      contact TEXT,
      conversation_id TEXT,
      lang TEXT,
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL
    );
    -- No double booking, ever: one booked appointment per seat of a slot.
    CREATE UNIQUE INDEX appointments_one_per_seat ON appointments (centre_id, start, seat) WHERE status = 'booked';
    CREATE INDEX appointments_by_conversation ON appointments (conversation_id);
    CREATE TABLE staff (
      id TEXT PRIMARY KEY,
      email TEXT NOT NULL UNIQUE,
      password_hash TEXT NOT NULL,
      centre_id TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('advisor', 'admin')),
      created_at TEXT NOT NULL
    );
    CREATE TABLE staff_tokens (
      token_hash TEXT PRIMARY KEY,
      staff_id TEXT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
      expires_at TEXT NOT NULL
    );
    CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL,
      staff_id TEXT,
      action TEXT NOT NULL,
      target TEXT
    )`,
  },
  {
    version: 4,
    name: 'handoffs',
    sql: `CREATE TABLE handoffs (
      id TEXT PRIMARY KEY,
      conversation_id TEXT NOT NULL,
      centre_id TEXT,
      lang TEXT NOT NULL,
      urgent INTEGER NOT NULL DEFAULT 0,
      reason TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
      created_at TEXT NOT NULL,
      closed_at TEXT
    );
    -- One open handoff per conversation at a time.
    CREATE UNIQUE INDEX handoffs_one_open ON handoffs (conversation_id) WHERE status = 'open';
    CREATE TABLE handoff_messages (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      handoff_id TEXT NOT NULL REFERENCES handoffs(id) ON DELETE CASCADE,
      sender TEXT NOT NULL CHECK (sender IN ('person', 'bot', 'staff')),
      staff_id TEXT,
      text TEXT NOT NULL,
      at TEXT NOT NULL
    )`,
  },
  {
    version: 5,
    name: 'scheduled jobs',
    sql: `CREATE TABLE jobs (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      run_at TEXT NOT NULL,
      payload TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('pending', 'running', 'done', 'skipped', 'failed')),
      attempts INTEGER NOT NULL DEFAULT 0,
      note TEXT,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX jobs_due ON jobs (status, run_at)`,
  },
  {
    version: 6,
    name: 'deliveries by conversation',
    // A delivery's stored reply can hold a name or a booking reference: delete my data finds it by this.
    sql: `ALTER TABLE deliveries ADD COLUMN conversation_id TEXT;
    CREATE INDEX deliveries_by_conversation ON deliveries (conversation_id)`,
  },
];
