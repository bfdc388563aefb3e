/**
 * The default retriever: learned from the knowledge base itself, no model download needed.
 * Two scores are fused per topic: a softmax classifier trained on every language's example
 * questions and titles (with an out-of-scope class), and the similarity of the nearest example.
 * Below the confidence threshold, or when the out-of-scope class wins, it abstains (`id: null`).
 * A transformers.js embedding score can be fused in as a third signal (see embeddings.ts).
 */
import type { Lang } from '../core/lang.js';
import { extractFeatures } from './features.js';
import type { KnowledgeBase } from './load.js';
import { SoftmaxClassifier, Vocabulary, type SparseVector } from './model.js';

export interface RetrievalQuery {
  text: string;
  lang: Lang;
  country?: string;
}

export interface RankedTopic {
  id: string;
  score: number;
}

export interface Retrieval {
  /** The topic to answer with, or null when the assistant is not sure. */
  id: string | null;
  score: number;
  /** The best topics, best first (at most five), whatever the decision. */
  ranked: RankedTopic[];
}

/** Another signal to fuse: a score in [0, 1] per topic id (e.g. embedding similarity). */
export interface TopicScorer {
  scoreTopics(query: RetrievalQuery): Promise<Map<string, number>>;
}

export interface RetrieverSettings {
  classifierWeight: number;
  nearestWeight: number;
  extraWeight: number;
  threshold: number;
  countryBoost: number;
}

/** Tuned on tests/eval/questions.jsonl with `npm run bench:kb -- --tune`. */
export const DEFAULT_SETTINGS: RetrieverSettings = {
  classifierWeight: 0.6,
  nearestWeight: 0.4,
  extraWeight: 0.3,
  threshold: 0.3,
  countryBoost: 0.05,
};

interface Posting {
  example: number;
  value: number;
}

export class KnowledgeRetriever {
  private constructor(
    private readonly topicIds: string[],
    private readonly topicCountries: (string[] | undefined)[],
    private readonly vocabulary: Vocabulary,
    private readonly classifier: SoftmaxClassifier,
    private readonly postings: Posting[][],
    private readonly exampleLabels: Int32Array,
    readonly settings: RetrieverSettings,
    private readonly extra?: TopicScorer,
  ) {}

  static build(kb: KnowledgeBase, opts: { settings?: Partial<RetrieverSettings>; extra?: TopicScorer; onProgress?: (done: number, total: number) => void } = {}): KnowledgeRetriever {
    const topicIds = [...kb.entries.keys()].sort();
    const outOfScope = topicIds.length;
    const raw: { features: ReturnType<typeof extractFeatures>; label: number; weight: number; nearest: boolean }[] = [];
    topicIds.forEach((id, label) => {
      for (const entry of kb.entries.get(id)!.values()) {
        const langs = [entry.lang];
        for (const q of entry.questions) raw.push({ features: extractFeatures(q, langs), label, weight: 1, nearest: true });
        raw.push({ features: extractFeatures(entry.title, langs), label, weight: 1, nearest: true });
      }
    });
    for (const [lang, examples] of kb.outOfScope) {
      for (const q of examples) raw.push({ features: extractFeatures(q, [lang]), label: outOfScope, weight: 1, nearest: false });
    }
    const vocabulary = new Vocabulary();
    vocabulary.fit(raw.map((r) => r.features));
    const data = raw.map((r) => ({ vector: vocabulary.vectorize(r.features).vector, label: r.label, weight: r.weight }));

    const classifier = new SoftmaxClassifier(topicIds.length + 1, vocabulary.index.size);
    const epochs = 12;
    for (let e = 0; e < epochs; e++) {
      classifier.train(data, { epochs: 1, rate: 0.5, l2: 1e-6, seed: 7 + e });
      opts.onProgress?.(e + 1, epochs);
    }

    const postings: Posting[][] = Array.from({ length: vocabulary.index.size }, () => []);
    const labels: number[] = [];
    raw.forEach((r, i) => {
      if (!r.nearest) return;
      const example = labels.length;
      labels.push(r.label);
      const v = data[i]!.vector;
      for (let t = 0; t < v.idx.length; t++) postings[v.idx[t]!]!.push({ example, value: v.val[t]! });
    });
    const countries = topicIds.map((id) => [...kb.entries.get(id)!.values()].find((e) => e.countries)?.countries);
    return new KnowledgeRetriever(topicIds, countries, vocabulary, classifier, postings, Int32Array.from(labels), { ...DEFAULT_SETTINGS, ...opts.settings }, opts.extra);
  }

  get topics(): readonly string[] {
    return this.topicIds;
  }

  /** The fused score of every topic and the out-of-scope probability, before the decision. */
  async scores(query: RetrievalQuery): Promise<{ fused: Float64Array; outOfScope: number; known: number }> {
    const { vector, known } = this.vocabulary.vectorize(extractFeatures(query.text, [query.lang]));
    const probs = this.classifier.predict(vector);
    const nearest = this.nearestByTopic(vector);
    const extra = this.extra ? await this.extra.scoreTopics(query) : undefined;
    const s = this.settings;
    const fused = new Float64Array(this.topicIds.length);
    for (let c = 0; c < fused.length; c++) {
      let score = s.classifierWeight * probs[c]! + s.nearestWeight * nearest[c]!;
      if (extra) score = (1 - s.extraWeight) * score + s.extraWeight * (extra.get(this.topicIds[c]!) ?? 0);
      const countries = this.topicCountries[c];
      if (query.country && countries) score += countries.includes(query.country) ? s.countryBoost : -s.countryBoost;
      fused[c] = score;
    }
    return { fused, outOfScope: probs[this.topicIds.length]!, known };
  }

  async retrieve(query: RetrievalQuery): Promise<Retrieval> {
    const { fused, outOfScope, known } = await this.scores(query);
    const order = [...fused.keys()].sort((a, b) => fused[b]! - fused[a]!);
    const ranked = order.slice(0, 5).map((c) => ({ id: this.topicIds[c]!, score: round(fused[c]!) }));
    const best = ranked[0];
    const sure = best && known > 0 && best.score >= this.settings.threshold && outOfScope < best.score;
    return { id: sure ? best.id : null, score: best?.score ?? 0, ranked };
  }

  /** Cosine similarity of the nearest example question of each topic. */
  private nearestByTopic(vector: SparseVector): Float64Array {
    const perExample = new Float64Array(this.exampleLabels.length);
    for (let t = 0; t < vector.idx.length; t++) {
      const v = vector.val[t]!;
      for (const p of this.postings[vector.idx[t]!]!) perExample[p.example]! += v * p.value;
    }
    const best = new Float64Array(this.topicIds.length);
    for (let e = 0; e < perExample.length; e++) {
      const label = this.exampleLabels[e]!;
      if (perExample[e]! > best[label]!) best[label] = perExample[e]!;
    }
    return best;
  }
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
