/**
 * The booking side of the flows: nearest centres, the days and times that are free and "my
 * appointment" (lookups the turn calls), and the booking and its cancellation (effects the runtime
 * performs for the turn). Choices for the next question are handed back by name, so the turn and
 * the channels stay unaware of centres and slots.
 */
import { DateTime } from 'luxon';
import type { ActionResult, Actions, Translate } from '../core/actions.js';
import type { Lang } from '../core/lang.js';
import type { Option, Outbound } from '../core/messages.js';
import type { AppointmentStore, Appointment, JobQueue } from '../storage/types.js';
import { REMINDER_KIND, scheduleReminder } from './reminders.js';
import type { Centre, NearbyCentre } from './centres.js';
import { centreName, formatWhen, LUXON_LOCALES } from './format.js';
import type { BookingService } from './service.js';

type BookingActions = Pick<Actions, 'nearestCentre' | 'freeSlots' | 'freeTimes' | 'book' | 'myAppointment' | 'cancelAppointment'>;

const INACTIVE_KEYS: Record<Exclude<Centre['status'], 'active'>, string> = {
  unconfirmed: 'centres.inactive.unconfirmed',
  planned: 'centres.inactive.planned',
  'handed-over': 'centres.inactive.handedOver',
  suspended: 'centres.inactive.suspended',
};

/**
 * `appointments` and `jobs` are the stores the booking and cancellation write through: the
 * runtime passes its turn's transaction, so a booking is stored with the turn or not at all.
 */
export function bookingActions(booking: BookingService, appointments: AppointmentStore, t: Translate, now: () => Date, jobs?: JobQueue, publicBaseUrl = ''): BookingActions {
  const text = (s: string): Outbound => ({ kind: 'text', text: s });

  const describeNearby = (lang: Lang, nearby: NearbyCentre[], inactive: NearbyCentre[]): string => {
    const lines = nearby.map((n, i) => `${i + 1}. ${t(lang, 'centres.line', { name: centreName(n.centre, lang), city: n.centre.city, km: n.distanceKm })}`);
    const notes = inactive.map((n) => t(lang, INACTIVE_KEYS[n.centre.status as keyof typeof INACTIVE_KEYS], { name: centreName(n.centre, lang), city: n.centre.city, partner: n.centre.partner ?? '' }));
    const unconfirmed = nearby.some((n) => n.centre.unconfirmed.length) ? [t(lang, 'centres.unconfirmedNote')] : [];
    return [t(lang, 'centres.nearestHeading'), ...lines, ...notes, ...unconfirmed].join('\n');
  };

  const appointmentLine = (lang: Lang, a: Appointment): string => {
    const centre = booking.centre(a.centreId)!;
    return t(lang, 'centres.mine', { when: formatWhen(a.start, centre, lang), centreName: centreName(centre, lang), city: centre.city, reference: a.reference });
  };

  const upcoming = async (conversationId: string): Promise<Appointment[]> =>
    (await appointments.list({ conversationId, status: 'booked' })).filter((a) => Date.parse(a.start) > now().getTime() - 3600_000);

  return {
    async nearestCentre({ lang, query, location }): Promise<ActionResult> {
      const found = location ? booking.nearest(location) : query ? booking.nearest({ query }) : undefined;
      if (!found) return { outcome: 'unsure', outbox: [text(t(lang, 'centres.notFound'))] };
      const offer: Option[] = found.centres.map((n) => ({ id: n.centre.id, label: t(lang, 'centres.bookAt', { city: n.centre.city }) }));
      offer.push({ id: 'menu', label: t(lang, 'common.mainMenu') });
      return { outcome: 'ok', outbox: [text(describeNearby(lang, found.centres, found.nearbyInactive))], choices: { centreChoices: offer } };
    },

    async freeSlots({ lang, vars }): Promise<ActionResult> {
      const centre = booking.centre(vars.centreId ?? '');
      if (!centre || centre.status !== 'active') return { outcome: 'unavailable', outbox: [text(t(lang, 'booking.noSlots'))] };
      const days = await booking.daysWithSlots(centre.id, 6);
      if (!days.length) return { outcome: 'unavailable', outbox: [text(t(lang, 'booking.noSlots'))] };
      const options = days.map((d) => ({ id: d.date, label: DateTime.fromISO(d.date).setLocale(LUXON_LOCALES[lang]).toFormat('cccc d LLLL') }));
      return { outcome: 'ok', outbox: [], vars: { centreName: centreName(centre, lang), city: centre.city }, choices: { dayChoices: options } };
    },

    async freeTimes({ lang, vars }): Promise<ActionResult> {
      const slots = (await booking.slots(vars.centreId ?? '', vars.day ?? '')) ?? [];
      if (!slots.length) return { outcome: 'unavailable', outbox: [text(t(lang, 'booking.noSlots'))] };
      return { outcome: 'ok', outbox: [], choices: { timeChoices: slots.slice(0, 10).map((s) => ({ id: s.start, label: s.local })) } };
    },

    async book({ lang, centreId, start, name, contact, conversationId }): Promise<ActionResult> {
      const centre = booking.centre(centreId);
      const result = await booking.book({ centreId, start, name, contact, conversationId, lang, createdBy: 'chat' }, appointments);
      if (result.status === 'taken' && centre) {
        const options = result.alternatives.map((s) => ({ id: s.start, label: formatWhen(s.start, centre, lang) }));
        return { outcome: options.length ? 'unsure' : 'unavailable', outbox: [text(t(lang, options.length ? 'booking.taken' : 'booking.noSlots'))], choices: { timeChoices: options } };
      }
      if (result.status !== 'booked') return { outcome: 'unavailable', outbox: [text(t(lang, 'booking.noSlots'))] };
      if (jobs) await scheduleReminder(jobs, result.appointment, now());
      const when = formatWhen(result.appointment.start, result.centre, lang);
      const lines = [t(lang, 'booking.booked', { when, centreName: centreName(result.centre, lang), city: result.centre.city, reference: result.appointment.reference })];
      if (result.centre.unconfirmed.includes('hours')) lines.push(t(lang, 'booking.unconfirmedHours'));
      const calendar: Outbound = { kind: 'link', text: t(lang, 'booking.calendar'), url: `${publicBaseUrl}/appointments/${result.appointment.reference}.ics` };
      // The details now live with the appointment only.
      return { outcome: 'ok', outbox: [text(lines.join('\n\n')), calendar], vars: { name: null, contact: null, start: null, startLabel: null, day: null, dayLabel: null }, choices: { timeChoices: null, dayChoices: null } };
    },

    async myAppointment({ lang, conversationId }): Promise<ActionResult> {
      const mine = await upcoming(conversationId);
      if (!mine.length) return { outcome: 'unsure', outbox: [text(t(lang, 'centres.noAppointment'))] };
      return { outcome: 'ok', outbox: [text(mine.map((a) => appointmentLine(lang, a)).join('\n'))], vars: { appointmentId: mine[0]!.id } };
    },

    async cancelAppointment({ lang, appointmentId, conversationId }): Promise<ActionResult> {
      const appointment = await appointments.get(appointmentId);
      if (!appointment || appointment.conversationId !== conversationId || !(await appointments.cancel(appointment.id))) {
        return { outcome: 'unsure', outbox: [text(t(lang, 'centres.noAppointment'))], vars: { appointmentId: null } };
      }
      if (jobs) await jobs.cancelFor(REMINDER_KIND, appointment.id);
      return { outcome: 'ok', outbox: [text(t(lang, 'centres.cancelled', { reference: appointment.reference }))], vars: { appointmentId: null } };
    },
  };
}
