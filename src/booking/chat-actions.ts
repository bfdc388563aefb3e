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
import { receivesPeople, takesRequests, type Centre, type NearbyCentre } from './centres.js';
import { centreName, centrePlace, cityName, formatDay, formatWhen } from './format.js';
import { hoursOn, lastBookableDay, openWeekdays, openWeekdaysLabel, weekHoursLabel } from './hours.js';
import { foldText } from '../core/normalize.js';
import type { BookingService } from './service.js';

type BookingActions = Pick<Actions, 'nearestCentre' | 'freeSlots' | 'freeTimes' | 'book' | 'myAppointment' | 'cancelAppointment'>;

/** A country's name in the person's language ("Ghana", "غانا"), its code where none is known. */
function countryName(code: string, lang: Lang): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

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

  /** The countries whose centres take people, in the person's language. */
  const centreCountries = (lang: Lang): string => [...new Set(booking.centres.filter(receivesPeople).map((c) => countryName(c.country, lang)))].join(', ');

  /** A whole country named ("Marokko"): its centres without distances, which would be counted from the middle of the country. */
  const describeNearby = (lang: Lang, nearby: NearbyCentre[], inactive: NearbyCentre[], wholeCountry = false): string => {
    const lines = nearby.map((n, i) => `${i + 1}. ${t(lang, wholeCountry || n.distanceKm < 1 ? 'centres.lineHere' : 'centres.line', { name: centreName(n.centre, lang), city: centrePlace(n.centre, lang), km: n.distanceKm })}`);
    const notes = inactive.map((n) => t(lang, INACTIVE_KEYS[n.centre.status as keyof typeof INACTIVE_KEYS], { name: centreName(n.centre, lang), city: cityName(n.centre, lang), partner: n.centre.partner ?? '' }));
    const unconfirmed = nearby.some((n) => n.centre.unconfirmed.length) ? [t(lang, 'centres.unconfirmedNote')] : [];
    // A centre whose status is not confirmed takes requests: said before anyone chooses it.
    const requests = nearby.filter((n) => takesRequests(n.centre)).flatMap((n) => [
      // Dakar: who runs it now, then that it takes requests.
      ...(n.centre.status === 'handed-over' ? [t(lang, INACTIVE_KEYS['handed-over'], { name: centreName(n.centre, lang), city: cityName(n.centre, lang), partner: n.centre.partner ?? '' })] : []),
      t(lang, 'centres.requestNote', { city: cityName(n.centre, lang) }),
    ]);
    const reach = nearby.length ? [t(lang, 'centres.reach')] : [];
    return [t(lang, wholeCountry ? 'centres.thereHeading' : 'centres.nearestHeading'), ...lines, ...notes, ...requests, ...unconfirmed, ...reach].join('\n');
  };

  const appointmentLine = (lang: Lang, a: Appointment): string => {
    const centre = booking.centre(a.centreId)!;
    return t(lang, a.requested ? 'centres.mineRequested' : 'centres.mine', { when: formatWhen(a.start, centre, lang), centreName: centreName(centre, lang), city: cityName(centre, lang), reference: a.reference });
  };

  /** What a move keeps: the local day (a new hour only was asked for), the local hour ("the same time"), the name and the contact. */
  const keptForMove = (a: Appointment): Record<string, string> => {
    const centre = booking.centre(a.centreId);
    const local = centre ? DateTime.fromISO(a.start, { zone: 'utc' }).setZone(centre.timezone) : undefined;
    return { appointmentDay: local?.toISODate() ?? '', appointmentTime: local?.toFormat('HH:mm') ?? '', appointmentName: a.name ?? '', appointmentContact: a.contact ?? '' };
  };

  const upcoming = async (conversationId: string): Promise<Appointment[]> =>
    (await appointments.list({ conversationId, status: 'booked' })).filter((a) => Date.parse(a.start) > now().getTime() - 3600_000);

  return {
    async nearestCentre({ lang, query, location, urgent }): Promise<ActionResult> {
      let found = location ? booking.nearest(location) : query ? booking.nearest({ query }) : undefined;
      if (!found) return { outcome: 'unsure', outbox: [text(t(lang, 'centres.notFound'))], facts: { understood: false } };
      // In danger far from every centre (Johor Bahru, Tripoli): never a handoff that no centre owns, but the nearest
      // centre whose advisors speak the person's language, said so.
      const far = urgent && !found.centres.length && !found.nearbyInactive.length ? booking.nearestSpeaking(location ?? found.place!, lang) : undefined;
      if (far) found = { ...found, centres: [far] };
      const top = found.centres[0];
      // Riyadh, Kuala Lumpur, Berlin: no centre there; the advisors of the centres at home can answer in this chat.
      if (!top && found.place && !found.nearbyInactive.length) {
        // "Oran (Algeria)": the town as the gazetteer writes it, and its country in the person's language.
        const place = found.place.kind === 'country' ? countryName(found.place.country, lang) : `${found.place.name} (${countryName(found.place.country, lang)})`;
        return { outcome: 'unsure', outbox: [text(t(lang, 'centres.noneInPlace', { place, countries: centreCountries(lang) }))], vars: { placeWithoutCentre: 'yes' } };
      }
      if (!top && found.place && found.nearbyInactive.some((n) => n.centre.country === found.place!.country)) {
        // The centre there cannot take bookings or a handoff through this chat: said so, with a person or the countries that can.
        const there = found.nearbyInactive[0]!.centre;
        const countries = centreCountries(lang);
        // Suspended (Kabul): said plainly that it takes no appointments, with the other ways; else that its status is not confirmed.
        if (there.status === 'suspended') return { outcome: 'unavailable', outbox: [text(t(lang, 'centres.suspendedHere', { city: cityName(there, lang), countries }))], facts: { centre: there.id } };
        const notes = found.nearbyInactive.map((n) => t(lang, INACTIVE_KEYS[n.centre.status as keyof typeof INACTIVE_KEYS], { name: centreName(n.centre, lang), city: cityName(n.centre, lang), partner: n.centre.partner ?? '' }));
        return { outcome: 'unavailable', outbox: [text([...notes, t(lang, 'centres.notBookableHere', { city: cityName(there, lang), countries })].join('\n'))], facts: { centre: there.id } };
      }
      // The centre proposed for a handoff or a booking; "yes" when the person typed that centre's own town.
      const sameTown = Boolean(top && found.place && found.place.kind === 'town' && foldText(found.place.name) === foldText(top.centre.city));
      // centreUnconfirmed: the proposed centre takes requests, and a handoff's reply may take longer (the flows' askIf).
      const proposed: Record<string, string> = top
        ? {
            centreId: top.centre.id, centreName: centreName(top.centre, lang), centreCity: cityName(top.centre, lang), city: cityName(top.centre, lang), centreTown: top.centre.city,
            // its week ("Monday–Thursday 09:00–15:00, Friday 09:00–12:00"), for "are you open on Saturday?"
            centreHours: weekHoursLabel(top.centre, lang), placeIsCentreTown: sameTown ? 'yes' : '', centreUnconfirmed: takesRequests(top.centre) ? 'yes' : '',
            // the place named is in a country with a centre ("accra", "lahore"; not "berlin")
            placeInCentreCountry: found.place && booking.centres.some((c) => c.country === found.place!.country) ? 'yes' : '',
            // a country with several centres ("Tunesien", "indonesia"): the town decides which one, not the capital
            placeIsCountry: found.place?.kind === 'country' && found.centres.filter((n) => n.centre.country === found.place!.country).length > 1 ? 'yes' : '',
            // a town that is not the centre's own ("jakarta" -> Bandung): named with the distance before the days are chosen
            placeName: found.place?.kind === 'town' && !sameTown ? found.place.name : '',
            placeKm: found.place?.kind === 'town' && !sameTown ? String(top.distanceKm) : '',
            // in danger far from every centre: the centre that speaks the person's language
            farInOwnLanguage: far ? 'yes' : '',
          }
        : {};
      const offer: Option[] = found.centres.map((n) => ({ id: n.centre.id, label: t(lang, 'centres.bookAt', { city: cityName(n.centre, lang) }) }));
      offer.push({ id: 'menu', label: t(lang, 'common.mainMenu') });
      const where = far ? t(lang, 'centres.noneNearYourLanguage', { city: cityName(far.centre, lang) }) : describeNearby(lang, found.centres, found.nearbyInactive, found.place?.kind === 'country');
      return { outcome: 'ok', outbox: [text(where)], vars: proposed, choices: { centreChoices: offer }, ...(top ? { facts: { centre: top.centre.id } } : {}) };
    },

    async freeSlots({ lang, vars }): Promise<ActionResult> {
      const centre = booking.centre(vars.centreId ?? '');
      if (!centre) return { outcome: 'unavailable', outbox: [text(t(lang, 'booking.noSlots'))] };
      const facts = { centre: centre.id }; // the centre chosen for the booking
      if (!receivesPeople(centre)) return { outcome: 'unavailable', outbox: [text(t(lang, 'booking.noSlots'))], facts };
      // "la semaine prochaine": the days from that Monday on.
      const from = vars.wantFrom ?? '';
      const days = from ? (await booking.daysWithSlots(centre.id, 12)).filter((d) => d.date >= from).slice(0, 6) : await booking.daysWithSlots(centre.id, 6);
      // A day named beyond the first six ("nächste Woche Mittwoch") is offered too when it has free times.
      const want = vars.wantDay;
      if (want && days.length && !days.some((d) => d.date === want) && want > days[days.length - 1]!.date && ((await booking.slots(centre.id, want)) ?? []).length) days.push({ ...days[0]!, date: want });
      if (!days.length) return { outcome: 'unavailable', outbox: [text(t(lang, 'booking.noSlots'))], facts };
      const options = days.map((d) => ({ id: d.date, label: formatDay(d.date, lang) }));
      // Where the hours are not confirmed the days and times are preferences: said before the person chooses.
      const request = takesRequests(centre);
      // The centre is named before a day is chosen, and when the town the person named is not its own, that it is the nearest one and how far.
      const name = centreName(centre, lang);
      const where = vars.nearestTo && vars.nearestKm
        ? t(lang, 'booking.nearestCentre', { place: vars.nearestTo, km: vars.nearestKm, name, city: cityName(centre, lang) })
        : t(lang, 'booking.sameCentre', { name, city: cityName(centre, lang) });
      // What a refusal of a day not offered needs: the weekdays it opens and the last day that can be booked.
      const last = lastBookableDay(centre, now());
      // The days shown again at the same centre ("jeudi 17" looked up further ahead): not named twice.
      const named = vars.centreNamed === 'yes';
      return {
        outcome: 'ok',
        outbox: [...(named ? [] : [text(where)]), ...(request ? [text(t(lang, 'booking.requestIntro', { city: cityName(centre, lang) }))] : [])],
        vars: {
          centreName: name, city: cityName(centre, lang), centreTown: centre.city, centreUnconfirmed: request ? 'yes' : '', sameCentre: '', nearestTo: null, nearestKm: null, centreNamed: null, wantFrom: null,
          // a contact typed early belongs to this booking: a new one starts without it
          ...(named ? {} : { earlyContact: null }),
          openWeekdays: openWeekdays(centre).join(','), openDays: openWeekdaysLabel(centre, lang), lastDay: last ?? '', lastDayLabel: last ? formatDay(last, lang) : '',
        },
        choices: { dayChoices: options },
        facts,
      };
    },

    async freeTimes({ lang, vars }): Promise<ActionResult> {
      const all = (await booking.slots(vars.centreId ?? '', vars.day ?? '')) ?? [];
      if (!all.length) return { outcome: 'unavailable', outbox: [text(t(lang, 'booking.noSlots'))] };
      // "l'après-midi", "sore": only the times of that part of the day; none free then: said so, and the day's times.
      const part = vars.wantPart === 'morning' || vars.wantPart === 'afternoon' ? vars.wantPart : undefined;
      const inPart = part ? all.filter((s) => (part === 'morning' ? s.local < '12:00' : s.local >= '12:00')) : all;
      const slots = inPart.length ? inPart : all;
      const outbox = part && !inPart.length ? [text(t(lang, 'booking.partNotFree'))] : [];
      // Ten times at most; a time named earlier ("tuesday 2pm") is among them when it is free.
      // (a move that keeps its hour, "monday at the same time", wants the appointment's hour)
      const wantTime = vars.wantTime || (vars.moveKeeps === 'yes' ? vars.appointmentTime : undefined);
      const wanted = slots.findIndex((s) => s.local === wantTime);
      const from = wanted >= 10 ? Math.min(wanted - 4, slots.length - 10) : 0;
      // The day's opening hours, for a time named outside them ("15 Uhr" where the centre closes at 14:00).
      const centre = booking.centre(vars.centreId ?? '');
      const ranges = centre ? hoursOn(centre, vars.day ?? '') : [];
      return {
        outcome: 'ok',
        outbox,
        // The day in words with its times ("Thursday 10 December. Which time suits you?"): the person sees which day they are choosing for.
        vars: { wantPart: null, dayLabel: formatDay(vars.day ?? '', lang), dayRanges: ranges.join(','), dayHours: ranges.map((r) => r.replace('-', '–')).join(', ') },
        choices: { timeChoices: slots.slice(from, from + 10).map((s) => ({ id: s.start, label: s.local })) },
      };
    },

    async book({ lang, centreId, start, name, contact, conversationId }): Promise<ActionResult> {
      const centre = booking.centre(centreId);
      const result = await booking.book({ centreId, start, name, contact, conversationId, lang, createdBy: 'chat' }, appointments);
      if (result.status === 'taken' && centre) {
        const options = result.alternatives.map((s) => ({ id: s.start, label: formatWhen(s.start, centre, lang) }));
        return { outcome: options.length ? 'unsure' : 'unavailable', outbox: [text(t(lang, options.length ? 'booking.taken' : 'booking.noSlots'))], choices: { timeChoices: options } };
      }
      if (result.status !== 'booked') return { outcome: 'unavailable', outbox: [text(t(lang, 'booking.noSlots'))] };
      // A request is not a confirmed time: no reminder (nor calendar entry) until staff confirm it with the person.
      const requested = result.appointment.requested;
      if (jobs && !requested) await scheduleReminder(jobs, result.appointment, now());
      const when = formatWhen(result.appointment.start, result.centre, lang);
      // Where it is (as sourced), what to bring and how to reach the centre: no address or phone number is confirmed.
      const lines = [t(lang, requested ? 'booking.requested' : 'booking.booked', { when, centreName: centreName(result.centre, lang), city: centrePlace(result.centre, lang), reference: result.appointment.reference })];
      lines.push(t(lang, 'booking.bring'), t(lang, 'booking.reach'));
      if (!requested && result.centre.unconfirmed.includes('hours')) lines.push(t(lang, 'booking.unconfirmedHours'));
      const calendar: Outbound = { kind: 'link', text: t(lang, 'booking.calendar'), url: `${publicBaseUrl}/appointments/${result.appointment.reference}.ics` };
      // The details now live with the appointment only.
      const local = DateTime.fromISO(result.appointment.start, { zone: result.centre.timezone }).toFormat("yyyy-MM-dd'T'HH:mm");
      const booked = { reference: result.appointment.reference, centre: result.centre.id, local, ...(requested ? { requested: true as const } : {}) };
      return {
        outcome: 'ok',
        outbox: requested ? [text(lines.join('\n\n'))] : [text(lines.join('\n\n')), calendar],
        facts: { appointment: booked },
        vars: { name: null, contact: null, start: null, startLabel: null, day: null, dayLabel: null },
        choices: { timeChoices: null, dayChoices: null },
      };
    },

    async myAppointment({ lang, conversationId, reference, wantDay }): Promise<ActionResult> {
      // The day a move is to, as the person reads days ("Monday 14 December"), for the question before it.
      // ("ponedeljak" said on a Monday is next week's: today cannot be booked any more.)
      const moveTo: Record<string, string> = wantDay && /^\d{4}-\d{2}-\d{2}$/.test(wantDay) ? { wantDayLabel: formatDay(nextIfPast(wantDay, now()), lang) } : {};
      // A reference is the person's key to their appointment, even from another chat; changing it needs the chat that booked it.
      const byRef = reference ? await appointments.byReference(reference) : undefined;
      if (byRef && byRef.status === 'booked') {
        const own = byRef.conversationId === conversationId;
        return { outcome: 'ok', outbox: [text(appointmentLine(lang, byRef))], vars: own ? { appointmentId: byRef.id, centreId: byRef.centreId, appointmentCount: '1', ...keptForMove(byRef), ...moveTo } : { appointmentId: null } };
      }
      const mine = await upcoming(conversationId);
      if (!mine.length) return { outcome: 'unsure', outbox: [text(t(lang, 'centres.noAppointment'))] };
      // A reference that is none of ours ("ZZ9QQQ"): said so before the appointments of this chat, never silently passed over.
      const unknown = reference && !byRef ? [text(t(lang, 'centres.referenceUnknown', { reference }))] : [];
      return { outcome: 'ok', outbox: [...unknown, text(mine.map((a) => appointmentLine(lang, a)).join('\n'))], vars: { appointmentId: mine[0]!.id, centreId: mine[0]!.centreId, appointmentCount: String(mine.length), ...keptForMove(mine[0]!), ...moveTo } };
    },

    async cancelAppointment({ lang, appointmentId, conversationId, replaced }): Promise<ActionResult> {
      const appointment = await appointments.get(appointmentId);
      if (!appointment || appointment.conversationId !== conversationId || !(await appointments.cancel(appointment.id))) {
        return { outcome: 'unsure', outbox: [text(t(lang, 'centres.noAppointment'))], vars: { appointmentId: null } };
      }
      if (jobs) await jobs.cancelFor(REMINDER_KIND, appointment.id);
      // After a move, the old one is named by its day and hour: its reference alone reads like the new booking's.
      const centre = booking.centre(appointment.centreId);
      const said = replaced && centre ? t(lang, 'centres.replacedCancelled', { when: formatWhen(appointment.start, centre, lang), reference: appointment.reference }) : t(lang, 'centres.cancelled', { reference: appointment.reference });
      return { outcome: 'ok', outbox: [text(said)], vars: { appointmentId: null }, facts: { cancelled: appointment.reference } };
    },
  };
}

/** A day already here or gone (YYYY-MM-DD) as the same weekday a week on. */
function nextIfPast(day: string, now: Date): string {
  const today = now.toISOString().slice(0, 10);
  return day > today ? day : DateTime.fromISO(day, { zone: 'utc' }).plus({ days: 7 }).toISODate()!;
}
