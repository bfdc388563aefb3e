/**
 * The language of a conversation from evidence: a request to switch ("en français stp", "momkin b
 * francais", "urdu mein baat karo", "auf Deutsch bitte"), and the marks of the ways people write
 * that no detector knows — Roman Urdu, Nigerian and Ghanaian Pidgin, Darija in Latin letters.
 * One greeting ("salam") is not evidence: it is shared by Arabic, Urdu and Darija speakers.
 */
import type { Lang } from '../core/lang.js';
import { phraseSet, sentences, words } from './phrases.js';

/** Each language named in itself and in the others (folded spellings people type). */
const LANGUAGE_NAMES: Record<Lang, string[]> = {
  en: ['english', 'pidgin', 'pijin', 'anglais', 'englisch', 'ingles', 'inglés', 'inggris', 'anglisht', 'engleski', 'engleskom', 'angrezi', 'انجليزي', 'انجليزيه', 'انگریزی', 'انگلش', 'انگلیش', 'انگلش', 'انجلش', 'انكليزي', 'انكلش', 'inglizi', 'englizi', 'nglizia', 'lnglizia', 'ingliziya', 'linglizia', 'انقليزي', 'بالانجليزي', 'بالانقليزي'],
  fr: ['french', 'francais', 'français', 'franzosisch', 'französisch', 'frances', 'francés', 'prancis', 'frengjisht', 'francuski', 'francuskom', 'فرنسي', 'فرنسيه', 'فرانسیسی', 'فرینچ', 'فرنچ', 'fransawi', 'fransi', 'francia', 'fransawiya', 'lfransawiya', 'lfrancais', 'بالفرنسي', 'بالفرنساوي', 'فرنساوي'],
  ar: ['arabic', 'arabe', 'arabisch', 'árabe', 'arab', 'arabisht', 'arapski', 'arapskom', 'عربي', 'العربيه', 'بالعربي', 'عربی', '3arbiya', '3arbi', 'l3arbi', '3arabi', 'l3arabi', 'bel3arbi', 'bl3arbi', '3arbia', 'l3arbiya', 'l3arbia', 'la3arbia', 'bl3arbia', 'bl3arbiya', 'bel3arbiya', 'bel3arbia', 'l3rbia', 'l3rbiya', 'bl3rbia', '3rbia', '3arabiya', 'l3arabiya', 'l3arabia', 'darija', 'ddarija', 'dardja', 'arbi', 'arabiya', 'دارجه', 'الدارجه', 'بالدارجه', 'بالدارجة', 'الدارجة', 'ldarija', 'bdarija'],
  de: ['german', 'allemand', 'deutsch', 'deutsche', 'aleman', 'alemán', 'jerman', 'gjermanisht', 'nemacki', 'nemački', 'nemackom', 'nemačkom', 'الماني', 'الالمانيه', 'جرمن', 'almani'],
  ur: ['urdu', 'ourdou', 'اردو', 'urdū'],
  id: ['indonesian', 'indonesien', 'indonésien', 'indonesisch', 'indonesio', 'indonesia', 'indonezisht', 'indonezanski', 'انڈونیشین'],
  sq: ['albanian', 'albanais', 'albanisch', 'albanes', 'albanés', 'shqip', 'shqipe', 'shqiptare', 'albanski', 'albanskom'],
  sr: ['serbian', 'serbe', 'serbisch', 'serbio', 'srpski', 'srpskom', 'srpsko', 'serbisht', 'serbia', 'српски', 'српском'],
  es: ['spanish', 'espagnol', 'spanisch', 'espanol', 'español', 'castellano', 'spanyol', 'spanjisht', 'spanski', 'spanskom', 'اسباني', 'ہسپانوی'],
};

/** Names that are countries first: "in serbia" is where, "bahasa serbia" the language. */
// Indonesian names a language with "bahasa": "ke jerman" is to Germany, "bahasa jerman" German.
const COUNTRY_FIRST = new Set(['serbia', 'indonesia', 'jerman', 'inggris']);

const NAME_TO_LANG = new Map<string, Lang>();
for (const [lang, names] of Object.entries(LANGUAGE_NAMES) as [Lang, string[]][]) for (const n of names) for (const w of words(n)) NAME_TO_LANG.set(w, lang);

/** Words before a language's name that put it to use: "in", "en", "auf", "na", "b", "bahasa", "speak"... (Urdu's "mein" comes after it, see below: before it, "main" is "I"). */
const INTO = new Set(words('in en auf a na ne në n b bi bel bl fi pakai pake pakek pake bahasa dalam pa por en speak speaks talk write reply answer parle parler parlez ecris écris sprich sprechen schreib schreiben habla hablar hablame escribe bicara fol flisni flas govori pisi pisite baat zaban zuban بات میں في ب بال اتكلم احكي نحكي تحكي كلمني كلموني تكلم اكتب اكتبلي رد ردو جاوب جاوبني معي معاي hder hdr hdar tkelem tkalem ktb kteb jawbni m3aya thder tehder to do ke hablas parles sprichst tjawbni tjawebni jawebni'));
/**
 * Verbs of speaking and writing that may stand a word away from the language's name, or just after
 * it: "sprichst du Englisch?", "govoriš li engleski", "können wir Deutsch sprechen", "aap urdu bol
 * sakte hain", "mund të flasim shqip".
 */
