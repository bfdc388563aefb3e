/** A day, a time or a booking the person asked for earlier, chosen when the step offers it. */
import { DateTime } from 'luxon';
import type { Option } from '../core/messages.js';
import { matchDay, outsideHours } from '../understanding/when.js';
import type { AskStep } from './schema.js';
import { say, type Turn } from './context.js';
import { askOptions } from './render.js';

/** Whether the centre of the booking is closed on that date's weekday (its open weekdays, as freeSlots left them in the variables). */
export function closedOn(vars: Turn['state']['vars'], date: string): boolean {
  const open = (vars.openWeekdays ?? '').split(',').filter(Boolean).map(Number);
  return open.length > 0 && !open.includes(DateTime.fromISO(date).weekday);
}

/** A day or time named earlier that the step now offers: chosen without asking again. */
export function wantedOption(turn: Turn, ask: AskStep): Option | undefined {
  const { vars } = turn.state;
  // A move to another hour only keeps the appointment's day.
  if (ask.var === 'day' && vars.moveKeepsPerson && vars.wantTime && !vars.wantDay && vars.appointmentDay) vars.wantDay = vars.appointmentDay;
  if (ask.var === 'day' && vars.wantDay) {
    const want = vars.wantDay;
    const said = vars.wantDayText;
    delete vars.wantDay;
    delete vars.wantDayText;
    const options = askOptions(turn, ask);
    const exact = options.find((o) => o.id.endsWith(`:${want}`));
    if (exact || !said) return exact;
    // The day read against the days on offer, as at the day step ("lundi" on a Monday without free times today: the next one).
    const today = DateTime.fromJSDate(turn.deps.now()).toUTC().toISODate()!;
    const day = matchDay(said, options.map((o) => o.id.slice(o.id.indexOf(':') + 1)), today);
    const found = day ? options.find((o) => o.id.endsWith(`:${day}`)) : undefined;
    // "saturday 9am" with the request: never dropped unsaid; a weekday the centre is closed on is said so before the days.
    if (!found && closedOn(vars, want)) say(turn, 'booking.dayClosed');
    return found;
  }
  if (ask.optionsVar === 'centreChoices' && (vars.wantBooking || vars.centresChoice === 'book')) {
    // "I want to book" (or "Book an appointment" in the centres menu), then the town: the centre of that town, or the nearest
    // of the town's country, is booked at, as an advisor would (the days say where, and that another town can be written);
    // a whole country with several centres, or a place in none of theirs, gets them offered.
    delete vars.wantBooking;
    delete vars.centresChoice;
    const centres = askOptions(turn, ask).filter((o) => !o.id.endsWith(':menu'));
    const nearestIsTheirs = vars.placeIsCentreTown === 'yes' || (vars.placeInCentreCountry === 'yes' && vars.placeIsCountry !== 'yes');
    return centres.length === 1 || nearestIsTheirs ? centres[0] : undefined;
  }
  // A move that keeps the hour: the old hour is the time wanted.
  const keptTime = vars.moveKeeps === 'yes' ? vars.appointmentTime : undefined;
  if (ask.var === 'start' && (vars.wantTime || keptTime)) {
    const want = (vars.wantTime || keptTime)!;
    delete vars.wantTime;
    const option = askOptions(turn, ask).find((o) => o.label === want);
    // Never asked again as if unsaid: the time named is taken, so the free ones follow.
    // Outside the centre's hours that day ("15 Uhr" where it closes at 14:00): said so, with the hours.
    if (!option) say(turn, outsideHours(vars.dayRanges, want) ? 'booking.outsideHours' : 'booking.timeNotFree');
    // Not the hour promised: the new booking is shown for a yes after all.
    if (!option && vars.moveKeeps) vars.moveKeeps = 'details';
    return option;
  }
  // A name given with the booking request ("… my name na Abena Mensah"): not asked again.
  if (ask.var === 'name' && vars.earlyName) {
    const name = vars.earlyName;
    delete vars.earlyName;
    return { id: `kept:${name}`, label: name };
  }
  // A number given with the booking request ("… call me 0244123456"): not asked again.
  if (ask.var === 'contact' && vars.contactWithRequest) {
    const contact = vars.contactWithRequest;
    delete vars.contactWithRequest;
    return { id: `kept:${contact}`, label: contact };
  }
  return keptForMove(turn, ask);
}

/**
 * A move keeps the person: the name and contact of the appointment moved. One that keeps the rest too
 * ("jamnya sama") has its yes already given ("move it to Thursday at 10:00, same name and contact?").
 */
function keptForMove(turn: Turn, ask: AskStep): Option | undefined {
  const { vars } = turn.state;
  if (!vars.moveKeeps && !vars.moveKeepsPerson) return undefined;
  if (ask.var === 'name' && vars.appointmentName) return { id: `kept:${vars.appointmentName}`, label: vars.appointmentName };
  if (ask.var === 'contact' && vars.appointmentContact) return { id: `kept:${vars.appointmentContact}`, label: vars.appointmentContact };
  if (ask.expects === 'confirm' && turn.state.at.flow === 'booking') {
    const yes = vars.moveKeeps === 'yes' ? ask.options?.find((o) => o.id === 'yes') : undefined;
    delete vars.moveKeeps;
    delete vars.moveKeepsPerson;
    delete vars.moveNamed;
    return yes ? { id: `kept:${yes.id}`, label: yes.id } : undefined;
  }
  return undefined;
}
