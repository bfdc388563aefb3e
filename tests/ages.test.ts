import { describe, expect, it } from 'vitest';
import { AGE, withoutAges } from '../src/knowledge/ages.js';
import { tokens } from '../src/knowledge/features.js';

const words = (text: string) => withoutAges(tokens(text));

describe('a stated age is one word, not a number and a "years"', () => {
  it.each([
    ['djali im 24 vjeç është kuzhinier', ['djali', 'im', AGE, 'eshte', 'kuzhinier']],
    ['umur 25 thn lulusan smk', [AGE, 'lulusan', 'smk']],
    ['3mri 30 3am w n7eb', [AGE, 'w', 'n7eb']],
    ['main 24 saal ka hun', ['main', AGE, 'hun']],
    ['имам 42 године, могу ли', ['imam', AGE, 'mogu', 'li']],
    ['I am 30 years old', ['i', 'am', AGE]],
    ['ابني عنده ١٩ سنة', ['ابني', 'عنده', AGE]],
  ])('%s', (text, expected) => expect(words(text)).toEqual(expected));

  it.each([
    '7 snin experience',
    'imam 5 godina iskustva',
    'عندي 7 سنين خبرة',
    'agencija traži 2000 evra',
    'kontrata 2 vjet',
    'visa valable 2 ans',
  ])('keeps years of experience, sums and durations: %s', (text) => expect(words(text)).toEqual(tokens(text)));
});
