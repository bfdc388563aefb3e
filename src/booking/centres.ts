/**
 * The centres: `knowledge/centres.yaml`, validated at start-up, and the nearest ones to a point.
 * Active centres take bookings. An unconfirmed or handed-over centre with hours takes appointment
 * requests (the centre confirms the time before the person goes) and handoffs; the others are
 * shown with what people need to know (planned, not active) so nobody is sent to a closed office.
 */
import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { parseYamlCached } from '../core/yaml-file.js';
import { z } from 'zod';
import { WegweiserError } from '../core/errors.js';
import { CORE_LANGS, LANGS, type Lang } from '../core/lang.js';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM-HH:MM');
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const centreSchema = z.strictObject({
  id: z.string().regex(/^[a-z]{2}-[a-z0-9-]+$/),
  status: z.enum(['active', 'unconfirmed', 'planned', 'handed-over', 'suspended']),
  country: z.string().regex(/^[A-Z]{2}$/),
  city: z.string().min(1),
  /** The city as the other languages write it ("القاهرة", "Kairo"); where one is missing, `city`. */
  cities: z.partialRecord(z.enum(LANGS), z.string().min(1)).optional(),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  timezone: z.string().refine((tz) => DateTime.now().setZone(tz).isValid, 'an IANA time zone such as Africa/Accra'),
  names: z.object(Object.fromEntries(CORE_LANGS.map((l) => [l, z.string().min(1)])) as Record<Lang, z.ZodString>),
  partner: z.string().optional(),
  /** Where the centre is, as sourced (e.g. at a ministry's premises), in English; `locations` in the other languages. */
  location: z.string().optional(),
  locations: z.object(Object.fromEntries(LANGS.filter((l) => l !== 'en').map((l) => [l, z.string().min(1)])) as Record<Exclude<Lang, 'en'>, z.ZodString>).optional(),
  note: z.string().optional(),
  languages: z.array(z.string()),
  services: z.array(z.string()),
  hours: z.partialRecord(z.enum(WEEKDAYS), z.array(time)).optional(),
  slotMinutes: z.number().int().min(5).max(240).optional(),
  capacity: z.number().int().min(1).max(50).optional(),
  leadHours: z.number().min(0).optional(),
  daysAhead: z.number().int().min(1).max(120).optional(),
  unconfirmed: z.array(z.string()).default([]),
});

const fileSchema = z.object({
  defaults: z.object({ slotMinutes: z.number().int(), capacity: z.number().int(), leadHours: z.number(), daysAhead: z.number().int() }),
  centres: z.array(z.unknown()).min(1),
});

export type CentreData = z.infer<typeof centreSchema>;

/** A centre's country from its id ("pk-lahore" → "PK"): loadCentres refuses an id that does not start with its country. */
export function countryOfCentre(id: string): string {
  return id.slice(0, 2).toUpperCase();
}
export interface Centre extends CentreData {
  /** Local dates (YYYY-MM-DD) the centre is closed, set by its admin in the console. */
  holidays?: string[];
  slotMinutes: number;
  capacity: number;
  leadHours: number;
  daysAhead: number;
}

export function loadCentres(file: string): Centre[] {
  let raw: unknown;
  try {
    raw = parseYamlCached(readFileSync(file, 'utf8'), { merge: true });
  } catch (err) {
    throw new WegweiserError('KNOWLEDGE_INVALID', [`${file}: ${(err as Error).message.split('\n')[0]}`]);
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) throw new WegweiserError('KNOWLEDGE_INVALID', parsed.error.issues.map((i) => `${file}: ${i.path.join('.')}: ${i.message}`));
  const problems: string[] = [];
  const centres: Centre[] = [];
  parsed.data.centres.forEach((c, i) => {
    const r = centreSchema.safeParse(c);
    if (!r.success) {
      const id = (c as { id?: string })?.id ?? `#${i + 1}`;
      problems.push(...r.error.issues.map((issue) => `${file}, centre ${id}: ${issue.path.join('.')}: ${issue.message}`));
      return;
    }
    if (!r.data.id.startsWith(`${r.data.country.toLowerCase()}-`)) problems.push(`${file}, centre ${r.data.id}: the id starts with its country in small letters (${r.data.country.toLowerCase()}-…)`);
    if (Boolean(r.data.location) !== Boolean(r.data.locations)) problems.push(`${file}, centre ${r.data.id}: location and locations (its other languages) go together`);
    if (r.data.status === 'active' && !r.data.hours) problems.push(`${file}, centre ${r.data.id}: an active centre needs hours for bookings`);
    centres.push({ ...parsed.data.defaults, ...r.data });
  });
  const ids = centres.map((c) => c.id);
  for (const id of new Set(ids)) if (ids.filter((x) => x === id).length > 1) problems.push(`${file}: centre id ${id} is used twice`);
  if (problems.length) throw new WegweiserError('KNOWLEDGE_INVALID', problems);
  return centres;
}

const EARTH_RADIUS_KM = 6371;

/** Great-circle distance in kilometres. */
export function haversineKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface NearbyCentre {
  centre: Centre;
  distanceKm: number;
}

/**
 * A centre whose current status is not confirmed (or that was handed over to a partner) but has
 * the country's usual hours: a booking there is a request the centre confirms by message or
 * phone, and a handoff's reply may take longer.
 */
export function takesRequests(c: Pick<Centre, 'status' | 'hours'>): boolean {
  return (c.status === 'unconfirmed' || c.status === 'handed-over') && Boolean(c.hours);
}

/** People can be sent there through this chat: booked (active) or asked for (a request). */
export function receivesPeople(c: Pick<Centre, 'status' | 'hours'>): boolean {
  return c.status === 'active' || takesRequests(c);
}

/** Centres sorted nearest first; by default only those that can receive people (active, or taking requests). */
export function nearestCentres(centres: readonly Centre[], point: { lat: number; lon: number }, opts: { includeInactive?: boolean; limit?: number } = {}): NearbyCentre[] {
  return centres
    .filter((c) => opts.includeInactive || receivesPeople(c))
    .map((centre) => ({ centre, distanceKm: Math.round(haversineKm(point, centre)) }))
    .sort((a, b) => a.distanceKm - b.distanceKm)
    .slice(0, opts.limit ?? centres.length);
}

export const WEEKDAY_ORDER = WEEKDAYS;
