import { describe, expect, it } from 'vitest';
import { degrade, matchOption, matchOptionWords } from '../src/core/degrade.js';
import { foldText } from '../src/core/normalize.js';

const options = [
  { id: 'a', label: 'Work, study or train' },
  { id: 'b', label: 'Risques de la migration irrégulière' },
  { id: 'c', label: 'التحدث إلى شخص' },
];

describe('degrade', () => {
  it('turns options into a numbered list where there are no buttons, and keeps them where there are', () => {
    const outbox = [{ kind: 'options' as const, text: 'Choose:', options }];
    expect(degrade(outbox, { buttons: false })).toEqual([
      { kind: 'text', text: 'Choose:\n\n1. Work, study or train\n2. Risques de la migration irrégulière\n3. التحدث إلى شخص' },
    ]);
    expect(degrade(outbox, { buttons: true })).toEqual(outbox);
  });

  it('maps a number back to its option, in Latin and Arabic-Indic digits', () => {
    expect(matchOption('2', options)?.id).toBe('b');
    expect(matchOption(' 3. ', options)?.id).toBe('c');
    expect(matchOption('(1)', options)?.id).toBe('a');
    expect(matchOption('٢', options)?.id).toBe('b');
    expect(matchOption('۳', options)?.id).toBe('c');
    expect(matchOption('4', options)).toBeUndefined();
    expect(matchOption('0', options)).toBeUndefined();
  });

  it("maps the option's words back, ignoring case, accents and Arabic letter variants", () => {
    expect(matchOption('risques de la migration irreguliere', options)?.id).toBe('b');
    expect(matchOption('WORK, STUDY OR TRAIN!', options)?.id).toBe('a');
    expect(matchOption('التحدث الى شخص', options)?.id).toBe('c');
    expect(matchOption('is the boat safe?', options)).toBeUndefined();
  });

  it('maps one to three words of a single option back to it, and nothing else', () => {
    expect(matchOptionWords('work', options)?.id).toBe('a');
    expect(matchOptionWords('risque migration', options)?.id).toBe('b');
    expect(matchOptionWords('شخص', options)?.id).toBe('c');
    expect(matchOptionWords('تحدث', options)?.id).toBe('c');
    expect(matchOptionWords('work visa', options)).toBeUndefined();
    expect(matchOptionWords('de', options)).toBeUndefined();
    expect(matchOptionWords('i want to work there', options)).toBeUndefined();
  });

  it('folds text for matching', () => {
    expect(foldText('  Menü!! ')).toBe('menu');
    expect(foldText('Straße')).toBe('strasse');
    expect(foldText('أهلاً')).toBe('اهلا');
    expect(foldText('\u200Fمرحبا\u200E')).toBe('مرحبا');
  });
});

describe('an option picked by its place in the list', () => {
  it.each([
    ['the third one please', 'c'],
    ['la deuxième', 'b'],
    ['el último', 'c'],
    ['die zweite bitte', 'b'],
    ['doosra wala', 'b'],
    ['e dyta', 'b'],
    ['treća', 'c'],
    ['yang kedua aja', 'b'],
    ['التاني', 'b'],
    ['الأول لو سمحت', 'a'],
    ['پہلا والا', 'a'],
    ['3rd', 'c'],
    ['last one', 'c'],
  ])('%s -> %s', (text, id) => expect(matchOption(text, options)?.id).toBe(id));

  it.each(['not the first one', 'the first time I went to Germany', 'second hand car in Germany', 'the fifth one'])('%s picks nothing', (text) => {
    expect(matchOption(text, options)).toBeUndefined();
  });
});
