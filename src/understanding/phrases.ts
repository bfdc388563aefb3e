/**
 * Phrase lists as people type them: each phrase is folded once (case, accents, Arabic letter
 * variants, Serbian Cyrillic in Latin letters), and a word ending in "*" matches any ending, so
 * "annul*" finds "annuler", "annulez" and "annulation". A phrase matches whole words only.
 */
import { foldForDanger } from './danger-fold.js';

export const fold = foldForDanger;

export function words(text: string): string[] {
  return fold(text).split(' ').filter(Boolean);
}

type Pattern = { word: string; prefix: boolean }[];

export interface PhraseSet {
  /** Where the first phrase found starts (the longest one starting there) and how many words it spans. */
  find(tokens: readonly string[]): { at: number; length: number } | undefined;
  has(tokens: readonly string[]): boolean;
}

export function phraseSet(phrases: readonly string[]): PhraseSet {
  const patterns: Pattern[] = phrases
    .map((p) =>
      p.split(/\s+/).flatMap((raw) => {
        const prefix = raw.endsWith('*');
        const parts = fold(prefix ? raw.slice(0, -1) : raw).split(' ').filter(Boolean);
        return parts.map((word, i) => ({ word, prefix: prefix && i === parts.length - 1 }));
      }),
    )
    .filter((p) => p.length)
    // the longest phrase first, so that at a position "merci beaucoup" is found whole, not "merci" and a stray word
    .sort((a, b) => b.length - a.length);
  const find = (tokens: readonly string[]): { at: number; length: number } | undefined => {
    for (let i = 0; i < tokens.length; i++) {
      for (const p of patterns) {
        if (i + p.length > tokens.length) continue;
        if (p.every((w, k) => (w.prefix ? tokens[i + k]!.startsWith(w.word) : tokens[i + k] === w.word))) return { at: i, length: p.length };
      }
    }
    return undefined;
  };
  return { find, has: (tokens) => find(tokens) !== undefined };
}

const ARABIC_WORD = /^[\u0600-\u06FF]+$/;

/**
 * Arabic writes "in", "to", "and" onto the next word: "ببغداد" (in Baghdad), "بعمان", "بالقاهرة",
 * "للاسكندرية". When a word may carry one, the words follow again without it, after a mark that
 * no place name spans, so a town is found either way and "فیصل آباد" stays one name.
 *
 *   withoutArabicPrefixes(['انا', 'بعمان']) // ['انا', 'بعمان', '|', 'انا', 'عمان']
 */
export function withoutArabicPrefixes(tokens: readonly string[]): string[] {
  const bare = tokens.map((t) => {
    if (!ARABIC_WORD.test(t) || t.length < 4) return t;
    const article = /^(?:[بوفك]ال|لل)(.{3,})$/.exec(t);
    if (article) return `ال${article[1]}`;
    return /^[بلوف](.{3,})$/.exec(t)?.[1] ?? t;
  });
  return bare.some((t, i) => t !== tokens[i]) ? [...tokens, '|', ...bare] : [...tokens];
}
