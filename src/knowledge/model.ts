/**
 * The retriever's learned part, trained on the knowledge base itself at index build: TF-IDF
 * vectors of the example questions and titles of every language, a softmax classifier over the
 * topics plus an out-of-scope class, and the nearest example of each topic. Plain typed arrays,
 * no dependency: the model trains in about five seconds on 2 cores, is deterministic, and is cached on disk.
 */
import { FrozenKeys } from '../core/frozen-keys.js';
import type { Features } from './features.js';

export interface SparseVector {
  idx: Int32Array;
  val: Float32Array;
}

export interface TrainingExample {
  features: Features;
  label: number;
  weight: number;
}

export class Vocabulary {
  /** A Map while fitting; frozen (see FrozenKeys) once fitted, as it is kept and restored. */
  index: Map<string, number> | FrozenKeys = new Map<string, number>();
  idf: Float32Array<ArrayBufferLike> = new Float32Array(0);

  /** A vocabulary as saved (see `saved`): undefined when its arrays do not fit together. */
  static restore(saved: Record<string, Int32Array | Uint16Array | Float32Array | undefined>, prefix: string): Vocabulary | undefined {
    const idf = saved[`${prefix}Idf`];
    const chars = saved[`${prefix}Chars`];
    const starts = saved[`${prefix}Starts`];
    const slots = saved[`${prefix}Slots`];
    if (!(idf instanceof Float32Array && chars instanceof Uint16Array && starts instanceof Int32Array && slots instanceof Int32Array)) return undefined;
    const index = FrozenKeys.restore(chars, starts, slots);
    if (!index || index.size !== idf.length) return undefined;
    const v = new Vocabulary();
    v.index = index;
    v.idf = idf;
    return v;
  }

  /** The arrays to keep on disk, named with `prefix`. */
  saved(prefix: string): Record<string, Int32Array | Uint16Array | Float32Array> {
    const index = this.index instanceof FrozenKeys ? this.index : FrozenKeys.from([...this.index.keys()]);
    return { [`${prefix}Idf`]: this.idf, [`${prefix}Chars`]: index.chars, [`${prefix}Starts`]: index.starts, [`${prefix}Slots`]: index.slots };
  }

  keys(): string[] {
    return [...this.index.keys()];
  }

  /**
   * Builds the vocabulary and inverse document frequencies from the training examples. With
   * `groups` (each example's language and script), a feature's frequency is its highest share of
   * the examples of any one group: "da", "li", "je" are in a third of the Serbian questions, and
   * only a ninth of all examples are Serbian, so counted over every language together such a
   * function word would weigh like a word of the topic, and every batch of examples in another
   * language (Arabizi "da", Roman Urdu "se") would move what it says about a topic.
   */
  fit(examples: readonly Features[], groups?: readonly string[]): void {
    const df: number[] = [];
    const index = new Map<string, number>();
    for (const f of examples) {
      for (const key of f.keys()) {
        let i = index.get(key);
        if (i === undefined) {
          i = index.size;
          index.set(key, i);
          df.push(0);
        }
        df[i]! += 1;
      }
    }
    this.index = FrozenKeys.from([...index.keys()]);
    const n = examples.length;
    this.idf = Float32Array.from(df, (d) => Math.log((n + 1) / (d + 1)) + 1);
    if (!groups) return;
    const names = [...new Set(groups)];
    const size = names.map((g) => groups.filter((x) => x === g).length);
    const dims = index.size;
    const perGroup = new Int32Array(names.length * dims);
    examples.forEach((f, e) => {
      const base = names.indexOf(groups[e]!) * dims;
      for (const key of f.keys()) perGroup[base + index.get(key)!]! += 1;
    });
    for (let i = 0; i < dims; i++) {
      let idf = Infinity;
      for (let g = 0; g < names.length; g++) {
        const d = perGroup[g * dims + i]!;
        if (d > 0) idf = Math.min(idf, Math.log((size[g]! + 1) / (d + 1)) + 1);
      }
      this.idf[i] = idf;
    }
  }

