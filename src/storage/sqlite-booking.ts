/** Appointments and staff accounts on SQLite. */
import { randomUUID } from 'node:crypto';
import { appointmentConditions, fromRow, newReference, staffFromRow, whereClause, type AppointmentRow, type StaffRow } from './rows.js';
import type { SqliteDatabase } from './sqlite.js';
import type { Appointment, AppointmentStore, BookResult, NewAppointment, StaffMember, StaffStore } from './types.js';

function isUniqueViolation(err: unknown): boolean {
  return /SQLITE_CONSTRAINT/.test(String((err as { code?: string }).code ?? err));
}

export class SqliteAppointmentStore implements AppointmentStore {
  constructor(private readonly db: SqliteDatabase) {}

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
             VALUES (?, ?, ?, ?, ?, 'booked', ?, ?, ?, ?, ?, ?)`,
            [appointment.id, appointment.reference, input.centreId, input.start, seat, input.name, input.contact, appointment.conversationId, appointment.lang, input.createdBy, appointment.createdAt],
          );
          return { status: 'booked', appointment };
        } catch (err) {
          if (!isUniqueViolation(err)) throw err;
          const seatTaken = await this.db.get("SELECT 1 FROM appointments WHERE centre_id = ? AND start = ? AND seat = ? AND status = 'booked'", [input.centreId, input.start, seat]);
          if (seatTaken) break; // try the next seat; otherwise the reference collided: try again
        }
      }
    }
    return { status: 'taken' };
  }

  async countBooked(centreId: string, from: string, to: string): Promise<Map<string, number>> {
    const rows = await this.db.all<{ start: string; n: number }>(
      "SELECT start, COUNT(*) AS n FROM appointments WHERE centre_id = ? AND status = 'booked' AND start >= ? AND start < ? GROUP BY start",
      [centreId, from, to],
    );
    return new Map(rows.map((r) => [r.start, r.n]));
  }

  async get(id: string): Promise<Appointment | undefined> {
    const row = await this.db.get<AppointmentRow>('SELECT * FROM appointments WHERE id = ?', [id]);
    return row && fromRow(row);
  }

  async byReference(reference: string): Promise<Appointment | undefined> {
    const row = await this.db.get<AppointmentRow>('SELECT * FROM appointments WHERE reference = ?', [reference.toUpperCase()]);
    return row && fromRow(row);
  }

  async list(filter: { centreId?: string; from?: string; to?: string; conversationId?: string; status?: 'booked' }): Promise<Appointment[]> {
    const { where, params } = whereClause(appointmentConditions(filter));
    const rows = await this.db.all<AppointmentRow>(`SELECT * FROM appointments${where} ORDER BY start`, params);
    return rows.map(fromRow);
  }

  async cancel(id: string): Promise<boolean> {
    return (await this.db.run("UPDATE appointments SET status = 'cancelled' WHERE id = ? AND status = 'booked'", [id])).changes === 1;
  }

  async forgetConversation(conversationId: string): Promise<number> {
    const r = await this.db.run(
      "UPDATE appointments SET status = 'cancelled', name = NULL, contact = NULL, conversation_id = NULL, lang = NULL WHERE conversation_id = ?",
      [conversationId],
    );
    return r.changes;
  }
}


export class SqliteStaffStore implements StaffStore {
  constructor(private readonly db: SqliteDatabase) {}

  async add(m: StaffMember & { passwordHash: string }, now: Date): Promise<void> {
    await this.db.run('INSERT INTO staff (id, email, password_hash, centre_id, role, created_at) VALUES (?, ?, ?, ?, ?, ?)', [m.id, m.email.toLowerCase(), m.passwordHash, m.centreId, m.role, now.toISOString()]);
  }

  async byEmail(email: string): Promise<(StaffMember & { passwordHash: string }) | undefined> {
    const row = await this.db.get<StaffRow>('SELECT * FROM staff WHERE email = ?', [email.toLowerCase()]);
    return row && { ...staffFromRow(row), passwordHash: row.password_hash };
  }

  async list(): Promise<StaffMember[]> {
    return (await this.db.all<StaffRow>('SELECT * FROM staff ORDER BY email')).map(staffFromRow);
  }

  async remove(email: string): Promise<boolean> {
    return (await this.db.run('DELETE FROM staff WHERE email = ?', [email.toLowerCase()])).changes === 1;
  }

  async setPasswordHash(email: string, passwordHash: string): Promise<boolean> {
    const member = await this.byEmail(email);
    if (!member) return false;
    await this.db.run('UPDATE staff SET password_hash = ? WHERE id = ?', [passwordHash, member.id]);
    await this.db.run('DELETE FROM staff_tokens WHERE staff_id = ?', [member.id]); // a new password ends every session
    return true;
  }

  async saveToken(tokenHash: string, staffId: string, expiresAt: string): Promise<void> {
    await this.db.run('INSERT INTO staff_tokens (token_hash, staff_id, expires_at) VALUES (?, ?, ?)', [tokenHash, staffId, expiresAt]);
  }

  async byToken(tokenHash: string, now: Date): Promise<StaffMember | undefined> {
    const row = await this.db.get<StaffRow>(
      'SELECT s.* FROM staff_tokens t JOIN staff s ON s.id = t.staff_id WHERE t.token_hash = ? AND t.expires_at > ?',
      [tokenHash, now.toISOString()],
    );
    return row && staffFromRow(row);
  }

  async revokeToken(tokenHash: string): Promise<boolean> {
    return (await this.db.run('DELETE FROM staff_tokens WHERE token_hash = ?', [tokenHash])).changes === 1;
  }

  async revokeTokens(staffId: string): Promise<number> {
    return (await this.db.run('DELETE FROM staff_tokens WHERE staff_id = ?', [staffId])).changes;
  }

  async audit(entry: { staffId: string | null; action: string; target?: string }, now: Date): Promise<void> {
    await this.db.run('INSERT INTO audit_log (at, staff_id, action, target) VALUES (?, ?, ?, ?)', [now.toISOString(), entry.staffId, entry.action, entry.target ?? null]);
  }

  async auditLog(limit: number): Promise<{ at: string; staffId: string | null; action: string; target: string | null }[]> {
    const rows = await this.db.all<{ at: string; staff_id: string | null; action: string; target: string | null }>('SELECT * FROM audit_log ORDER BY id DESC LIMIT ?', [limit]);
    return rows.map((r) => ({ at: r.at, staffId: r.staff_id, action: r.action, target: r.target }));
  }
}
