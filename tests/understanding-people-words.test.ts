/** Days, times, places, requests and small talk in people's own words (issue 14, second round; pure functions). */
import { describe, expect, it } from 'vitest';
import { findPlace } from '../src/booking/gazetteer.js';
import { recogniseCourtesy } from '../src/understanding/courtesy.js';
import { asksOtherLanguage, languageEvidence, requestedLanguage } from '../src/understanding/language.js';
import { withoutArabicPrefixes } from '../src/understanding/phrases.js';
import { recogniseRequest, statedPlace, withdrawsRequest } from '../src/understanding/requests.js';
import { matchDay, matchTime, namesDay } from '../src/understanding/when.js';

// Monday 7 December 2026; the centre is open on weekdays and on Sunday 13.
const TODAY = '2026-12-07';
const DAYS = ['2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11', '2026-12-13', '2026-12-14', '2026-12-16'];

describe('days as people write them', () => {
  it.each([
    ['të mërkurën', '2026-12-09'],
    ['po, t\'enjten', '2026-12-10'],
    ['e premten nese mundet', '2026-12-11'],
    ['nhar l7ad', '2026-12-13'],
    ['ينفع الحد؟', '2026-12-13'],
    ['le 10 déc', '2026-12-10'],
    ['16th of dec', '2026-12-16'],
    ['para el 14 de dic', '2026-12-14'],
    ['8. dez', '2026-12-08'],
  ])('%s -> %s', (text, day) => expect(matchDay(text, DAYS, TODAY)).toBe(day));

  it('knows a closed day as a day, so it is said to be closed and not "not understood"', () => {
    expect(matchDay("t'shtunen pas dite", DAYS, TODAY)).toBeUndefined();
    expect(namesDay('të shtunën')).toBe(true);
  });
});

describe('times as people write them', () => {
  const TIMES = ['09:00', '09:30', '10:00', '11:30', '15:00'];
  it.each([
    ['f 9 w nss', '09:30'],
    ['m3a 11 w nss', '11:30'],
    ['b3d l3chiya m3a 3', '15:00'],
    ['le 10 déc à 9h30', '09:30'],
    ['dec 14 at 10', '10:00'],
  ])('%s -> %s', (text, time) => expect(matchTime(text, TIMES)).toBe(time));

  it('never reads the day of a date as an hour', () => {
    expect(matchTime('el 10 de dic', TIMES)).toBeUndefined();
    expect(matchTime('9 december', TIMES)).toBeUndefined();
  });
});

describe('towns with an Arabic preposition written on', () => {
  it('reads the word without it after a mark no name spans', () => {
    expect(withoutArabicPrefixes(['ساكن', 'بالقاهره'])).toEqual(['ساكن', 'بالقاهره', '|', 'ساكن', 'القاهره']);
    expect(withoutArabicPrefixes(['lahore'])).toEqual(['lahore']);
  });
  it.each([
    ['ساكن بالقاهرة', 'EG'],
    ['انا رايح لعمان', 'JO'],
    ['من بغداد', 'IQ'],
    ['فیصل آباد', 'PK'],
    ['بيروت', 'LB'],
  ])('%s is in %s', (text, country) => expect(findPlace(text)?.country).toBe(country));
});

describe('requests in Pidgin, Gheg and Cyrillic', () => {
  it.each([
    ['abeg i wan talk with person for Lagos', 'human'],
    ['make i yan with somebody wey sabi', 'human'],
    ['du me fol me nji keshilltar', 'human'],
    ['a po flas me nji njeri?', 'human'],
    ['STOP', 'stop'],
    ['Стоп!', 'stop'],
    ['stani', 'stop'],
  ])('%s -> %s', (text, kind) => expect(recogniseRequest(text)?.kind).toBe(kind));

  it('leaves "stop" inside a question alone', () => {
    expect(recogniseRequest('where does the bus stop for the centre')?.kind).not.toBe('stop');
  });
});

