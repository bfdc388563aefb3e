/** Appointments: the database guarantees one booking per seat of a slot, so concurrent bookings cannot double. */
import { randomInt, randomUUID } from 'node:crypto';
import { whereClause, type Sql } from '../sql.js';
import type { Appointment, AppointmentStore, BookResult, NewAppointment } from '../types.js';

const REFERENCE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A short booking reference people can read out on the phone (no 0/O or 1/I). */
function newReference(): string {
  return Array.from({ length: 6 }, () => REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]).join('');
}

const COLUMNS = 'id, reference, centre_id, start, status, requested, name, contact, conversation_id, lang, created_by, created_at';

interface AppointmentRow {
  id: string;
  reference: string;
  centre_id: string;
  start: string;
  status: 'booked' | 'cancelled';
  requested: number | boolean;
  name: string | null;
  contact: string | null;
  conversation_id: string | null;
  lang: string | null;
  created_by: string;
  created_at: string;
}

const fromRow = (r: AppointmentRow): Appointment => ({
  id: r.id, reference: r.reference, centreId: r.centre_id, start: r.start, status: r.status, requested: Boolean(r.requested), name: r.name, contact: r.contact,
  conversationId: r.conversation_id, lang: r.lang, createdBy: r.created_by, createdAt: r.created_at,
});

export class AppointmentRepository implements AppointmentStore {
  constructor(private readonly sql: Sql) {}

  /**
   * Tries the seats in order; the unique index on booked seats decides between concurrent bookings.
   * A conflict is not an error (ON CONFLICT DO NOTHING), so a booking can be part of a larger transaction.
   */
  async book(input: NewAppointment, now: Date): Promise<BookResult> {
    for (let seat = 0; seat < input.capacity; seat++) {
      for (let attempt = 0; attempt < 5; attempt++) {
        const appointment: Appointment = {
          id: randomUUID(), reference: newReference(), centreId: input.centreId, start: input.start, status: 'booked', requested: input.requested ?? false, name: input.name,
          contact: input.contact, conversationId: input.conversationId ?? null, lang: input.lang ?? null, createdBy: input.createdBy, createdAt: now.toISOString(),
        };
        const inserted = await this.sql.run(
          `INSERT INTO appointments (id, reference, centre_id, start, seat, status, requested, name, contact, conversation_id, lang, created_by, created_at)
           VALUES (?, ?, ?, ?, ?, 'booked', ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
          [appointment.id, appointment.reference, input.centreId, input.start, seat, appointment.requested ? 1 : 0, input.name, input.contact, appointment.conversationId, appointment.lang, input.createdBy, appointment.createdAt],
        );
        if (inserted.changes === 1) return { status: 'booked', appointment };
        const seatTaken = await this.sql.get("SELECT 1 AS taken FROM appointments WHERE centre_id = ? AND start = ? AND seat = ? AND status = 'booked'", [input.centreId, input.start, seat]);
        if (seatTaken) break; // try the next seat; otherwise the reference collided: try again
      }
    }
    return { status: 'taken' };
  }

  async countBooked(centreId: string, from: string, to: string): Promise<Map<string, number>> {
    const rows = await this.sql.all<{ start: string; n: number | string }>(
      "SELECT start, COUNT(*) AS n FROM appointments WHERE centre_id = ? AND status = 'booked' AND start >= ? AND start < ? GROUP BY start ORDER BY start",
      [centreId, from, to],
    );
    return new Map(rows.map((r) => [r.start, Number(r.n)])); // PostgreSQL counts in bigint, which arrives as text
  }

  async get(id: string): Promise<Appointment | undefined> {
    const row = await this.sql.get<AppointmentRow>(`SELECT ${COLUMNS} FROM appointments WHERE id = ?`, [id]);
    return row && fromRow(row);
  }

  async byReference(reference: string): Promise<Appointment | undefined> {
    const row = await this.sql.get<AppointmentRow>(`SELECT ${COLUMNS} FROM appointments WHERE reference = ?`, [reference.toUpperCase()]);
    return row && fromRow(row);
  }

  async list(f: { centreId?: string; from?: string; to?: string; conversationId?: string; status?: 'booked' }): Promise<Appointment[]> {
    const { where, params } = whereClause([
      ['centre_id = ?', f.centreId],
      ['start >= ?', f.from],
      ['start < ?', f.to],
      ['conversation_id = ?', f.conversationId],
      ['status = ?', f.status],
    ]);
    // ties (the seats of one slot) in the order they were booked
    const rows = await this.sql.all<AppointmentRow>(`SELECT ${COLUMNS} FROM appointments${where} ORDER BY start, ${this.sql.dialect.seq}`, params);
    return rows.map(fromRow);
  }

  async cancel(id: string): Promise<boolean> {
    return (await this.sql.run("UPDATE appointments SET status = 'cancelled' WHERE id = ? AND status = 'booked'", [id])).changes === 1;
  }

  async confirmRequest(id: string): Promise<boolean> {
    return (await this.sql.run("UPDATE appointments SET requested = 0 WHERE id = ? AND status = 'booked' AND requested = 1", [id])).changes === 1;
  }

  async forgetConversation(conversationId: string): Promise<number> {
    const r = await this.sql.run(
      "UPDATE appointments SET status = 'cancelled', name = NULL, contact = NULL, conversation_id = NULL, lang = NULL WHERE conversation_id = ?",
      [conversationId],
    );
    return r.changes;
  }
}
