/**
 * The towns people name, read as they write them: a town where the centres are wins over a
 * namesake abroad, and a short word in a sentence is a word, not a town abroad.
 */
import { describe, expect, it } from 'vitest';
import { findPlace } from '../src/booking/gazetteer.js';

const where = (text: string) => {
  const p = findPlace(text);
  return p ? `${p.name}, ${p.country}` : undefined;
};

describe('findPlace', () => {
  it('reads Darija, Pidgin and French town names where the centres are', () => {
    expect(where('ana f tanja')).toBe('Tangier, MA');
    expect(where('I am in Kano now')).toBe('Kano, NG');
    expect(where('hewler')).toBe('Erbil, IQ');
    expect(where('rabat 3afak')).toBe('Rabat, MA');
  });

  it('does not read a short word of a sentence as a town abroad ("i wan talk" is Pidgin, not Van in Türkiye)', () => {
    expect(where('i wan talk to real person abeg, not this robot thing')).toBeUndefined();
    expect(where('van')).toBe('Van, TR'); // alone, it is a town
  });
});
