/** The staff console's texts: every language has every key of English, with the same {{placeholders}}, and no sentence left in English. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../src/paths.js';

const LANGS = ['en', 'fr', 'ar', 'de', 'ur', 'id', 'sq', 'sr', 'es'];
const read = (lang: string) => JSON.parse(readFileSync(join(ROOT, 'src/handoff/console/locales', lang, 'console.json'), 'utf8')) as Record<string, string>;
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('console texts', () => {
  const en = read('en');
  for (const lang of LANGS.filter((l) => l !== 'en')) {
    it(`${lang} has every key, the same placeholders, and no English sentence`, () => {
      const texts = read(lang);
      expect(Object.keys(texts).sort()).toEqual(Object.keys(en).sort());
      for (const key of Object.keys(en)) expect(placeholders(texts[key]!), `${lang} ${key}`).toEqual(placeholders(en[key]!));
      // Words shared with English (Conversations, Contact, Centre) are fine; whole sentences are not.
      const sentences = Object.keys(en).filter((k) => texts[k] === en[k] && en[k]!.split(' ').length > 3);
      expect(sentences, `${lang} left in English`).toEqual([]);
    });
  }
});
