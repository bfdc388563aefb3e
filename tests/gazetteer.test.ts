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
    // in Arabic letters too, and the short Levantine spelling of Zarqa (not a town of that name in Egypt)
    expect(where('انا من اكادير')).toBe('Agadir, MA');
    expect(where('انا ف فاس')).toBe('Fès, MA');
    expect(where('انا من الزرقا')).toBe('Zarqa, JO');
  });

  it('reads Albanian definite forms after their preposition ("prej Prizrenit", "nga Durresi")', () => {
    expect(where('jam infermiere prej prizrenit')).toBe('Prizren, XK');
    expect(where('jam nga durresi')).toBe('Durrës, AL');
  });

  it('reads Serbian and Bosnian case forms after their preposition ("iz Novog Sada", "u Kragujevcu", "kod Kragujevca", "كازا")', () => {
    expect(where('iz Novog Sada sam')).toBe('Novi Sad, RS');
    expect(where('zivim u Kragujevcu')).toBe('Kragujevac, RS');
    expect(where('ja sam iz Beograda')).toBe('Belgrade, RS');
    expect(where('iz Sarajeva')).toBe('Sarajevo, BA');
    expect(where('كازا')).toBe('Casablanca, MA');
    // a verb is no town: "nisu mi platili" is not Niš
    expect(where('nisu mi platili')).toBeUndefined();
  });

  it('does not read a short word of a sentence as a town abroad ("i wan talk" is Pidgin, not Van in Türkiye)', () => {
    expect(where('i wan talk to real person abeg, not this robot thing')).toBeUndefined();
    expect(where('van')).toBe('Van, TR'); // alone, it is a town
    // a name, not Amman (whose other names include "Ama"), nor a village that has "Krasniqi" among its other names
    expect(where('Ama Owusu')).toBeUndefined();
    expect(where('Arta Krasniqi')).toBeUndefined();
    // Gheg "koni" (could you) in a sentence is not Konya
    expect(where('koni mujt me m lidh me ni person?')).toBeUndefined();
  });

  it('knows towns the GeoNames file lacks, in the ways people write them (Serekunda, Mbour, Ikorodu, شاہدرہ)', () => {
    expect(where('we are in serrekunda now')).toBe('Serekunda, GM');
    expect(where('j habite a mbour')).toBe('Mbour, SN');
    expect(where('i dey ikorodu')).toBe('Ikorodu, NG');
    expect(where('شاہدرہ')).toBe('Shahdara, PK');
    expect(where('tinggal di batam')).toBe('Batam, ID');
  });

  it('reads a well-known town written one letter wrong, but not a short word near a town', () => {
    expect(where('je veux un rdv a casablnca')).toBe('Casablanca, MA');
    expect(where('kantor bandug aja')).toBe('Bandung, ID');
    expect(where('peshawer')).toBe('Peshāwar, PK');
    expect(where('basta ya, quiero tamales')).toBeUndefined(); // basta is not Basra, tamales not Tamale
  });

  it('reads a country beside a town of it written wrong as the town, and of two countries the one with a centre', () => {
    expect(where('im Irak, Sulaimaniyya')).toBe('As Sulaymānīyah, IQ');
    expect(where('marokko, casablnca')).toBe('Casablanca, MA');
    expect(where('morocco')).toBe('Morocco, MA');
    expect(where('wohne in deutschland, aber familie in tunesien')).toBe('Tunisia, TN');
  });
});
