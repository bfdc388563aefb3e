/**
 * Guesses the language of a first message: greetings first (detectors miss "bonjour", "salam",
 * "مرحبا"), then the script (Urdu's own letters), then a character n-gram model trained on our
 * own texts in each language, and franc's general trigram model for long text the first is
 * unsure of. Undefined when unsure: the caller falls back to English and the person can switch.
 */
import { franc } from 'franc';
import type { Lang } from '../core/lang.js';
import { LANGS } from '../core/lang.js';
import { foldText } from '../core/normalize.js';
import type { VocabularySource } from '../core/vocabulary.js';
import { CharNgramLanguageModel } from './language-model.js';

/** Below this lead per n-gram the own model is unsure (tuned on tests/eval/questions.jsonl). */
const MIN_MARGIN = 0.05;

/** franc's ISO 639-3 codes for our languages (Croatian and Bosnian read as Serbian Latin). */
const FRANC_TO_LANG: Record<string, Lang> = {
  eng: 'en', fra: 'fr', arb: 'ar', deu: 'de', urd: 'ur', ind: 'id', zlm: 'id', als: 'sq', srp: 'sr', hrv: 'sr', bos: 'sr', spa: 'es',
};

/** Letters only Urdu writes: ٹ ڈ ڑ ں ے ھ ہ. */
const URDU_OWN_LETTERS = /[ٹڈڑںےۓھہۃ]/;
/**
 * Letters Urdu keyboards write where Arabic ones write ي and ك, and the پ چ گ that Iraqi and Gulf
 * Arabic borrow too ("احچي ويا واحد", "اگول"): Urdu only when they outnumber Arabic's own letters.
 */
const URDU_SHARED_LETTERS = /[یکگپچ]/g;
const ARABIC_OWN_LETTERS = /[يكةىأإ]/g;

function arabicScriptLanguage(text: string): Lang {
  if (URDU_OWN_LETTERS.test(text)) return 'ur';
  const shared = text.match(URDU_SHARED_LETTERS)?.length ?? 0;
  const arabic = text.match(ARABIC_OWN_LETTERS)?.length ?? 0;
  return shared > arabic ? 'ur' : 'ar';
}
const ARABIC_SCRIPT = /[\u0600-\u06FF]/;

/**
 * A word with a digit between letters, as Arabizi writes ع, ح, ق, خ, ء ("n9der", "m3a", "7na", "sa3");
 * one letter and a digit is a level or a degree ("B2", "S2"), not Arabizi, and a "2" at the end of a
 * word is Indonesian's doubling ("diem2", "hati2": "diam-diam", "hati-hati").
 */
const ARABIZI_WORD = /(^| )([a-z]+[23579][a-z]+|[a-z]{2,}[3579])( |$)|(^| )[3579](?!(am|pm|h|th)( |$))[a-z]{2,}( |$)/;

export function createLanguageDetector(
  vocabulary: Record<Lang, VocabularySource>,
  samples: ReadonlyMap<Lang, readonly string[]> = new Map(),
  /** Where the trained letter model is kept between starts (none: trained in memory only). */
  cacheDir?: string,
): (text: string) => Lang | undefined {
  const model = CharNgramLanguageModel.trained(samples, cacheDir);
  const greetingLang = new Map<string, Lang | null>();
  for (const lang of LANGS) {
    for (const g of vocabulary[lang].greetings) {
      const w = foldText(g);
      const seen = greetingLang.get(w);
      greetingLang.set(w, seen === undefined || seen === lang ? lang : null); // null: shared, says nothing
    }
  }
  const only = Object.keys(FRANC_TO_LANG);
  return (text: string) => {
    const folded = foldText(text);
    if (!folded) return undefined;
    const whole = greetingLang.get(folded);
    if (whole) return whole;
    // A greeting shared by several languages in Latin letters ("salamaleikum": French and English speakers of West Africa) says
    // nothing; in Arabic letters the script still tells Arabic from Urdu ("السلام عليكم", "السلام علیکم").
    if (whole === null && !ARABIC_SCRIPT.test(text)) return undefined;
    if (ARABIC_SCRIPT.test(text)) return arabicScriptLanguage(text);
    // "Salamaleekum, na nga def? Jai besoin dun rdv a Dakar stp": a short opening (a greeting in a language we do not
    // write) and then the request; the request says the language.
    const [opening, ...rest] = text.split(/(?<=[?!.])\s+/u);
    const after = rest.join(' ');
    if (rest.length && foldText(opening!).split(' ').length <= 4 && foldText(after).split(' ').length >= 4 && !ARABIZI_WORD.test(foldText(after))) {
      const body = model.guess(after);
      if (body && body.margin >= MIN_MARGIN) return body.lang;
    }
    const words = folded.split(' ');
    for (let n = Math.min(3, words.length); n >= 1; n--) {
      const lead = greetingLang.get(words.slice(0, n).join(' '));
      if (!lead) continue;
      // "Hi, ich will nen Termin...": a greeting borrowed from English says less than the sentence after it.
      const rest = words.slice(n);
      const after = rest.length >= 4 && !ARABIZI_WORD.test(rest.join(' ')) ? model.guess(rest.join(' ')) : undefined;
      return after && after.margin >= MIN_MARGIN ? after.lang : lead;
    }
    // Arabic in Latin letters writes some sounds as digits (3 = ع, 7 = ح, 9 = ق): a letter model
    // trained on other languages would only guess wrong; leave it to the evidence of the words.
    if (ARABIZI_WORD.test(folded)) return undefined;
    // A word or two ("ok", "visa") says nothing about the language.
    const own = words.length >= 2 || folded.length >= 8 ? model.guess(text) : undefined;
    if (own && own.margin >= MIN_MARGIN) return own.lang;
    return FRANC_TO_LANG[franc(text, { only, minLength: 40 })];
  };
}
