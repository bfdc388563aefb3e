/**
 * The report the console draws and GET /api/reports returns: counts only, per day and week, by
 * channel, language and country, the top topics, how questions went, danger by category, and the
 * handoff and booking events. The CSV export is the same numbers, one line each.
 *
 * A conversation is one person's messages on one day; people are distinct over the whole period
 * (or week). Someone who deleted their data is no longer counted among people and conversations;
 * their messages still count as turns.
 */
import { DateTime } from 'luxon';
import type { ReportFilter, ReportKind, ReportRows } from '../storage/types.js';

export const MAX_REPORT_DAYS = 366;
const TOP_TOPICS = 10;

export interface Counts {
  turns: number;
  conversations: number;
  people: number;
  questions: number;
  answered: number;
  declined: number;
  choices: number;
  danger: number;
  handoffsOpened: number;
  handoffsReplied: number;
  handoffsClosed: number;
  bookingsMade: number;
  bookingsCancelled: number;
  remindersSent: number;
}

export interface UsageRow {
  turns: number;
  conversations: number;
  people: number;
}

export interface Report {
  from: string;
  to: string;
  /** null: every centre. */
  centreId: string | null;
  totals: Counts & { firstReplyMedianSeconds: number | null };
  days: (Counts & { day: string })[];
  weeks: (UsageRow & { week: string; from: string; to: string })[];
  byChannel: (UsageRow & { channel: string })[];
  byLanguage: (UsageRow & { lang: string })[];
  byCountry: (UsageRow & { country: string })[];
  topics: { topic: string; count: number }[];
  danger: { category: string; count: number }[];
}

const EVENT_FIELDS: Record<Exclude<ReportKind, 'turn'>, keyof Counts> = {
  'handoff.opened': 'handoffsOpened',
  'handoff.replied': 'handoffsReplied',
  'handoff.closed': 'handoffsClosed',
  'booking.made': 'bookingsMade',
  'booking.cancelled': 'bookingsCancelled',
  'booking.reminded': 'remindersSent',
};

const zero = (): Counts => ({
  turns: 0, conversations: 0, people: 0, questions: 0, answered: 0, declined: 0, choices: 0, danger: 0,
  handoffsOpened: 0, handoffsReplied: 0, handoffsClosed: 0, bookingsMade: 0, bookingsCancelled: 0, remindersSent: 0,
});

/** Every day from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = DateTime.fromISO(from, { zone: 'UTC' }); d.toISODate()! <= to; d = d.plus({ days: 1 })) days.push(d.toISODate()!);
  return days;
}

const isoWeek = (day: string) => DateTime.fromISO(day, { zone: 'UTC' }).toFormat("kkkk-'W'WW");

export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Turns, conversations (person-days) and people of the rows `keyOf` puts in each group, sorted by turns. */
function usageBy<K extends string>(rows: ReportRows, keyOf: (r: { channel: string; lang: string; country: string | null }) => string, name: K): (UsageRow & Record<K, string>)[] {
  const groups = new Map<string, { turns: number; visits: Set<string>; people: Set<string> }>();
  const group = (key: string) => groups.get(key) ?? groups.set(key, { turns: 0, visits: new Set(), people: new Set() }).get(key)!;
  for (const t of rows.turns) group(keyOf(t)).turns += t.n;
  for (const v of rows.visits) {
    const g = group(keyOf(v));
    g.visits.add(`${v.day}|${v.person}`);
    g.people.add(v.person);
  }
  return [...groups]
    .map(([key, g]) => ({ [name]: key, turns: g.turns, conversations: g.visits.size, people: g.people.size }) as UsageRow & Record<K, string>)
    .sort((a, b) => b.turns - a.turns || b.people - a.people || String(a[name]).localeCompare(String(b[name])));
}

