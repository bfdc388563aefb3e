/**
 * Reminders the day before an appointment, sent through the person's own channel. They are jobs
 * in the database (see JobRunner), so they survive a restart, and each is claimed once. A channel
 * that refuses (WhatsApp's 24-hour window, a person who wrote stop) skips the reminder rather than
 * failing silently; a failed send is retried with backoff.
 */
import type { Translate } from '../core/actions.js';
import { isLang } from '../core/lang.js';
import type { JobHandler } from '../runtime/job-runner.js';
import { sendOutcome, sendToConversation, type ChannelSender } from '../runtime/outbox.js';
import type { Appointment, JobQueue, Storage } from '../storage/types.js';
import type { BookingService } from './service.js';
import { centreName, formatWhen } from './format.js';

export const REMINDER_KIND = 'reminder';
const REMINDER_BEFORE_MS = 24 * 3600_000;

export async function scheduleReminder(jobs: JobQueue, appointment: Appointment, now: Date): Promise<boolean> {
  const runAt = Date.parse(appointment.start) - REMINDER_BEFORE_MS;
  if (!appointment.conversationId || runAt <= now.getTime()) return false;
  await jobs.schedule({ id: `${REMINDER_KIND}:${appointment.id}`, kind: REMINDER_KIND, runAt: new Date(runAt).toISOString(), payload: appointment.id }, now);
  return true;
}

/** The job handler that sends one reminder through the person's channel. */
export function reminderHandler(
  storage: Storage,
  booking: BookingService,
  senders: ReadonlyMap<string, ChannelSender>,
  t: Translate,
): JobHandler {
  return async (appointmentId) => {
    const a = await storage.appointments.get(appointmentId);
    if (!a || a.status !== 'booked' || !a.conversationId) return { status: 'skipped', note: 'the appointment was cancelled or its person forgotten' };
    const centre = booking.centre(a.centreId);
    if (!centre) return { status: 'skipped', note: `no centre ${a.centreId}` };
    const lang = isLang(a.lang) ? a.lang : 'en';
    const text = t(lang, 'booking.reminder', { when: formatWhen(a.start, centre, lang), centreName: centreName(centre, lang), city: centre.city, reference: a.reference });
    return sendOutcome(await sendToConversation(storage.conversations, senders, a.conversationId, [{ kind: 'text', text }]));
  };
}
