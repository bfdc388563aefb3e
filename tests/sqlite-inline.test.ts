/** SQLite's deferred writes carry their parameters as literals: exact, or not inlined at all. */
import { describe, expect, it } from 'vitest';
import { inlineParameters } from '../src/storage/sqlite/driver.js';

describe('inlineParameters', () => {
  it('writes texts, integers, booleans and NULL as literals, quotes doubled', () => {
    expect(inlineParameters('INSERT INTO t (a, b, c, d) VALUES (?, ?, ?, ?)', ["O'Neil ''x''", 42, true, null])).toBe(
      "INSERT INTO t (a, b, c, d) VALUES ('O''Neil ''''x''''', 42, 1, NULL)",
    );
  });

  it('leaves a ? inside quoted text or names alone', () => {
    expect(inlineParameters(`SELECT '?', "a?b" FROM t WHERE x = ? AND y = 'it''s ?'`, ['v'])).toBe(`SELECT '?', "a?b" FROM t WHERE x = 'v' AND y = 'it''s ?'`);
  });

  it('does not inline what has no exact literal: bytes, NUL, a fraction, a large number, a count mismatch', () => {
    expect(inlineParameters('VALUES (?)', [new Uint8Array([1])])).toBeUndefined();
    expect(inlineParameters('VALUES (?)', ['a\u0000b'])).toBeUndefined();
    expect(inlineParameters('VALUES (?)', [0.5])).toBeUndefined();
    expect(inlineParameters('VALUES (?)', [2 ** 40])).toBeUndefined();
    expect(inlineParameters('VALUES (?, ?)', ['a'])).toBeUndefined();
    expect(inlineParameters('VALUES (?)', ['a', 'b'])).toBeUndefined();
  });
});
