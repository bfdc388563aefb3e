/**
 * Turns text into the sparse features the retriever scores: folded words, Snowball stems where a
 * stemmer exists for the language, word pairs, character n-grams inside words (they survive
 * typos, missing accents, Arabizi and mixed scripts), the concepts of the domain lexicon (shared by
 * every language and spelling) and consonant skeletons that let Arabic meet Arabizi and Urdu meet
 * Roman Urdu. Language-agnostic apart from the stemmer.
 */
import snowball from 'snowball-stemmers';
import type { Lang } from '../core/lang.js';
import { foldText } from '../core/normalize.js';
import { AGES_VERSION, withoutAges } from './ages.js';
import { DIALECT_FUNCTION_WORDS, dialectStem } from './arabic-dialect.js';
import { conceptsOf, LEXICON_VERSION } from './concepts.js';
import { serbianLatin } from './cyrillic.js';
import { skeleton } from './skeleton.js';

const STEMMER_NAMES: Partial<Record<Lang, string>> = { en: 'english', fr: 'french', de: 'german', es: 'spanish', ar: 'arabic' };
const stemmers = new Map<Lang, { stem(word: string): string }>();
for (const [lang, name] of Object.entries(STEMMER_NAMES)) stemmers.set(lang as Lang, snowball.newStemmer(name));

export type Features = Map<string, number>;

export function tokens(text: string): string[] {
  return foldText(serbianLatin(text)).split(' ').filter((t) => t.length > 0);
}

function add(features: Features, key: string, weight = 1): void {
  features.set(key, (features.get(key) ?? 0) + weight);
}

/** Tuning knobs, fixed in production; `npm run bench:kb` explores them. */
export const FEATURE_OPTIONS = { minGram: 3, maxGram: 5, gramWeight: 0.5, bigrams: true, conceptWeight: 1.5, skeletonWeight: 0.7, lexicon: LEXICON_VERSION, cyrillic: 1, dialectStems: 1, dialectFunctionWords: 1, ages: AGES_VERSION };

/** Features of a text; `langs` choose the stemmers (a question may mix languages). */
export function extractFeatures(text: string, langs: readonly Lang[], opts: { wordsOnly?: boolean } = {}): Features {
  const { minGram, maxGram, gramWeight, bigrams, conceptWeight, skeletonWeight } = FEATURE_OPTIONS;
  const features: Features = new Map();
  const arabic = langs.includes('ar');
  // In Arabic, the dialects' "want", "can", "this" say nothing about the topic (see arabic-dialect.ts).
  // A stated age ("24 vjeç", "umur 25") is no topic either (see ages.ts).
  const folded = FEATURE_OPTIONS.ages ? withoutAges(tokens(text)) : tokens(text);
  const words = arabic && FEATURE_OPTIONS.dialectFunctionWords ? folded.filter((t) => !DIALECT_FUNCTION_WORDS.has(t)) : folded;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    add(features, `w:${w}`);
    if (arabic && FEATURE_OPTIONS.dialectStems) {
      const stem = dialectStem(w);
      if (stem !== w) add(features, `a:${stem}`);
    }
    for (const lang of langs) {
      const stemmer = stemmers.get(lang);
      if (stemmer && w.length > 3) {
        const s = stemmer.stem(w);
        if (s !== w) add(features, `s:${s}`);
      }
    }
    if (opts.wordsOnly) continue;
    const skel = skeletonWeight > 0 ? skeleton(w) : '';
    if (skel) add(features, `t:${skel}`, skeletonWeight);
    if (bigrams && i > 0) add(features, `b:${words[i - 1]}_${w}`);
    const padded = `_${w}_`;
    for (let n = minGram; n <= maxGram; n++) {
      if (padded.length < n) continue;
      for (let j = 0; j + n <= padded.length; j++) add(features, `c:${padded.slice(j, j + n)}`, gramWeight);
    }
  }
  if (conceptWeight > 0) for (const c of conceptsOf(words, { arabic: arabic && FEATURE_OPTIONS.dialectStems > 0 })) features.set(`k:${c}`, conceptWeight);
  return features;
}

/**
 * German typed without umlauts ("zurueck", "fuer", "Aerztin", "hoeher") written with them, as the
 * entries are: folded, "zurück" and "zurueck" would otherwise stay two words. Not after a vowel
 * ("Frauen", "neue", "Steuer") or "q" ("Quelle"), nor before "ll" ("aktuell", "eventuell"); "Blue Card" stays.
 */
export function germanUmlauts(text: string): string {
  const umlaut: Record<string, string> = { ae: 'ä', oe: 'ö', ue: 'ü', Ae: 'Ä', Oe: 'Ö', Ue: 'Ü', AE: 'Ä', OE: 'Ö', UE: 'Ü' };
  return text.replace(/(?<![aeiouäöüqAEIOUÄÖÜQ])(?<![bB][lL])([aouAOU][eE])(?!ll)/gu, (m) => umlaut[m] ?? m);
}
