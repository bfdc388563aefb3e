/**
 * What a centre's opening hours say to a person who names a day or a time that is not on offer:
 * the weekdays it opens ("Monday–Friday"), the last day that can be booked, a day's hours
 * ("09:00–14:00"). So a refusal tells the truth (closed that day, too far ahead, outside the hours)
 * instead of "that day is full".
 */
import { DateTime } from 'luxon';
import type { Lang } from '../core/lang.js';
import { WEEKDAY_ORDER, type Centre } from './centres.js';
import { LUXON_LOCALES } from './format.js';
import { openDays } from './slots.js';

/** ISO weekdays (1 = Monday) the centre opens. */
export function openWeekdays(centre: Centre): number[] {
  return WEEKDAY_ORDER.map((d, i) => (centre.hours?.[d]?.length ? i + 1 : 0)).filter(Boolean);
}

/** The open weekdays read from the day after a closed one: Sunday to Thursday is a run too ("Sunday–Thursday"). */
function openWeekFromItsStart(centre: Centre): number[] {
  const open = openWeekdays(centre);
  const start = open.findIndex((d) => !open.includes(d === 1 ? 7 : d - 1));
  return start > 0 ? [...open.slice(start), ...open.slice(0, start)] : open;
}

/** A weekday's name (1 = Monday) in the person's language: 2026-01-05 is a Monday, its week gives each name. */
function weekdayName(n: number, lang: Lang): string {
  return DateTime.fromObject({ year: 2026, month: 1, day: 4 + n }).setLocale(LUXON_LOCALES[lang]).toFormat('cccc');
}

/** The open weekdays in words: a run of three or more as "Monday–Friday", else listed ("Monday and Wednesday"). */
export function openWeekdaysLabel(centre: Centre, lang: Lang): string {
  const open = openWeekdays(centre);
  const days = openWeekFromItsStart(centre);
  const name = (n: number) => weekdayName(n, lang);
  const consecutive = days.every((d, i) => i === 0 || d === (days[i - 1]! % 7) + 1);
  if (days.length >= 3 && consecutive) return `${name(days[0]!)}–${name(days[days.length - 1]!)}`;
  return new Intl.ListFormat(LUXON_LOCALES[lang], { type: 'conjunction' }).format(open.map(name));
}

/** The last local date (YYYY-MM-DD) that can be booked at all, open or not: today plus the days ahead. */
export function lastBookableDay(centre: Centre, now: Date): string | undefined {
  return openDays(centre, now).at(-1);
}

/** A day's opening hours as ranges ("09:00-14:00"), empty when closed. */
export function hoursOn(centre: Centre, date: string): string[] {
  const day = DateTime.fromISO(date, { zone: centre.timezone });
  if (!day.isValid) return [];
  return centre.hours?.[WEEKDAY_ORDER[day.weekday - 1]!] ?? [];
}

/**
 * The week's hours in words, days with the same hours together: "Monday–Thursday 09:00–15:00, Friday
 * 09:00–12:00". What a person asking "are you open on Saturday?" needs.
 */
export function weekHoursLabel(centre: Centre, lang: Lang): string {
  const name = (n: number) => weekdayName(n, lang);
  const days = openWeekFromItsStart(centre);
  const hours = (d: number) => (centre.hours?.[WEEKDAY_ORDER[d - 1]!] ?? []).map((r) => r.replace('-', '–')).join(', ');
  const groups: { from: number; to: number; hours: string }[] = [];
  for (const d of days) {
    const last = groups.at(-1);
    if (last && last.hours === hours(d) && d === (last.to % 7) + 1) last.to = d;
    else groups.push({ from: d, to: d, hours: hours(d) });
  }
  const comma = lang === 'ar' || lang === 'ur' ? '، ' : ', ';
  return groups.map((g) => `${g.from === g.to ? name(g.from) : `${name(g.from)}–${name(g.to)}`} ${g.hours}`).join(comma);
}
