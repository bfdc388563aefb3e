/**
 * Reminders the day before an appointment, sent through the person's own channel. They are jobs
 * in the database (see JobRunner), so they survive a restart, and each is claimed once. On
 * WhatsApp after 24 hours the approved "appointment-reminder" template goes instead, with date,
 * time, centre and reference. A channel that refuses (no template, a person who wrote stop) skips
 * the reminder rather than failing silently; a failed send is retried with backoff. What was sent
 * is stored with its delivery status (see runtime/outbound.ts).
 *
 * A centre that cancels an appointment tells the person the same way (the "booking-changed"
 * template outside the window).
 */
import type { Translate } from '../core/actions.js';
import { isLang } from '../core/lang.js';
import type { JobHandler } from '../runtime/job-runner.js';
import { sendOutcome, sendToConversation, type ChannelSender, type SendPurpose, type SendResult } from '../runtime/outbox.js';
import { recordSent } from '../runtime/outbound.js';
import type { Appointment, JobQueue, Storage } from '../storage/types.js';
import type { Centre } from './centres.js';
import type { BookingService } from './service.js';
import { centreName, cityName, formatDateAndTime, formatWhen } from './format.js';

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
  now: () => Date = () => new Date(),
): JobHandler {
  return async (appointmentId) => {
    const a = await storage.appointments.get(appointmentId);
    if (!a || a.status !== 'booked' || !a.conversationId) return { status: 'skipped', note: 'the appointment was cancelled or its person forgotten' };
    if (a.requested) return { status: 'skipped', note: 'a request the centre has not confirmed' };
    const centre = booking.centre(a.centreId);
    if (!centre) return { status: 'skipped', note: `no centre ${a.centreId}` };
    return sendOutcome(await tellAbout(storage, senders, t, a, centre, 'booking.reminder', 'appointment-reminder', now()));
  };
}

/** Sends the person a text about their appointment, or the purpose's template where only that may go; stores what was sent. */
async function tellAbout(
  storage: Storage,
  senders: ReadonlyMap<string, ChannelSender>,
  t: Translate,
  a: Appointment,
  centre: Centre,
  key: string,
  kind: 'appointment-reminder' | 'booking-changed',
  now: Date,
): Promise<SendResult> {
  const lang = isLang(a.lang) ? a.lang : 'en';
  const name = centreName(centre, lang);
  const text = t(lang, key, { when: formatWhen(a.start, centre, lang), centreName: name, city: cityName(centre, lang), reference: a.reference });
  const purpose: SendPurpose = { kind, ...formatDateAndTime(a.start, centre, lang), centre: `${name}, ${cityName(centre, lang)}`, reference: a.reference };
  const outbox = [{ kind: 'text' as const, text }];
  const sent = await sendToConversation(storage.conversations, senders, a.conversationId!, outbox, purpose);
  if (sent.status === 'sent') await recordSent(storage, { conversationId: a.conversationId!, outbox, purpose }, sent, now);
  return sent;
}

/**
 * Tells the person that their centre cancelled their appointment (best effort: the cancellation
 * stands whatever the channel says); what became of the message is returned for the log.
 */
export function bookingChangedNotifier(storage: Storage, booking: BookingService, senders: ReadonlyMap<string, ChannelSender>, t: Translate, now: () => Date) {
  return async (a: Appointment): Promise<SendResult | undefined> => {
    const centre = booking.centre(a.centreId);
    if (!a.conversationId || !centre) return undefined;
    return tellAbout(storage, senders, t, a, centre, 'booking.cancelledByCentre', 'booking-changed', now());
  };
}
