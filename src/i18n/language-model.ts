/**
 * A character n-gram language model (naive Bayes) trained on text we already have in each
 * language: the knowledge base's questions and answers and the interface texts. It knows how our
 * people write (Arabizi, Roman Urdu, texting French), where general detectors guess wildly on
 * short messages ("je veux travailler en allemagne" is not German).
 */
import type { Lang } from '../core/lang.js';
import { foldText } from '../core/normalize.js';

/** Calls `fn` with every 1- to 3-gram of every word (padded with spaces); no arrays built, as training sees millions. */
function eachGram(text: string, fn: (gram: string) => void): void {
  for (const w of foldText(text).split(' ')) {
    if (!w) continue;
    const p = ` ${w} `;
    for (let n = 1; n <= 3; n++) for (let i = 0; i + n <= p.length; i++) fn(p.slice(i, i + n));
  }
}

function grams(text: string): string[] {
  const out: string[] = [];
  eachGram(text, (g) => out.push(g));
  return out;
}

export interface LanguageGuess {
  lang: Lang;
  /** Mean log-probability lead over the runner-up, per n-gram: larger is surer. */
  margin: number;
}

export class CharNgramLanguageModel {
  private readonly counts = new Map<Lang, Map<string, number>>();
  private readonly totals = new Map<Lang, number>();
  private vocabularySize = 1;

  constructor(samples: ReadonlyMap<Lang, readonly string[]>) {
    const vocabulary = new Set<string>();
    for (const [lang, texts] of samples) {
      const counts = new Map<string, number>();
      let total = 0;
      const count = (g: string) => {
        counts.set(g, (counts.get(g) ?? 0) + 1);
        total += 1;
      };
      for (const t of texts) eachGram(t, count);
      for (const g of counts.keys()) vocabulary.add(g);
      this.counts.set(lang, counts);
      this.totals.set(lang, total);
    }
    this.vocabularySize = vocabulary.size || 1;
  }

  guess(text: string): LanguageGuess | undefined {
    const gs = grams(text);
    if (!gs.length || !this.counts.size) return undefined;
    const scores: [Lang, number][] = [];
    for (const [lang, counts] of this.counts) {
      const denominator = Math.log(this.totals.get(lang)! + this.vocabularySize);
      let score = 0;
      for (const g of gs) score += Math.log((counts.get(g) ?? 0) + 1) - denominator;
      scores.push([lang, score]);
    }
    scores.sort((a, b) => b[1] - a[1]);
    const [best, second] = scores;
    return { lang: best![0], margin: second ? (best![1] - second[1]) / gs.length : Infinity };
  }
}
