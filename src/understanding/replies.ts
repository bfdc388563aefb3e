/**
 * Replies at a step, as people write them: yes or no in every form ("yes o", "wakha", "haan ji",
 * "po", "da", "sí claro", "👍", "ok let's do it"); a name out of "my name na …", "je m'appelle …",
 * "mera naam … hai"; a phone number or an email address out of a sentence.
 * Days and times are in ./when.ts.
 */
import type { Lang } from '../core/lang.js';
import { phraseSet, words } from './phrases.js';

const YES = phraseSet([
  'akeed', 'akid', 'akkid', 'yalla', 'yallah', 'يلا', 'يالله',
  'yes', 'y', 'yeah', 'yea', 'yep', 'yup', 'ya', 'yah', 'yes o', 'yess', 'ok', 'okay', 'oky', 'okey', 'okk', 'k', 'kk', 'sure', 'of course', 'alright', 'all right', 'fine', 'that s fine', 'thats fine', 'correct', 'right', 'confirm', 'confirmed', 'go ahead', 'let s do it', 'lets do it', 'do it', 'sounds good', 'perfect', 'great', 'good', 'please do', 'yes please', 'oya', 'na so', 'e good', 'ee', 'aane', 'i agree', 'agree', 'agreed',
  'oui', 'ouais', 'ouai', 'wi', 'waaw', 'waw', 'waaw waaw', 'd accord', 'dac', 'daccord', 'c bon', 'c est bon', 'cest bon', 'parfait', 'volontiers', 'bien sur', 'vas y', 'allez y', 'confirme', 'exact', 'exactement', 'absolument', 'carrement',
  'نعم', 'ايوه', 'ايوا', 'ايه', 'اه', 'اي', 'اكيد', 'تمام', 'ماشي', 'موافق', 'موافقه', 'طيب', 'اكد', 'صح', 'اوكي', 'حاضر', 'يلا',
  'tamam', 'tmam', 'naam', 'na3am', 'aywa', 'aiwa', 'aywah', 'ayeh', 'eh', 'ih', 'اه والله', 'آره', 'اره', 'اكيد والله',
  'wakha', 'wakhha', 'waxa', 'iyeh', 'iyah', 'eyy', 'ey', 'eyh', 'ayh', 'ايه باهي', 'باهي', 'bahi', 'behi', 'mriguel', 'ah', 'safi', 'mzyan', 'ewa', 'yallah', 'واخا', 'واخه', 'صافي', 'واه', 'wah', 'waah', 'iwa', 'ewa safi', 'واه صافي', 'اه صافي', 'ايه صافي', 'مزيان', 'ايه نعم', 'يالاه', 'اوك', 'اوكيه', 'ماشي مشكل',
  'haan', 'han', 'haa', 'hanji', 'ji', 'ji haan', 'haan ji', 'theek hai', 'thik hai', 'theek', 'thik', 'bilkul', 'kar do', 'zaroor', 'zarur', 'جی', 'جی ہاں', 'ہاں', 'ہاں جی', 'ٹھیک', 'ٹھیک ہے', 'بالکل', 'ضرور',
  'ja', 'jo', 'jap', 'jawohl', 'klar', 'passt', 'gerne', 'genau', 'sicher', 'in ordnung', 'bestatigen', 'bestatige', 'mach', 'mach das', 'gut',
  'ya', 'iya', 'iyah', 'iyaa', 'oke', 'okeh', 'sip', 'boleh', 'betul', 'bener', 'benar', 'setuju', 'siap', 'tentu', 'yoi', 'mau',
  'po', 'po po', 'ne rregull', 'mire', 'dakord', 'sigurisht', 'vazhdo',
  'da', 'moze', 'naravno', 'vazi', 'potvrdjujem', 'potvrdi', 'u redu', 'vazi tako', 'svakako', 'važi', 'ajde', 'hajde',
  'si', 'claro', 'dale', 'vale', 'de acuerdo', 'por supuesto', 'confirmado', 'confirmo', 'listo', 'perfecto', 'bueno', 'esta bien', 'va',
  // "no problem" is an agreement: "jauh ya.. tp gpp, iya"
  'no problem', 'no wahala', 'pas de probleme', 'pas de souci', 'kein problem', 'no hay problema', 'no pasa nada', 'nuk ka problem', 'nema problema', 'koi baat nahi', 'koi masla nahi', 'mafi mochkil', 'ma kayn mochkil', 'مافي مشكله', 'مفيش مشكله', 'ماشي مشكل', 'gpp', 'gapapa', 'ga apa apa', 'gak apa apa', 'nggak apa apa', 'tidak apa apa', 'tidak masalah', 'gak masalah',
]);