  /** Sublinear TF-IDF, L2-normalised; features never seen in training are dropped. */
  vectorize(features: Features): { vector: SparseVector; known: number; total: number } {
    const idx: number[] = [];
    const val: number[] = [];
    let known = 0;
    let norm = 0;
    for (const [key, tf] of features) {
      const i = this.index.get(key);
      if (i === undefined) continue;
      known += 1;
      const v = (1 + Math.log(tf)) * this.idf[i]!;
      idx.push(i);
      val.push(v);
      norm += v * v;
    }
    norm = Math.sqrt(norm) || 1;
    return { vector: { idx: Int32Array.from(idx), val: Float32Array.from(val, (v) => v / norm) }, known, total: features.size };
  }
}

export function dot(a: SparseVector, b: SparseVector): number {
  // Both sorted by index would allow a merge; vectors are short, so a map lookup is simpler.
  let sum = 0;
  const small = a.idx.length < b.idx.length ? a : b;
  const large = small === a ? b : a;
  const lookup = new Map<number, number>();
  for (let i = 0; i < large.idx.length; i++) lookup.set(large.idx[i]!, large.val[i]!);
  for (let i = 0; i < small.idx.length; i++) sum += small.val[i]! * (lookup.get(small.idx[i]!) ?? 0);
  return sum;
}

/** Multinomial logistic regression trained with AdaGrad; weights class-major while training, feature-major once packed. */
/**
 * Trained weights as 16-bit integers with one scale per class: half the memory of 32-bit floats
 * (the largest array the server holds), each weight within 1/65,000 of its class's largest.
 */
export interface PackedWeights {
  /**
   * Feature by feature (q[feature * classes + class]): a question's few hundred features each read
   * their classes' weights side by side, instead of one weight in each of 46 rows of 250,000 (a
   * cache miss apiece; that made scoring a third of a knowledge turn).
   */
  q: Int16Array;
  scales: Float32Array;
}

export class SoftmaxClassifier {
  /** While training; gone once packed. */
  private floats: Float32Array | undefined;
  private packed: PackedWeights | undefined;
  /** Scratch for predictInto's sums (prediction is synchronous: one at a time). */
  private dots: Float64Array | undefined;
  readonly bias: Float32Array;

  constructor(
    readonly classes: number,
    readonly dims: number,
    weights?: Float32Array | PackedWeights,
    bias?: Float32Array,
  ) {
    if (weights instanceof Float32Array || weights === undefined) this.floats = weights ?? new Float32Array(classes * dims);
    else this.packed = weights;
    this.bias = bias ?? new Float32Array(classes);
  }

  /** Ends training: the weights are kept packed (see PackedWeights), as they are stored. */
  pack(): PackedWeights {
    if (this.packed) return this.packed;
    const { classes, dims } = this;
    const floats = this.floats!;
    const q = new Int16Array(classes * dims);
    const scales = new Float32Array(classes);
    for (let c = 0; c < classes; c++) {
      let max = 0;
      for (let i = c * dims; i < (c + 1) * dims; i++) max = Math.max(max, Math.abs(floats[i]!));
      const scale = max / 32767 || 1;
      scales[c] = scale;
      for (let f = 0; f < dims; f++) q[f * classes + c] = Math.round(floats[c * dims + f]! / scale);
    }
    this.packed = { q, scales };
    this.floats = undefined;
    return this.packed;
  }