const SPEAK = new Set(words('kannst speak speaking talk talking write writing reply answer text chat parles parlez parlons parler parle ecris ecrivez ecrire repondre repondez repond sprichst spricht sprechen sprechen sprich redest reden rede schreibst schreiben schreib antworten antwortest hablas habla hablamos hablar hablame escribe escribir escribeme respondeme contesta bicara berbicara ngomong pakai pake menulis tulis balas flasim flisni flet flas fol shkruaj shkruani shkruajme shkru shkrujm shkrujme shkrun pergjigju govoris govorite govori govorimo pricaj pricas pricamo pisi pisite pisati odgovori odgovaraj bol bolo bolen bolein bolte bolna likho likhen likhein likhna likh jawab tkellem tkelem tkalem hder hdar nhder ktb kteb nktb نتكلم تتكلم تكلم اتكلم احكي تحكي نحكي اكتب تكتب نكتب كلمني تكلمني تكلمنا كلمنا تحكيلي احكيلي اكتبلي تكتبلي ردي رد جاوب بات بولو بولیں لکھیں لکھو بتا بتائیں بتاو سمجھا سمجھائیں ' +
  'continue continuing continuer continuons continuerai continuar continuamos seguir sigamos weiter weitermachen lanjut lanjutkan nastavi nastavimo nastaviti vazhdo vazhdojme'));
/** Words that may stand between such a verb and the name: "du", "wir", "li", "you", "with me". */
const BETWEEN = new Set(words('du sie wir ihr you u we me with to in en li ti vi mi me with me avec moi mit mir con migo conmigo sa mnom dengan saya aku sama me mua m3aya maaya mujh se mujhse hum aap ap لي معي معايا معاي'));

/** Words that may stand around a bare language name ("shqip te lutem", "english please"). */
const POLITE = new Set(words('safi wakha daba yallah l lel عافاك عفاك bghit bghina n7eb nheb nhab rje3 rja3 rjeε nrj3o رجع ارجع بغيت لو سمحت من فضلك ممكن رجاء ارجوك please pls plz plx stp svp sil vous plait bitte lieber eigentlich gerne porfa por favor favor te lutem ju lutem molim vas te rog 3afak afak lah plis tolong aja ya dong kak ji bhai yar please karo kijiye mein main se me can you could do you we i moze može mozemo li da hoces in en auf a na b momkin mumkin mümkin possible peux tu vous ok okay yes oui ja si sí da po iya then alors now maintenant jetzt ahora sada tani sekarang ab abhi only just nur solo seulement uniquement hanya aja saja vetem samo sirf faqat want wanna prefer prefere preferably rather plutot lieber bevorzuge prefiero mejor lebih suka me mire radije abeg pliz lei لي معي اريد بدي حابب عايز فقط بس only sorry desole pardon maaf izvini izvinite perdon entschuldigung'));

/**
 * Words that make a language the subject of a question, not the language wanted for the chat:
 * "does she need to speak German before she comes?", "is the course in English?", "muss ich Deutsch lernen?".
 */
const ABOUT_A_LANGUAGE = new Set(words(
  'enough suffisant suffit genug reicht suficiente cukup mjafton dovoljno kafi ' +
  'need needs needed must learn learning level levels course courses class classes test exam certificate before required require requires wife husband kids children a1 a2 b1 b2 c1 ' +
  'besoin faut doit dois apprendre niveau cours examen avant diplome ' +
  'muss musst mussen brauche brauchst braucht lernen niveau kurs kurse prufung zertifikat vorher sprachkurs ' +
  'necesito necesita hace falta aprender nivel curso examen antes ' +
  'perlu harus belajar tingkat kursus ujian sebelum ' +
  'duhet mesoj mesuar nivel kurs provim ' +
  'treba moram mora nauciti nivo kurs ispit pre ' +
  'kan9ra kanqra kanqra kant3alem kanat3alem n9ra nqra nt3alem goethe ' +
  'zaroori zaruri seekhna seekhni seekhe seekh seekhay sikhna sikhe bina level course pehle ' +
  'لازم يجب احتاج تحتاج اتعلم تعلم مستوى دوره امتحان قبل'));

