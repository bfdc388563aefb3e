/**
 * Arabic as people type it in their dialect: the words a question is made of carry clitics and
 * verb prefixes that the Snowball stemmer (written for Modern Standard Arabic) leaves on, and
 * function words (want, can, this, there is) that change from one country to the next.
 *
 *   dialectStem('بتشتغل')   // 'شتغل'  Levantine/Egyptian b- + imperfective: "you work"
 *   dialectStem('كيتعادل')  // 'تعادل' Darija ka-/ki- + imperfective
 *   dialectStem('هتبلغوا')  // 'بلغ'   Egyptian future ha- and the plural -uu
 *   dialectStem('عالبرتغال') // 'برتغال' "to the" glued to the word
 *
 * The stem is crude on purpose: it is one feature more beside the word, applied alike to the
 * example questions and to the question asked, so what matters is that one verb's forms meet.
 * Words are folded first (see foldText: أ/إ/آ→ا, ة→ه, ى→ي).
 */
import { foldText } from '../core/normalize.js';

const ARABIC_WORD = /^[\u0600-\u06FF]+$/;

// Longest first: "and the", "with the", "to the" (على ال → عال), "for the" (لل), "the".
const ARTICLES = ['وبال', 'وال', 'فال', 'بال', 'كال', 'عال', 'لل', 'ال'];
// "and", "so" glued to a word. ب and ل without the article stay: they begin too many words (بطاقه, لازم).
const CONJUNCTIONS = ['و', 'ف'];
// Dialect verb prefixes before the imperfective letter: b- (Levant, Egypt), ha-/ħa- (future), ka-/ki- (Maghreb).
const VERB_PREFIXES = ['ب', 'ه', 'ح', 'ك', 'ک'];
const IMPERFECTIVE = ['ي', 'ت', 'ن', 'ا'];
// Object pronouns, plural and feminine endings, longest first.
const SUFFIXES = ['وها', 'وهم', 'ونا', 'وني', 'وكم', 'تها', 'كم', 'کم', 'كن', 'کن', 'هم', 'ها', 'نا', 'ني', 'وا', 'ون', 'ين', 'ات', 'ه', 'ي', 'و', 'ك', 'ک'];
const MIN_STEM = 3;

function dropPrefix(word: string, prefixes: readonly string[]): string {
  for (const p of prefixes) if (word.startsWith(p) && word.length - p.length >= MIN_STEM) return word.slice(p.length);
  return word;
}

function dropSuffix(word: string): string {
  for (const s of SUFFIXES) if (word.endsWith(s) && word.length - s.length >= MIN_STEM) return word.slice(0, -s.length);
  return word;
}

/** The dialect-aware light stem of a folded Arabic-script word; the word itself when nothing comes off. */
export function dialectStem(word: string): string {
  if (!ARABIC_WORD.test(word) || word.length <= MIN_STEM) return word;
  let w = word;
  // Negation around the verb (Egypt, Maghreb): ما...ش.
  if (w.startsWith('ما') && w.endsWith('ش') && w.length - 3 >= MIN_STEM) w = w.slice(2, -1);
  const bare = dropPrefix(w, ARTICLES);
  if (bare !== w) return dropSuffix(bare);
  // "and"/"so" only before a word long enough to have had it (ولادي is children, not "and" + لادي).
  const afterConjunction = w.length - 1 >= MIN_STEM + 1 ? dropPrefix(w, CONJUNCTIONS) : w;
  w = afterConjunction;
  const verb = VERB_PREFIXES.find((p) => w.startsWith(p) && IMPERFECTIVE.includes(w[p.length] ?? '') && w.length - p.length - 1 >= MIN_STEM);
  if (verb) w = w.slice(verb.length + 1);
  else if (IMPERFECTIVE.includes(w[0]!) && w.length - 1 >= MIN_STEM) w = w.slice(1);
  return dropSuffix(w);
}

/**
 * Function words of the dialects and of Arabizi that say nothing about the topic: "I want"
 * (بدي, عايز, ابي, ابغى, بغيت, داير, bghit), "I can" (نقدر, نجم, اكدر, n9der), "this", "there is",
 * "very", "now". Left out of an Arabic question's features, they no longer pull it towards
 * whichever topic's examples happen to be written in the same dialect.
 */
export const DIALECT_FUNCTION_WORDS = new Set(([
  // want
  'بدي', 'بدك', 'بدنا', 'بدو', 'بدها', 'عايز', 'عاوز', 'عايزه', 'عاوزه', 'عايزين', 'عاوزين', 'ابي', 'ابغي', 'ابغا', 'نبي', 'نبغي', 'ودي', 'بغيت', 'بغينا', 'باغي', 'باغيه', 'بغا', 'بغات',
  'داير', 'دايره', 'حاب', 'حابب', 'حابه', 'نحب', 'احب', 'اريد', 'نريد', 'اريده', 'ارید', 'مريد', 'اريد',
  'bghit', 'bgheet', 'baghi', 'bgha', 'bidi', 'biddi', 'badi', 'baddi', '3ayez', '3ayz', '3awez', '3awz', '3ayza', 'abi', 'abgha', 'abghi', 'dayer', 'dayr', 'nheb', 'n7eb', 'n7ebb', 'nhab', 'ariid', 'areed', 'arid',
  // can
  'نقدر', 'اقدر', 'بقدر', 'تقدر', 'يقدر', 'نجم', 'نجمو', 'ننجم', 'تنجم', 'اكدر', 'نكدر', 'تكدر', 'يكدر', 'اگدر', 'يمكن', 'ممكن', 'ينفع', 'يصلح',
  'n9der', 'n9dar', 'nqder', 'a9der', 'a2dar', 'a2der', 'ader', 'adar', 'nejjem', 'nejem', 'najjem', 'njm', 'akdar', 'agdar', 'momken', 'mumkin', 'mumken', 'yenfa3', 'ynfa3', 'ynf3',
  // this, that
  'هاد', 'هادا', 'هادي', 'هذا', 'هذه', 'هذي', 'هيدا', 'هيدي', 'هاي', 'هاذا', 'هاذي', 'دا', 'ده', 'دي', 'ذا', 'هادشي', 'هاذ',
  'had', 'hada', 'hadi', 'hadchi', 'hadshi', 'hedha', 'hedhi', 'haza', 'hadha', 'haida', 'hayda', 'hay', 'da', 'dah', 'di', 'dih',
  // there is, very, now, also
  'فيه', 'كاين', 'كاينه', 'كاينين', 'فما', 'اكو', 'ماكو', 'بزاف', 'برشا', 'برشه', 'وايد', 'كتير', 'كثير', 'هلق', 'هلا', 'هسه', 'هسا', 'دابا', 'توا', 'دلوقتي', 'حاليا', 'كمان', 'برضو', 'برضه', 'زاده',
  'kayn', 'kayen', 'kaina', 'fama', 'famma', 'aku', 'bzaf', 'bezzaf', 'barcha', 'barsha', 'wayed', 'kteer', 'ktir', 'halla2', 'hala', 'hassa', 'daba', 'tawa', 'dlwa2ty', 'delwa2ti', 'kaman', 'bardo', 'zada',
]).map(foldText));
