/**
 * Runs the jobs stored in the database (reminders, replies to retry): each due job is claimed
 * once, handed to the handler of its kind, and finished; a failure is retried with backoff up to
 * a limit. Because the jobs live in the database, nothing is lost across a restart.
 */
import type { JobQueue } from '../storage/types.js';

/** `retryAfterMs`: the service asked us to wait that long before the next try (a 429). */
export type JobOutcome = { status: 'done' | 'skipped' | 'failed'; note: string | null; retryAfterMs?: number };
export type JobHandler = (payload: string) => Promise<JobOutcome>;

const MAX_ATTEMPTS = 5;
const BACKOFF_MS = 5 * 60_000;

export class JobRunner {
  private timer?: NodeJS.Timeout;
  private readonly handlers = new Map<string, JobHandler>();

  constructor(
    private readonly jobs: JobQueue,
    private readonly now: () => Date,
  ) {}

  handle(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }

  /** Runs the due jobs once; returns what happened to each. */
  async tick(): Promise<{ id: string; status: 'done' | 'skipped' | 'failed' | 'pending' }[]> {
    const results: { id: string; status: 'done' | 'skipped' | 'failed' | 'pending' }[] = [];
    for (const job of await this.jobs.claimDue(this.now(), 50)) {
      const handler = this.handlers.get(job.kind);
      const outcome: JobOutcome = handler
        ? await handler(job.payload).catch((err: Error) => ({ status: 'failed' as const, note: err.message }))
        : { status: 'skipped', note: `no handler for ${job.kind}` };
      const now = this.now();
      if (outcome.status === 'failed' && job.attempts < MAX_ATTEMPTS) {
        const wait = outcome.retryAfterMs ?? BACKOFF_MS * 2 ** (job.attempts - 1);
        await this.jobs.finish(job.id, 'pending', outcome.note, now, new Date(now.getTime() + wait).toISOString());
        results.push({ id: job.id, status: 'pending' });
      } else {
        await this.jobs.finish(job.id, outcome.status, outcome.note, now);
        results.push({ id: job.id, status: outcome.status });
      }
    }
    return results;
  }

  private soonPending = false;

  /** Runs the due jobs as soon as possible (a message just became due), when the runner is started; several calls make one run. */
  soon(): void {
    if (!this.timer || this.soonPending) return;
    this.soonPending = true;
    setImmediate(() => {
      this.soonPending = false;
      void this.tick().catch(() => undefined);
    });
  }

  start(intervalMs = 30_000): void {
    void this.tick().catch(() => undefined);
    this.timer = setInterval(() => void this.tick().catch(() => undefined), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
