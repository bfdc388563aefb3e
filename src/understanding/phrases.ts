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

/** The sentences of a message (after ? ! . and their Arabic forms), those with words only. */
export function sentences(text: string): string[] {
  // "then in english please: how can I study ...": a colon ends a sentence too (not in "10:30", no space follows there)
  return text.split(/(?<=[?؟!.:])\s+/u).filter((p) => words(p).length);
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
  // Looked up by first word instead of tried one by one (sets run to hundreds of phrases, and a
  // turn asks several); a phrase that starts with a prefix ("bitt*") is tried at every position.
  // Each keeps its rank, so the first phrase in the order above still wins.
  const byFirstWord = new Map<string, number[]>();
  const byPrefix: number[] = [];
  patterns.forEach((p, rank) => {
    if (p[0]!.prefix) byPrefix.push(rank);
    else byFirstWord.set(p[0]!.word, [...(byFirstWord.get(p[0]!.word) ?? []), rank]);
  });
  const matchesAt = (p: Pattern, tokens: readonly string[], i: number): boolean => {
    if (i + p.length > tokens.length) return false;
    for (let k = 0; k < p.length; k++) {
      const w = p[k]!;
      const t = tokens[i + k]!;
      if (w.prefix ? !t.startsWith(w.word) : t !== w.word) return false;
    }
    return true;
  };
  const find = (tokens: readonly string[]): { at: number; length: number } | undefined => {
    for (let i = 0; i < tokens.length; i++) {
      let best = -1;
      for (const rank of byFirstWord.get(tokens[i]!) ?? NONE) {
        if (matchesAt(patterns[rank]!, tokens, i)) {
          best = rank;
          break; // ranks are in order
        }
      }
      for (const rank of byPrefix) {
        if (best !== -1 && rank > best) break;
        if (matchesAt(patterns[rank]!, tokens, i)) {
          best = rank;
          break;
        }
      }
      if (best !== -1) return { at: i, length: patterns[best]!.length };
    }
    return undefined;
  };
  return { find, has: (tokens) => find(tokens) !== undefined };
}

const NONE: readonly number[] = [];

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
