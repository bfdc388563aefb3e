/**
 * A small multinomial logistic regression that learns, from example messages, which kind of danger
 * a message describes (or none). Its features are the concepts of the lexicon (alone and in pairs),
 * the words, their first letters and character n-grams, hashed: it reads spellings it never saw
 * and learns what the lexicon misses. Trained at start-up in a fraction of a second.
 */
export const CLASSES = ['none', 'exploitation', 'stranded', 'violence', 'selfharm'] as const;
export type DangerClass = (typeof CLASSES)[number];

const BITS = 18;
const DIM = 1 << BITS;
const K = CLASSES.length;

function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & (DIM - 1);
}

export interface Features {
  index: Int32Array;
  value: Float32Array;
}

/** The hashed features of a message, from its folded words and its concepts. */
export function featurise(tokens: string[], concepts: Set<string>): Features {
  const found = new Map<number, number>();
  const put = (key: string, v: number) => {
    const i = hash(key);
    found.set(i, (found.get(i) ?? 0) + v);
  };
  const names = [...concepts].sort();
  for (const c of names) put(`c:${c}`, 1);
  for (let a = 0; a < names.length; a++) for (let b = a + 1; b < names.length; b++) put(`cc:${names[a]}+${names[b]}`, 1);
  put(`n:${Math.min(names.length, 4)}`, 0.5);
  const grams: string[] = [];
  for (const t of tokens) {
    put(`w:${t}`, 0.5);
    if (t.length > 5) put(`p:${t.slice(0, 5)}`, 0.5);
    const padded = `<${t}>`;
    for (let n = 3; n <= 4; n++) for (let i = 0; i + n <= padded.length; i++) grams.push(padded.slice(i, i + n));
  }
  for (let i = 0; i + 1 < tokens.length; i++) put(`b:${tokens[i]}_${tokens[i + 1]}`, 0.5);
  const g = grams.length ? 1.5 / Math.sqrt(grams.length) : 0;
  for (const gram of grams) put(`g:${gram}`, g);
  put('bias', 1);
  return { index: Int32Array.from(found.keys()), value: Float32Array.from(found.values()) };
}

export interface Classifier {
  /** Probability of each class, in the order of CLASSES. */
  probabilities(f: Features): Float64Array;
  /** The learnt weights, to keep on disk and restore with `classifierFromWeights`. */
  weights: Float32Array;
}

export function classifierFromWeights(w: Float32Array): Classifier {
  if (w.length !== K * DIM) throw new Error(`classifier weights: expected ${K * DIM} numbers, got ${w.length}`);
  return { weights: w, probabilities: (f) => scoreInto(w, f, new Float64Array(K)) };
}

export interface TrainingExample {
  features: Features;
  label: DangerClass;
}

/** Trains by stochastic gradient descent with AdaGrad steps; the order is fixed so runs repeat. */
export function trainClassifier(examples: TrainingExample[], opts: { epochs?: number; rate?: number; l2?: number } = {}): Classifier {
  const epochs = opts.epochs ?? 6;
  const rate = opts.rate ?? 0.3;
  const l2 = opts.l2 ?? 1e-6;
  const w = new Float32Array(K * DIM);
  const g2 = new Float32Array(K * DIM).fill(1e-3);
  const counts = new Map<DangerClass, number>();
  for (const e of examples) counts.set(e.label, (counts.get(e.label) ?? 0) + 1);
  // Each class weighs as much as the others together would on average: rare kinds are not drowned.
  const classWeight = new Map([...counts].map(([c, n]) => [c, Math.sqrt(examples.length / (K * n))]));
  const order = examples.map((_, i) => i);
  let seed = 42;
  const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const p = new Float64Array(K);
  const score = (f: Features) => scoreInto(w, f, p);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const n of order) {
      const { features, label } = examples[n]!;
      score(features);
      const y = CLASSES.indexOf(label);
      const cw = classWeight.get(label) ?? 1;
      for (let k = 0; k < K; k++) {
        const err = (p[k]! - (k === y ? 1 : 0)) * cw;
        if (Math.abs(err) < 1e-4) continue;
        for (let j = 0; j < features.index.length; j++) {
          const at = k * DIM + features.index[j]!;
          const grad = err * features.value[j]! + l2 * w[at]!;
          g2[at] = g2[at]! + grad * grad;
          w[at] = w[at]! - (rate * grad) / Math.sqrt(g2[at]!);
        }
      }
    }
  }
  return classifierFromWeights(w);
}

function scoreInto(w: Float32Array, f: Features, out: Float64Array): Float64Array {
  let max = -Infinity;
  for (let k = 0; k < K; k++) {
    let s = 0;
    for (let j = 0; j < f.index.length; j++) s += w[k * DIM + f.index[j]!]! * f.value[j]!;
    out[k] = s;
    if (s > max) max = s;
  }
  let sum = 0;
  for (let k = 0; k < K; k++) sum += out[k] = Math.exp(out[k]! - max);
  for (let k = 0; k < K; k++) out[k] = out[k]! / sum;
  return out;
}
