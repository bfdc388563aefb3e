/**
 * Every text key in every language, none empty, none unused; plural forms complete for each
 * language's plural rules; placeholders kept; the command vocabulary present everywhere.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../src/core/lang.js';
import { COMMAND_NAMES } from '../src/core/messages.js';
import { loadFlows } from '../src/flows/loader.js';
import { baseKey, createTexts, flattenKeys, loadLocales } from '../src/i18n/index.js';
import { PATHS, ROOT } from '../src/paths.js';

const locales = loadLocales(PATHS.locales);
const english = flattenKeys(locales.resources.en);
const englishBases = new Set([...english.keys()].map(baseKey));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );
}

/** Keys the flows use, plus keys the code names as string literals ('system.error'). */
function usedKeys(): Set<string> {
  const used = new Set<string>(['language.name']);
  for (const flow of loadFlows(PATHS.flows).values()) {
    for (const step of flow.steps) {
      for (const k of ['say', 'ask'] as const) if (k in step) used.add((step as Record<string, string>)[k]!);
      if (step.type === 'ask') for (const o of step.options ?? []) used.add(o.label);
      if (step.type === 'ask') for (const k of Object.values(step.askIf ?? {})) used.add(k);
    }
  }
  for (const file of sourceFiles(join(ROOT, 'src'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/['"`]([a-z]+(?:\.[a-zA-Z]+)+)['"`]/g)) used.add(m[1]!);
  }
  return used;
}

describe('locales', () => {
  for (const lang of LANGS) {
    it(`${lang}: has every English key, none empty, no extra key, placeholders kept`, () => {
      const keys = flattenKeys(locales.resources[lang]);
      const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      const missing: string[] = [];
      for (const [key, value] of english) {
        const base = baseKey(key);
        if (base !== key) {
          for (const c of categories) if (!keys.get(`${base}_${c}`)) missing.push(`${base}_${c}`);
          continue;
        }
        const v = keys.get(key);
        if (typeof v !== 'string' || !v.trim()) missing.push(key);
        else for (const ph of String(value).match(/\{\{\w+\}\}/g) ?? []) expect(v, `${lang} ${key} keeps ${ph}`).toContain(ph);
      }
      expect(missing, `${lang}: missing or empty`).toEqual([]);
      const extra = [...keys.keys()].filter((k) => !englishBases.has(baseKey(k)));
      expect(extra, `${lang}: keys English does not have`).toEqual([]);
    });

    it(`${lang}: has words for every global command, greetings, yes and no`, () => {
      const v = locales.vocabulary[lang];
      for (const name of COMMAND_NAMES) expect(v.commands[name]?.length, `${lang} commands.${name}`).toBeGreaterThan(0);
      expect(v.greetings.length).toBeGreaterThan(2);
      expect(v.yes.length).toBeGreaterThan(0);
      expect(v.no.length).toBeGreaterThan(0);
    });
  }

  it('every English key is used by a flow or by the code', () => {
    const used = usedKeys();
    const unused = [...englishBases].filter((k) => !used.has(k));
    expect(unused).toEqual([]);
  });

  it('names every language in itself', () => {
    const names = LANGS.map((l) => flattenKeys(locales.resources[l]).get('language.name'));
    expect(new Set(names).size).toBe(LANGS.length);
  });
});

describe('texts with variables, filled in without i18next on every turn', () => {
  it('read exactly as i18next would read them, every key in every language, with variables given or missing', async () => {
    const { default: i18next } = await import('i18next');
    const locales = loadLocales(PATHS.locales);
    const texts = createTexts(locales);
    const reference = i18next.createInstance();
    await reference.init({ initAsync: false, resources: Object.fromEntries(LANGS.map((l) => [l, { translation: locales.resources[l] }])), fallbackLng: 'en', supportedLngs: [...LANGS], interpolation: { escapeValue: false }, returnNull: false });
    const keys = [...new Set([...flattenKeys(locales.resources.en).keys()].map((k) => k.replace(/_(one|other)$/, '')))];
    const varSets = [{ unused: 1 }, { name: 'Abena', city: 'Accra', when: 'Tue 10:00', reference: 'Y7QBSY', centreName: 'CMD', amount: '€1', value: 'v', period: '2026', last: 'L', km: 3, count: 2 }];
    let compared = 0;
    for (const lang of LANGS) {
      for (const key of keys) {
        for (const vars of varSets) {
          expect(texts.t(lang, key, vars), `${lang} ${key}`).toBe(reference.getFixedT(lang)(key, vars));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(3000);
  });
});
