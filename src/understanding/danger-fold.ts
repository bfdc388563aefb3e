/**
 * How the danger recogniser folds what people type: the shared folding (case, accents, Arabic and
 * Urdu letter variants) after Serbian Cyrillic is written in Latin letters, so "пасош" and "pasoš"
 * are one word and the lexicon needs each Serbian word once.
 */
import { foldText } from '../core/normalize.js';

const SERBIAN_CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', ђ: 'dj', е: 'e', ж: 'z', з: 'z', и: 'i', ј: 'j', к: 'k', л: 'l', љ: 'lj',
  м: 'm', н: 'n', њ: 'nj', о: 'o', п: 'p', р: 'r', с: 's', т: 't', ћ: 'c', у: 'u', ф: 'f', х: 'h', ц: 'c', ч: 'c',
  џ: 'dz', ш: 's',
};
const CYRILLIC = /[\u0400-\u04FF]/;

export function foldForDanger(text: string): string {
  const lower = text.toLowerCase();
  const latin = CYRILLIC.test(lower) ? lower.replace(/[\u0400-\u04FF]/g, (c) => SERBIAN_CYRILLIC[c] ?? c) : lower;
  // đ has no accent to strip: it is written "dj" when people type without it.
  return foldText(latin.replace(/đ/g, 'dj'));
}

/** The folded words of a message. */
export function dangerTokens(text: string): string[] {
  return foldForDanger(text).split(' ').filter(Boolean);
}