/** Words that, just before a language's name, say the person does not have it: "kein Englisch", "no hablo inglés", "ne zna srpski". */
const NOT_MINE = new Set(words('no not dont don t kein keine keinen nicht ne nuk jo tidak gak nggak ga nahi nahin ma mafhamtch mafhemtch mafhmtch mafhmtsh mafhemtsh mnfhmch ma kanfhemch ma nfhamch kan9rach kanqrach kanfhemch kanfhamch kanfhmch kanhdrch kanhdarch kan3refch kanktebch مش ما لا مافهمتش pas jamais nunca sin without ohne tanpa pa bez'));
/** "roman urdu ya english", "english or roman urdu": the words between two languages offered. */
const EITHER = new Set(words('ya or ou oder o atau ili ose'));

/** Words that, just after a language's name, say it is not good: "my german is not good". */
const NOT_GOOD = phraseSet(['script nahi', 'nahi parh', 'parh nahi', 'nahi samajh', 'samajh nahi', 'not good', 'not so good', 'not very good', 'is bad', 'is weak', 'est faible', 'est nul', 'est pas top', 'pas top', 'est pas terrible', 'pas terrible', 'pas tres bon', 'est pas bon', 'n est pas bon', 'ist schwach', 'es malo', 'es debil', 'nicht gut', 'nicht so gut', 'ist schlecht', 'pas bon', 'pas bien', 'no es bueno', 'no muy bueno', 'tidak bagus', 'kurang bagus', 'kurang lancar', 'nuk e di mire', 'nije dobar', 'acha nahi', 'achi nahi', 'no reach', 'never reach', 'no sabi', 'no too good', 'no good', 'no strong', 'is weak', 'mish kwayes', 'machi mzyana', 'mashi mzyan',
  // "bahasa jerman sy gk bisa sama sekali": Indonesian says it after the name
  'gk bisa', 'gak bisa', 'ga bisa', 'tidak bisa', 'tdk bisa', 'nggak bisa', 'ngga bisa', 'belum bisa', 'blm bisa', 'kurang bisa', 'sy kurang', 'saya kurang', 'aku kurang', 'kurang lancar', 'kurang bagus', 'gk ngerti', 'gak ngerti', 'tidak mengerti', 'gk paham', 'gak paham', 'tidak paham',
  // "urdu likhai parh nahi sakta": Urdu too says it after the name
  'mushkil', 'mushkil hai', 'nahi sakta', 'nahi sakti', 'nahi sakte', 'nahi aati', 'nahi aata', 'nahi ati', 'nahi ata', 'parh nahi', 'samajh nahi', 'nahi samajh', 'nahin sakta', 'nahin aati', 'نہیں آتی', 'نہیں پڑھ']);

/** The language a word names, also with Arabic's "in" or article written onto it ("بالعربية", "بالفرنسية"). */
function languageNamed(token: string): Lang | undefined {
  const lang = NAME_TO_LANG.get(token);
  if (lang || !/^[\u0600-\u06FF]{5,}$/.test(token)) return lang;
  const bare = /^(?:بال|ال|ب)(.{3,})$/.exec(token)?.[1];
  return bare ? (NAME_TO_LANG.get(bare) ?? NAME_TO_LANG.get(`ال${bare}`)) : undefined;
}

/** The language the word at `i` names as a language ("bahasa serbia", not "an office in serbia"). */
function namedAt(tokens: readonly string[], i: number): Lang | undefined {
  const t = tokens[i]!;
  return COUNTRY_FIRST.has(t) && tokens[i - 1] !== 'bahasa' ? undefined : languageNamed(t);
}

/** The language the person asks the conversation to continue in, or undefined. */
export function requestedLanguage(text: string): Lang | undefined {
  const tokens = words(text);
  if (!tokens.length || tokens.length > 30) return undefined;
  const aboutOne = (t: string) => ABOUT_A_LANGUAGE.has(t);
  // "can you write me in english pls, my wife will read too": a clause about the family or a course is left out, the request read without it.
  const withoutAbout = (p: string) => p.split(/(?<=[,،])\s+/u).filter((c) => !words(c).some(aboutOne)).join(' ');
  // "mundemi me shkru gjermanisht? kam jetu 10 vjet ne gjermani": the request is a sentence of its own, short.
  const parts = sentences(text);
  const kept = parts.map(withoutAbout).filter((p) => words(p).length);
  if (parts.length > 1) {
    const asked = new Set(kept.map(requestedIn).filter((l): l is Lang => l !== undefined));
    if (asked.size === 1) return [...asked][0];
  }
  // "sorry my german is not so good, english please": the request a clause of its own, the other clause names only the language not had.
  // (A clause about a language, "do i need a german exam", is no request, as above.)
  const split = parts.length === 1 ? text.split(/[,،;]+/u).filter((c) => words(c).length) : [];
  const clauses = split.filter((c) => !words(c).some(aboutOne));
  if (split.length > 1 && clauses.length) {
    const asked = new Set(clauses.map(requestedIn).filter((l): l is Lang => l !== undefined));
    if (asked.size === 1 && clauses.every((c) => requestedIn(c) !== undefined || !namesWantedLanguage(c))) return [...asked][0];
  }
  if (!tokens.some(aboutOne)) return requestedIn(text);
  return parts.length === 1 && kept.length === 1 ? requestedIn(kept[0]!) : undefined;
}

