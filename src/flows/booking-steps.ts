/**
 * Replies at the booking's day and time steps that are not a day or a time on offer, answered
 * with the truth: the centre is closed that weekday, the day is past the last one that can be
 * booked, the hour is outside the centre's hours, a phone number is a contact and not a time,
 * "never mind" leaves the booking. The centre's facts come from the booking actions' variables
 * (openWeekdays, lastDay, dayRanges), so this stays unaware of centres.
 */
import { DateTime } from 'luxon';
import { extractContact } from '../understanding/replies.js';
import { withdrawsRequest } from '../understanding/requests.js';
import { phraseSet, words } from '../understanding/phrases.js';
import { matchDay } from '../understanding/when.js';
import type { AskStep } from './schema.js';
import { positionRef, say, type Turn } from './context.js';
import { renderAsk } from './render.js';
import { advance } from './runner.js';
import { closedOn } from './wanted.js';

/** "not now", "pas maintenant", "abhi nahi", "machi daba": the booking is put off, not a day asked for. */
const NOT_NOW = phraseSet([
  'not now', 'maybe later', 'another time', 'pas maintenant', 'une autre fois', 'nicht jetzt', 'ein andermal', 'ahora no', 'en otro momento', 'otro momento',
  'abhi nahi', 'abhi nai', 'phir kabhi', 'ابھی نہیں', 'nanti aja', 'nanti saja', 'lain kali', 'jo tani', 'jo sot', 'ne sada', 'ne sad', 'drugi put',
  'machi daba', 'mashi daba', 'machi lyoum', 'ماشي دابا', 'مشي دابا', 'ليس الان', 'مش هلا', 'مش هلق', 'مو هسه', 'مش دلوقتي',
]);

/** "nein kein termin, ich frage wegen visum": no appointment wanted at all (the booking began on a misreading). */
const NO_APPOINTMENT = phraseSet([
  'kein termin', 'keinen termin', 'no appointment', 'not an appointment', 'don t want an appointment', 'dont want appointment', 'i no want appointment', 'pas de rdv', 'pas de rendez vous', 'pas un rdv', 'pas un rendez vous',
  'ska nevoje per takim', 'nuk dua takim', 'nuk du takim', 'jo takim', 'appointment nahi chahiye', 'appointment nahi chahye', 'ma bghitch rdv', 'mabghitch rdv', 'ma bghitch maw3id', 'mabghitch maw3id',
  'gak mau janji', 'tidak perlu janji', 'ga mau janji', 'ne treba mi termin', 'necu termin', 'nije mi trebao termin', 'no quiero cita', 'no necesito cita', 'sin cita',
  'مش عايز ميعاد', 'مش عاوز ميعاد', 'ما بغيتش موعد', 'ما بدي موعد', 'لا اريد موعد', 'ما اريد موعد', 'مو موعد', 'اپائنٹمنٹ نہیں چاہیے',
]);

/** A booking left part-way: "never mind", "laisse tomber", "gak jadi deh", "rehne do", "not now", "kein Termin". */
export function leavesBooking(text: string): boolean {
  const tokens = words(text);
  return withdrawsRequest(text) || (tokens.length <= 6 && NOT_NOW.has(tokens)) || (tokens.length <= 12 && NO_APPOINTMENT.has(tokens));
}

/** A date such as "12.01.2027" or "12/1/27" looks like a phone number to the contact reader; it is a day. */
const DATE_SHAPE = /^\s*\d{1,2}\s*[./-]\s*\d{1,2}\s*[./-]\s*\d{2,4}\s*$/;

/**
 * A phone number or an email typed at the day or time step ("069 555 1234"): not a time. Kept as
 * the contact (not asked again), and the day or time asked again.
 */
export function contactTypedEarly(turn: Turn, ask: AskStep, text: string): boolean {
  const contact = extractContact(text);
  if (!contact || DATE_SHAPE.test(text) || /\d\s*(?::|h\b)\s*\d/i.test(text.replace(contact, ''))) return false;
  // Kept apart from the contact of an earlier booking left unconfirmed: the name step of this booking takes it.
  turn.state.vars.earlyContact = contact;
  turn.state.misses = 0;
  turn.outbox.push({ kind: 'text', text: turn.deps.t(turn.state.lang, 'booking.contactKept', { contact }) });
  renderAsk(turn, ask);
  return true;
}

/**
 * A day named that is not on offer, said as it is: closed that weekday (and the days it opens),
 * past the last day that can be booked, or full. A day further ahead than the days shown but
 * within reach is looked up and offered when it has free times.
 */
export async function refuseDay(turn: Turn, ask: AskStep, text: string, today: string): Promise<void> {
  const { vars } = turn.state;
  const date = matchDay(text, comingDays(today, 400), today);
  const offered = turn.state.choices?.[ask.optionsVar!] ?? [];
  const lastShown = offered.at(-1)?.id ?? '';
  if (date && closedOn(vars, date)) say(turn, 'booking.dayClosed');
  else if (date && vars.lastDay && date > vars.lastDay) say(turn, 'booking.dayBeyond');
  else if (date && date > lastShown && positionRef(turn.state.at) === 'booking.choose-day') {
    // Within reach but past the days shown ("le 17"): the days again with that one among them when it has free times.
    vars.wantDay = date;
    vars.centreNamed = 'yes'; // named when the days were first shown
    turn.state.misses = 0;
    const from = turn.outbox.length;
    await advance(turn, 'booking.days');
    if (positionRef(turn.state.at) === 'booking.choose-day') {
      // Not free after all: said before the days.
      const at = turn.outbox.findIndex((m, i) => i >= from && m.kind === 'options');
      turn.outbox.splice(at < 0 ? turn.outbox.length : at, 0, { kind: 'text', text: turn.deps.t(turn.state.lang, 'booking.dayNotFree') });
    }
    return;
  } else say(turn, 'booking.dayNotFree');
  renderAsk(turn, ask);
}

/** `count` days from `from` (YYYY-MM-DD) on. */
function comingDays(from: string, count: number): string[] {
  const start = DateTime.fromISO(from, { zone: 'utc' });
  return Array.from({ length: count }, (_, i) => start.plus({ days: i }).toISODate()!);
}
