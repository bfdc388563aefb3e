/**
 * Folds text for matching what people type: case, accents, Arabic and Urdu letter variants,
 * diacritics and tatweel, punctuation and repeated spaces. "Menü", "MENU" and "menu!" are one word.
 */
const ARABIC_DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
const ARABIC_VARIANTS: Record<string, string> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ي', 'ی': 'ي', 'ئ': 'ي', 'ؤ': 'و', 'ة': 'ه', 'ۃ': 'ه',
  'ہ': 'ه', 'ھ': 'ه', 'ۀ': 'ه', 'ك': 'ک', 'ڪ': 'ک', 'ے': 'ي', 'ۓ': 'ي',
  '٠': '0', '١': '1', '٢': '2', '٣': '3', '٤': '4', '٥': '5', '٦': '6', '٧': '7', '٨': '8', '٩': '9',
  '۰': '0', '۱': '1', '۲': '2', '۳': '3', '۴': '4', '۵': '5', '۶': '6', '۷': '7', '۸': '8', '۹': '9',
};
const ARABIC_VARIANT_RE = new RegExp(`[${Object.keys(ARABIC_VARIANTS).join('')}]`, 'g');

const ARABIZI_DOTTED = /(?<=^|[\sa-z])([37])['’‘`](?=[a-z])/g;

/** Folded texts recently asked for: a turn folds the same message many times (bounded: cleared when full). */
const folded = new Map<string, string>();
const FOLDED_LIMIT = 4096;

export function foldText(text: string): string {
  let result = folded.get(text);
  if (result === undefined) {
    result = fold(text);
    if (text.length <= 256) {
      if (folded.size >= FOLDED_LIMIT) folded.clear();
      folded.set(text, result);
    }
  }
  return result;
}

/** foldText without remembering: for folding many texts once (a gazetteer), which would only push out the turn's. */
export function foldOnce(text: string): string {
  return fold(text);
}

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // Latin accents
    .replace(ARABIC_DIACRITICS, '')
    .replace(ARABIC_VARIANT_RE, (c) => ARABIC_VARIANTS[c] ?? c)
    .toLowerCase()
    // Arabizi writes غ as 3' and خ as 7' ("ashta3'al", "7'ales"): the apostrophe would split the word.
    .replace(ARABIZI_DOTTED, (_, digit: string) => (digit === '3' ? 'gh' : 'kh'))
    .replace(/ß/g, 'ss')
    .replace(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g, '') // zero-width and direction marks
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Ends with a question mark, Latin or Arabic ("?" or "؟"), spaces after it allowed. */
export function endsAsQuestion(text: string): boolean {
  return /[?؟]\s*$/u.test(text);
}

/** One letter apart: one added, dropped, changed, or two side by side swapped. */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const rest = (x: string, y: string) => a.slice(i + x.length) === b.slice(i + y.length);
  if (a.length === b.length) return rest(a[i]!, b[i]!) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  return a.length > b.length ? rest(a[i]!, '') : rest('', b[i]!);
}
