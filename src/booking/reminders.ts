/**
 * Reminders the day before an appointment, sent through the person's own channel. They are jobs
 * in the database, so they survive a restart, and each is claimed once. A channel that refuses
 * (WhatsApp's 24-hour window, a person who wrote stop) skips the reminder rather than failing
 * silently; a failed send is retried with backoff.
 */
import type { Translate } from '../core/actions.js';
import { isLang } from '../core/lang.js';
import type { ChannelSender } from '../channels/adapter.js';
import type { Appointment, JobQueue, Storage } from '../storage/types.js';
import type { BookingService } from './service.js';
import { centreName, formatWhen } from './format.js';

export const REMINDER_KIND = 'reminder';
const REMINDER_BEFORE_MS = 24 * 3600_000;
const MAX_ATTEMPTS = 5;

export async function scheduleReminder(jobs: JobQueue, appointment: Appointment, now: Date): Promise<boolean> {
  const runAt = Date.parse(appointment.start) - REMINDER_BEFORE_MS;
  if (!appointment.conversationId || runAt <= now.getTime()) return false;
  await jobs.schedule({ id: `${REMINDER_KIND}:${appointment.id}`, kind: REMINDER_KIND, runAt: new Date(runAt).toISOString(), payload: appointment.id }, now);
  return true;
}

export class ReminderRunner {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly storage: Storage,
    private readonly booking: BookingService,
    private readonly senders: ReadonlyMap<string, ChannelSender>,
    private readonly t: Translate,
    private readonly now: () => Date,
  ) {}

  /** Runs due reminders once; returns what happened to each. */
  async tick(): Promise<{ id: string; status: 'done' | 'skipped' | 'failed' | 'pending' }[]> {
    const results: { id: string; status: 'done' | 'skipped' | 'failed' | 'pending' }[] = [];
    for (const job of await this.storage.jobs.claimDue(this.now(), 50)) {
      if (job.kind !== REMINDER_KIND) continue;
      const outcome = await this.remind(job.payload);
      const now = this.now();
      if (outcome.status === 'failed' && job.attempts < MAX_ATTEMPTS) {
        await this.storage.jobs.finish(job.id, 'pending', outcome.note, now, new Date(now.getTime() + 5 * 60_000 * job.attempts).toISOString());
        results.push({ id: job.id, status: 'pending' });
      } else {
        await this.storage.jobs.finish(job.id, outcome.status, outcome.note, now);
        results.push({ id: job.id, status: outcome.status });
      }
    }
    return results;
  }

  private async remind(appointmentId: string): Promise<{ status: 'done' | 'skipped' | 'failed'; note: string | null }> {
    const a = await this.storage.appointments.get(appointmentId);
    if (!a || a.status !== 'booked' || !a.conversationId) return { status: 'skipped', note: 'the appointment was cancelled or its person forgotten' };
    const centre = this.booking.centre(a.centreId);
    const split = a.conversationId.indexOf(':');
    const sender = this.senders.get(a.conversationId.slice(0, split));
    if (!centre || !sender) return { status: 'skipped', note: 'no channel to remind through' };
    const state = await this.storage.conversations.load(a.conversationId);
    if (state?.stopped) return { status: 'skipped', note: 'the person wrote stop' };
    const lang = isLang(a.lang) ? a.lang : 'en';
    const text = this.t(lang, 'booking.reminder', { when: formatWhen(a.start, centre, lang), centreName: centreName(centre, lang), city: centre.city, reference: a.reference });
    const sent = await sender.send(a.conversationId.slice(split + 1), [{ kind: 'text', text }]);
    if (sent.status === 'sent') return { status: 'done', note: null };
    return { status: sent.status === 'refused' ? 'skipped' : 'failed', note: sent.reason };
  }

  start(intervalMs = 60_000): void {
    void this.tick().catch(() => undefined);
    this.timer = setInterval(() => void this.tick().catch(() => undefined), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
