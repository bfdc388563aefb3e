import { describe, expect, it } from 'vitest';
import { foldText } from '../src/core/normalize.js';
import { DIALECT_FUNCTION_WORDS, dialectStem } from '../src/knowledge/arabic-dialect.js';
import { conceptsOf } from '../src/knowledge/concepts.js';
import { extractFeatures } from '../src/knowledge/features.js';

const stem = (w: string) => dialectStem(foldText(w));
const concepts = (text: string, arabic = true) => [...conceptsOf(foldText(text).split(' '), { arabic })];

describe('Arabic dialects in the retriever', () => {
  it('brings the forms of one verb to one stem across dialect prefixes and endings', () => {
    expect(new Set(['بتشتغل', 'نشتغل', 'اشتغل', 'هتشتغلوا'].map(stem))).toEqual(new Set(['شتغل']));
    expect(stem('كيتعادل')).toBe('تعادل');
    expect(stem('عالبرتغال')).toBe('برتغال');
    expect(stem('للورق')).toBe('ورق');
  });

  it('keeps the ب and ل that begin a word, and short words whole', () => {
    expect(stem('مكتب')).toBe('مکتب');
    expect(stem('بطاقه')).toBe('بطاق');
    expect(stem('لازم')).toBe('لازم');
    expect(stem('ورق')).toBe('ورق');
  });

  it('finds a concept behind a dialect verb prefix or an Arabizi article, only in an Arabic question', () => {
    expect(concepts('بتشتغل')).toContain('work');
    expect(concepts('lpasport')).toContain('passport');
    expect(concepts('lpasport', false)).not.toContain('passport');
    expect(concepts('llegar ljudi')).toEqual([]);
  });

  it('knows Levantine, Iraqi and Egyptian words for women, care work, a company, recognition and how much', () => {
    expect(concepts('niswan')).toContain('woman');
    expect(concepts('النسوان')).toContain('woman');
    expect(concepts('3inaye')).toContain('nurse');
    expect(concepts('sharike')).toContain('employer');
    expect(concepts('a3adilha')).toContain('recognition');
    expect(concepts('شكد')).toContain('cost');
    expect(concepts('win', false)).not.toContain('where'); // English "win", not Tunisian "where"
  });

  it('reads learning a trade as vocational training, and German learners’ spellings of Ausbildung and Anerkennung', () => {
    expect(concepts('he wants to learn a trade', false)).toContain('training');
    expect(concepts('aprender un oficio', false)).toContain('training');
    expect(concepts('ausbilung', false)).toContain('training');
    expect(concepts('anerkenung', false)).toContain('recognition');
  });

  it('leaves the dialects’ "want", "can", "this" out of an Arabic question’s features', () => {
    expect(DIALECT_FUNCTION_WORDS.has(foldText('بدي'))).toBe(true);
    const keys = [...extractFeatures('بدي اشتغل بالمانيا', ['ar']).keys()];
    expect(keys).not.toContain('w:بدي');
    expect(keys).toContain('a:شتغل');
    expect([...extractFeatures('bidi work', ['en']).keys()]).toContain('w:bidi');
  });

  it('reads Arabizi 3\' and 7\' as one letter, not as a word broken by an apostrophe', () => {
    expect(foldText("ashta3'al 7'ales")).toBe('ashtaghal khales');
    expect(foldText("l'allemand 3' x")).toBe('l allemand 3 x');
  });
});
