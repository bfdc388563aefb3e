/**
 * Someone's age said in passing ("djali im 24 vjeç", "umur 25 thn", "3mri 30 3am", "imam 42 godine",
 * "main 24 saal ka hun") says nothing about the topic, yet its number and "years" word are features
 * like any other: one example question that happened to give an age pulls every question giving
 * one towards its topic. Each is made one word, AGE, in the examples and in the question alike. Years of experience ("7 snin experience", "5 godina iskustva") are kept: they
 * belong to the work topics.
 */
import { createHash } from 'node:crypto';

const NUMBER = /^\d{1,2}$/;

/** Words that make "N years" an age whatever comes before. */
const AGE_UNITS = new Set(['vjec', 'vjece', 'vjeq', 'vjeqe', 'vjecar', 'vjecare', 'vjeçe']);
/** "age", "my age": the number after them is an age. */
const AGE_WORDS = new Set([
  'umur', 'umurku', 'umurnya', 'usia', 'usiaku', 'usianya', 'age', 'aged', 'edad', 'alter', 'mosha', 'moshen', 'godiste',
  '3mri', '3omri', 'omri', 'umri', '3mrou', '3omro', '3mro', '3mrha', 'عمري', 'عمره', 'عمرو', 'عمرها', 'عمر', 'umar', 'umr', 'umer', 'umra', 'عمرم',
]);
/** "years" in each language; dropped after an age number. */
const YEAR_WORDS = new Set([
  'years', 'year', 'yrs', 'yr', 'yo', 'tahun', 'thn', 'th', 'ans', 'an', 'anos', 'jahre', 'jahren', 'j', 'godina', 'godine', 'god', 'vjet', 'vjec',
  'sana', 'sna', 'snin', 'sne', '3am', 'سنه', 'سنين', 'سنوات', 'عام', 'saal', 'sal', 'sala', 'سال', 'saala',
]);
/** "old", "the age of": the words that close an age. */
const OLD_WORDS = new Set(['old', 'alt', 'star', 'stara', 'staro', 'ka', 'ki', 'ke', 'کا', 'کی', 'کے', 'hun', 'hai', 'hoon']);
/** "I have / he has N years": an age unless experience follows (then the years are kept). */
const HAVE_WORDS = new Set(['imam', 'ima', 'imas', 'tengo', 'tiene', 'ai', 'a', 'jai', 'عندي', 'عنده', 'عندها', 'عندو', '3andi', '3ando', '3andou', '3andha', 'andi', 'bin', 'ist', 'i', 'am', 'im', 'jam', 'eshte', 'main', 'mai', 'meri', 'mera']);
const EXPERIENCE = /^(iskust|staz|radn|exp|khebr|khibr|5ebr|5ibr|خبر|tajrib|تجرب|d$|de$|pengalaman|pervoj|përvoj|tajurba|تجربه|kaam|pun|rad)/;

/**
 * What stands for a stated age: that an age was given can matter (the Opportunity Card counts it),
 * the number and the way of writing "years" cannot.
 */
export const AGE = '#age';

/** The words with each age they state made one AGE word. */
export function withoutAges(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!NUMBER.test(w)) {
      out.push(w);
      continue;
    }
    const prev = words[i - 1] ?? '';
    let j = i + 1;
    const unit = words[j] ?? '';
    const hasUnit = YEAR_WORDS.has(unit) || AGE_UNITS.has(unit);
    if (hasUnit) j++;
    const closes = OLD_WORDS.has(words[j] ?? '');
    const experience = EXPERIENCE.test(words[j] ?? '');
    const age =
      AGE_UNITS.has(unit) ||
      AGE_WORDS.has(prev) ||
      (hasUnit && closes && !experience) ||
      (hasUnit && HAVE_WORDS.has(prev) && !experience);
    if (!age) {
      out.push(w);
      continue;
    }
    if (AGE_WORDS.has(prev)) out.pop();
    if (closes && hasUnit) j++;
    out.push(AGE);
    i = j - 1;
  }
  return out;
}

/** A fingerprint of the word lists, for the index cache key. */
export const AGES_VERSION = createHash('sha256')
  .update(JSON.stringify([...AGE_UNITS, ...AGE_WORDS, ...YEAR_WORDS, ...OLD_WORDS, ...HAVE_WORDS, EXPERIENCE.source]))
  .digest('hex')
  .slice(0, 12);
