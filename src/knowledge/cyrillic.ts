/**
 * Serbian is typed in both scripts: the entries are in Latin letters, many people write Cyrillic.
 * Cyrillic is spelled in Latin letters the way Serbian does it (ш = š, љ = lj), and đ as "dj", the
 * way it is typed without a Serbian keyboard, so both scripts meet in the same features.
 */
const SERBIAN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', ђ: 'dj', е: 'e', ж: 'ž', з: 'z', и: 'i', ј: 'j', к: 'k', л: 'l', љ: 'lj',
  м: 'm', н: 'n', њ: 'nj', о: 'o', п: 'p', р: 'r', с: 's', т: 't', ћ: 'ć', у: 'u', ф: 'f', х: 'h', ц: 'c', ч: 'č',
  џ: 'dž', ш: 'š',
};

const CYRILLIC_OR_DJ = /[\u0400-\u04FFđĐ]/;

/** The text with Serbian Cyrillic in Latin letters (other text unchanged). */
export function serbianLatin(text: string): string {
  if (!CYRILLIC_OR_DJ.test(text)) return text;
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    out += lower === 'đ' ? 'dj' : (SERBIAN[lower] ?? ch);
  }
  return out;
}
