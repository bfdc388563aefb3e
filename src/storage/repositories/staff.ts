/** Staff accounts, their session tokens and the audit log of what they did. */
import type { Sql, SqlValue } from '../sql.js';
import type { StaffMember, StaffRole, StaffStore } from '../types.js';

const COLUMNS = 'id, email, password_hash, centre_id, role, lang, disabled';

interface StaffRow {
  id: string;
  email: string;
  password_hash: string;
  centre_id: string;
  role: StaffRole;
  lang: string | null;
  disabled: number | boolean;
}

const fromRow = (r: StaffRow): StaffMember => ({
  id: r.id, email: r.email, centreId: r.centre_id, role: r.role, lang: r.lang ?? null, disabled: r.disabled === true || r.disabled === 1,
});

export class StaffRepository implements StaffStore {
  constructor(private readonly sql: Sql) {}

  async add(m: StaffMember & { passwordHash: string }, now: Date): Promise<void> {
    await this.sql.run('INSERT INTO staff (id, email, password_hash, centre_id, role, lang, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [m.id, m.email.toLowerCase(), m.passwordHash, m.centreId, m.role, m.lang ?? null, now.toISOString()]);
  }

  async byEmail(email: string): Promise<(StaffMember & { passwordHash: string }) | undefined> {
    const row = await this.sql.get<StaffRow>(`SELECT ${COLUMNS} FROM staff WHERE email = ?`, [email.toLowerCase()]);
    return row && { ...fromRow(row), passwordHash: row.password_hash };
  }

  async list(): Promise<StaffMember[]> {
    return (await this.sql.all<StaffRow>(`SELECT ${COLUMNS} FROM staff ORDER BY email`)).map(fromRow);
  }

  async remove(email: string): Promise<boolean> {
    return (await this.sql.run('DELETE FROM staff WHERE email = ?', [email.toLowerCase()])).changes === 1;
  }

  async setPasswordHash(email: string, passwordHash: string): Promise<boolean> {
    return this.sql.transaction(async (tx) => {
      const member = await tx.get<{ id: string }>('UPDATE staff SET password_hash = ? WHERE email = ? RETURNING id', [passwordHash, email.toLowerCase()]);
      if (!member) return false;
      await tx.run('DELETE FROM staff_tokens WHERE staff_id = ?', [member.id]); // a new password ends every session
      return true;
    });
  }

  async saveToken(tokenHash: string, staffId: string, expiresAt: string): Promise<void> {
    await this.sql.run('INSERT INTO staff_tokens (token_hash, staff_id, expires_at) VALUES (?, ?, ?)', [tokenHash, staffId, expiresAt]);
  }

  async byToken(tokenHash: string, now: Date): Promise<StaffMember | undefined> {
    const row = await this.sql.get<StaffRow>(
      `SELECT s.id, s.email, s.password_hash, s.centre_id, s.role, s.lang, s.disabled FROM staff_tokens t JOIN staff s ON s.id = t.staff_id
       WHERE t.token_hash = ? AND t.expires_at > ? AND NOT s.disabled`,
      [tokenHash, now.toISOString()],
    );
    return row && fromRow(row);
  }

  async revokeToken(tokenHash: string): Promise<boolean> {
    return (await this.sql.run('DELETE FROM staff_tokens WHERE token_hash = ?', [tokenHash])).changes === 1;
  }

  async revokeTokens(staffId: string): Promise<number> {
    return (await this.sql.run('DELETE FROM staff_tokens WHERE staff_id = ?', [staffId])).changes;
  }

  async audit(entry: { staffId: string | null; action: string; target?: string }, now: Date): Promise<void> {
    await this.sql.run('INSERT INTO audit_log (at, staff_id, action, target) VALUES (?, ?, ?, ?)', [now.toISOString(), entry.staffId, entry.action, entry.target ?? null]);
  }

  async byId(id: string): Promise<StaffMember | undefined> {
    const row = await this.sql.get<StaffRow>(`SELECT ${COLUMNS} FROM staff WHERE id = ?`, [id]);
    return row && fromRow(row);
  }

  async update(id: string, change: Partial<Pick<StaffMember, 'role' | 'centreId' | 'lang' | 'disabled'>>): Promise<boolean> {
    const sets: string[] = [];
    const params: SqlValue[] = [];
    const column = { role: 'role', centreId: 'centre_id', lang: 'lang', disabled: 'disabled' } as const;
    for (const key of Object.keys(column) as (keyof typeof column)[]) {
      if (change[key] === undefined) continue;
      sets.push(`${column[key]} = ?`);
      params.push(change[key] as SqlValue);
    }
    if (!sets.length) return (await this.byId(id)) !== undefined;
    return this.sql.transaction(async (tx) => {
      const changed = (await tx.run(`UPDATE staff SET ${sets.join(', ')} WHERE id = ?`, [...params, id])).changes === 1;
      if (changed && change.disabled) await tx.run('DELETE FROM staff_tokens WHERE staff_id = ?', [id]); // a disabled account's sessions end
      return changed;
    });
  }

  async auditLog(limit: number): Promise<{ at: string; staffId: string | null; action: string; target: string | null }[]> {
    const rows = await this.sql.all<{ at: string; staff_id: string | null; action: string; target: string | null }>(
      'SELECT at, staff_id, action, target FROM audit_log ORDER BY id DESC LIMIT ?',
      [this.sql.dialect.limit(limit)],
    );
    return rows.map((r) => ({ at: r.at, staffId: r.staff_id, action: r.action, target: r.target }));
  }
}
