/**
 * Who to call: the numbers the safety guidance names for the person's country, from
 * `knowledge/_safety/emergency-numbers.yaml` (sourced from shared/FACTS.md section 6). Only numbers
 * rated high or medium load; each is shown with its service's name. Where the police are not safe
 * (Libya), the guidance names the UN lines instead; at sea, the coast guards and VHF channel 16 first.
 */
import { readFileSync } from 'node:fs';
import countries from 'i18n-iso-countries';
import { parseYamlCached } from '../core/yaml-file.js';
import { z } from 'zod';
import type { Translate } from '../core/actions.js';
import { WegweiserError } from '../core/errors.js';
import { isRightToLeft, type Lang } from '../core/lang.js';
import { SAFETY_TEXT_KEYS, type SafetyCategory } from '../understanding/danger.js';

/** The service's name in the reader's language (locales/<lang>/safety.json). */
const SERVICE_KEYS = {
  emergency: 'safety.service.emergency',
  police: 'safety.service.police',
  ambulance: 'safety.service.ambulance',
  fire: 'safety.service.fire',
  fireAmbulance: 'safety.service.fireAmbulance',
  gendarmerie: 'safety.service.gendarmerie',
  nationalGuard: 'safety.service.nationalGuard',
  nationalGuardSea: 'safety.service.nationalGuardSea',
  civilProtection: 'safety.service.civilProtection',
  rescue: 'safety.service.rescue',
  searchRescue: 'safety.service.searchRescue',
  redCrescent: 'safety.service.redCrescent',
  coastGuard: 'safety.service.coastGuard',
  seaRescue: 'safety.service.seaRescue',
  radio: 'safety.service.radio',
  alarmPhone: 'safety.service.alarmPhone',
  trafficking: 'safety.service.trafficking',
  foreigners: 'safety.service.foreigners',
  womenHelpline: 'safety.service.womenHelpline',
  womenChildren: 'safety.service.womenChildren',
  support: 'safety.service.support',
  crisis: 'safety.service.crisis',
  psychSupport: 'safety.service.psychSupport',
  socialEmergency: 'safety.service.socialEmergency',
  unhcr: 'safety.service.unhcr',
  unLine: 'safety.service.unLine',
  survivors: 'safety.service.survivors',
} as const;

/** A limit the reader must know before calling. */
const CAVEAT_KEYS = {
  partial: 'safety.caveat.partial',
  legacy: 'safety.caveat.legacy',
  hours: 'safety.caveat.hours',
  officeHours: 'safety.caveat.officeHours',
  pressOne: 'safety.caveat.pressOne',
  women: 'safety.caveat.women',
} as const;

const text = z.union([z.string(), z.number()]).transform(String);

const numberSchema = z.strictObject({
  kind: z.enum(Object.keys(SERVICE_KEYS) as [keyof typeof SERVICE_KEYS]),
  /** A proper name shown as it is (NAPTIP, TelefonSeelsorge). */
  name: z.string().optional(),
  /** The service as FACTS.md names it, for whoever checks the file. */
  service: text,
  number: z.string().regex(/^\+?[0-9][0-9 -]*[0-9](?: ext\. [0-9]+)?$|^[0-9]$/, 'digits, spaces and dashes only'),
  confidence: z.enum(['high', 'medium'], { message: 'only high or medium numbers may be shown (FACTS.md section 6)' }),
  caveat: z.enum(Object.keys(CAVEAT_KEYS) as [keyof typeof CAVEAT_KEYS]).optional(),
  hours: z.string().optional(),
  source: z.string().url(),
  date: text,
});

const fileSchema = z.strictObject({
  countries: z.record(
    z.string().regex(/^[A-Z]{2}$/),
    z.strictObject({
      emergency: z.array(numberSchema).optional(),
      trafficking: z.array(numberSchema).optional(),
      crisis: z.array(numberSchema).optional(),
      guidance: z.array(numberSchema).optional(),
    }),
  ),
  sea: z.strictObject({
    radio: numberSchema,
    coastGuards: z.array(numberSchema.extend({ country: z.string().regex(/^[A-Z]{2}$/) })).min(1),
    alarmPhone: numberSchema,
  }),
  withheld: z.array(z.strictObject({ country: z.string().regex(/^[A-Z]{2}$/).optional(), number: z.string(), why: z.string() })),
});

export type EmergencyNumbers = z.infer<typeof fileSchema>;
export type EmergencyNumber = z.infer<typeof numberSchema>;

/** No numbers at all: the guidance stays general (tests, or a deployment without the file). */
export const NO_EMERGENCY_NUMBERS: EmergencyNumbers = {
  countries: {},
  sea: { radio: { kind: 'radio', service: 'VHF', number: '16', confidence: 'high', source: 'https://www.mitma.gob.es/', date: '' }, coastGuards: [], alarmPhone: { kind: 'alarmPhone', service: 'Alarm Phone', number: '+33 4 86 51 71 61', confidence: 'medium', source: 'https://alarmphone.org/en/about/', date: '' } },
  withheld: [],
};