describe('language and small talk', () => {
  it('switches to Arabic named in Darija', () => {
    expect(requestedLanguage('ktb lia b darija 3afak')).toBe('ar');
    expect(requestedLanguage('momkin bl3arbia afak')).toBe('ar');
  });
  it('reads Roman Urdu from pronouns and verbs', () => {
    expect(languageEvidence('tum kaun ho')?.lang).toBe('ur');
    expect(languageEvidence('aap kahan se ho')?.lang).toBe('ur');
    expect(languageEvidence('meri application do baar reject ho gayi')?.lang).toBe('ur');
  });
  it.each([
    ['ok', 'ok'],
    ['okay then', 'ok'],
    ['تمام', 'ok'],
    ['achha', 'ok'],
    ['u redu', 'ok'],
    ['aap kon hain?', 'whoAreYou'],
    ['tum kaun ho', 'whoAreYou'],
    ['how can you help me?', 'whoAreYou'],
    ['شو فيكم تعملولي؟', 'whoAreYou'],
    ['ايش تقدرون تسوون', 'whoAreYou'],
  ])('%s -> %s', (text, kind) => expect(recogniseCourtesy(text)).toBe(kind));
  it('"ok" with a question is the question', () => {
    expect(recogniseCourtesy('ok visa?')).toBeUndefined();
    expect(recogniseCourtesy('good job offers')).toBeUndefined();
  });
});

describe('half towards the next hour, and more ways to say a day', () => {
  const TIMES = ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30'];
  it.each([
    ['jam setengah sebelas', '10:30'],
    ['u pola jedanaest', '10:30'],
    ['saade das baje', '10:30'],
  ])('%s -> %s', (text, time) => expect(matchTime(text, TIMES)).toBe(time));
  it.each([
    ['na next tomorrow i fit come', '2026-12-09'],
    ['باچر الصبح', '2026-12-08'],
  ])('%s -> %s', (text, day) => expect(matchDay(text, DAYS, TODAY)).toBe(day));
});

describe('more requests and small talk across dialects', () => {
  it.each([
    ['ابغى اكلم احد من المركز', 'human'],
    ['ممكن احجي ويا موظف؟', 'human'],
    ['kann ich bitte mit jemand reden', 'human'],
    ['saya mau ngomong sama orang aja', 'human'],
    ['bghit rdv f rbat', 'book'],
    ['can i come to the office on thursday?', 'book'],
    ['bghit nji lmarkaz ghedda', 'book'],
  ])('%s -> %s', (text, kind) => expect(recogniseRequest(text)?.kind).toBe(kind));
  it('"بالعربي لو سمحت" asks for Arabic', () => expect(requestedLanguage('بالعربي لو سمحت')).toBe('ar'));
  it.each([
    ['perfect', 'ok'],
    ['كيفك؟', 'howAreYou'],
    ['are you real?', 'whoAreYou'],
    ['bonne nuit', 'bye'],
  ])('%s -> %s', (text, kind) => expect(recogniseCourtesy(text)).toBe(kind));
});

describe('months in Arabic, Urdu, and Serbian and Albanian case endings', () => {
  it.each([
    ['الخميس ١٠ ديسمبر', '2026-12-10'],
    ['۸ دسمبر کو', '2026-12-08'],
    ['u sredu, 9. decembra', '2026-12-09'],
    ['më 14 dhjetorit', '2026-12-14'],
  ])('%s -> %s', (text, day) => expect(matchDay(text, DAYS, TODAY)).toBe(day));

  it('reads January to July the same way, as months and never as weekdays', () => {
    const offered = ['2027-05-22', '2027-05-24', '2027-06-15', '2027-01-11'];
    expect(matchDay('15 جون', offered, '2027-05-20')).toBe('2027-06-15'); // Urdu June, not Saturday 22 May
    expect(matchDay('جون', offered, '2027-05-20')).toBeUndefined();
    expect(matchDay('11 يناير', offered, '2027-01-01')).toBe('2027-01-11');
    expect(matchDay('يناير', ['2027-05-24'], '2027-05-20')).toBeUndefined(); // January, not Monday
    expect(matchDay('15. juna', offered, '2027-05-20')).toBe('2027-06-15');
  });
});

describe('a language asked for with Arabic and Darija verbs', () => {
  it.each([
    ['ممكن تحكي معي بالانجليزي', 'en'],
    ['hder m3aya b lfransawiya', 'fr'],
    ['kteb lia b l3arbia', 'ar'],
  ])('%s -> %s', (text, lang) => expect(requestedLanguage(text)).toBe(lang));
  it('a language to learn is not the chat language', () => expect(requestedLanguage('لازم اتكلم الماني قبل السفر؟')).toBeUndefined());
});

