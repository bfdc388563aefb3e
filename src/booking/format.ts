/** How centres and appointment times read in each language. */
import { DateTime } from 'luxon';
import type { Lang } from '../core/lang.js';
import type { Centre } from './centres.js';

export const LUXON_LOCALES: Record<Lang, string> = { en: 'en-GB', fr: 'fr', ar: 'ar', de: 'de', ur: 'ur', id: 'id', sq: 'sq', sr: 'sr-Latn', es: 'es' };

export function centreName(centre: Centre, lang: Lang): string {
  return (centre.names as Record<string, string>)[lang] ?? centre.names.en;
}

/** "Wednesday 25 November, 10:00" in the centre's time zone and the reader's language. */
export function formatWhen(start: string, centre: Centre, lang: Lang): string {
  return DateTime.fromISO(start, { zone: 'utc' }).setZone(centre.timezone).setLocale(LUXON_LOCALES[lang]).toFormat('cccc d LLLL, HH:mm');
}

