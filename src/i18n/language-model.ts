/**
 * A character n-gram language model (naive Bayes) trained on text we already have in each
 * language: the knowledge base's questions and answers and the interface texts. It knows how our
 * people write (Arabizi, Roman Urdu, texting French), where general detectors guess wildly on
 * short messages ("je veux travailler en allemagne" is not German).
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { keepFile, readKeptJson } from '../core/kept-file.js';
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

/** Bump when the n-grams counted change: older kept counts are then ignored. */
const MODEL_VERSION = 1;

/** The counts as kept on disk: per language its n-grams (joined by U+0001), their counts and the total. */
interface KeptModel {
  vocabularySize: number;
  langs: [Lang, string, number[], number][];
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
  /** The counts as a guess reads them: one lookup per n-gram for all languages, logarithms taken once. */
  private table: { langs: Lang[]; logCounts: Map<string, Float64Array>; denominators: Float64Array } | undefined;

  private tabulate(): NonNullable<CharNgramLanguageModel['table']> {
    const langs = [...this.counts.keys()];
    const logCounts = new Map<string, Float64Array>();
    langs.forEach((lang, l) => {
      for (const [g, n] of this.counts.get(lang)!) {
        let row = logCounts.get(g);
        if (!row) logCounts.set(g, (row = new Float64Array(langs.length)));
        row[l] = Math.log(n + 1);
      }
    });
    const denominators = Float64Array.from(langs, (lang) => Math.log(this.totals.get(lang)! + this.vocabularySize));
    this.counts.clear(); // the table holds them now (they were kept on disk before the first guess)
    return { langs, logCounts, denominators };
  }

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

  /**
   * The model for `samples`, trained once: with `cacheDir` the counts are kept there (keyed by a
   * hash of every sample), so a restart reads them instead of counting millions of n-grams again.
   */
  static trained(samples: ReadonlyMap<Lang, readonly string[]>, cacheDir?: string): CharNgramLanguageModel {
    if (!cacheDir) return new CharNgramLanguageModel(samples);
    const hash = createHash('sha256').update(`v${MODEL_VERSION}`);
    for (const [lang, texts] of samples) hash.update(`\u0002${lang}\u0002`).update(texts.join('\u0001'));
    const file = join(cacheDir, `language-${hash.digest('hex').slice(0, 16)}.json`);
    const kept = readKeptJson<KeptModel>(file);
    if (kept) {
      const model = new CharNgramLanguageModel(new Map());
      for (const [lang, grams, counts, total] of kept.langs) {
        const list = grams.split('\u0001');
        model.counts.set(lang, new Map(list.map((g, i) => [g, counts[i]!])));
        model.totals.set(lang, total);
      }
      model.vocabularySize = kept.vocabularySize;
      return model;
    }
    const model = new CharNgramLanguageModel(samples);
    const counted: KeptModel = { vocabularySize: model.vocabularySize, langs: [...model.counts].map(([lang, counts]) => [lang, [...counts.keys()].join('\u0001'), [...counts.values()], model.totals.get(lang)!]) };
    keepFile(file, JSON.stringify(counted)); // not kept: counted again next time
    return model;
  }

  guess(text: string): LanguageGuess | undefined {
    const gs = grams(text);
    const { langs, logCounts, denominators } = (this.table ??= this.tabulate());
    if (!gs.length || !langs.length) return undefined;
    const sums = new Float64Array(langs.length);
    for (const g of gs) {
      const row = logCounts.get(g);
      for (let l = 0; l < langs.length; l++) sums[l]! += (row ? row[l]! : 0) - denominators[l]!;
    }
    const scores = langs.map((lang, l): [Lang, number] => [lang, sums[l]!]);
    scores.sort((a, b) => b[1] - a[1]);
    const [best, second] = scores;
    return { lang: best![0], margin: second ? (best![1] - second[1]) / gs.length : Infinity };
  }
}