const NO = phraseSet([
  'no', 'n', 'nope', 'nah', 'not now', 'maybe later', 'later', 'no thanks', 'no thank you', 'never mind', 'dont', 'do not', 'i don t', 'not really', 'no o',
  'non', 'pas maintenant', 'non merci', 'deedeet', 'dedet', 'pas du tout', 'laisse tomber',
  'لا', 'لاء', 'لا شكرا', 'مش دلوقتي', 'مش عايز', 'بلاش', 'la', 'lla', 'la shokran', 'machi daba',
  'nahi', 'nahin', 'nai', 'nhi', 'نہیں', 'جی نہیں', 'abhi nahi', 'rehne do',
  'nein', 'nee', 'no', 'lieber nicht', 'jetzt nicht', 'nein danke',
  'tidak', 'nggak', 'ngga', 'gak', 'ga', 'engga', 'enggak', 'ndak', 'tdk', 'jangan', 'belum',
  'jo', 'jo faleminderit', 'jo tani',
  'ne', 'nemoj', 'ne hvala', 'ne sada', 'nikako',
  'no gracias', 'ahora no', 'todavia no', 'mejor no',
]);

/** Words that may follow yes or no without changing it ("oui merci", "iya kak", "yes please o"). */
const SOFT = new Set(words('please pls plz o oh thanks thank you merci bitte danke gracias hvala faleminderit makasih terima kasih shukriya شكرا kak ji bhai sir madam khoya khouya 3afak afak te lutem molim porfa por favor svp stp so that s it thats it c est it is fine good that ok okay bon bien tout correct right go ahead let s do it confirm am now maintenant jetzt sada tani ahora sekarang abhi ab yes oui ja si da po iya ya haan'));

/** "but" in our languages: a yes followed by one is no plain yes ("yes but another day"). */
const BUT = new Set(words('but however except mais sauf aber ausser pero sino tapi namun tetapi lekin magar par lakin walakin bas بس لكن لاكن بل لیکن مگر por megjithate ali nego'));

/** Yes words that also open sentences saying something else ("ok so…", "good morning…", "ya allah…"). */
const LOOSE_YES = new Set(words('ok okay oky okey okk k kk good fine great right alright perfect ya yah eh ah ey ih han ji si va da po jo mau gut bon bien bueno dale tamam tmam'));

/** Emoji that say yes or no. */
const YES_EMOJI = /^[\s]*(?:👍|👌|✅|✔️?|🙆|👍🏻|👍🏼|👍🏽|👍🏾|👍🏿)+[\s!.]*$/u;
const NO_EMOJI = /^[\s]*(?:👎|❌|🙅|👎🏽|👎🏾|👎🏿)+[\s!.]*$/u;

/**
 * Yes or no, in any of our languages, with or without a few words around it. `lang` settles words
 * that mean yes in one language and no in another: "jo" is yes to a German speaker, no in Albanian.
 */
