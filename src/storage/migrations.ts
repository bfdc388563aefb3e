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
];
