/** How centres and appointment times read in each language. */
import { DateTime } from 'luxon';
import type { Lang } from '../core/lang.js';
import type { Centre } from './centres.js';

export const LUXON_LOCALES: Record<Lang, string> = { en: 'en-GB', fr: 'fr', ar: 'ar', de: 'de', ur: 'ur', id: 'id', sq: 'sq', sr: 'sr-Latn', es: 'es' };

export function centreName(centre: Centre, lang: Lang): string {
  return (centre.names as Record<string, string>)[lang] ?? centre.names.en;
}

/** The centre's city as the language writes it: "Cairo", "القاهرة", "Le Caire". */
export function cityName(centre: Pick<Centre, 'city' | 'cities'>, lang: Lang): string {
  return centre.cities?.[lang] ?? centre.city;
}

/** The city and, where sourced and confirmed, the premises: "Accra, at the premises of the Ministry of …". */
export function centrePlace(centre: Centre, lang: Lang): string {
  const city = cityName(centre, lang);
  if (!centre.location || centre.unconfirmed.includes('location')) return city;
  const location = lang === 'en' ? centre.location : (centre.locations?.[lang] ?? centre.location);
  return `${city}, ${location}`;
}

/** A day as the language writes it (Intl): "Monday 14 December", "Montag, 14. Dezember", "lunes, 14 de diciembre". */
const DAY_FORMAT = { weekday: 'long', day: 'numeric', month: 'long' } as const;

/** A local date (YYYY-MM-DD) as the reader's language writes it, in Western digits as the times are. */
export function formatDay(date: string, lang: Lang): string {
  return DateTime.fromISO(date).setLocale(LUXON_LOCALES[lang]).reconfigure({ numberingSystem: 'latn' }).toLocaleString(DAY_FORMAT);
}

/** "Wednesday 25 November, 10:00" in the centre's time zone and the reader's language. */
export function formatWhen(start: string, centre: Centre, lang: Lang): string {
  const { date, time } = formatDateAndTime(start, centre, lang);
  // Arabic and Urdu write their own comma
  return `${date}${lang === 'ar' || lang === 'ur' ? '،' : ','} ${time}`;
}

/** The date and the time apart ("Wednesday 25 November", "10:00"), for a template's variables. */
export function formatDateAndTime(start: string, centre: Centre, lang: Lang): { date: string; time: string } {
  const local = DateTime.fromISO(start, { zone: 'utc' }).setZone(centre.timezone);
  return { date: formatDay(local.toISODate()!, lang), time: local.toFormat('HH:mm') };
}
