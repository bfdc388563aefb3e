/** The job queue on SQLite: due jobs are claimed with a conditional update, so each runs once. */
import type { SqliteDatabase } from './sqlite.js';
import { STALE_JOB_MS, type Job, type JobQueue } from './types.js';

export class SqliteJobQueue implements JobQueue {
  constructor(private readonly db: SqliteDatabase) {}

  async schedule(job: { id: string; kind: string; runAt: string; payload: string }, now: Date): Promise<void> {
    await this.db.run("INSERT OR IGNORE INTO jobs (id, kind, run_at, payload, status, updated_at) VALUES (?, ?, ?, ?, 'pending', ?)", [job.id, job.kind, job.runAt, job.payload, now.toISOString()]);
  }

  async claimDue(now: Date, limit: number): Promise<Job[]> {
    const stale = new Date(now.getTime() - STALE_JOB_MS).toISOString();
    const due = await this.db.all<{ id: string; kind: string; run_at: string; payload: string; attempts: number; status: string; updated_at: string }>(
      "SELECT id, kind, run_at, payload, attempts, status, updated_at FROM jobs WHERE (status = 'pending' AND run_at <= ?) OR (status = 'running' AND updated_at < ?) ORDER BY run_at LIMIT ?",
      [now.toISOString(), stale, limit],
    );
    const claimed: Job[] = [];
    for (const j of due) {
      // Conditional on what was read, so two runners never both claim it.
      const r = await this.db.run("UPDATE jobs SET status = 'running', attempts = attempts + 1, updated_at = ? WHERE id = ? AND status = ? AND updated_at = ?", [now.toISOString(), j.id, j.status, j.updated_at]);
      if (r.changes === 1) claimed.push({ id: j.id, kind: j.kind, runAt: j.run_at, payload: j.payload, attempts: j.attempts + 1 });
    }
    return claimed;
  }

  async finish(id: string, status: 'done' | 'skipped' | 'failed' | 'pending', note: string | null, now: Date, runAt?: string): Promise<void> {
    await this.db.run('UPDATE jobs SET status = ?, note = ?, updated_at = ?, run_at = COALESCE(?, run_at) WHERE id = ?', [status, note, now.toISOString(), runAt ?? null, id]);
  }

  async forgetConversation(conversationId: string): Promise<number> {
    const rows = await this.db.all<{ id: string; payload: string }>("SELECT id, payload FROM jobs WHERE payload LIKE '%' || ? || '%'", [conversationId]);
    let n = 0;
    for (const r of rows) {
      let carries = false;
      try {
        carries = (JSON.parse(r.payload) as { conversationId?: string }).conversationId === conversationId;
      } catch {
        /* a plain payload (an appointment id) does not carry a conversation */
      }
      if (carries) n += (await this.db.run('DELETE FROM jobs WHERE id = ?', [r.id])).changes;
    }
    return n;
  }

  async cancelFor(kind: string, payload: string): Promise<void> {
    await this.db.run("DELETE FROM jobs WHERE kind = ? AND payload = ? AND status = 'pending'", [kind, payload]);
  }
}
