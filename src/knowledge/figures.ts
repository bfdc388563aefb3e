/**
 * Yearly figures (the minimum wage, salary thresholds, the funds to prove) with the periods they
 * hold, from `knowledge/_figures.yaml`. Entries name a figure by a placeholder instead of writing
 * the number: `{{fig:minimum-wage}}` is the value in force on the day the question is asked, with
 * its period and, when known, the next one; `{{fig:blocked-account@2025}}` is the value of a named
 * year (for "the last confirmed amount was ..."). So an answer is right on the day it is read, and
 * kb:check knows when a figure runs out.
 */
import { parse } from 'yaml';
import { z } from 'zod';
import type { Translate } from '../core/actions.js';
import type { Lang } from '../core/lang.js';

const isoDate = z.preprocess(
  (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD'),
);

const valueSchema = z
  .strictObject({
    /** Absent only for a pending period: the new value is not published or not confirmed yet. */
    amount: z.number().positive().optional(),
    /** The period has begun or is announced, but its value is not confirmed in FACTS.md yet. */
    pending: z.literal(true).optional(),
    /** The same amount per month, for yearly figures people compare with a monthly salary. */
    monthly: z.number().positive().optional(),
    from: isoDate,
    until: isoDate,
    /** Where this value is stated, when not on the figure's own source. */
    source: z.url({ protocol: /^https$/ }).optional(),
  })
  .refine((v) => v.from <= v.until, 'from is after until')
  .refine((v) => (v.pending ? v.amount === undefined && v.monthly === undefined : v.amount !== undefined), 'give an amount, or pending: true without one');

const figureSchema = z.strictObject({
  name: z.string().min(1),
  unit: z.enum(['hour', 'month', 'year']),
  source: z.url({ protocol: /^https$/ }),
  /** The source is not an official authority (FACTS.md "3P"): confirm on the official page. */
  thirdParty: z.boolean(),
  /** The official page to confirm on, where the source is a third party. */
  official: z.url({ protocol: /^https$/ }).optional(),
  values: z.array(valueSchema).min(1),
});

export type FigureValue = z.infer<typeof valueSchema>;
/** A value whose amount is known. */
export type KnownValue = FigureValue & { amount: number };

export function isKnown(v: FigureValue | undefined): v is KnownValue {
  return v !== undefined && v.amount !== undefined;
}
export type Figure = z.infer<typeof figureSchema> & { id: string };
export type Figures = ReadonlyMap<string, Figure>;

/** `{{fig:id}}` or `{{fig:id@YYYY}}`. */
export const FIGURE_PLACEHOLDER = /\{\{fig:([a-z0-9-]+)(?:@(\d{4}))?\}\}/g;

/** A figure changes at warning distance: kb:check warns this many days before its last known value ends. */
export const FIGURE_WARN_DAYS = 60;

export function parseFigures(text: string, file: string): { figures: Map<string, Figure>; problems: string[] } {
  const figures = new Map<string, Figure>();
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (err) {
    return { figures, problems: [`${file}: not valid YAML: ${(err as Error).message.split('\n')[0]}`] };
  }
  const parsed = z.strictObject({ figures: z.record(z.string().regex(/^[a-z0-9-]+$/), figureSchema) }).safeParse(raw);
  if (!parsed.success) return { figures, problems: parsed.error.issues.map((i) => `${file}: ${i.path.join('.')}: ${i.message}`) };
  const problems: string[] = [];
  for (const [id, f] of Object.entries(parsed.data.figures)) {
    const values = [...f.values].sort((a, b) => a.from.localeCompare(b.from));
    for (let i = 1; i < values.length; i++) {
      if (values[i]!.from <= values[i - 1]!.until) problems.push(`${file}: ${id}: the periods from ${values[i - 1]!.from} and ${values[i]!.from} overlap`);
    }
    figures.set(id, { ...f, id, values });
  }
  return { figures, problems };
}

/** The calendar day in Germany, where the figures change at midnight: YYYY-MM-DD. */
const GERMAN_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });

export function germanDay(now: Date): string {
  return GERMAN_DAY.format(now); // one formatter: making one costs more than the answer it dates
}

export function valueOn(figure: Figure, day: string): FigureValue | undefined {
  return figure.values.find((v) => v.from <= day && day <= v.until);
}

