/**
 * Training-time augmentation: each example message also teaches the ways the same words reach us.
 * Arabic script is also written in Arabizi (3=ع 7=ح 9=ق 5=خ 2=ء), with or without those digits, and Arabizi back in Arabic letters,
 * Urdu script in Roman Urdu, and every message with common typos (a dropped vowel, two letters
 * swapped) and chat shorthand ("sy", "gk", "pls", "jsuis"). Missing accents need no variant: the
 * recogniser folds them away before it reads. Deterministic, so a trained model repeats.
 *
 *   variantsOf('خطفو خويا فليبيا', 'ar') // ['khtfw khwya flybya', ...]
 */
const ARABIC_TO_LATIN: Record<string, string> = {
  ا: 'a', أ: 'a', إ: 'i', آ: 'a', ٱ: 'a', ء: '2', ئ: '2', ؤ: '2', ب: 'b', ت: 't', ث: 't', ج: 'j', ح: '7', خ: '5', د: 'd',
  ذ: 'd', ر: 'r', ز: 'z', س: 's', ش: 'ch', ص: 's', ض: 'd', ط: 't', ظ: 'd', ع: '3', غ: 'gh', ف: 'f', ق: '9', ك: 'k',
  ک: 'k', گ: 'g', ل: 'l', م: 'm', ن: 'n', ه: 'h', ة: 'a', و: 'ou', ي: 'i', ى: 'a', ی: 'i', پ: 'p', چ: 'ch', ڤ: 'v',
};
const URDU_TO_LATIN: Record<string, string> = {
  ا: 'a', آ: 'aa', ب: 'b', پ: 'p', ت: 't', ٹ: 't', ث: 's', ج: 'j', چ: 'ch', ح: 'h', خ: 'kh', د: 'd', ڈ: 'd', ذ: 'z',
  ر: 'r', ڑ: 'r', ز: 'z', ژ: 'zh', س: 's', ش: 'sh', ص: 's', ض: 'z', ط: 't', ظ: 'z', ع: 'a', غ: 'gh', ف: 'f', ق: 'q',
  ک: 'k', ك: 'k', گ: 'g', ل: 'l', م: 'm', ن: 'n', ں: 'n', و: 'o', ہ: 'h', ه: 'h', ۃ: 'a', ة: 'a', ھ: 'h', ء: '',
  ی: 'i', ي: 'i', ے: 'e', ۓ: 'e', ئ: 'i', ؤ: 'o', أ: 'a', إ: 'i',
};
// Arabizi digits and digraphs first, then letters; short vowels are not written in Arabic.
const ARABIZI_TO_ARABIC: [RegExp, string][] = [
  [/kh/g, 'خ'], [/gh/g, 'غ'], [/ch|sh/g, 'ش'], [/ou|oo|w/g, 'و'], [/3/g, 'ع'], [/7/g, 'ح'], [/9/g, 'ق'], [/5/g, 'خ'],
  [/2/g, 'ء'], [/8/g, 'غ'], [/b/g, 'ب'], [/t/g, 'ت'], [/j/g, 'ج'], [/d/g, 'د'], [/r/g, 'ر'], [/z/g, 'ز'], [/s/g, 'س'],
  [/f/g, 'ف'], [/q/g, 'ق'], [/k/g, 'ك'], [/l/g, 'ل'], [/m/g, 'م'], [/n/g, 'ن'], [/h/g, 'ه'], [/[iy]/g, 'ي'], [/a/g, 'ا'],
  [/[eo]/g, ''], [/[pvgcx]/g, ''],
];
const ARABIC_LETTERS = /[\u0600-\u06FF]/;
const ARABIZI_WORD = /^(?=.*[a-z])(?=.*[235789])[a-z0-9]+$/;

// Chat shorthand people use, by language (whole words, folded).
const SHORTHAND: Record<string, [string, string][]> = {
  en: [['please', 'pls'], ['you', 'u'], ['are', 'r'], ['because', 'bcz'], ['what', 'wat'], ['they', 'dey'], ['the', 'da'], ['with', 'wit']],
  fr: [['je suis', 'jsuis'], ['c est', 'c'], ['qu', 'k'], ['que', 'ke'], ['quoi', 'koi'], ['beaucoup', 'bcp'], ['pourquoi', 'pk'], ['aussi', 'oci']],
  de: [['ich', 'i'], ['nicht', 'nich'], ['habe', 'hab'], ['ist', 'is'], ['haben', 'ham'], ['bitte', 'bte']],
  es: [['que', 'q'], ['por', 'x'], ['porque', 'xq'], ['quiero', 'kiero'], ['esta', 'sta'], ['para', 'pa'], ['de', 'd']],
  id: [['saya', 'sy'], ['tidak', 'gk'], ['gak', 'gk'], ['sudah', 'udh'], ['sekarang', 'skrg'], ['dari', 'dr'], ['belum', 'blm'], ['kalau', 'kalo'], ['yang', 'yg'], ['aku', 'ak'], ['tadi', 'td']],
  sq: [['nuk', 's'], ['është', 'eshte'], ['të', 'te'], ['që', 'qe'], ['shumë', 'shume']],
  sr: [['što', 'sto'], ['šta', 'sta'], ['hoću', 'ocu'], ['ne mogu', 'nemogu'], ['ćemo', 'cemo']],
  ur: [['nahi', 'nai'], ['hai', 'he'], ['mein', 'me'], ['kya', 'kia'], ['hain', 'hen'], ['bhai', 'bhi']],
  ar: [['wach', 'wesh'], ['hadchi', 'hadshi'], ['ana', 'ena']],
};