export function buildReport(filter: ReportFilter, rows: ReportRows): Report {
  const days = new Map(daysBetween(filter.from, filter.to).map((d) => [d, zero()]));
  const totals = zero();
  const topics = new Map<string, number>();
  const danger = new Map<string, number>();
  const add = (day: string, field: keyof Counts, n: number) => {
    const counts = days.get(day);
    if (counts) counts[field] += n;
    totals[field] += n;
  };
  for (const t of rows.turns) {
    add(t.day, 'turns', t.n);
    if (t.outcome) {
      add(t.day, 'questions', t.n);
      add(t.day, t.outcome, t.n);
    }
    if (t.topic) topics.set(t.topic, (topics.get(t.topic) ?? 0) + t.n);
    if (t.safety) {
      add(t.day, 'danger', t.n);
      danger.set(t.safety, (danger.get(t.safety) ?? 0) + t.n);
    }
  }
  for (const e of rows.events) if (e.kind !== 'turn') add(e.day, EVENT_FIELDS[e.kind], e.n);

  // People and conversations: distinct, so counted from the visits and not added up.
  const peopleOn = new Map<string, Set<string>>();
  const weekPeople = new Map<string, Set<string>>();
  const weekVisits = new Map<string, Set<string>>();
  const all = new Set<string>();
  const allVisits = new Set<string>();
  for (const v of rows.visits) {
    const set = (m: Map<string, Set<string>>, k: string) => m.get(k) ?? m.set(k, new Set()).get(k)!;
    set(peopleOn, v.day).add(v.person);
    set(weekPeople, isoWeek(v.day)).add(v.person);
    set(weekVisits, isoWeek(v.day)).add(`${v.day}|${v.person}`);
    all.add(v.person);
    allVisits.add(`${v.day}|${v.person}`);
  }
  for (const [day, counts] of days) counts.conversations = counts.people = peopleOn.get(day)?.size ?? 0;
  totals.people = all.size;
  totals.conversations = allVisits.size;

  const weeks = new Map<string, UsageRow & { week: string; from: string; to: string }>();
  for (const [day, counts] of days) {
    const week = isoWeek(day);
    const w = weeks.get(week) ?? weeks.set(week, { week, from: day, to: day, turns: 0, conversations: weekVisits.get(week)?.size ?? 0, people: weekPeople.get(week)?.size ?? 0 }).get(week)!;
    w.to = day;
    w.turns += counts.turns;
  }
  const sortedCounts = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return {
    from: filter.from,
    to: filter.to,
    centreId: filter.centreId ?? null,
    totals: { ...totals, firstReplyMedianSeconds: median(rows.firstReplies) },
    days: [...days].map(([day, counts]) => ({ day, ...counts })),
    weeks: [...weeks.values()],
    byChannel: usageBy(rows, (r) => r.channel, 'channel'),
    byLanguage: usageBy(rows, (r) => r.lang, 'lang'),
    byCountry: usageBy(rows, (r) => r.country ?? 'unknown', 'country'),
    topics: sortedCounts(topics).slice(0, TOP_TOPICS).map(([topic, count]) => ({ topic, count })),
    danger: sortedCounts(danger).map(([category, count]) => ({ category, count })),
  };
}

/**
 * The report as CSV, one number a line: `section,key,measure,value` (e.g. `day,2026-11-23,turns,5`,
 * `channel,whatsapp,people,2`, `total,,firstReplyMedianSeconds,95`). Keys are ids, dates and codes:
 * no text.
 */
export function reportCsv(report: Report): string {
  const lines = ['section,key,measure,value'];
  const line = (section: string, key: string, measure: string, value: number | null) => lines.push([section, key, measure, value === null ? '' : String(value)].map(csvField).join(','));
  for (const [measure, value] of Object.entries(report.totals)) line('total', '', measure, value);
  for (const { day, ...counts } of report.days) for (const [measure, value] of Object.entries(counts)) line('day', day, measure, value);
  for (const { week, from: _from, to: _to, ...counts } of report.weeks) for (const [measure, value] of Object.entries(counts)) line('week', week, measure, value);
  for (const { channel, ...counts } of report.byChannel) for (const [measure, value] of Object.entries(counts)) line('channel', channel, measure, value);
  for (const { lang, ...counts } of report.byLanguage) for (const [measure, value] of Object.entries(counts)) line('language', lang, measure, value);
  for (const { country, ...counts } of report.byCountry) for (const [measure, value] of Object.entries(counts)) line('country', country, measure, value);
  for (const { topic, count } of report.topics) line('topic', topic, 'count', count);
  for (const { category, count } of report.danger) line('danger', category, 'count', count);
  return `${lines.join('\r\n')}\r\n`;
}

/** A CSV field; a leading = + - @ is quoted out so a spreadsheet does not run it as a formula. */
function csvField(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
