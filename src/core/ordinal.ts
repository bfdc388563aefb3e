/**
 * Options picked by their place in the list, as people write it: "the first one", "le 1er",
 * "el segundo", "pehla wala theek hai", "t'parin", "اول معاد", "yang pertama", "der letzte".
 * Only a short reply made of the ordinal and words that carry nothing else counts: "the first
 * time I went" or "not the first one" is no choice.
 */
import { foldText } from './normalize.js';

/** Folded words (or two words) for each place; -1 is the last option. */
const ORDINALS: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1, ['first', '1st', 'firs', 'fist', 'premier', 'premiere', '1er', '1ere', 'primero', 'primera', 'primer', 'erste', 'ersten', 'erster', 'erstes', 'pehla', 'pehli', 'pehle', 'pahla', 'pahli', 'pehlay', 'pela', 'پهلا', 'پهلي', 'پهلے', 'اول', 'الاول', 'اولا', 'الاولي', 'اولي', 'awal', 'pertama', 'partama', 'pari', 'parin', 'para', 'paren', 'prvi', 'prva', 'prvo', 'prvu', 'први', 'прва', 'прво', 'прву', 'ilk', 'birinci']],
  [2, ['second', '2nd', 'deuxieme', '2eme', '2e', 'seconde', 'segundo', 'segunda', 'zweite', 'zweiten', 'zweiter', 'zweites', 'doosra', 'dusra', 'doosri', 'dusri', 'دوسرا', 'دوسري', 'ثاني', 'الثاني', 'التاني', 'تاني', 'الثانيه', 'التانيه', 'kedua', 'dyti', 'dytin', 'dyta', 'dyten', 'drugi', 'druga', 'drugo', 'drugu', 'други', 'друга', 'друго', 'другу', 'ikinci']],
  [3, ['third', '3rd', 'troisieme', '3eme', '3e', 'tercero', 'tercera', 'tercer', 'dritte', 'dritten', 'dritter', 'drittes', 'teesra', 'tisra', 'teesri', 'tisri', 'تيسرا', 'تيسري', 'ثالث', 'الثالث', 'التالت', 'الثالثه', 'ketiga', 'treti', 'tretin', 'treta', 'treten', 'treci', 'treca', 'trece', 'trecu', 'трећи', 'трећа', 'треће', 'трећу', 'ucuncu']],
  [4, ['fourth', '4th', 'quatrieme', '4eme', 'cuarto', 'cuarta', 'vierte', 'vierten', 'vierter', 'chautha', 'chothi', 'رابع', 'الرابع', 'keempat', 'katert', 'katertin', 'cetvrti', 'cetvrta', 'четврти', 'четврта']],
  [5, ['fifth', '5th', 'cinquieme', '5eme', 'quinto', 'quinta', 'funfte', 'funften', 'panchwa', 'خامس', 'الخامس', 'kelima', 'pesti', 'pesta', 'pestin']],
  [-1, ['last', 'dernier', 'derniere', 'ultimo', 'ultima', 'letzte', 'letzten', 'letzter', 'akhri', 'aakhri', 'اخري', 'الاخير', 'اخر', 'الاخيره', 'terakhir', 'fundit', 'poslednji', 'poslednja', 'zadnji', 'zadnja', 'последњи']],
];

const PLACE = new Map<string, number>(ORDINALS.flatMap(([place, words]) => words.map((w) => [w, place] as const)));

/** Words around an ordinal that say nothing else: articles, "one", "option", "is fine", "please", "wala", "yang". */
const FILLER = new Set(
  ('the one ones option choice number no. please pls plz ok okay is fine good that s it one for me i take want choose will go with then ' +
    'le la l un une celui celle choix option svp stp merci alors bon c est prends je veux ca me va aussi ' +
    'el lo uno una opcion la por favor pues quiero me tomo vale ' +
    'der die das den dem eins option bitte nehme ich nehm ist gut passt wahl ' +
    'wala wali wale waala waali theek thik hai ji mujhe chahiye kar do bhi ' +
    'ال ده دي هو هي ياريت لو سمحت من فضلك خلي بدي عايز عاوز ابغي بغيت تمام معاد ميعاد موعد الموعد يوم وقت خيار الخيار اللي يلي ' +
    'والا والي ٹھیک ہے جی ' +
    'yang aja saja deh dong ya yg itu mau pilih pilihan opsi nomor ' +
    'i e t te ai ajo aj po mire me pelqen dua opsioni ' +
    'taj ta to onaj ona ono molim moze hocu uzimam opcija ' +
    'bir').split(/\s+/).map((w) => foldText(w)).filter(Boolean),
);

/**
 * The 1-based place a reply names in a list (-1: the last), or undefined when the reply is not
 * just an ordinal with a few empty words around it.
 */
export function ordinalPlace(text: string): number | undefined {
  const tokens = foldText(text).split(' ').filter(Boolean);
  if (!tokens.length || tokens.length > 5) return undefined;
  let place: number | undefined;
  for (const token of tokens) {
    // "t'parin", "l'ultimo": the elided article is folded into its own word.
    const found = PLACE.get(token);
    if (found !== undefined) {
      if (place !== undefined && place !== found) return undefined;
      place = found;
    } else if (!FILLER.has(token)) return undefined;
  }
  return place;
}

/** The item a reply picks by its place in the list, when the list is long enough. */
export function byOrdinal<T>(text: string, items: readonly T[]): T | undefined {
  const place = ordinalPlace(text);
  if (place === undefined) return undefined;
  return place === -1 ? items[items.length - 1] : items[place - 1];
}