/** A clause names a language it does not say the person lacks ("i speak english" does; "my german is not good" does not). */
function namesWantedLanguage(text: string): boolean {
  const tokens = words(text);
  return tokens.some((_, i) => namedAt(tokens, i) && !(NOT_MINE.has(tokens[i - 1] ?? '') || NOT_MINE.has(tokens[i - 2] ?? '') || NOT_GOOD.has(tokens.slice(i + 1, i + 5))));
}

/** The language one message or sentence asks for (the words about a language already ruled out). */
function requestedIn(text: string): Lang | undefined {
  const tokens = words(text);
  if (!tokens.length) return undefined;
  // A long message counts only with the request's own words together: "je vais continuer en français car ...".
  if (tokens.length > 16) return longRequest(tokens);
  const named = tokens.map((t, i) => ({ lang: namedAt(tokens, i), i })).filter((n) => n.lang);
  if (!named.length) return undefined;
  // "Ich spreche kein Englisch, bitte auf Deutsch", "sorry my german is not good, can we do english": the one the person does not have is not the one asked for.
  const negated = (i: number) => (NOT_MINE.has(tokens[i - 1] ?? '') && !INTO.has(tokens[i - 1]!)) || NOT_MINE.has(tokens[i - 2] ?? '') || NOT_GOOD.has(tokens.slice(i + 1, i + 5));
  // "roman urdu ya english mein likho": Roman Urdu is not written here, so the other one named is the one asked for.
  const romanOnly = (i: number) => tokens[i] === 'roman' || tokens[i - 1] === 'roman';
  const had = named.filter(({ i }) => !negated(i));
  const wanted = had.some(({ i }) => !romanOnly(i)) ? had.filter(({ i }) => !romanOnly(i)) : had;
  if (new Set(wanted.map((n) => n.lang)).size !== 1) return undefined;
  // A long message names the language it wants with a word that puts it to use; a short one may name it bare.
  for (const { lang, i } of wanted) {
    // "b l'allemand", "bel l'arabe": the article between the word that puts it to use and the name.
    const before = tokens[i - 1] === 'l' ? tokens[i - 2] : tokens[i - 1];
    // "urdu mein", "اردو میں": the postposition follows.
    const after = tokens[i + 1];
    const speaks = (t: string | undefined) => t !== undefined && (INTO.has(t) || SPEAK.has(t));
    // Pidgin's "for" is "in" after a verb of speaking: "talk am for french", "abeg write me for english".
    const pidginFor = before === 'for' && (SPEAK.has(tokens[i - 2] ?? '') || (['am', 'me', 'us', 'una'].includes(tokens[i - 2] ?? '') && SPEAK.has(tokens[i - 3] ?? '')));
    const used =
      pidginFor ||
      (before && INTO.has(before)) ||
      (after && ['mein', 'main', 'mai', 'me', 'میں', 'ميں', 'مين'].includes(after)) ||
      // "können wir Deutsch sprechen", "aap urdu bol sakte hain"; "sprichst du Englisch", "govoriš li engleski"
      (tokens.length <= 10 && (SPEAK.has(before ?? '') || SPEAK.has(after ?? '') || (speaks(tokens[i - 2]) && BETWEEN.has(before ?? '')) || (speaks(tokens[i + 2]) && BETWEEN.has(after ?? ''))));
    const bare = wanted.length === 1 && tokens.length <= 9 && tokens.every((t, k) => k === i || POLITE.has(t) || INTO.has(t) || romanOnly(k) || EITHER.has(t));
    if (used || bare) return lang!;
  }
  return undefined;
}

/** Languages the assistant does not write in, as people name them: asked for, the languages it does write in are shown. */
const OTHER_LANGUAGES = new Set(words('sunda sundanese jawa javanese bugis hausa yoruba igbo twi ewe fante wolof pulaar fula amazigh tamazight berber kabyle chleh rifia punjabi panjabi pashto pushto sindhi balochi saraiki hindi bengali bangla tamil turkish turkce italian italiano russian russe ruski chinese mandarin portuguese portugais tigrinya amharic somali kurdish kurdi farsi persian turc türkisch italienisch russisch chinesisch portugiesisch'));
/** "bisa", "can you", "do you speak": a question whether the chat has a language. */
const CAN = new Set(words('bisa bisakah can could do you speak parles parlez sprichst sprechen kannst hablas habla puedes moze mozes flet flisni bol bolte aati sakte ممكن تعرف بتعرف تحكي تتكلم'));