export function valueInYear(figure: Figure, year: string): KnownValue | undefined {
  return figure.values.find((v): v is KnownValue => isKnown(v) && v.from <= `${year}-12-31` && v.until >= `${year}-01-01`);
}

function nextAfter(figure: Figure, value: FigureValue): FigureValue | undefined {
  return figure.values.find((v) => v.from > value.until);
}

/** The last period listed (known or pending). */
export function lastValue(figure: Figure): FigureValue {
  return figure.values.at(-1)!;
}

/** The last value whose amount is known (the schema makes sure there is one). */
export function lastKnown(figure: Figure, before = '9999-12-31'): KnownValue | undefined {
  return figure.values.filter((v): v is KnownValue => isKnown(v) && v.from <= before).at(-1);
}

const INTL_LOCALE: Record<Lang, string> = { en: 'en-GB', fr: 'fr', ar: 'ar', de: 'de', ur: 'ur', id: 'id', sq: 'sq', sr: 'sr-Latn', es: 'es' };

/** Western digits in every language, as the entries write them. */
function locale(lang: Lang): string {
  return `${INTL_LOCALE[lang]}-u-nu-latn`;
}

// An Intl formatter costs a tenth of a millisecond to make: one per language and kind, kept.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function formatter<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => F): F {
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = make()));
  return f as F;
}

function euros(amount: number, lang: Lang): string {
  const cents = Number.isInteger(amount) ? 0 : 2;
  const format = formatter(`eur:${lang}:${cents}`, () => new Intl.NumberFormat(locale(lang), { style: 'currency', currency: 'EUR', minimumFractionDigits: cents, maximumFractionDigits: cents }));
  return format.format(amount);
}

function longDate(day: string, lang: Lang): string {
  return formatter(`date:${lang}`, () => new Intl.DateTimeFormat(locale(lang), { dateStyle: 'long', timeZone: 'UTC' })).format(new Date(`${day}T00:00:00Z`));
}

/** "2026", "2025–2026", or the two dates when a period is not whole calendar years. */
function period(t: Translate, lang: Lang, v: FigureValue): string {
  const from = v.from.slice(0, 4);
  const until = v.until.slice(0, 4);
  if (v.from.endsWith('-01-01') && v.until.endsWith('-12-31')) return from === until ? from : `${from}–${until}`;
  return t(lang, 'figure.between', { from: longDate(v.from, lang), until: longDate(v.until, lang) });
}

function amountWithUnit(t: Translate, lang: Lang, figure: Figure, v: KnownValue): string {
  const amount = euros(v.amount, lang);
  if (figure.unit === 'year' && v.monthly) return t(lang, 'figure.yearAndMonth', { amount, monthly: euros(v.monthly, lang) });
  if (figure.unit === 'hour') return t(lang, 'figure.hour', { amount });
  if (figure.unit === 'month') return t(lang, 'figure.month', { amount });
  return t(lang, 'figure.year', { amount });
}

function known(t: Translate, lang: Lang, figure: Figure, v: KnownValue): string {
  return t(lang, 'figure.inForce', { value: amountWithUnit(t, lang, figure, v), period: period(t, lang, v) });
}

/**
 * One figure as the reader sees it on `day`: "€13.90 an hour (2026); from 1 January 2027: €14.60".
 * In a pending period (the new value not confirmed yet) the reader is told so, with the last
 * confirmed value and its period and the page to check. With no value in force at all (kb:check
 * fails on that before it reaches anyone), the last known value is shown with its period.
 */
export function renderFigure(t: Translate, lang: Lang, figure: Figure, day: string, year?: string): string {
  if (year) {
    const v = valueInYear(figure, year);
    return v ? known(t, lang, figure, v) : '';
  }
  const inForce = valueOn(figure, day);
  if (inForce?.pending) {
    const last = lastKnown(figure, inForce.from);
    if (!last) return '';
    return t(lang, 'figure.pending', { period: period(t, lang, inForce), last: known(t, lang, figure, last) });
  }
  const value = isKnown(inForce) ? inForce : lastKnown(figure);
  if (!value) return '';
  const current = known(t, lang, figure, value);
  const next = nextAfter(figure, value);
  if (!isKnown(next)) return current;
  return t(lang, 'figure.withNext', { current, next: t(lang, 'figure.next', { date: longDate(next.from, lang), amount: euros(next.amount, lang) }) });
}