export function loadEmergencyNumbers(file: string): EmergencyNumbers {
  let raw: unknown;
  try {
    raw = parseYamlCached(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new WegweiserError('KNOWLEDGE_INVALID', [`${file}: ${(err as Error).message.split('\n')[0]}`]);
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) throw new WegweiserError('KNOWLEDGE_INVALID', parsed.error.issues.map((i) => `${file}: ${i.path.join('.')}: ${i.message}`));
  const data = parsed.data;
  // A number is never both shown and withheld in the same country.
  const problems: string[] = [];
  for (const w of data.withheld) {
    for (const [code, lists] of Object.entries(data.countries)) {
      if (w.country && w.country !== code) continue;
      for (const n of Object.values(lists).flat()) if (n.number === w.number) problems.push(`${file}: ${code} shows ${w.number}, which is withheld (${w.why})`);
    }
  }
  if (problems.length) throw new WegweiserError('KNOWLEDGE_INVALID', problems);
  return data;
}

/** What the guidance knows of the person: where they may be (a place they named, the phone's country) and whether at sea. */
export interface SafetyContext {
  countries?: string[];
  atSea?: boolean;
}

const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', ђ: 'đ', е: 'e', ж: 'ž', з: 'z', и: 'i', ј: 'j', к: 'k', л: 'l', љ: 'lj', м: 'm', н: 'n', њ: 'nj',
  о: 'o', п: 'p', р: 'r', с: 's', т: 't', ћ: 'ć', у: 'u', ф: 'f', х: 'h', ц: 'c', ч: 'č', џ: 'dž', ш: 'š',
};

/** The country's name in the reader's language (Serbian in Latin script, as everywhere in Wegweiser). */
export function countryName(code: string, lang: Lang): string {
  const name = countries.getName(code, lang) ?? countries.getName(code, 'en') ?? code;
  if (lang !== 'sr') return name;
  return [...name].map((ch) => {
    const lower = ch.toLowerCase();
    const latin = CYRILLIC_TO_LATIN[lower];
    if (latin === undefined) return ch;
    return ch === lower ? latin : latin.charAt(0).toUpperCase() + latin.slice(1);
  }).join('');
}

/** A number reads left to right inside Arabic or Urdu text, its groups in their order. */
function showNumber(number: string, lang: Lang): string {
  return isRightToLeft(lang) ? `\u2066${number}\u2069` : number;
}

function line(t: Translate, lang: Lang, n: EmergencyNumber): string {
  const service = t(lang, SERVICE_KEYS[n.kind]) + (n.name ? ` (${n.name})` : '');
  const caveat = n.caveat ? ` (${t(lang, CAVEAT_KEYS[n.caveat], { hours: n.hours ?? '' })})` : '';
  return `- ${service}: ${showNumber(n.number, lang)}${caveat}`;
}

type NumberList = 'trafficking' | 'crisis' | 'emergency';

/** "Numbers to call in …:" with the country's numbers of the lists named, in that order; undefined when it has none of them. */
function numbersIn(t: Translate, lang: Lang, numbers: EmergencyNumbers, code: string, lists: readonly NumberList[]): string | undefined {
  const listed = lists.flatMap((list) => numbers.countries[code]?.[list] ?? []);
  return listed.length ? [t(lang, 'safety.numbersIn', { country: countryName(code, lang) }), ...listed.map((n) => line(t, lang, n))].join('\n') : undefined;
}

/** Every number known for the countries (emergency, then help lines), for someone who asks for them; undefined when none is known. */
export function numbersToCall(t: Translate, lang: Lang, numbers: EmergencyNumbers, countries: readonly string[]): string | undefined {
  const parts = countries.flatMap((code) => numbersIn(t, lang, numbers, code, ['emergency', 'trafficking', 'crisis']) ?? []);
  return parts.length ? parts.join('\n\n') : undefined;
}

/** Which of a country's lists each danger names, most specific first. */
const LISTS: Record<SafetyCategory, NumberList[]> = {
  exploitation: ['trafficking', 'emergency'],
  selfharm: ['crisis', 'emergency'],
  violence: ['emergency'],
  stranded: ['emergency'],
};

/**
 * The guidance a danger leads with: the general advice, then the numbers for the person's country
 * (none when the country is unknown or FACTS.md confirms none), and at sea the coast guards first.
 */
export function safetyGuidance(t: Translate, lang: Lang, category: SafetyCategory, numbers: EmergencyNumbers, where: SafetyContext = {}): string {
  const parts = [t(lang, SAFETY_TEXT_KEYS[category])];
  if (where.atSea && numbers.sea.coastGuards.length) {
    const { radio, coastGuards, alarmPhone } = numbers.sea;
    const byCountry = new Map<string, string[]>();
    for (const n of coastGuards) byCountry.set(n.country, [...(byCountry.get(n.country) ?? []), `${t(lang, SERVICE_KEYS[n.kind])}${n.name ? ` (${n.name})` : ''} ${showNumber(n.number, lang)}`]);
    const guards = [...byCountry].map(([code, services]) => `- ${countryName(code, lang)}: ${services.join(' · ')}`);
    parts.push([t(lang, 'safety.sea', { channel: radio.number }), ...guards].join('\n'));
    parts.push(t(lang, 'safety.alarmPhone', { number: showNumber(alarmPhone.number, lang) }));
  }
  for (const code of where.countries ?? []) {
    const known = numbers.countries[code];
    if (!known) continue;
    const country = countryName(code, lang);
    if (known.guidance?.length) parts.push([t(lang, 'safety.noPolice', { country }), ...known.guidance.map((n) => line(t, lang, n))].join('\n'));
    const listed = numbersIn(t, lang, numbers, code, LISTS[category]);
    if (listed) parts.push(listed);
  }
  return parts.join('\n\n');
}
