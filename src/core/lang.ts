/** The languages of the user interface. Arabic and Urdu are written right to left. */
export const LANGS = ['en', 'fr', 'ar', 'de', 'ur', 'id', 'sq', 'sr', 'es'] as const;
export type Lang = (typeof LANGS)[number];

/** Languages with full knowledge entries; the others have at least the short answer. */
export const CORE_LANGS: readonly Lang[] = ['en', 'fr', 'ar', 'de'];

export const DEFAULT_LANG: Lang = 'en';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

export function isRightToLeft(lang: Lang): boolean {
  return lang === 'ar' || lang === 'ur';
}

/**
 * Turns a channel's locale hint ("fr-FR", "pt_BR", "sr-Latn-RS", "hr") into one of our languages,
 * or undefined when we don't speak it. Croatian and Bosnian readers are served in Serbian (Latin).
 */
export function langFromLocale(locale: string | undefined | null): Lang | undefined {
  if (!locale) return undefined;
  const base = locale.toLowerCase().split(/[-_]/)[0] ?? '';
  if (isLang(base)) return base;
  if (base === 'in') return 'id'; // old Java/Android code for Indonesian
  if (base === 'hr' || base === 'bs' || base === 'sh' || base === 'cnr') return 'sr';
  return undefined;
}
