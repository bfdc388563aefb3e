/**
 * The job queue on PostgreSQL: due jobs are claimed by one UPDATE over rows locked with SKIP LOCKED,
 * so instances polling at the same moment never claim the same job.
 */
import type { PostgresDatabase } from './postgres.js';
import { STALE_JOB_MS, type Job, type JobQueue } from './types.js';

export class PgJobQueue implements JobQueue {
  constructor(private readonly db: PostgresDatabase) {}

  async schedule(job: { id: string; kind: string; runAt: string; payload: string }, now: Date): Promise<void> {
    await this.db.run(
      "INSERT INTO jobs (id, kind, run_at, payload, status, updated_at) VALUES ($1, $2, $3, $4, 'pending', $5) ON CONFLICT DO NOTHING",
      [job.id, job.kind, job.runAt, job.payload, now.toISOString()],
    );
  }

  /** `now` is the caller's clock (tests move a fake one), never the database's. */
  async claimDue(now: Date, limit: number): Promise<Job[]> {
    const rows = await this.db.all<{ id: string; kind: string; run_at: string; payload: string; attempts: number }>(
      `WITH claimed AS (
         UPDATE jobs SET status = 'running', attempts = attempts + 1, updated_at = $1
         WHERE id IN (
           SELECT id FROM jobs WHERE (status = 'pending' AND run_at <= $1) OR (status = 'running' AND updated_at < $3)
           ORDER BY run_at, seq LIMIT $2 FOR UPDATE SKIP LOCKED
         )
         RETURNING id, kind, run_at, payload, attempts, seq
       )
       SELECT id, kind, run_at, payload, attempts FROM claimed ORDER BY run_at, seq`,
      // SQLite reads a negative LIMIT as no limit; PostgreSQL rejects it
      [now.toISOString(), limit < 0 ? null : limit, new Date(now.getTime() - STALE_JOB_MS).toISOString()],
    );
    return rows.map((j) => ({ id: j.id, kind: j.kind, runAt: j.run_at, payload: j.payload, attempts: j.attempts }));
  }

  async finish(id: string, status: 'done' | 'skipped' | 'failed' | 'pending', note: string | null, now: Date, runAt?: string): Promise<void> {
    await this.db.run('UPDATE jobs SET status = $1, note = $2, updated_at = $3, run_at = COALESCE($4, run_at) WHERE id = $5', [status, note, now.toISOString(), runAt ?? null, id]);
  }

  /** Like SQLite: every job, whatever its status, whose JSON payload names the conversation. */
  async forgetConversation(conversationId: string): Promise<number> {
    // SQLite's prefilter (LIKE: ASCII case-insensitive, no escape character), so the same rows reach the JSON check
    const rows = await this.db.all<{ id: string; payload: string }>("SELECT id, payload FROM jobs WHERE payload ILIKE '%' || $1 || '%' ESCAPE ''", [conversationId]);
    const ids = rows.filter((r) => carries(r.payload, conversationId)).map((r) => r.id);
    return ids.length ? (await this.db.run('DELETE FROM jobs WHERE id = ANY($1)', [ids])).changes : 0;
  }

  async cancelFor(kind: string, payload: string): Promise<void> {
    await this.db.run("DELETE FROM jobs WHERE kind = $1 AND payload = $2 AND status = 'pending'", [kind, payload]);
  }
}

function carries(payload: string, conversationId: string): boolean {
  try {
    return (JSON.parse(payload) as { conversationId?: string }).conversationId === conversationId;
  } catch {
    return false; // a plain payload (an appointment id) does not carry a conversation
  }
}
