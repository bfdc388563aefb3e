/**
 * The schema on PostgreSQL: the tables of migrations.ts, version for version. Instants stay text in
 * the form callers wrote them (appointment starts have no milliseconds, other instants have), so the
 * results equal SQLite's; COLLATE "C" makes their comparisons and ordering byte-wise, as in SQLite.
 * Never edit a released migration: add the next one.
 */
import type { Migration } from './sqlite.js';

export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'conversations',
    sql: `CREATE TABLE conversations (
      id text PRIMARY KEY,
      state text NOT NULL,
      updated_at text COLLATE "C" NOT NULL
    )`,
  },
  {
    version: 2,
    name: 'deliveries',
    sql: `CREATE TABLE deliveries (
      channel text NOT NULL,
      delivery_id text NOT NULL,
      reply text,
      created_at text COLLATE "C" NOT NULL,
      PRIMARY KEY (channel, delivery_id)
    )`,
  },
  {
    version: 3,
    name: 'appointments and staff',
    // seq stands in for SQLite's rowid: lists order ties (the seats of one slot) by insertion, as SQLite does.
    sql: `CREATE TABLE appointments (
      id text PRIMARY KEY,
      reference text NOT NULL UNIQUE,
      centre_id text NOT NULL,
      start text COLLATE "C" NOT NULL,
      seat integer NOT NULL,
      status text NOT NULL CHECK (status IN ('booked', 'cancelled')),
      name text,
      contact text,
      conversation_id text,
      lang text,
      created_by text NOT NULL,
      created_at text COLLATE "C" NOT NULL,
      seq bigint GENERATED ALWAYS AS IDENTITY
    );
    -- No double booking, ever: one booked appointment per seat of a slot.
    CREATE UNIQUE INDEX appointments_one_per_seat ON appointments (centre_id, start, seat) WHERE status = 'booked';
    CREATE INDEX appointments_by_conversation ON appointments (conversation_id);
    CREATE TABLE staff (
      id text PRIMARY KEY,
      email text COLLATE "C" NOT NULL UNIQUE,
      password_hash text NOT NULL,
      centre_id text NOT NULL,
      role text NOT NULL CHECK (role IN ('advisor', 'admin')),
      created_at text COLLATE "C" NOT NULL
    );
    CREATE TABLE staff_tokens (
      token_hash text PRIMARY KEY,
      staff_id text NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
      expires_at text COLLATE "C" NOT NULL
    );
    CREATE TABLE audit_log (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      at text COLLATE "C" NOT NULL,
      staff_id text,
      action text NOT NULL,
      target text
    )`,
  },
  {
    version: 4,
    name: 'handoffs',
    sql: `CREATE TABLE handoffs (
      id text PRIMARY KEY,
      conversation_id text NOT NULL,
      centre_id text,
      lang text NOT NULL,
      urgent boolean NOT NULL DEFAULT false,
      reason text NOT NULL,
      status text NOT NULL CHECK (status IN ('open', 'closed')),
      created_at text COLLATE "C" NOT NULL,
      closed_at text COLLATE "C",
      seq bigint GENERATED ALWAYS AS IDENTITY
    );
    -- One open handoff per conversation at a time.
    CREATE UNIQUE INDEX handoffs_one_open ON handoffs (conversation_id) WHERE status = 'open';
    CREATE TABLE handoff_messages (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      handoff_id text NOT NULL REFERENCES handoffs(id) ON DELETE CASCADE,
      sender text NOT NULL CHECK (sender IN ('person', 'bot', 'staff')),
      staff_id text,
      text text NOT NULL,
      at text COLLATE "C" NOT NULL
    );
    CREATE INDEX handoff_messages_by_handoff ON handoff_messages (handoff_id)`,
  },
  {
    version: 5,
    name: 'scheduled jobs',
    sql: `CREATE TABLE jobs (
      id text PRIMARY KEY,
      kind text NOT NULL,
      run_at text COLLATE "C" NOT NULL,
      payload text NOT NULL,
      status text NOT NULL CHECK (status IN ('pending', 'running', 'done', 'skipped', 'failed')),
      attempts integer NOT NULL DEFAULT 0,
      note text,
      updated_at text COLLATE "C" NOT NULL,
      seq bigint GENERATED ALWAYS AS IDENTITY
    );
    CREATE INDEX jobs_due ON jobs (status, run_at)`,
  },
  {
    version: 6,
    name: 'deliveries by conversation',
    sql: `ALTER TABLE deliveries ADD COLUMN conversation_id text;
    CREATE INDEX deliveries_by_conversation ON deliveries (conversation_id)`,
  },
];
