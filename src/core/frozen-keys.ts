/**
 * A fixed set of strings, each found by its position, looked up as a Map would be but held in
 * three typed arrays: the retriever's 250,000 n-grams take a third of the memory a Map of them
 * takes, give the garbage collector nothing to walk, and are read back from disk as they are
 * instead of being inserted one by one at every start.
 */
export class FrozenKeys {
  private constructor(
    /** Every key's UTF-16 code units, one after the other. */
    readonly chars: Uint16Array,
    /** Key i is chars[starts[i] .. starts[i + 1]). */
    readonly starts: Int32Array,
    /** Open addressing, at most half full: a key's position, or -1 for an empty slot. */
    readonly slots: Int32Array,
  ) {}

  /** The keys in order; a key given twice keeps its first position. */
  static from(keys: readonly string[]): FrozenKeys {
    const starts = new Int32Array(keys.length + 1);
    let total = 0;
    keys.forEach((k, i) => {
      starts[i] = total;
      total += k.length;
    });
    starts[keys.length] = total;
    const chars = new Uint16Array(total);
    keys.forEach((k, i) => {
      for (let c = 0; c < k.length; c++) chars[starts[i]! + c] = k.charCodeAt(c);
    });
    let capacity = 2;
    while (capacity < keys.length * 2) capacity *= 2;
    const frozen = new FrozenKeys(chars, starts, new Int32Array(capacity).fill(-1));
    keys.forEach((k, i) => frozen.insert(k, i));
    return frozen;
  }

  /** Arrays as `from` made them (read back from disk); undefined when they do not fit together. */
  static restore(chars: Uint16Array, starts: Int32Array, slots: Int32Array): FrozenKeys | undefined {
    const n = starts.length - 1;
    const powerOfTwo = slots.length >= 2 && (slots.length & (slots.length - 1)) === 0;
    if (n < 0 || !powerOfTwo || slots.length < n * 2 || starts[0] !== 0 || starts[n] !== chars.length) return undefined;
    return new FrozenKeys(chars, starts, slots);
  }

  get size(): number {
    return this.starts.length - 1;
  }

  get(key: string): number | undefined {
    const mask = this.slots.length - 1;
    for (let s = hash(key) & mask; ; s = (s + 1) & mask) {
      const i = this.slots[s]!;
      if (i === -1) return undefined;
      if (this.matches(i, key)) return i;
    }
  }

  /** The key at a position (every one given to `from`, a repeated one too). */
  keyAt(i: number): string {
    return String.fromCharCode(...this.chars.subarray(this.starts[i]!, this.starts[i + 1]!));
  }

  keys(): string[] {
    return Array.from({ length: this.size }, (_, i) => this.keyAt(i));
  }

  private insert(key: string, position: number): void {
    const mask = this.slots.length - 1;
    for (let s = hash(key) & mask; ; s = (s + 1) & mask) {
      const i = this.slots[s]!;
      if (i === -1) {
        this.slots[s] = position;
        return;
      }
      if (this.matches(i, key)) return;
    }
  }

  private matches(i: number, key: string): boolean {
    const start = this.starts[i]!;
    if (this.starts[i + 1]! - start !== key.length) return false;
    for (let c = 0; c < key.length; c++) if (this.chars[start + c] !== key.charCodeAt(c)) return false;
    return true;
  }
}

/** FNV-1a over UTF-16 code units. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