/** A text with every placeholder replaced by the figure for `day`; unknown ids stay visible for kb:check. */
export function renderFigures(text: string, figures: Figures, t: Translate, lang: Lang, day: string): string {
  if (!text.includes('{{fig:')) return text;
  return text.replace(FIGURE_PLACEHOLDER, (whole, id: string, year?: string) => {
    const figure = figures.get(id);
    return figure ? renderFigure(t, lang, figure, day, year) || whole : whole;
  });
}

/** A number as entries write it in any of the nine languages: 11,904 / 11.904 / 11 904 / 11904; 13.90 / 13,90. */
function literalPattern(amount: number): RegExp {
  const [int, cents] = amount.toFixed(Number.isInteger(amount) ? 0 : 2).split('.') as [string, string | undefined];
  const groups: string[] = [];
  for (let end = int.length; end > 0; end -= 3) groups.unshift(int.slice(Math.max(0, end - 3), end));
  const body = groups.join('[,.\\u00a0\\u202f ]?') + (cents ? `[.,]${cents}` : '');
  return new RegExp(`(?<!\\d[,.\\u00a0\\u202f ]?)${body}(?![.,]?\\d)`, 'u');
}

export interface FigureCheck {
  errors: string[];
  warnings: string[];
}

/**
 * What kb:check says about figures on `day`: errors for a placeholder with no value in force (or
 * an unknown one), for a figure's expired value written out literally; a warning when a figure's
 * last known value ends within FIGURE_WARN_DAYS (or has ended and entries cite it only by year).
 */
export function checkFigures(figures: Figures, texts: { file: string; text: string }[], day: string): FigureCheck {
  const errors: string[] = [];
  const warnings: string[] = [];
  const citedNow = new Set<string>();
  const pendingCited = new Set<string>();
  for (const { file, text } of texts) {
    for (const m of text.matchAll(FIGURE_PLACEHOLDER)) {
      const [whole, id, year] = m as unknown as [string, string, string | undefined];
      const figure = figures.get(id);
      if (!figure) {
        errors.push(`${file}: ${whole}: no such figure in knowledge/_figures.yaml`);
        continue;
      }
      if (year) {
        if (!valueInYear(figure, year)) errors.push(`${file}: ${whole}: the figure has no value for ${year}`);
        continue;
      }
      citedNow.add(id);
      const inForce = valueOn(figure, day);
      if (inForce?.pending) {
        pendingCited.add(id);
        continue;
      }
      if (!inForce) errors.push(`${file}: ${whole} has no value in force on ${day} (the last known one ended ${lastValue(figure).until}): add the new value to knowledge/_figures.yaml`);
    }
    const plain = text.replace(FIGURE_PLACEHOLDER, ' ');
    for (const figure of figures.values()) {
      for (const v of figure.values) {
        if (v.until >= day || !isKnown(v)) continue;
        for (const amount of [v.amount, v.monthly]) {
          if (amount !== undefined && literalPattern(amount).test(plain)) {
            errors.push(`${file}: states ${figure.name} ${amount} literally, but that value ended ${v.until}: use {{fig:${figure.id}}}`);
          }
        }
      }
    }
  }
  for (const id of pendingCited) {
    const figure = figures.get(id)!;
    warnings.push(`knowledge/_figures.yaml: ${id}: the value for ${valueOn(figure, day)!.from}…${valueOn(figure, day)!.until} is not confirmed yet; answers give the last confirmed one (${lastKnown(figure)!.until.slice(0, 4)}) and say so: add the new value when it is published`);
  }
  for (const figure of figures.values()) {
    const last = lastValue(figure);
    const daysLeft = (Date.parse(last.until) - Date.parse(day)) / 86_400_000;
    if (daysLeft < 0 && !citedNow.has(figure.id)) {
      warnings.push(`knowledge/_figures.yaml: ${figure.id}: no value known after ${last.until}; entries cite it only by year: add the current value when it is confirmed`);
    } else if (daysLeft >= 0 && daysLeft <= FIGURE_WARN_DAYS) {
      warnings.push(`knowledge/_figures.yaml: ${figure.id}: the last known value ends ${last.until} (in ${Math.round(daysLeft)} days): add the next value`);
    }
  }
  return { errors, warnings };
}