/** "kamu bisa bahasa sunda?", "do you speak hausa?": a language asked for that the assistant does not write in. */
export function asksOtherLanguage(text: string): boolean {
  const tokens = words(text);
  if (!tokens.length || tokens.length > 10 || tokens.some((t) => ABOUT_A_LANGUAGE.has(t))) return false;
  const asks = (t: string | undefined) => t !== undefined && (CAN.has(t) || SPEAK.has(t) || INTO.has(t));
  // The name next to a word that asks for it: "bahasa sunda", "speak hausa", "in wolof", "hausa language".
  return tokens.some((t, i) => OTHER_LANGUAGES.has(t) && (asks(tokens[i - 1]) || asks(tokens[i - 2]) || ['language', 'langue', 'sprache', 'zaban'].includes(tokens[i + 1] ?? '')));
}

/** Saying a language is not understood (or read): "ma kanfhemch", "i don't understand", "nahi aati", "ne razumem". */
const NOT_UNDERSTOOD = phraseSet([
  'ma kanfhemch', 'makanfhemch', 'ma kanfhmch', 'makanfhmch', 'ma fhemtch', 'mafhemtch', 'ma kan3refch', 'ma kanqrach', 'ما كنفهمش', 'ماكنفهمش', 'ما نفهمش', 'ما بفهم', 'ما افهم', 'لا افهم', 'مش فاهم', 'ما فهمت',
  'dont understand', 'don t understand', 'do not understand', 'cant understand', 'can t understand', 'cannot understand', 'cant read', 'can t read', 'cannot read', 'dont speak', 'don t speak', 'do not speak', 'no understand', 'i no understand', 'i no sabi', 'no sabi',
  'comprends pas', 'comprend pas', 'ne comprends pas', 'parle pas', 'sais pas lire', 'lis pas',
  'verstehe kein', 'verstehe nicht', 'versteh kein', 'spreche kein', 'kann kein',
  'nahi aati', 'nahi ati', 'nai aati', 'samajh nahi', 'samajh nahi aati', 'samjh nahi', 'parhni nahi', 'nahi samajhta', 'nahi samajhti', 'نہیں آتی', 'سمجھ نہیں',
  'tidak mengerti', 'gak ngerti', 'ga ngerti', 'nggak ngerti', 'tidak paham', 'gak paham', 'ga paham', 'gk ngerti',
  'nuk e kuptoj', 'nuk kuptoj', 's e kuptoj', 'nuk di', 'nuk e di', 'nuk flas',
  'ne razumem', 'ne razumijem', 'ne znam', 'ne pricam', 'ne govorim',
  'no entiendo', 'no hablo', 'no se leer', 'no leo',
]);

/** Words for "language" itself, so "i don't understand this language" counts without a name. */
const LANGUAGE_WORD = new Set(['language', 'langue', 'sprache', 'idioma', 'bahasa', 'bahasanya', 'gjuhe', 'gjuhen', 'jezik', 'zaban', 'zuban', 'lougha', 'logha', 'اللغه', 'لغه', 'زبان']);

/**
 * The person says they do not understand the language of the chat (or another one named): "kanhdr darija, ma kanfhemch
 * l3arabiya mzyan", "i no understand english", "nuk e kuptoj kete gjuhe". The language list is what helps them.
 */
export function languageNotUnderstood(text: string): boolean {
  const tokens = words(text);
  // "I don't speak German, can I still work there?" asks about going, not about the chat: a question, or German, is never this.
  if (!tokens.length || tokens.length > 12 || /[?؟]/.test(text) || !NOT_UNDERSTOOD.has(tokens)) return false;
  return tokens.some((t, i) => LANGUAGE_WORD.has(t) || (namedAt(tokens, i) ?? 'de') !== 'de');
}

/** A language asked for in a long message: a verb of speaking, "in" and the name, side by side ("continuer en francais"). */
function longRequest(tokens: readonly string[]): Lang | undefined {
  const asked = new Set<Lang>();
  tokens.forEach((t, i) => {
    const lang = namedAt(tokens, i);
    if (lang && INTO.has(tokens[i - 1] ?? '') && SPEAK.has(tokens[i - 2] ?? '') && !NOT_MINE.has(tokens[i - 3] ?? '')) asked.add(lang);
  });
  return asked.size === 1 ? [...asked][0] : undefined;
}

