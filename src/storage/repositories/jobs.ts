/**
 * Jobs stored in the database, so they survive a restart. Due jobs are claimed by one UPDATE: on
 * PostgreSQL over rows locked with SKIP LOCKED, so instances polling at the same moment never claim
 * the same job; SQLite has one writer at a time.
 */
import type { Sql } from '../sql.js';
import { STALE_JOB_MS, type Job, type JobQueue } from '../types.js';

export class JobRepository implements JobQueue {
  constructor(private readonly sql: Sql) {}

  async schedule(job: { id: string; kind: string; runAt: string; payload: string }, now: Date): Promise<void> {
    await this.sql.run("INSERT INTO jobs (id, kind, run_at, payload, status, updated_at) VALUES (?, ?, ?, ?, 'pending', ?) ON CONFLICT DO NOTHING", [job.id, job.kind, job.runAt, job.payload, now.toISOString()]);
  }

  /** `now` is the caller's clock (tests move a fake one), never the database's. */
  async claimDue(now: Date, limit: number): Promise<Job[]> {
    const { seq, lockSkipLocked } = this.sql.dialect;
    const rows = await this.sql.all<{ id: string; kind: string; run_at: string; payload: string; attempts: number; seq: number | string }>(
      `UPDATE jobs SET status = 'running', attempts = attempts + 1, updated_at = ?
       WHERE id IN (
         SELECT id FROM jobs WHERE (status = 'pending' AND run_at <= ?) OR (status = 'running' AND updated_at < ?)
         ORDER BY run_at, ${seq} LIMIT ?${lockSkipLocked}
       )
       RETURNING id, kind, run_at, payload, attempts, ${seq} AS seq`,
      [now.toISOString(), now.toISOString(), new Date(now.getTime() - STALE_JOB_MS).toISOString(), this.sql.dialect.limit(limit)],
    );
    // RETURNING keeps no order: the earliest due first, as selected
    rows.sort((a, b) => (a.run_at < b.run_at ? -1 : a.run_at > b.run_at ? 1 : Number(a.seq) - Number(b.seq)));
    return rows.map((j) => ({ id: j.id, kind: j.kind, runAt: j.run_at, payload: j.payload, attempts: j.attempts }));
  }

  async finish(id: string, status: 'done' | 'skipped' | 'failed' | 'pending', note: string | null, now: Date, runAt?: string): Promise<void> {
    await this.sql.run('UPDATE jobs SET status = ?, note = ?, updated_at = ?, run_at = COALESCE(?, run_at) WHERE id = ?', [status, note, now.toISOString(), runAt ?? null, id]);
  }

  async cancelFor(kind: string, payload: string): Promise<void> {
    await this.sql.run("DELETE FROM jobs WHERE kind = ? AND payload = ? AND status = 'pending'", [kind, payload]);
  }

  /** Every job, whatever its status, whose JSON payload names the conversation. */
  async forgetConversation(conversationId: string): Promise<number> {
    return this.sql.transaction(async (tx) => {
      // the text search (for the id as JSON writes it) only narrows the rows; the JSON decides
      const rows = await tx.all<{ id: string; payload: string }>("SELECT id, payload FROM jobs WHERE payload LIKE ? ESCAPE '!' ORDER BY id", [`%${likeLiteral(JSON.stringify(conversationId).slice(1, -1))}%`]);
      let forgotten = 0;
      for (const r of rows) if (carries(r.payload, conversationId)) forgotten += (await tx.run('DELETE FROM jobs WHERE id = ?', [r.id])).changes;
      return forgotten;
    });
  }
}

/** The text as a LIKE pattern that matches only itself (with ESCAPE '!'). */
const likeLiteral = (text: string) => text.replace(/[!%_]/g, (c) => `!${c}`);

function carries(payload: string, conversationId: string): boolean {
  try {
    return (JSON.parse(payload) as { conversationId?: string }).conversationId === conversationId;
  } catch {
    return false; // a plain payload (an appointment id) does not carry a conversation
  }
}
