/** Appointments and staff accounts on PostgreSQL, with the semantics of sqlite-booking.ts. */
import { randomUUID } from 'node:crypto';
import type { PostgresDatabase } from './postgres.js';
import { appointmentConditions, fromRow, newReference, staffFromRow, whereClause, type AppointmentRow, type StaffRow } from './rows.js';
import type { Appointment, AppointmentStore, BookResult, NewAppointment, StaffMember, StaffStore } from './types.js';

const COLUMNS = 'id, reference, centre_id, start, status, name, contact, conversation_id, lang, created_by, created_at';

/** The index a unique_violation (SQLSTATE 23505) hit, or undefined for any other error. */
function uniqueViolation(err: unknown): string | undefined {
  const e = err as { code?: string; constraint?: string };
  return e.code === '23505' ? (e.constraint ?? '') : undefined;
}

export class PgAppointmentStore implements AppointmentStore {
  constructor(private readonly db: PostgresDatabase) {}

  /** Tries the seats in order; the unique index on booked seats decides between concurrent bookings. */
  async book(input: NewAppointment, now: Date): Promise<BookResult> {
    for (let seat = 0; seat < input.capacity; seat++) {
      for (let attempt = 0; attempt < 5; attempt++) {
        const appointment: Appointment = {
          id: randomUUID(), reference: newReference(), centreId: input.centreId, start: input.start, status: 'booked', name: input.name,
          contact: input.contact, conversationId: input.conversationId ?? null, lang: input.lang ?? null, createdBy: input.createdBy, createdAt: now.toISOString(),
        };
        try {
          await this.db.run(
            `INSERT INTO appointments (id, reference, centre_id, start, seat, status, name, contact, conversation_id, lang, created_by, created_at)
             VALUES ($1, $2, $3, $4, $5, 'booked', $6, $7, $8, $9, $10, $11)`,
            [appointment.id, appointment.reference, input.centreId, input.start, seat, input.name, input.contact, appointment.conversationId, appointment.lang, input.createdBy, appointment.createdAt],
          );
          return { status: 'booked', appointment };
        } catch (err) {
          const index = uniqueViolation(err);
          if (index === undefined) throw err;
          if (index === 'appointments_one_per_seat') break; // try the next seat; otherwise the reference collided: try again
        }
      }
    }
    return { status: 'taken' };
  }

  async countBooked(centreId: string, from: string, to: string): Promise<Map<string, number>> {
    const rows = await this.db.all<{ start: string; n: string }>(
      "SELECT start, COUNT(*) AS n FROM appointments WHERE centre_id = $1 AND status = 'booked' AND start >= $2 AND start < $3 GROUP BY start",
      [centreId, from, to],
    );
    return new Map(rows.map((r) => [r.start, Number(r.n)]));
  }

  async get(id: string): Promise<Appointment | undefined> {
    const row = await this.db.get<AppointmentRow>(`SELECT ${COLUMNS} FROM appointments WHERE id = $1`, [id]);
    return row && fromRow(row);
  }

  async byReference(reference: string): Promise<Appointment | undefined> {
    const row = await this.db.get<AppointmentRow>(`SELECT ${COLUMNS} FROM appointments WHERE reference = $1`, [reference.toUpperCase()]);
    return row && fromRow(row);
  }

  async list(filter: { centreId?: string; from?: string; to?: string; conversationId?: string; status?: 'booked' }): Promise<Appointment[]> {
    const { where, params } = whereClause(appointmentConditions(filter), true);
    const rows = await this.db.all<AppointmentRow>(`SELECT ${COLUMNS} FROM appointments${where} ORDER BY start, seq`, params);
    return rows.map(fromRow);
  }

  async cancel(id: string): Promise<boolean> {
    return (await this.db.run("UPDATE appointments SET status = 'cancelled' WHERE id = $1 AND status = 'booked'", [id])).changes === 1;
  }

  async forgetConversation(conversationId: string): Promise<number> {
    const r = await this.db.run(
      "UPDATE appointments SET status = 'cancelled', name = NULL, contact = NULL, conversation_id = NULL, lang = NULL WHERE conversation_id = $1",
      [conversationId],
    );
    return r.changes;
  }
}


export class PgStaffStore implements StaffStore {
  constructor(private readonly db: PostgresDatabase) {}

  async add(m: StaffMember & { passwordHash: string }, now: Date): Promise<void> {
    await this.db.run(
      'INSERT INTO staff (id, email, password_hash, centre_id, role, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [m.id, m.email.toLowerCase(), m.passwordHash, m.centreId, m.role, now.toISOString()],
    );
  }

  async byEmail(email: string): Promise<(StaffMember & { passwordHash: string }) | undefined> {
    const row = await this.db.get<StaffRow>('SELECT * FROM staff WHERE email = $1', [email.toLowerCase()]);
    return row && { ...staffFromRow(row), passwordHash: row.password_hash };
  }

  async list(): Promise<StaffMember[]> {
    return (await this.db.all<StaffRow>('SELECT * FROM staff ORDER BY email')).map(staffFromRow);
  }

  async remove(email: string): Promise<boolean> {
    return (await this.db.run('DELETE FROM staff WHERE email = $1', [email.toLowerCase()])).changes === 1;
  }

  async setPasswordHash(email: string, passwordHash: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const member = await tx.get<{ id: string }>('UPDATE staff SET password_hash = $1 WHERE email = $2 RETURNING id', [passwordHash, email.toLowerCase()]);
      if (!member) return false;
      await tx.run('DELETE FROM staff_tokens WHERE staff_id = $1', [member.id]); // a new password ends every session
      return true;
    });
  }

  async saveToken(tokenHash: string, staffId: string, expiresAt: string): Promise<void> {
    await this.db.run('INSERT INTO staff_tokens (token_hash, staff_id, expires_at) VALUES ($1, $2, $3)', [tokenHash, staffId, expiresAt]);
  }

  async byToken(tokenHash: string, now: Date): Promise<StaffMember | undefined> {
    const row = await this.db.get<StaffRow>(
      'SELECT s.* FROM staff_tokens t JOIN staff s ON s.id = t.staff_id WHERE t.token_hash = $1 AND t.expires_at > $2',
      [tokenHash, now.toISOString()],
    );
    return row && staffFromRow(row);
  }

  async revokeToken(tokenHash: string): Promise<boolean> {
    return (await this.db.run('DELETE FROM staff_tokens WHERE token_hash = $1', [tokenHash])).changes === 1;
  }

  async revokeTokens(staffId: string): Promise<number> {
    return (await this.db.run('DELETE FROM staff_tokens WHERE staff_id = $1', [staffId])).changes;
  }

  async audit(entry: { staffId: string | null; action: string; target?: string }, now: Date): Promise<void> {
    await this.db.run('INSERT INTO audit_log (at, staff_id, action, target) VALUES ($1, $2, $3, $4)', [now.toISOString(), entry.staffId, entry.action, entry.target ?? null]);
  }

  async auditLog(limit: number): Promise<{ at: string; staffId: string | null; action: string; target: string | null }[]> {
    const rows = await this.db.all<{ at: string; staff_id: string | null; action: string; target: string | null }>(
      'SELECT at, staff_id, action, target FROM audit_log ORDER BY id DESC LIMIT $1',
      [limit < 0 ? null : limit], // SQLite reads a negative LIMIT as no limit; PostgreSQL rejects it
    );
    return rows.map((r) => ({ at: r.at, staffId: r.staff_id, action: r.action, target: r.target }));
  }
}