// Only single words count (see countIn); "do" is left out: it is an English word as often as Urdu's "two" or "give".
const ROMAN_URDU = phraseSet(['mujhe', 'mujhy', 'chahiye', 'chahie', 'chaiye', 'hai', 'hain', 'kya', 'kaise', 'kaisay', 'kahan', 'kab', 'mera', 'meri', 'mere', 'karo', 'karna', 'karni', 'karne', 'krna', 'krni', 'karein', 'karwa', 'baat', 'nahi', 'nahin', 'kisi', 'insan', 'theek', 'thik', 'shukriya', 'bohat', 'bahut', 'wala', 'wale', 'wali', 'mein', 'ka', 'ki', 'ko', 'se', 'aur', 'ye', 'yeh', 'woh', 'acha', 'accha', 'haan', 'bhai', 'yar', 'yaar', 'naam', 'kal', 'parso', 'baje', 'milta', 'sakte', 'dikhao', 'hoon', 'hun', 'tha', 'thi', 'apna', 'qareeb', 'sab', 'jaunga', 'rehne', 'aap', 'ap', 'kon', 'kaun', 'ho', 'gaya', 'gayi', 'gaye', 'baar', 'raha', 'rahi', 'rahe', 'tum', 'hum', 'abhi', 'phir', 'lekin', 'kyun', 'kyu', 'koi', 'jeene', 'faida', 'chahta', 'chahti', 'agar', 'kar', 'wahan', 'yahan', 'kaam', 'jaye', 'jayega', 'jaega', 'lun', 'loon', 'sakta', 'sakti', 'hoga', 'hogi', 'kitna', 'kitni', 'kitne', 'paise', 'batao', 'bataen', 'karun', 'jana', 'jaana', 'milega', 'milegi', 'kehta', 'kehti', 'kehte', 'uski', 'uska', 'uske', 'iski', 'iska', 'iske', 'unki', 'unka', 'mujhse', 'diya', 'diye', 'liye', 'wapis', 'dena', 'dene']);
const PIDGIN = phraseSet(['abeg', 'wetin', 'una', 'dey', 'wan', 'fit', 'na', 'dem', 'pikin', 'oga', 'oya', 'sabi', 'comot', 'no be', 'e don', 'how far', 'o', 'am', 'make i', 'pass', 'broda', 'sista', 'wahala', 'chop', 'carry']);
const DARIJA = phraseSet(['iyeh', 'iyyeh', 'ewa', 'bghit', 'bghina', 'wach', 'wash', 'dyal', 'dial', 'diali', 'dyali', 'm3a', 'chi', 'shi', 'wahed', '3afak', 'afak', 'wakha', 'daba', 'khoya', 'khti', 'bzaf', 'mzyan', 'kifach', 'fin', 'lmarkaz', 'nhder', 'nhdr', 'machi', 'mashi', 'kayn', 'kayna', 'nakhod', 'ghedda', 'ghda', 'smiti', 'sba7', 'f', 'l', 'w', '3lach', 'labas', 'hna', 'momkin', 'mumkin', 'wesh', 'safi', '3likom', 'salam', 'khass', 'khassni', 'nmchi', 'nrje3', 'mli', 'snin', 'almanya', 'lmaghrib', 'y3awnoni', 'wla', 'rjou3', 'm3awna', 'kont', 'ana', 'tanja',
  // Arabic of the Levant, Egypt and the Gulf in Latin letters too; "wala" and "insan" are Arabic as much as Urdu
  // Tunisian: "fama centre fi sfax?", "n7eb na9ra", "chnowa na3mlou", "9adech lazem flous"
  'fama', 'famma', 'fi', 'chnowa', 'chnoua', 'chnouwa', 'n7eb', 'nheb', 'n7ebb', 'barcha', 'behi', 'bahi', '9adech', 'qadech', 'kadeh', 'kifeh', 'kifech', 'mte3', 'mta3', 'taw', 'tawa', 'lazem', 'lezem', 'ya5i', 'yakhi', '3aweni', 'wled', 'ken', 'flouka', 'b7ar', 'aslema', 'asslema', 'yesser', 'brabi', 'na9ra',
  'kifak', 'kifik', 'keefak', 'enta', 'inta', 'enti', 'inti', 'shu', 'chou', 'shlonak', 'ezayak', 'izzayak', 'ya3ni', 'yalla', 'habibi', 'khalas', 'wallah', 'wallahi', 'bidi', 'baddi', '3ndi', '3andi', 'ma3', 'la2', 'aywa', 'mesh', 'msh', 'kteer', 'ktir', 'shway', 'leh', 'lesh', 'feen', 'wala', 'insan',
  // Moroccan words the walks met in Latin letters ("chkoun li ghadi yjawbni?", "ana ma fhmtch walo")
  'chkoun', 'chkon', 'chkun', 'ghadi', 'ghadya', 'yjawbni', 'fhmt', 'fhemt', 'fhmtch', 'fhemtch', 'kanfhem', 'kanfhemch', 'kanhdr', 'kanhder', 'walo', 'kolchi', 'bqit', 'bqitch', 'baghi', 'baghya', 'mcha', 'rje3t', 'ma3ndi', 'lbatto', 'l7rig', 'lkhedma', 'khedma', 'lflous', 'flous', '9ader', 'n3ich', 'bghatnich']);

