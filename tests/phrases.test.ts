import { describe, expect, it } from 'vitest';
import { fold, phraseSet } from '../src/understanding/phrases.js';

/** The plain reading of a phrase set: at each position, every phrase in order, longest first. */
function naiveFind(phrases: readonly string[], tokens: readonly string[]) {
  const patterns = phrases
    .map((p) => p.split(/\s+/).flatMap((raw) => {
      const prefix = raw.endsWith('*');
      const parts = fold(prefix ? raw.slice(0, -1) : raw).split(' ').filter(Boolean);
      return parts.map((word, i) => ({ word, prefix: prefix && i === parts.length - 1 }));
    }))
    .filter((p) => p.length)
    .sort((a, b) => b.length - a.length);
  for (let i = 0; i < tokens.length; i++) {
    for (const p of patterns) {
      if (i + p.length > tokens.length) continue;
      if (p.every((w, k) => (w.prefix ? tokens[i + k]!.startsWith(w.word) : tokens[i + k] === w.word))) return { at: i, length: p.length };
    }
  }
  return undefined;
}

describe('phraseSet', () => {
  const phrases = ['merci', 'merci beaucoup', 'bitt*', 'bitte schon', 'thank* you', 'thanks', 'a', 'a b c', 'b*', 'shukran', 'شكرا جزيلا', 'شكر*', 'ok ok', 'very much'];
  const set = phraseSet(phrases);
  const vocabulary = ['merci', 'beaucoup', 'bitte', 'bitteschon', 'schon', 'thank', 'thanks', 'thankful', 'you', 'a', 'b', 'bb', 'c', 'shukran', 'شكرا', 'جزيلا', 'شكرًا', 'ok', 'very', 'much', 'x'];

  it('finds what trying every phrase in order finds, the longest at the first position', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let n = 0; n < 5000; n++) {
      const tokens = Array.from({ length: 1 + Math.floor(random() * 6) }, () => fold(vocabulary[Math.floor(random() * vocabulary.length)]!));
      expect(set.find(tokens), tokens.join(' ')).toEqual(naiveFind(phrases, tokens));
    }
  });

  it('reads whole phrases, prefixes and the longest match', () => {
    expect(set.find(['x', 'merci', 'beaucoup'])).toEqual({ at: 1, length: 2 });
    expect(set.find(['bitteschon'])).toEqual({ at: 0, length: 1 });
    expect(set.find(['thankful', 'you'])).toEqual({ at: 0, length: 2 });
    expect(set.has(['x', 'schon'])).toBe(false);
  });
});
