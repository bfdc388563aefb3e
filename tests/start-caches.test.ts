/**
 * What a start keeps for the next one (parsed YAML, the counted letter model) gives exactly what
 * parsing and counting give, and nothing is kept from a file that does not parse.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseYamlCached } from '../src/core/yaml-file.js';
import { CharNgramLanguageModel } from '../src/i18n/language-model.js';
import { loadTownIndex, readKeptTownIndex, readTownsFile } from '../src/booking/gazetteer.js';

describe('parsed YAML kept between starts', () => {
  it('reads back what the parser gives, keyed by the text and the options', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yaml-cache-'));
    const text = 'base: &b { seats: 2, days: [mon, tue] }\ncentre:\n  <<: *b\n  city: Accra\n  opens: "09:00"\n';
    const first = parseYamlCached(text, { merge: true }, dir);
    expect(first).toEqual(parse(text, { merge: true }));
    expect(readdirSync(dir)).toHaveLength(1);
    expect(parseYamlCached(text, { merge: true }, dir)).toEqual(first);
    expect(parseYamlCached(text, {}, dir)).toEqual(parse(text)); // other options, other key
    expect(readdirSync(dir)).toHaveLength(2);
  });

  it('keeps nothing of a file that does not parse, and reports its error as the parser does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yaml-cache-'));
    expect(() => parseYamlCached('a: [1, 2\nb: }', {}, dir)).toThrow();
    expect(readdirSync(dir)).toHaveLength(0);
  });
});

describe('the letter model kept between starts', () => {
  it('guesses exactly as a freshly counted one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lang-cache-'));
    const samples = new Map([
      ['en', ['how do i get a work visa', 'where is the centre in accra']],
      ['fr', ['comment obtenir un visa de travail', 'ou est le centre a tunis']],
      ['de', ['wie bekomme ich ein arbeitsvisum', 'wo ist das zentrum']],
    ] as const) as unknown as ReadonlyMap<'en' | 'fr' | 'de', string[]>;
    const fresh = CharNgramLanguageModel.trained(samples, dir);
    const kept = CharNgramLanguageModel.trained(samples, dir);
    expect(readdirSync(dir).filter((f) => f.startsWith('language-'))).toHaveLength(1);
    for (const text of ['visa de travail', 'arbeitsvisum bitte', 'centre accra', 'xyz']) expect(kept.guess(text)).toEqual(fresh.guess(text));
  });
});

describe('the towns index kept between starts', () => {
  it('holds exactly the towns, countries and largest towns that reading GeoNames gives', () => {
    const dir = mkdtempSync(join(tmpdir(), 'towns-cache-'));
    expect(readKeptTownIndex(dir)).toBeUndefined();
    const first = loadTownIndex(dir);
    expect(readdirSync(dir).filter((f) => f.startsWith('towns-'))).toHaveLength(1);
    const kept = readKeptTownIndex(dir)!;
    const built = readTownsFile();
    for (const [name, places] of built.towns) {
      expect(kept.towns.get(name), name).toEqual(places);
      expect(first.towns.get(name), name).toEqual(places); // a first start answers as a restart
    }
    for (const other of ['zzzz', 'accra x', '']) expect(kept.towns.get(other)).toBeUndefined();
    expect(kept.countries).toEqual(built.countries);
    expect(kept.largestTown).toEqual(built.largestTown);
    expect(built.towns.get('accra')?.[0]?.country).toBe('GH'); // not an empty index read back as empty
  }, 60_000);
});