describe('small talk without a miss: robots, praise, laughter, signs and complaints', () => {
  it.each([
    ['r u a bot or real?', 'whoAreYou'],
    ['inta bot wala insan', 'whoAreYou'],
    ['bist du ein roboter oder was', 'whoAreYou'],
    ['jesi li ti bot', 'whoAreYou'],
    ['a je bot ti?', 'whoAreYou'],
    ['tell me a funny joke pls', 'whoAreYou'],
    ['raconte moi une blague', 'whoAreYou'],
    ['تسلم يا غالي', 'thanks'],
    ['الله يعطيك العافيه', 'thanks'],
    ['you are the best', 'thanks'],
    ['bravo, svaka cast', 'thanks'],
    ['wkwkwk', 'ok'],
    ['هههههه', 'ok'],
    ['👌', 'ok'],
    ['🙏', 'thanks'],
    ['bro you are useless', 'complaint'],
    ['tu ne sers a rien', 'complaint'],
    ['ما بتفهم شي', 'complaint'],
  ] as const)('%s -> %s', (text, kind) => expect(recogniseCourtesy(text)).toBe(kind));

  it.each(['robot jobs in germany?', 'nul part ou aller, aidez moi', 'main bekar hoon kaam chahiye', 'awesome job offers in germany where', 'is a bot job legal'])('%s is not small talk', (text) => {
    expect(recogniseCourtesy(text)).toBeUndefined();
  });
});

describe('another language asked in a sentence', () => {
  it.each([
    ['ممكن تكلمني فرنساوي؟ مراتي هتقرا', 'fr'],
    ['کیا آپ فرنچ میں بات کر سکتے ہیں؟', 'fr'],
    ['désolé, je préfère continuer en anglais parce que mon clavier arabe ne marche pas bien sur ce vieux portable', 'en'],
    ['sorry I will continue in French because my cousin reads the messages and he does not read English at all', 'fr'],
  ])('%s -> %s', (text, lang) => expect(requestedLanguage(text)).toBe(lang));
  it('a long message that only mentions a language asks for none', () => {
    expect(requestedLanguage('my brother works in a french company in Casablanca and he wants to know how he can move to Germany with his family next year')).toBeUndefined();
  });
  it.each(['do you speak hausa?', 'bisa bahasa jawa gak kak', 'tu parles wolof ?'])('%s asks for a language we do not write in', (text) => {
    expect(asksOtherLanguage(text)).toBe(true);
    expect(recogniseRequest(text)).toEqual({ kind: 'language' });
  });
  it.each(['bisa kerja di jawa?', 'my wife is from a yoruba family'])('%s does not', (text) => expect(asksOtherLanguage(text)).toBe(false));
});

describe('small talk: what the assistant does, and how the person found it', () => {
  it.each([
    ['what can u help me with lol', 'whoAreYou'],
    ['tu fais quoi? hehe', 'howAreYou'],
    ['kya kar rahe ho bhai', 'howAreYou'],
    ['wyd', 'howAreYou'],
    ['hello, a friend gave me this number', 'greeting'],
    ['mera dost ne ye number diya', 'greeting'],
    ['ok thanks, i will write tomorrow', 'thanks'],
    ['ich melde mich später', 'bye'],
  ] as const)('%s -> %s', (text, kind) => expect(recogniseCourtesy(text)).toBe(kind));
});

describe('a request for an advisor taken back', () => {
  it.each(['never mind, I found the answer', 'laisse tomber, plus besoin merci', 'gak jadi deh kak', 'خلاص مش محتاج، شكرا', 'hat sich erledigt, danke'])('%s withdraws it', (text) => {
    expect(withdrawsRequest(text)).toBe(true);
  });
  it.each(['I found a job offer in Berlin, is it real?', 'ما بدي اروح عالسعودية، بدي المانيا'])('%s does not', (text) => expect(withdrawsRequest(text)).toBe(false));
});

describe('the place said when asked where', () => {
  it.each([
    ['je suis à Thiès', 'thies'],
    ['i dey for kumasi now', 'kumasi'],
  ])('%s -> %s', (text, place) => expect(statedPlace(text)).toBe(place));
});