export function yesNo(text: string, lang?: Lang): 'yes' | 'no' | undefined {
  if (YES_EMOJI.test(text)) return 'yes';
  if (NO_EMOJI.test(text)) return 'no';
  const tokens = words(text);
  if (tokens.length > 8) {
    // "jo. nuk dua me fol me njeri tani, kam turp": a short first sentence answers, the rest says why.
    const first = text.split(/[.!;؛]|,\s/u)[0] ?? '';
    if (first.length < text.length && words(first).length <= 3) return yesNo(first, lang);
    // "yes everything is correct go ahead and book it": a yes that opens, with no no and no "but" after it.
    const opens = YES.find(tokens.slice(0, 2));
    // Not "ok …" or "good …": "ok i want lagos instead" says something else.
    return opens && opens.at === 0 && !LOOSE_YES.has(tokens[0]!) && !NO.find(tokens) && !tokens.some((t) => BUT.has(t)) ? 'yes' : undefined;
  }
  if (!tokens.length) return undefined;
  // "jauh ya.. tp gpp, iya", "c loin mais bon, oui": a last short clause that is a yes, with no no before it.
  const clauses = text.split(/[.!;,؛،]+/u).map((c) => c.trim()).filter(Boolean);
  const last = clauses.length > 1 ? clauses.at(-1)! : undefined;
  const lastWords = last ? words(last).length : 0;
  if (last && lastWords <= 2 && !NO.find(tokens.slice(0, -lastWords)) && yesNo(last, lang) === 'yes') return 'yes';
  if (tokens[0] === 'jo') return lang === 'sq' ? 'no' : lang === 'de' ? 'yes' : tokens.length === 1 ? undefined : 'yes';
  // "në rregull" is Albanian for all right, not "ne".
  if (tokens[0] === 'ne' && tokens[1] === 'rregull') return 'yes';
  if (tokens[0] === 'ne' && lang !== 'sr' && lang !== 'de' && tokens.length > 1) return undefined;
  if (tokens[0] === 'la' && lang !== 'ar') return undefined;
  if (tokens[0] === 'mau' && lang !== 'id') return undefined;
  const no = NO.find(tokens);
  const yes = YES.find(tokens);
  if (no && no.at === 0 && (!yes || yes.at > 0 || no.length > yes.length)) return 'no';
  if (yes && yes.at === 0) return 'yes';
  // "yes" after a softener: "ji haan", "kak iya", "oui merci" is caught above; "alors oui", "ma ipak ne".
  if (yes && tokens.slice(0, yes.at).every((t) => SOFT.has(t))) return 'yes';
  if (no && tokens.slice(0, no.at).every((t) => SOFT.has(t) || t === 'ma' || t === 'ipak')) return 'no';
  return undefined;
}

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const PHONE = /(?:\+|00)?[\d\u0660-\u0669\u06F0-\u06F9][\d\u0660-\u0669\u06F0-\u06F9 ().\-/]{5,}[\d\u0660-\u0669\u06F0-\u06F9]/;
const EASTERN_DIGITS: Record<string, string> = { '٠': '0', '١': '1', '٢': '2', '٣': '3', '٤': '4', '٥': '5', '٦': '6', '٧': '7', '٨': '8', '٩': '9', '۰': '0', '۱': '1', '۲': '2', '۳': '3', '۴': '4', '۵': '5', '۶': '6', '۷': '7', '۸': '8', '۹': '9' };

export function westernDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => EASTERN_DIGITS[d] ?? d);
}