/**
 * Small words of French, Spanish, Indonesian and German: "c koi les risques vraiment? ils disent barca
 * wala barsakh" has two Roman-Urdu-looking words ("koi", "wala") in a French sentence. Roman Urdu
 * mixes in English, not these; Darija mixes in French, so they only weigh against Roman Urdu.
 */
/** Spanish, Italian and Portuguese share "una", "o", "na" with Pidgin: "tienen una oficina en Lima? o cual es el centro". */
const NOT_PIDGIN = phraseSet(['tienen', 'tiene', 'tengo', 'el', 'los', 'las', 'del', 'es', 'cual', 'que', 'por', 'para', 'con', 'como', 'ustedes', 'usted', 'mas', 'hola', 'oficina', 'centro', 'quiero', 'puedo', 'donde', 'gracias', 'trabajo', 'alemania', 'quien', 'eres', 'persona', 'y', 'tu', 'usted']);
const NOT_ROMAN_URDU = phraseSet(['les', 'des', 'est', 'ils', 'elles', 'vous', 'nous', 'je', 'tu', 'pour', 'avec', 'dans', 'mais', 'pas', 'vraiment', 'quoi', 'comment', 'une', 'sont', 'que', 'qui', 'quel', 'quelle', 'cest', 'los', 'las', 'para', 'con', 'por', 'como', 'una', 'pero', 'quiero', 'tengo', 'saya', 'aku', 'mau', 'bisa', 'yang', 'untuk', 'dengan', 'gak', 'tidak', 'ich', 'und', 'nicht', 'der', 'die', 'das', 'ist',
  // Albanian shares "se", "ka", "me" with Roman Urdu: "ajo s'don me shku n polici se ka frike"
  'ajo', 'une', 'nuk', 'don', 'shku', 'shkoj', 'eshte', 'jam', 'jom', 'kom', 'edhe', 'qe', 'frike', 'polici', 'policine', 'motra', 'vellai', 'shefi', 'mire', 'nje', 'duhet', 'mundem', 'mund',
  // and Serbian: "i ne mogu da nađem novi posao ... da li postoji neka pomoc"
  'li', 'mogu', 'postoji', 'neka', 'hocu', 'zivim', 'godina', 'posao', 'pomoc', 'vratim', 'kuci', 'nadjem', 'nadem', 'vec', 'novi']);

/** Words so common in several ways of writing that alone they say nothing. */
function countIn(set: ReturnType<typeof phraseSet>, tokens: readonly string[]): number {
  let n = 0;
  // A word said twice is one mark ("do i do it here": not two of Roman Urdu).
  for (const t of new Set(tokens)) if (set.has([t])) n++;
  return n;
}

export type WritingVariant = 'roman-urdu' | 'pidgin' | 'darija';

/**
 * The language a message is evidence of, from the way it is written: two or more marks of Roman
 * Urdu, Pidgin or Darija in Latin letters, more than of the others. Undefined when there is no such
 * evidence (the detector decides) — never from one word.
 */
export function languageEvidence(text: string): { lang: Lang; variant: WritingVariant } | undefined {
  if (/[\u0600-\u06FF\u0400-\u04FF]/.test(text)) return undefined;
  const tokens = words(text);
  if (tokens.length < 2) return undefined;
  const scores: [WritingVariant, Lang, number][] = [
    ['roman-urdu', 'ur', Math.max(0, countIn(ROMAN_URDU, tokens) - countIn(NOT_ROMAN_URDU, tokens))],
    ['pidgin', 'en', Math.max(0, countIn(PIDGIN, tokens) - countIn(NOT_PIDGIN, tokens))],
    // Arabic in Latin letters of any dialect: a word with a digit for a letter ("beta3y", "3ando", "2aly") is a mark too.
    ['darija', 'ar', countIn(DARIJA, tokens) + new Set(tokens.filter((t) => ARABIZI_DIGIT.test(t) && !NOT_ARABIZI.test(t) && !countIn(DARIJA, [t]))).size],
  ];
  scores.sort((a, b) => b[2] - a[2]);
  const [best, second] = scores;
  if (best![2] >= 2 && best![2] > second![2]) return { lang: best![1], variant: best![0] };
  return undefined;
}

/**
 * Words that, in a message of one to four words, say its language on their own: "danke", "bitte
 * hilfe", "hvala", "pomoć", "3afak", "merci bzaf", "Здраво". Shared words ("salam", "ok",
 * "merci", "termin") are not here: a greeting shared by Arabic, Urdu and Darija says nothing.
 */
