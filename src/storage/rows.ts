/** The rows both databases return (appointments, staff, handoffs), the filters of their list queries, and the booking reference format. */
import { randomInt } from 'node:crypto';
import type { Appointment, Handoff, HandoffMessage, StaffMember } from './types.js';

const REFERENCE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A short booking reference people can read out on the phone (no 0/O or 1/I). */
export function newReference(): string {
  return Array.from({ length: 6 }, () => REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]).join('');
}

export interface AppointmentRow {
  id: string;
  reference: string;
  centre_id: string;
  start: string;
  status: 'booked' | 'cancelled';
  name: string | null;
  contact: string | null;
  conversation_id: string | null;
  lang: string | null;
  created_by: string;
  created_at: string;
}

export const fromRow = (r: AppointmentRow): Appointment => ({
  id: r.id, reference: r.reference, centreId: r.centre_id, start: r.start, status: r.status, name: r.name, contact: r.contact,
  conversationId: r.conversation_id, lang: r.lang, createdBy: r.created_by, createdAt: r.created_at,
});

export interface StaffRow {
  id: string;
  email: string;
  password_hash: string;
  centre_id: string;
  role: 'advisor' | 'admin';
}

export const staffFromRow = (r: StaffRow): StaffMember => ({ id: r.id, email: r.email, centreId: r.centre_id, role: r.role });

export interface HandoffRow {
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
}

export const handoffFromRow = (r: HandoffRow): Handoff => ({
  id: r.id, conversationId: r.conversation_id, centreId: r.centre_id, lang: r.lang, urgent: r.urgent === true || r.urgent === 1, reason: r.reason,
  status: r.status, createdAt: r.created_at, closedAt: r.closed_at,
});

export interface HandoffMessageRow {
  sender: HandoffMessage['sender'];
  staff_id: string | null;
  text: string;
  at: string;
}

export const messageFromRow = (r: HandoffMessageRow): HandoffMessage => ({ sender: r.sender, staffId: r.staff_id, text: r.text, at: r.at });

type Condition = readonly [sql: string, value: string | undefined];

/** The optional filters of AppointmentStore.list, as conditions for whereClause. */
export const appointmentConditions = (f: { centreId?: string; from?: string; to?: string; conversationId?: string; status?: 'booked' }): Condition[] => [
  ['centre_id = ?', f.centreId],
  ['start >= ?', f.from],
  ['start < ?', f.to],
  ['conversation_id = ?', f.conversationId],
  ['status = ?', f.status],
];

/** The optional filters of HandoffStore.list, as conditions for whereClause. */
export const handoffConditions = (f: { centreId?: string; status?: 'open' | 'closed' }): Condition[] => [
  ['centre_id = ?', f.centreId],
  ['status = ?', f.status],
];

/**
 * " WHERE a = ? AND b >= ?" and its parameters, from the conditions whose value is given; an empty
 * clause when none is. `numbered` writes PostgreSQL's $1, $2, ... Only undefined means "no filter":
 * an empty string filters for itself (and finds nothing), so a blank value never widens a query.
 */
export function whereClause<V>(conditions: readonly (readonly [sql: string, value: V | undefined])[], numbered = false): { where: string; params: V[] } {
  const given = conditions.filter(([, value]) => value !== undefined);
  const sql = given.map(([cond], i) => (numbered ? cond.replace('?', `$${i + 1}`) : cond));
  return { where: sql.length ? ` WHERE ${sql.join(' AND ')}` : '', params: given.map(([, value]) => value as V) };
}

/** Storage.inspect: every row of the named tables, read with the store's own query function. */
export async function allRows(tables: readonly string[], all: (sql: string) => Promise<Record<string, unknown>[]>): Promise<Record<string, Record<string, unknown>[]>> {
  const rows: Record<string, Record<string, unknown>[]> = {};
  for (const name of tables) rows[name] = await all(`SELECT * FROM "${name}"`);
  return rows;
}