/** "this number", "same one", "wohi number", "nomor ini aja", "هذا الرقم": the number the person writes from, at the contact step. */
const THIS_NUMBER = phraseSet([
  'this number', 'this one', 'same number', 'the same number', 'the same', 'use this number', 'use this one', 'my whatsapp', 'my whatsapp number', 'this whatsapp', 'whatsapp number', 'dis number', 'na dis number', 'this same number', 'call me on this number',
  'ce numero', 'ce numero la', 'le meme', 'le meme numero', 'meme numero', 'sur ce numero', 'mon whatsapp', 'mon numero whatsapp', 'c mon numero', 'c est mon numero', 'cest mon numero', 'mon numero ici', 'mon numero la', 'ce meme numero', 'le numero d ici', 'c le meme', 'c le meme numero',
  'diese nummer', 'nimm diese nummer', 'die nummer von whatsapp', 'nummer von whatsapp', 'meine whatsapp', 'die whatsapp nummer', 'dieselbe nummer', 'die gleiche nummer', 'gleiche nummer', 'die nummer hier', 'meine whatsapp nummer',
  'yehi number', 'yahi number', 'wohi number', 'wahi number', 'isi number', 'isi number pe', 'same wala', 'یہی نمبر', 'اسی نمبر',
  'nomor ini', 'nomor ini aja', 'nomor ini saja', 'no ini', 'no ini aja', 'nomor yang sama', 'nomor wa ini', 'no wa ini', 'no wa ini aja', 'nomer ini', 'nomer ini aja', 'nmr ini', 'no hp ini', 'nomor hp ini', 'pake nomor ini', 'nomor ini ya',
  'ky numer', 'ky numri', 'kete numer', 'kete numrin', 'perdor kete numer', 'perdore kete numer', 'numri i whatsapp', 'ne kete numer', 'i njejti numer', 'numri i njejte', 'ovaj broj', 'isti broj', 'na ovaj broj',
  'este numero', 'el mismo numero', 'mismo numero', 'a este numero',
  'nfs numero', 'nefs numero', 'nfs nmra', 'had nnoumrou', 'had nnumero', 'had noumrou', 'same one', 'the same one',
  'هذا الرقم', 'نفس الرقم', 'هالرقم', 'نفس هالرقم', 'على هالرقم', 'عهالرقم', 'nafs hal ra2em', 'hal ra2em', 'hal ra2m', '3ala hal ra2m', '3a hal ra2m', 'hal raqam', 'nafs el ra2m', 'هاد الرقم', 'هادا الرقم', 'هذا النومرو', 'هالنومرو', 'النومرو هذا', 'نفس النومرو', 'هاد النومرو', 'هاد النمرة', 'هاد النمرا', 'الرقم ده', 'had nmra', 'had numero', 'hedha el numero', 'hedha numero', 'hedha el noumrou', 'nafs el numero', 'el numero hedha', 'nafs nmra', 'nafs raqm', 'nafs el rakam', 'hatha el raqam', 'hatha el rakam', 'haza el raqam', 'haza el rakam', 'hadha el raqam', 'nafs el raqam', 'nafs al raqam', 'el raqam hatha', 'el raqam mal whatsapp', 'raqam el whatsapp', 'hatha raqmi', 'hada raqmi', 'nafs el ra9am', 'had raqm', 'الرقم هذا', 'على هذا الرقم',
]);

export function meansThisNumber(text: string): boolean {
  const tokens = words(text);
  return tokens.length <= 6 && THIS_NUMBER.has(tokens) && !/\d{4}/.test(text);
}

/** A phone number (7 digits or more) or an email address in the text; undefined when there is none. */
export function extractContact(text: string): string | undefined {
  const email = EMAIL.exec(text)?.[0];
  if (email) return email;
  const phone = PHONE.exec(westernDigits(text))?.[0];
  if (phone && phone.replace(/\D/g, '').length >= 7) return phone.trim();
  return undefined;
}

