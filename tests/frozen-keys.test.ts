import { describe, expect, it } from 'vitest';
import { FrozenKeys } from '../src/core/frozen-keys.js';

describe('FrozenKeys', () => {
  const keys = ['', 'a', 'ab', 'ba', 'عمل', 'ça', 'w:visa', '\u{1F600}', 'x'.repeat(300)];

  it('finds every key at its position, and nothing else', () => {
    const frozen = FrozenKeys.from(keys);
    expect(frozen.size).toBe(keys.length);
    keys.forEach((k, i) => expect(frozen.get(k)).toBe(i));
    for (const other of ['b', 'abc', 'عم', 'ca', 'w:vis', 'x'.repeat(299)]) expect(frozen.get(other)).toBeUndefined();
    expect(frozen.keys()).toEqual(keys);
  });

  it('answers as a Map would for many keys (collisions included)', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => `k${i.toString(36)}`);
    const frozen = FrozenKeys.from(many);
    const map = new Map(many.map((k, i) => [k, i]));
    for (const probe of [...many, ...many.map((k) => `${k}!`)]) expect(frozen.get(probe)).toBe(map.get(probe));
  });

  it('keeps the first position of a key given twice', () => {
    const frozen = FrozenKeys.from(['a', 'b', 'a']);
    expect(frozen.get('a')).toBe(0);
  });

  it('is restored from its arrays, and refuses arrays that do not fit together', () => {
    const frozen = FrozenKeys.from(keys);
    const restored = FrozenKeys.restore(frozen.chars, frozen.starts, frozen.slots)!;
    keys.forEach((k, i) => expect(restored.get(k)).toBe(i));
    expect(FrozenKeys.restore(frozen.chars.subarray(1), frozen.starts, frozen.slots)).toBeUndefined();
    expect(FrozenKeys.restore(frozen.chars, frozen.starts, frozen.slots.subarray(1))).toBeUndefined();
    expect(FrozenKeys.restore(frozen.chars, frozen.starts, new Int32Array(4).fill(-1))).toBeUndefined();
  });
});
