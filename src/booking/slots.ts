/**
 * Appointment slots from a centre's opening hours, in the centre's own time zone (luxon), with the
 * lead time, slot length and capacity of the centre's data. Pure: the clock and the bookings come in.
 */
import { DateTime } from 'luxon';
import { receivesPeople, WEEKDAY_ORDER, type Centre } from './centres.js';

export interface Slot {
  /** ISO 8601 in UTC: the appointment's identity. */
  start: string;
  /** The local time at the centre, HH:mm. */
  local: string;
  free: number;
}

export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value).isValid;
}

/** The slots of one local day; `booked` counts appointments by UTC start. */
export function slotsForDay(centre: Centre, date: string, now: Date, booked: ReadonlyMap<string, number>): Slot[] {
  if (!centre.hours || !receivesPeople(centre) || !isIsoDate(date)) return [];
  const day = DateTime.fromISO(date, { zone: centre.timezone });
  const today = DateTime.fromJSDate(now).setZone(centre.timezone).startOf('day');
  if (day < today || day > today.plus({ days: centre.daysAhead }) || centre.holidays?.includes(date)) return [];
  const weekday = WEEKDAY_ORDER[day.weekday - 1]!;
  const earliest = DateTime.fromJSDate(now).plus({ hours: centre.leadHours });
  const slots: Slot[] = [];
  for (const range of centre.hours[weekday] ?? []) {
    const [from, to] = range.split('-') as [string, string];
    const [fh, fm] = from.split(':').map(Number) as [number, number];
    const [th, tm] = to.split(':').map(Number) as [number, number];
    let t = day.set({ hour: fh, minute: fm });
    const end = day.set({ hour: th, minute: tm });
    while (t.plus({ minutes: centre.slotMinutes }) <= end) {
      if (t >= earliest) {
        const start = t.toUTC().toISO({ suppressMilliseconds: true })!;
        const free = centre.capacity - (booked.get(start) ?? 0);
        if (free > 0) slots.push({ start, local: t.toFormat('HH:mm'), free });
      }
      t = t.plus({ minutes: centre.slotMinutes });
    }
  }
  return slots;
}

/** Local dates from today that could have slots (the centre opens that weekday), up to `daysAhead`. */
export function openDays(centre: Centre, now: Date): string[] {
  if (!centre.hours || !receivesPeople(centre)) return [];
  const today = DateTime.fromJSDate(now).setZone(centre.timezone).startOf('day');
  const days: string[] = [];
  for (let i = 0; i <= centre.daysAhead; i++) {
    const d = today.plus({ days: i });
    if (centre.hours[WEEKDAY_ORDER[d.weekday - 1]!]?.length && !centre.holidays?.includes(d.toISODate()!)) days.push(d.toISODate()!);
  }
  return days;
}

/** Whether `start` (UTC ISO) is one of the centre's slots at all, booked or not. */
export function isSlotStart(centre: Centre, start: string, now: Date): boolean {
  const t = DateTime.fromISO(start, { zone: 'utc' });
  if (!t.isValid) return false;
  const date = t.setZone(centre.timezone).toISODate()!;
  return slotsForDay(centre, date, now, new Map()).some((s) => s.start === t.toISO({ suppressMilliseconds: true }));
}