/** What comes before or after a name ("my name is", "je m'appelle", "mera naam … hai", "na my name"). */
const NAME_BEFORE = [
  /\b(?:my names are|my names is|my name is|my name's|my name na|my name be|my names be|name na|i am called|i'm called|dem dey call me|dem call me|they call me|people call me|call me|i am|i'm|im|it is|it's|its|this is|na)\s+/i,
  /\b(?:je m'appelle|je m appelle|on m'appelle|on m appelle|je m'apelle|mon nom est|mon nom c'est|moi c'est|moi c|c'est|je suis)\s+/i,
  /(?:اسمي هو|اسمي|انا اسمي|أنا اسمي|إسمي|اسمى|الاسم)\s+/,
  /\b(?:smiti|ana smiti|smitek)\s+/i,
  /\b(?:mera naam|mera nam|mera name|naam|name|main)\s+/i,
  /\bname\s*:\s*/i,
  /(?:میرا نام|کا نام|کی نام|نام)\s+/,
  /\b(?:ich heiße|ich heisse|mein name ist|man nennt mich|alle nennen mich|ich bin|name ist)\s+/i,
  /\b(?:nama saya|nama sy|nama sya|namaku|nama aku|nama gw|atas nama|saya)\s+/i,
  /\b(?:quhem|emri im eshte|emri im është|emri im|une jam|unë jam|jam)\s+/i,
  /\b(?:zovem se|ja sam|moje ime je|ime mi je)\s+/i,
  /(?:зовем се|ја сам|моје име је)\s+/i,
  /\b(?:me llamo|mi nombre es|me dicen|me llaman|soy|a nombre de)\s+/i,
];
// Urdu's "ہے" after the name: \b knows no Arabic letters, so it has its own alternative.
const NAME_AFTER = /\s+(?:(?:c|c est|cest|c'est) (?:mon|ma) \S+|(?:is|na) my (?:husband|wife|brother|sister|mother|mum|mama|father|papa|son|daughter)|is my name|na my name|be my name|hai|hain|hoon|likh do|likhen|likho|here|please|pls|svp|stp|bitte|kak|ya)\b.*$|\s+(?:ہے|ہیں|ہوں)(?:\s.*)?$|\s*[,.!،].*$/i;
/** Words before the name that are not part of it ("claro, me llamo …", "sure, it's …", "for my name na …"). */
const LEAD = /^(?:(?:sure|ok|okay|yes|claro|oui|ja(?!\s+sam\b)|da|po|si|sí|iya|haan|ji|well|so|and|for|alors|bon|pues|eh|ah|ta thash|ta thashe|te thashe|i told you already|i told you before|i told you|i don tell you before|i don tell you|i already told you|already told you|i said|i said already|je t ai dit|je t ai deja dit|je vous ai dit|ich hab doch gesagt|ich habe es gesagt|ya te dije|rekao sam ti|maine bataya|bataya tha|udah dibilang)[\s,]+)+/i;

/** Words that can only introduce a name ("dem dey call me", "they call me", "je m'appelle"): never a request. */
const INTRODUCES = /^(?:my name is|my name's|my name na|my name be|name na|a nombre de|au nom de|atas nama|under the name|i am called|i'm called|dem dey call me|dem call me|they call me|people call me|everybody call me|je m'appelle|je m appelle|on m'appelle|on m appelle|mon nom est|mon nom c'est|اسمي|انا اسمي|أنا اسمي|إسمي|اسمى|smiti|ana smiti|mera naam|mera name|میرا نام|ich heiße|ich heisse|mein name ist|man nennt mich|alle nennen mich|nama saya|nama sy|nama sya|namaku|nama aku|nama gw|quhem|emri im|zovem se|moje ime je|ime mi je|зовем се|моје име је|me llamo|mi nombre es|me dicen|me llaman)\s+\S/i;

/** Words that say what a contact is ("mi cel es", "my number is", "nomor wa"): never a name. */
const CONTACT_LABEL = /\b(?:my|mi|mon|ma|meine|mein|mera|meri|moj|numri|nomor|no)?\s*(?:phone|number|numbr|cell|cel|celular|mobile|whatsapp|wa|wtsp|email|e-mail|mail|numero|número|num|tel|telephone|téléphone|telefono|teléfono|correo|nummer|handynummer|handy|telefonnummer|nambar|broj|hp|kontak)(?![\p{L}])\s*(?:number|nr|no)?\s*(?:is|es|est|c'est|ist|hai|je|eshte|është|:)?/giu;

/** What is left of a reply once its contact and the words naming it are taken out ("mi cel es +221 …" -> ""). */
export function withoutContact(text: string, contact: string): string {
  return text.replace(contact, ' ').replace(CONTACT_LABEL, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * A yes and nothing else, beside words the step showed ("ja genau prishtina" where the centre was
 * named with the question): an agreement, never a name or a contact.
 */
export function onlyAgrees(text: string, lang: Lang | undefined, shown: readonly string[] = []): boolean {
  if (yesNo(text, lang) !== 'yes') return false;
  const known = shown.flatMap((s) => words(s)).filter((w) => w.length >= 3);
  // "prishtina" for Pristina shown: the same start and about the same length is the word shown.
  const isShown = (t: string) => known.some((w) => w === t || (t.length >= 5 && t.slice(0, 3) === w.slice(0, 3) && Math.abs(t.length - w.length) <= 2));
  let rest = words(text).filter((t) => !SOFT.has(t) && !LOOSE_YES.has(t) && !isShown(t));
  for (let hit = YES.find(rest); hit; hit = YES.find(rest)) rest = [...rest.slice(0, hit.at), ...rest.slice(hit.at + hit.length)];
  return rest.length === 0;
}

/** "Besnik Krasniqi", "Abena Mensah": two or three capitalised words and nothing else, a name as people type it. */
export function looksLikeFullName(text: string): boolean {
  return /^\p{Lu}[\p{Ll}'-]+(?:\s+\p{Lu}[\p{Ll}'-]+){1,2}[.!]?$/u.test(text.trim());
}

/** The reply introduces a name: at the name step it is the name, even when it holds a request's words ("call me"). */
export function introducesName(text: string): boolean {
  return INTRODUCES.test(text.trim().replace(LEAD, '')) || THIRD_PERSON_NAME.test(text) || NAME_THEN_WHO.test(text);
}

/** "Mohamed Ben Salah c mon mari", "Ama Owusu is my wife": a name, then who it is. */
const NAME_THEN_WHO = /^\s*\p{Lu}\p{L}+(?:\s+\p{L}+){0,3}\s*,?\s+(?:c|c est|cest|c'est|is|na)\s+(?:mon|ma|my)\s+(?:mari|femme|frere|frère|soeur|sœur|mere|mère|pere|père|fils|fille|husband|wife|brother|sister|mother|mum|mama|father|papa|son|daughter)\b/u;
/** The name of the person the booking is for, said anywhere: "cest pour mon mari, il sappelle Moussa". */
const THIRD_PERSON_NAME = /(?:^|[\s,.;:])(?:il s'appelle|il s appelle|il sappelle|elle s'appelle|elle s appelle|elle sappelle|son nom est|son nom c'est|his name is|her name is|his name na|her name na|sein name ist|ihr name ist|er heißt|er heisst|sie heißt|sie heisst|namanya|nama dia|uska naam|us ka naam|unka naam|اسمه|اسمها|se llama|su nombre es|njegovo ime je|njeno ime je|emri i tij|emri i saj|emri i tij eshte|emri i saj eshte)\s+/i;

/**
 * The name in a reply to "what name should the centre use?": the words after "my name is" or
 * before "is my name", without the filler. The whole reply, tidied, when it has no such words.
 */
export function extractName(text: string): string {
  let s = text.trim().replace(LEAD, '');
  // The words that start first, the longest of them ("emri im është", not "im"; "mein Name ist", not "Name"; "it's Na Young": "it's").
  let best: RegExpExecArray | undefined;
  for (const before of NAME_BEFORE) {
    const m = before.exec(s);
    if (m && m.index <= 12 && (!best || m.index < best.index || (m.index === best.index && m[0].length > best[0].length))) best = m;
  }
  const third = THIRD_PERSON_NAME.exec(s);
  if (third) s = s.slice(third.index + third[0].length);
  else if (best) s = s.slice(best.index + best[0].length);
  s = s.replace(NAME_AFTER, '').replace(/^[\s,:"'-]+|[\s,:"'.!-]+$/g, '');
  return (s || text.trim()).slice(0, 80);
}
