/**
 * Masks what identifies a person in a question before it is kept for curators: e-mail addresses,
 * phone numbers (any digits: Latin, Arabic-Indic, Persian/Urdu), ids and references (passport and
 * booking numbers: letters and digits mixed), and names the person gave ("my name is ...", in the
 * nine languages, and the name they typed for a booking). What is left is the question's wording,
 * which is what a curator needs.
 *
 * @example
 *   maskPersonalData('my name is Amina, call +233 24 111 2223 about AB1234567')
 *   // 'my name is [name], call [phone] about [id]'
 */

export const MASKS = { email: '[email]', phone: '[phone]', id: '[id]', name: '[name]' } as const;

/** Arabic-Indic (٠-٩) and Extended Arabic-Indic (۰-۹) digits as 0-9, so one pattern finds every phone number. */
function latinDigits(text: string): string {
  return text.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660)).replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
/** Seven or more digits, with the spaces, dots, dashes and brackets people put in phone numbers. */
const PHONE = /(?:\+|00)?\d[\d\s().-]{5,}\d/g;
/** A token mixing letters and digits (a passport number, a case number, a booking reference). */
const MIXED_ID = /(?<![\p{L}\p{N}])(?=[\p{L}\p{N}-]*\p{N})(?=[\p{L}\p{N}-]*\p{L})[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*(?![\p{L}\p{N}])/gu;
/** A booking reference in capitals only (six letters from the reference alphabet), inside a sentence that is not shouted. */
const CAPS_REFERENCE = /(?<![\p{L}\p{N}])[A-HJ-NP-Z]{6}(?![\p{L}\p{N}])/gu;

/**
 * "My name is X" and its kin: the words after these cues are a name (one to three words,
 * stopping at punctuation). Case-insensitive; Arabic and Urdu cues take the word after them.
 */
const NAME_CUES = [
  "my name is", "my name's", "i am called", "call me", "this is",
  "je m'appelle", "je m’appelle", "mon nom est", "mon nom c'est", "moi c'est",
  "ich heiße", "ich heisse", "mein name ist",
  "me llamo", "mi nombre es",
  "nama saya", "saya bernama",
  "emri im është", "emri im eshte", "unë jam", "une jam", "quhem",
  "zovem se", "moje ime je", 'зовем се', 'моје име је',
  "mera naam", "mera nam", "mujhe kehte hain",
  "ismi", "esmi", "smiti", "ana ismi",
  'اسمي', 'أنا اسمي', 'انا اسمي', 'إسمي',
  'میرا نام', 'مرا نام',
];

/** Cues that name a person only when a capitalised word follows ("I am Abena", not "I am worried"). */
const WEAK_NAME_CUES = ["i am", "i'm", 'je suis', 'ich bin', 'soy', 'saya', 'jam', 'ja sam'];

/** Words that end a name or are no name ("I am called about my visa" keeps "about"). */
const NOT_NAME = new Set(['and', 'et', 'und', 'y', 'dan', 'dhe', 'i', 'about', 'from', 'je', 'ich', 'hai', 'ہے', 'ہوں', 'و', 'de', 'aus', 'dari', 'nga', 'iz', 'the', 'a']);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const NAME_AFTER_CUE = new RegExp(`(^|[^\\p{L}])(${NAME_CUES.map(escapeRegExp).join('|')})(\\s+)((?:[\\p{L}\\p{M}'’-]+)(?:\\s+[\\p{L}\\p{M}'’-]+){0,2})`, 'giu');

const NAME_AFTER_WEAK_CUE = new RegExp(`(^|[^\\p{L}])(${WEAK_NAME_CUES.map(escapeRegExp).join('|')})(\\s+)((?:[\\p{L}\\p{M}'’-]+)(?:\\s+[\\p{L}\\p{M}'’-]+){0,2})`, 'giu');

const capitalised = (w: string): boolean => w[0] !== w[0]!.toLowerCase() && w[0] === w[0]!.toUpperCase();

function maskNamesAfterCues(text: string): string {
  const masked = text.replace(NAME_AFTER_CUE, (whole, before: string, cue: string, space: string, words: string) => {
    const parts = words.split(/\s+/);
    const kept: string[] = [];
    for (const w of parts) {
      if (NOT_NAME.has(w.toLowerCase())) break;
      // After the first word, only capitalised words continue the name (in a script without case, one word is the name).
      const first = w[0]!;
      const cased = first.toLowerCase() !== first.toUpperCase();
      if (kept.length && (!cased || first === first.toLowerCase())) break;
      kept.push(w);
    }
    if (!kept.length) return whole;
    const rest = words.slice(kept.join(' ').length);
    return `${before}${cue}${space}${MASKS.name}${rest}`;
  });
  return masked.replace(NAME_AFTER_WEAK_CUE, (whole, before: string, cue: string, space: string, words: string) => {
    const kept: string[] = [];
    for (const w of words.split(/\s+/)) {
      if (!capitalised(w) || NOT_NAME.has(w.toLowerCase())) break;
      kept.push(w);
    }
    return kept.length ? `${before}${cue}${space}${MASKS.name}${words.slice(kept.join(' ').length)}` : whole;
  });
}

/** `names`: names the person gave the assistant (for a booking, a handoff), masked wherever they appear. */
export function maskPersonalData(text: string, names: readonly string[] = []): string {
  let out = latinDigits(text).replace(EMAIL, MASKS.email);
  out = out.replace(MIXED_ID, (m) => (m.length >= 5 && /\p{N}.*\p{N}|\p{L}.*\p{N}.*\p{L}/u.test(m) ? MASKS.id : m));
  out = out.replace(PHONE, (m) => (m.replace(/\D/g, '').length >= 7 ? MASKS.phone : m));
  if (out !== out.toUpperCase()) out = out.replace(CAPS_REFERENCE, MASKS.id);
  for (const name of names) {
    for (const part of name.split(/\s+/).filter((p) => p.length >= 2)) {
      out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(part)}(?![\\p{L}\\p{N}])`, 'giu'), MASKS.name);
    }
  }
  out = maskNamesAfterCues(out);
  return out.replace(/\[name\](?:\s+\[name\])+/g, MASKS.name);
}
