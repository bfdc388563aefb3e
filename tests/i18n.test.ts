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
import { baseKey, flattenKeys, loadLocales } from '../src/i18n/index.js';
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
