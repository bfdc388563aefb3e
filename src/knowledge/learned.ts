/**
 * Questions a curator taught the assistant after it was built: each is tied to a topic (or to
 * "out of scope"), and a new question close enough to one of them is decided by it. They are
 * matched apart from the trained index, so teaching one takes effect at once, without training
 * again or restarting; the next build of the knowledge base (after the exported patch is merged)
 * learns them properly.
 */
import type { Lang } from '../core/lang.js';
import { extractFeatures, type Features } from './features.js';

export interface LearnedExample {
  text: string;
  lang: Lang;
  /** The topic it belongs to; null: out of scope (the assistant declines it). */
  topic: string | null;
}

/** Cosine similarity from which a taught question decides a new one (a rephrasing, a typo, a word more or less). */
export const LEARNED_MATCH = 0.55;

interface Taught {
  example: LearnedExample;
  vector: Map<string, number>;
}

/** A feature's weight: rare features of the knowledge base weigh more; unseen ones the most. */
export type FeatureWeight = (feature: string) => number;

function weighted(features: Features, weight: FeatureWeight): Map<string, number> {
  const out = new Map<string, number>();
  let norm = 0;
  for (const [key, tf] of features) {
    const v = (1 + Math.log(tf)) * weight(key);
    out.set(key, v);
    norm += v * v;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [key, v] of out) out.set(key, v / norm);
  return out;
}

export class LearnedExamples {
  private taught: Taught[] = [];

  constructor(private readonly weight: FeatureWeight) {}

  get size(): number {
    return this.taught.length;
  }

  /** Replaces what was taught (the database holds the list; every instance loads the same). */
  replace(examples: readonly LearnedExample[]): void {
    this.taught = examples.map((example) => ({ example, vector: weighted(extractFeatures(example.text, [example.lang]), this.weight) }));
  }

  /** The taught question closest to `text`, when it is close enough to decide. */
  match(text: string, lang: Lang): { example: LearnedExample; similarity: number } | undefined {
    if (!this.taught.length) return undefined;
    const query = weighted(extractFeatures(text, [lang]), this.weight);
    let best: { example: LearnedExample; similarity: number } | undefined;
    for (const t of this.taught) {
      let sum = 0;
      for (const [key, v] of query) sum += v * (t.vector.get(key) ?? 0);
      if (!best || sum > best.similarity) best = { example: t.example, similarity: sum };
    }
    return best && best.similarity >= LEARNED_MATCH ? best : undefined;
  }
}