const SHORT_WORDS: Partial<Record<Lang, ReturnType<typeof phraseSet>>> = {
  de: phraseSet(['danke', 'dankeschon', 'bitte', 'hallo', 'servus', 'moin', 'tschuss', 'guten', 'hilfe', 'brauche', 'ich', 'und', 'nicht', 'keine', 'kein', 'gehts', 'geht', 'moglich', 'genau', 'wo ist', 'wie', 'nein', 'morgen', 'ubermorgen', 'uhr', 'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonntag', 'nachste', 'nachsten', 'woche', 'vormittag', 'nachmittag', 'kommen', 'mochte', 'hatte', 'gern', 'gerne', 'vielen', 'grussgott', 'gruss', 'mahlzeit']),
  sr: phraseSet(['hvala', 'zdravo', 'pomoc', 'pomozite', 'molim', 'treba', 'trebam', 'dobar', 'dobro', 'jutro', 'vece', 'kako', 'gde', 'gdje', 'posao', 'radim', 'nemam', 'hocu', 'zelim', 'moze', 'nije', 'sta', 'zasto', 'nemacka', 'nemackoj', 'nemacku', 'pozdrav', 'pozdrav svima', 'savetnik', 'razgovor', 'daj mi', 'dajte mi', 'operatera', 'spojite', 'necu', 'coveka', 'covekom', 'zivog', 'jel moze', 'mogu li', 'kolika', 'koliko']),
  id: phraseSet(['kalau', 'kalo', 'gimana', 'bagaimana', 'caranya', 'saya', 'aku', 'bisa', 'tidak', 'gak', 'nggak', 'ngga', 'dong', 'aja', 'sih', 'makasih', 'terima kasih', 'jerman', 'kuliah', 'berapa', 'mau', 'yang', 'untuk', 'dengan', 'juga', 'sudah', 'udah', 'belum', 'kak', 'mbak', 'tolong', 'boleh', 'selamat', 'pagi', 'siang', 'malam', 'kerja', 'besok', 'minggu depan']),
  // "salam bhai", "assalam o alaikum ji": the word beside the shared greeting says Urdu.
  ur: phraseSet(['bhai', 'bhaijan', 'bhaiya', 'bhayya', 'yaar', 'janab', 'ji', 'shukriya', 'meherbani', 'khuda hafiz', 'allah hafiz', 'kya haal', 'haal hai', 'aap', 'theek', 'mujhe', 'chahiye', 'kaise', 'baat']),
  ar: phraseSet(['shukran', 'chokran', 'choukran', 'shokran', 'afak', 'kifach', 'kifash', 'bzaf', 'bezzaf', 'labas', 'wakha', 'mzyan', 'mezyan', 'daba', 'dyal', 'dyali', 'bghit', 'khoya', 'khouya', 'wach', 'chno', 'achno', 'ezayak', 'ezayek', 'izzayak', 'ahlan', 'marhaba', 'sahbi', 'kidayr', 'kidayra', 'walo', 'baraka', 'hamdoulah', 'lhamdoulah', 'lhamdullah', 'hamdullah', 'smhli', 'smahli', 'kayn', 'kayna', 'bslama', 'tbarkallah', 'mashi mushkil', 'ma3lich', 'maalesh']),
};

/** A word with a digit for an Arabic letter: "3afak", "m3a", "9bel", "7ta", "sa3a" (not "3rd", "9am", "2pm"). */
const ARABIZI_DIGIT = /^(?:[a-z]*[a-z][2379][a-z]+|[2379][a-z]{2,})$/;
const NOT_ARABIZI = /^\d+(?:st|nd|rd|th|am|pm|h|hr|hrs|min|mins|km|kg|ans|jahre|eur|usd)$/;

/**
 * The language of a short message from its words alone, where a detector has too little to go on:
 * Serbian in Cyrillic, Arabic written in Latin letters with digits, and the unmistakable words of
 * German, Serbian and Darija. Undefined when the words say nothing or point two ways. German words
 * that people of every language use for the routes ("Ausbildung", "Chancenkarte") are not among them.
 */
export function shortMessageLanguage(text: string): Lang | undefined {
  if (/[\u0400-\u04FF]/.test(text)) return 'sr';
  const tokens = words(text);
  if (!tokens.length || tokens.length > 10) return undefined;
  // One such word in up to six words ("Termin in Casablanca morgen um 10"), two in up to ten.
  const needed = tokens.length <= 6 ? 1 : 2;
  const found = new Set<Lang>();
  const distinct = [...new Set(tokens)].map((t) => [t]);
  for (const [lang, set] of Object.entries(SHORT_WORDS) as [Lang, ReturnType<typeof phraseSet>][]) {
    let hits = 0;
    for (const t of distinct) if (set.has(t)) hits++;
    if (hits >= needed || (needed === 1 && set.has(tokens))) found.add(lang);
  }
  const arabizi = tokens.filter((t) => ARABIZI_DIGIT.test(t) && !NOT_ARABIZI.test(t)).length;
  if (arabizi >= needed) found.add('ar');
  return found.size === 1 ? [...found][0] : undefined;
}