function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function mapLetters(text: string, table: Record<string, string>): string {
  return [...text].map((c) => table[c] ?? c).join('');
}

/** Arabic letters in Latin, as Arabizi writes them ("ال" glued to the word becomes "l"). */
export function arabicToArabizi(text: string): string {
  return text.replace(/[\u0600-\u06FF]+/g, (word) => {
    const bare = word.replace(/[\u064B-\u065F\u0670\u0640]/g, '').replace(/^ال/, 'l');
    // "and" glued to a word is "w", a word-initial ي is "y".
    return mapLetters(bare.replace(/^و/, 'w').replace(/^ي/, 'y'), ARABIC_TO_LATIN);
  });
}

/** Arabizi words (Latin letters with 3, 7, 9...) in Arabic letters; other words are left alone. */
export function arabiziToArabic(text: string): string {
  return text.replace(/[A-Za-z0-9]+/g, (word) => {
    const w = word.toLowerCase();
    if (!ARABIZI_WORD.test(w)) return word;
    return ARABIZI_TO_ARABIC.reduce((s, [re, to]) => s.replace(re, to), w);
  });
}

// Arabizi without its digits, as many also write it: "5tfouh" is "khtfouh", "9a3din" is "qaadin".
const ARABIZI_DIGITS: Record<string, string> = { '2': 'a', '3': 'a', '5': 'kh', '7': 'h', '8': 'gh', '9': 'q' };

/** Arabizi words written with letters instead of digits; other words are left alone. */
export function arabiziWithoutDigits(text: string): string {
  return text.replace(/[A-Za-z0-9]+/g, (word) => (ARABIZI_WORD.test(word.toLowerCase()) ? word.replace(/[235789]/g, (d) => ARABIZI_DIGITS[d]!) : word));
}

/** Urdu script in Roman Urdu (the aspirate ھ after a letter becomes "h": کھ -> kh). */
export function urduToRoman(text: string): string {
  return mapLetters(text.replace(/[\u064B-\u065F\u0670]/g, ''), URDU_TO_LATIN).replace(/hh/g, 'h');
}

/** Common typos: a vowel dropped in one long word, two letters swapped in another. */
export function withTypos(text: string): string {
  const words = text.split(/(\s+)/);
  const long = words.map((w, i) => [w, i] as const).filter(([w]) => /^\p{L}{6,}$/u.test(w));
  if (!long.length) return text;
  const h = hash(text);
  const [first, at] = long[h % long.length]!;
  const vowel = first.slice(1).search(/[aeiou]/) + 1;
  if (vowel > 0) words[at] = first.slice(0, vowel) + first.slice(vowel + 1);
  const [second, at2] = long[(h >>> 8) % long.length]!;
  if (at2 !== at) {
    const k = 1 + ((h >>> 16) % (second.length - 2));
    words[at2] = second.slice(0, k) + second[k + 1] + second[k] + second.slice(k + 2);
  }
  return words.join('');
}

/** Chat shorthand of the language, where the message has such words. */
export function withShorthand(text: string, lang: string): string {
  let out = ` ${text.toLowerCase()} `;
  for (const [full, short] of SHORTHAND[lang] ?? []) out = out.replaceAll(` ${full} `, ` ${short} `);
  return out.trim();
}

/** The other spellings of an example message, each to be learnt with the same label. */
export function variantsOf(text: string, lang: string): string[] {
  const variants = new Set<string>();
  if (ARABIC_LETTERS.test(text)) {
    const latin = lang === 'ur' ? urduToRoman(text) : arabicToArabizi(text);
    variants.add(latin);
    if (lang === 'ar') variants.add(arabiziWithoutDigits(latin));
  } else if (lang === 'ar') {
    variants.add(arabiziToArabic(text));
    variants.add(arabiziWithoutDigits(text));
  }
  variants.add(withTypos(text));
  variants.add(withShorthand(text, lang));
  variants.delete(text);
  variants.delete(text.toLowerCase());
  return [...variants].filter((v) => v.trim());
}
