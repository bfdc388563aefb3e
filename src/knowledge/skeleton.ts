/**
 * The consonant skeleton of a word, the same whether it is typed in Arabic or Urdu script or in
 * Latin letters (Arabizi, Roman Urdu): "khedma" and "خدمه" are both "xdm", "naukri" and "نوکری"
 * both "nkr". Vowels, long-vowel letters and ع/ء (3, 2) are dropped, letters that people write
 * for one sound are merged (q/k/9/ق, s/z/ص/ز, p/b/پ, 7/h/ح). Lossy by design: it is one feature
 * among others, there to let Arabic meet Arabizi and Urdu meet Roman Urdu.
 */
const LATIN_DIGRAPHS: [RegExp, string][] = [
  [/sh|ch/g, 'S'],
  [/kh/g, 'x'],
  [/gh/g, 'G'],
  [/th|dh/g, 't'],
  [/ph/g, 'f'],
];

const LATIN: Record<string, string> = {
  b: 'b', p: 'b', c: 'k', d: 'd', f: 'f', g: 'j', j: 'j', k: 'k', q: 'k', l: 'l', m: 'm', n: 'n', r: 'r', s: 's', z: 's', t: 't', x: 'x',
  S: 'S', G: 'G', '5': 'x', '9': 'k', '8': 'G',
};

const ARABIC: Record<string, string> = {
  'ب': 'b', 'پ': 'b', 'ت': 't', 'ٹ': 't', 'ط': 't', 'ث': 's', 'ج': 'j', 'چ': 'S', 'خ': 'x', 'د': 'd', 'ڈ': 'd', 'ض': 'd', 'ذ': 's', 'ر': 'r', 'ڑ': 'r',
  'ز': 's', 'ژ': 's', 'س': 's', 'ص': 's', 'ظ': 's', 'ش': 'S', 'غ': 'G', 'ف': 'f', 'ڤ': 'f', 'ق': 'k', 'ک': 'k', 'گ': 'j', 'ل': 'l', 'م': 'm', 'ن': 'n', 'ں': 'n',
};

const ARABIC_SCRIPT = /[\u0600-\u06FF]/;

/** The skeleton of one folded word; empty when it has fewer than two consonants. */
export function skeleton(word: string): string {
  let out = '';
  if (ARABIC_SCRIPT.test(word)) {
    const bare = word.startsWith('ال') && word.length > 4 ? word.slice(2) : word;
    for (const ch of bare) out += ARABIC[ch] ?? '';
  } else {
    let w = word;
    for (const [re, to] of LATIN_DIGRAPHS) w = w.replace(re, to);
    for (const ch of w) out += LATIN[ch] ?? '';
  }
  out = out.replace(/(.)\1+/g, '$1');
  return out.length >= 2 ? out : '';
}
