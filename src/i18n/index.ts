/**
 * The user interface texts: i18next resources from `locales/<lang>/*.json`. The files of one
 * language are merged into one namespace (a key may live in one file only); `commands.json`
 * holds the words of global commands, greetings, yes and no, used by the vocabulary.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type i18n as I18n } from 'i18next';
import type { Translate } from '../core/actions.js';
import { WegweiserError } from '../core/errors.js';
import { LANGS, type Lang } from '../core/lang.js';
import type { VocabularySource } from '../core/vocabulary.js';

export const VOCABULARY_FILE = 'commands.json';

export interface Locales {
  /** Texts by language, nested as in the files (without commands.json). */
  resources: Record<Lang, Record<string, unknown>>;
  vocabulary: Record<Lang, VocabularySource>;
}

export function loadLocales(dir: string): Locales {
  const problems: string[] = [];
  const resources = {} as Locales['resources'];
  const vocabulary = {} as Locales['vocabulary'];
  for (const lang of LANGS) {
    const langDir = join(dir, lang);
    resources[lang] = {};
    vocabulary[lang] = { commands: { start: [], menu: [], language: [], human: [], delete: [], stop: [] }, greetings: [], yes: [], no: [] };
    if (!existsSync(langDir)) {
      problems.push(`${langDir}: missing (every language needs its folder)`);
      continue;
    }
    for (const file of readdirSync(langDir).filter((f) => f.endsWith('.json')).sort()) {
      let data: Record<string, unknown>;
      try {
        data = JSON.parse(readFileSync(join(langDir, file), 'utf8')) as Record<string, unknown>;
      } catch (err) {
        problems.push(`${join(langDir, file)}: not valid JSON: ${(err as Error).message}`);
        continue;
      }
      if (file === VOCABULARY_FILE) {
        vocabulary[lang] = { ...vocabulary[lang], ...(data as Partial<VocabularySource>) };
        continue;
      }
      for (const [k, v] of Object.entries(data)) {
        if (k in resources[lang]) problems.push(`${join(langDir, file)}: top-level key "${k}" is also in another file of ${lang}`);
        resources[lang][k] = v;
      }
    }
  }
  if (problems.length) throw new WegweiserError('LOCALE_INVALID', problems);
  return { resources, vocabulary };
}

/** Flattens nested resources to dotted keys: { a: { b: "x" } } -> { "a.b": "x" }. */
export function flattenKeys(tree: Record<string, unknown>, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object' && !Array.isArray(v)) for (const [kk, vv] of flattenKeys(v as Record<string, unknown>, key)) out.set(kk, vv);
    else out.set(key, v);
  }
  return out;
}

/** Strips i18next's plural suffixes: "answer.sources_one" -> "answer.sources". */
export function baseKey(key: string): string {
  return key.replace(/_(zero|one|two|few|many|other)$/, '');
}

/** `{{name}}` in a text (i18next's default interpolation). */
const VARIABLE = /\{\{\s*([\w.]+)\s*\}\}/g;

export interface Texts {
  t: Translate;
  /** The key exists in the reference language (English), as itself or as a plural family. */
  hasKey: (key: string) => boolean;
  i18n: I18n;
}

export function createTexts(locales: Locales): Texts {
  const i18n = i18next.createInstance();
  void i18n.init({
    initAsync: false,
    resources: Object.fromEntries(LANGS.map((l) => [l, { translation: locales.resources[l] }])),
    fallbackLng: 'en',
    supportedLngs: [...LANGS],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  const english = new Set([...flattenKeys(locales.resources.en).keys()].map(baseKey));
  const fixed = new Map(LANGS.map((l) => [l, i18n.getFixedT(l)]));
  // A text without variables is the same every time: looked up through i18next once per language
  // and key (bounded by the keys in the files), not on every turn.
  const plain = new Map(LANGS.map((l) => [l, new Map<string, string>()]));
  // A text with {{variables}} and no plural forms: its template is looked up once, then filled in
  // here (what i18next would do with escaping off) instead of by i18next on every turn.
  const templates = new Map(LANGS.map((l) => [l, new Map<string, string | null>()]));
  const template = (lang: Lang, key: string): string | null => {
    const known = templates.get(lang)!;
    let found = known.get(key);
    if (found === undefined) {
      const raw = i18n.getResource(lang, 'translation', key) ?? i18n.getResource('en', 'translation', key);
      found = typeof raw === 'string' && !raw.includes('$t(') ? raw : null;
      if (known.size < 10_000) known.set(key, found);
    }
    return found;
  };
  return {
    t: (lang, key, vars) => {
      if (vars && Object.keys(vars).length) {
        const simple = !('count' in vars) && Object.values(vars).every((v) => v === undefined || typeof v !== 'object');
        const text = simple ? template(lang, key) : null;
        if (text === null) return fixed.get(lang)!(key, vars);
        return text.replace(VARIABLE, (whole, name: string) => {
          const value = vars[name];
          return value === undefined ? whole : String(value); // i18next leaves a missing one as it is
        });
      }
      const texts = plain.get(lang)!;
      let text = texts.get(key);
      if (text === undefined) {
        text = fixed.get(lang)!(key, {});
        if (texts.size < 10_000) texts.set(key, text);
      }
      return text;
    },
    hasKey: (key) => english.has(key),
    i18n,
  };
}
