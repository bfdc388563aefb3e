/**
 * WhatsApp's approved templates (Twilio Content API): outside the 24-hour window a message from
 * our side can only be a template, sent by its content SID with its variables. A small file maps
 * each purpose and language to the SID Twilio shows for the approved template:
 *
 *     { "appointment-reminder": { "en": "HX…", "fr": "HX…" },
 *       "advisor-replied": { "en": "HX…" },
 *       "booking-changed": { "en": "HX…" } }
 *
 * (JSON or YAML), named by WHATSAPP_TEMPLATES (a path, or the JSON itself), by default
 * ./whatsapp-templates.json when it exists. A language without its own template gets the English
 * one. The variables each template receives are fixed per purpose (TEMPLATE_VARIABLES).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { WegweiserError } from '../../core/errors.js';
import { LANGS, type Lang } from '../../core/lang.js';
import { PURPOSES, type PurposeKind, type SendPurpose } from '../adapter.js';

export const DEFAULT_TEMPLATES_FILE = './whatsapp-templates.json';
const CONTENT_SID = /^HX[0-9a-f]{32}$/;

/** Purpose → language → content SID. */
export type WhatsAppTemplates = Partial<Record<PurposeKind, Partial<Record<Lang, string>>>>;

/** The content SID for a purpose in the person's language, or in English; undefined when neither is configured. */
export function pickTemplate(templates: WhatsAppTemplates, purpose: PurposeKind, lang: string | undefined): string | undefined {
  const byLang = templates[purpose];
  return byLang?.[(lang ?? 'en') as Lang] ?? byLang?.en;
}

/**
 * The template's variables ({{1}}, {{2}}, … in the approved text), as Twilio's ContentVariables:
 * the reminder and a changed booking get date, time, centre and reference; "an advisor replied"
 * the centre's name.
 */
export function templateVariables(purpose: SendPurpose): Record<string, string> {
  switch (purpose.kind) {
    case 'appointment-reminder':
    case 'booking-changed':
      return { '1': purpose.date, '2': purpose.time, '3': purpose.centre, '4': purpose.reference };
    case 'advisor-replied':
      return { '1': purpose.centre };
  }
}

/** Checks a parsed configuration: every problem names its entry. */
export function checkTemplates(raw: unknown, source: string): WhatsAppTemplates {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new WegweiserError('CONFIG_INVALID', [`${source}: expected an object of purposes (${PURPOSES.join(', ')}), each mapping languages to content SIDs`]);
  }
  const problems: string[] = [];
  const templates: WhatsAppTemplates = {};
  for (const [purpose, byLang] of Object.entries(raw)) {
    if (!(PURPOSES as readonly string[]).includes(purpose)) {
      problems.push(`${source}: "${purpose}" is not a template purpose (${PURPOSES.join(', ')})`);
      continue;
    }
    if (typeof byLang !== 'object' || byLang === null || Array.isArray(byLang)) {
      problems.push(`${source}: ${purpose} must map languages (${LANGS.join(' ')}) to content SIDs`);
      continue;
    }
    const entry: Partial<Record<Lang, string>> = {};
    for (const [lang, sid] of Object.entries(byLang as Record<string, unknown>)) {
      if (!(LANGS as readonly string[]).includes(lang)) problems.push(`${source}: ${purpose}.${lang}: not one of the languages ${LANGS.join(' ')}`);
      else if (typeof sid !== 'string' || !CONTENT_SID.test(sid)) problems.push(`${source}: ${purpose}.${lang}: ${JSON.stringify(sid)} is not a content SID (HX and 32 hexadecimal digits, as Twilio's Content Template Builder shows it)`);
      else entry[lang as Lang] = sid;
    }
    templates[purpose as PurposeKind] = entry;
  }
  if (problems.length) throw new WegweiserError('CONFIG_INVALID', problems);
  return templates;
}

/** Where the templates came from, for the start-up log line. */
export type LoadedTemplates = { templates: WhatsAppTemplates; source: string } | { templates: WhatsAppTemplates; missing: string };

/**
 * Reads WHATSAPP_TEMPLATES (inline JSON, or a JSON/YAML file). A file that is not there means no
 * templates (`missing`, for one log line); a file that is there but wrong stops the start.
 */
export function loadTemplates(setting: string | undefined, cwd = process.cwd()): LoadedTemplates {
  if (setting?.trim().startsWith('{')) {
    let raw: unknown;
    try {
      raw = JSON.parse(setting);
    } catch (err) {
      throw new WegweiserError('CONFIG_INVALID', [`WHATSAPP_TEMPLATES: not valid JSON (${(err as Error).message})`]);
    }
    return { templates: checkTemplates(raw, 'WHATSAPP_TEMPLATES'), source: 'WHATSAPP_TEMPLATES' };
  }
  const file = resolve(cwd, setting ?? DEFAULT_TEMPLATES_FILE);
  if (!existsSync(file)) return { templates: {}, missing: file };
  let raw: unknown;
  try {
    const text = readFileSync(file, 'utf8');
    raw = /\.ya?ml$/i.test(file) ? parseYaml(text) : JSON.parse(text);
  } catch (err) {
    throw new WegweiserError('CONFIG_INVALID', [`${file}: cannot be read as ${/\.ya?ml$/i.test(file) ? 'YAML' : 'JSON'} (${(err as Error).message})`]);
  }
  return { templates: checkTemplates(raw, file), source: file };
}