  /**
   * AdaGrad over all epochs in one run: the squared-gradient sums (`g2`) are kept from epoch to
   * epoch, so each weight's step keeps shrinking as it has learned, instead of starting at full
   * rate again every epoch (which let the last shuffle decide borderline questions). With
   * `averageFrom`, the weights returned are the average of the weights after every example from
   * that epoch on (Polyak averaging): a few examples more, or another order, move them a little
   * instead of flipping close questions. `g2Init` starts every sum above zero: AdaGrad's first
   * step on a weight is then a fraction of `rate` instead of all of it, so the few examples that
   * happen to come first in the shuffle no longer set a feature's weight on their own (with 1e-8,
   * another seed changed the answer to 39 of the 850 development questions; with 0.1, 9).
   * `onEpoch` reports progress.
   */
  train(
    data: readonly { vector: SparseVector; label: number; weight: number }[],
    opts: { epochs: number; rate: number; l2: number; seed: number; skipBelow: number; averageFrom?: number; g2Init?: number; onEpoch?: (done: number) => void },
  ): void {
    const { classes, dims, bias } = this;
    const weights = this.floats;
    if (!weights) throw new Error('a packed classifier is not trained further');
    const g2 = new Float32Array(classes * dims).fill(opts.g2Init ?? 1e-8);
    const g2b = new Float32Array(classes).fill(opts.g2Init ?? 1e-8);
    const averageFrom = opts.averageFrom ?? opts.epochs;
    // Lazy averaging: sum[w] holds the sum of weight w over the averaged steps up to last[w]; each
    // weight is caught up only when it changes, so averaging costs nothing per untouched weight.
    const averaging = averageFrom < opts.epochs;
    const sum = averaging ? new Float64Array(classes * dims) : undefined;
    const last = averaging ? new Int32Array(classes * dims) : undefined;
    const sumBias = new Float64Array(classes);
    const lastBias = new Int32Array(classes);
    let step = 0;
    const order = data.map((_, i) => i);
    let seed = opts.seed;
    const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const probs = new Float32Array(classes);
    for (let epoch = 0; epoch < opts.epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      const averagingNow = averaging && epoch >= averageFrom;
      for (const k of order) {
        const { vector, label, weight } = data[k]!;
        this.predictInto(vector, probs);
        for (let c = 0; c < classes; c++) {
          const grad = (probs[c]! - (c === label ? 1 : 0)) * weight;
          if (Math.abs(grad) < opts.skipBelow) continue; // nothing left to learn from this class here
          const base = c * dims;
          for (let t = 0; t < vector.idx.length; t++) {
            const w = base + vector.idx[t]!;
            if (averagingNow) {
              sum![w]! += (step - last![w]!) * weights[w]!;
              last![w] = step;
            }
            const g = grad * vector.val[t]! + opts.l2 * weights[w]!;
            g2[w]! += g * g;
            weights[w]! -= (opts.rate * g) / Math.sqrt(g2[w]!);
          }
          if (averagingNow) {
            sumBias[c]! += (step - lastBias[c]!) * bias[c]!;
            lastBias[c] = step;
          }
          g2b[c]! += grad * grad;
          bias[c]! -= (opts.rate * grad) / Math.sqrt(g2b[c]!);
        }
        if (averagingNow) step += 1;
      }
      if (averaging && epoch + 1 === averageFrom) {
        // the averaged steps start here: every weight's sum starts from its value now
        last!.fill(0);
        lastBias.fill(0);
      }
      opts.onEpoch?.(epoch + 1);
    }
    if (!averaging || step === 0) return;
    for (let w = 0; w < weights.length; w++) weights[w] = (sum![w]! + (step - last![w]!) * weights[w]!) / step;
    for (let c = 0; c < classes; c++) bias[c] = (sumBias[c]! + (step - lastBias[c]!) * bias[c]!) / step;
  }

  predictInto(vector: SparseVector, out: Float32Array): void {
    const { classes, dims, bias, packed } = this;
    let max = -Infinity;
    if (packed) {
      // summed in doubles, in the same order as below: the same answers as class by class
      const dots = (this.dots ??= new Float64Array(classes)).fill(0);
      for (let t = 0; t < vector.idx.length; t++) {
        const row = vector.idx[t]! * classes;
        const v = vector.val[t]!;
        for (let c = 0; c < classes; c++) dots[c]! += packed.q[row + c]! * v;
      }
      for (let c = 0; c < classes; c++) {
        const z = bias[c]! + dots[c]! * packed.scales[c]!;
        out[c] = z;
        if (z > max) max = z;
      }
    } else {
      const weights = this.floats!;
      for (let c = 0; c < classes; c++) {
        const base = c * dims;
        let dot = 0;
        for (let t = 0; t < vector.idx.length; t++) dot += weights[base + vector.idx[t]!]! * vector.val[t]!;
        const z = bias[c]! + dot;
        out[c] = z;
        if (z > max) max = z;
      }
    }
    let sum = 0;
    for (let c = 0; c < classes; c++) {
      const e = Math.exp(out[c]! - max);
      out[c] = e;
      sum += e;
    }
    for (let c = 0; c < classes; c++) out[c]! /= sum;
  }

  predict(vector: SparseVector): Float32Array {
    const out = new Float32Array(this.classes);
    this.predictInto(vector, out);
    return out;
  }
}
