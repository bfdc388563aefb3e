/** Requests, replies at a step, language and courtesy, as people write them (pure functions). */
import { findPlace } from '../src/booking/gazetteer.js';
import { describe, expect, it } from 'vitest';
import { recogniseCourtesy } from '../src/understanding/courtesy.js';
import { languageEvidence, requestedLanguage, shortMessageLanguage } from '../src/understanding/language.js';
import { extractContact, extractName, meansThisNumber, yesNo } from '../src/understanding/replies.js';
import { cancelAskedAbout, findReference, keepsTime, mentionedPlaces, recogniseRequest, requestBeside, statedPlace } from '../src/understanding/requests.js';
import { holdsSomeoneBack } from '../src/understanding/worried.js';
import { isSetback } from '../src/understanding/setback.js';
import { matchDay, matchTime } from '../src/understanding/when.js';

describe('requests', () => {
  it.each([
    ['i wan book appointment for accra office', 'book'],
    ['hi i need appointment in tamale', 'book'],
    ['hello sir i need appointment in accra', 'book'],
    ['salam 3likom, bghit nakhod maw3id f lmarkaz dyal casa', 'book'],
    ['min, daftar konsultasi di bandung buat lusa jam 1 siang bisa?', 'book'],
    ['my appointment', 'myAppointment'],
    ['parler à un conseiller', 'human'],
    ['bghit nhder m3a chi wahed', 'human'],
    ['nheb na7ki m3a 3abd mel centre', 'human'],
    ['kisi insan se baat karwa do', 'human'],
    ['Да ли могу да разговарам са неким из центра?', 'human'],
    ['something came up at work, pls cancel it', 'cancel'],
    ['ah en fait demain je pars en mer, on peut deplacer le rdv a jeudi?', 'move'],
    ['ok, hocu da obrisete sve sto imate o meni', 'delete'],
    ['en français stp', 'language'],
    ['find a centre near me', 'findCentre'],
    ['where is the nearest office', 'findCentre'],
    ['wo ist das nächste Zentrum', 'findCentre'],
    ['salam, mere sab se qareeb center kahan hai', 'findCentre'],
    ['ou se trouve le centre le plus proche de chez moi', 'findCentre'],
    ['وين أقرب مركز؟', 'findCentre'],
    ['najbliži centar?', 'findCentre'],
    ['kantor terdekat di mana ya', 'findCentre'],
    ['kann ich bitte mit ein Mensch reden vom Zentrum', 'human'],
    ['مجھے کسی آدمی سے بات کرنی ہے', 'human'],
    ['boleh ngobrol sama manusia aja?', 'human'],
    ['make i come una office next week', 'book'],
    ['ok stop', 'stop'],
    ['خلاص بس', 'stop'],
    ['3tini lmenu', 'menu'],
    ['سمحلي تلفات ليا، لغي الموعد ديالي', 'cancel'],
    ['i go travel go lagos for january, i fit check una there?', 'findCentre'],
    ['karachi mein appointment milegi kya', 'book'],
  ])('%s -> %s', (text, kind) => expect(recogniseRequest(text)?.kind).toBe(kind));

  it('reads a reference', () => {
    expect(recogniseRequest('Y7QBSY')).toEqual({ kind: 'myAppointment', reference: 'Y7QBSY' });
    expect(recogniseRequest('mera appointment check karna hai, reference K4TQ9Z hai')).toEqual({ kind: 'myAppointment', reference: 'K4TQ9Z' });
  });

  it.each(['en fait jpeux pas venir, annule le rdv stp', 'quiero cancelar la cita', 'الغي الموعد', 'Termin absagen bitte', 'batalkan janji saya', 'appointment cancel kar do', 'cancel K4TQ9Z'])('%s names what it cancels: done at once', (t) =>
    expect(recogniseRequest(t)).toMatchObject({ kind: 'cancel', explicit: true }),
  );
  it.each(['something came up at work, pls cancel it', 'cancel kar do bhai'])('%s does not say what: asked first', (t) => expect(recogniseRequest(t)).toEqual({ kind: 'cancel' }));
  it('leaves questions alone', () => {
    for (const q of ['wetin i suppose carry come for the appointment?', 'I want to learn German', 'is the nearest centre open on saturday?', 'where is the nearest german embassy office', 'wahan ka timing kya hai, jumma ko khula hota hai?', 'do I have to pay for the appointment?', 'faut il payer pour prendre un rdv', 'janji temu harus bayar gak?', 'واش الموعد خاصو فلوس؟', "w wach khass l'allemand 9bel ma nmchi?", 'how do I get a visa']) expect(recogniseRequest(q)).toBeUndefined();
  });
});

describe('what a longer message tells', () => {
  it.each([
    ['je suis pecheur a mbour. mon cousin veut partir', 'mbour'],
    ['ku eshte zyra juaj? jam ne durres', 'durres'],
    ['I am a tailor in Kumasi, can I work in Germany?', 'kumasi'],
    ['mai multan me rehta hun, kya karun', 'multan'],
  ])('%s mentions being in %s', (t, place) => expect(mentionedPlaces(t)).toContain(place));
  it.each(['bisa diganti ke kamis aja gak? jamnya sama', 'can we move it to friday, same time?', 'on peut changer pour jeudi a la meme heure', 'geht Donnerstag zur gleichen Uhrzeit?'])('%s keeps the hour', (t) => expect(keepsTime(t)).toBe(true));
  it('a new day alone does not keep the hour', () => expect(keepsTime('can we change it to thursday?')).toBe(false));
  it('reads a town before the Urdu "from" and "in" ("ہم سیالکوٹ سے ہیں")', () => expect(mentionedPlaces('میرا بھائی باہر جانا چاہتا ہے، ہم سیالکوٹ سے ہیں')).toHaveLength(1));
  // Candidates only: the word after "au" is looked up and is no town.
  it('a sentence with no place in it mentions none', () => expect(mentionedPlaces('il a deja donne 400 000 au capitaine').filter((c) => findPlace(c))).toEqual([]));
  it('a town after "in" anywhere is a candidate ("bghit nbda projet sghir f tanja")', () => expect(mentionedPlaces('bghit nbda projet sghir f tanja')).toContain('tanja'));
  it.each(['comment je peux le convaincre de pas partir?', 'wetin i fit tell am make e no go', 'how can I convince my brother not to leave?', 'kaise samjhaun usko ke na jaye', 'wie kann ich ihn davon abbringen zu gehen?'])('%s: someone is held back from leaving', (t) =>
    expect(holdsSomeoneBack(t)).toBe(true),
  );
  it('convincing alone needs the journey just talked about', () => {
    expect(holdsSomeoneBack('how do I convince him? he does not listen')).toBe(false);
    expect(holdsSomeoneBack('how do I convince him? he does not listen', true)).toBe(true);
  });
});

describe('replies at a step', () => {
  it.each(['yes o', 'oui', 'wakha', 'haan ji', 'ee', 'po', 'da', 'sí claro', '👍', "ok let's do it", 'oui c bon', 'اي نعم اكد', 'може', 'jo, passt', 'ajde', 'хајде може'])('%s is yes', (t) => expect(yesNo(t, 'de')).toBe('yes'));
  it.each(['no', 'non merci', 'nahi', 'ma ipak ne, otkazi to'])('%s is no', (t) => expect(yesNo(t, 'sr')).toBe('no'));
  it('a reference after its label is looked up, six capitals without a digit too; "cancel nahi karna, shift kar do" moves; "ma bghitch nhder m3a chi wahed" asks for nobody', () => {
    expect(recogniseRequest('my reference QPPKGH. abeg check am for me, e still dey?')).toEqual({ kind: 'myAppointment', reference: 'QPPKGH' });
    expect(findReference('I WANT TO TRAVEL TO GERMANY SOON')).toBeUndefined();
    expect(recogniseRequest('cancel nahi karna, jumma 11 dec ko shift kar do')?.kind).toBe('move');
    expect(recogniseRequest('ma bghitch nhder m3a chi wahed daba, ghir kan sowel')).toBeUndefined();
    expect(recogniseRequest('i dont want to wait, book me for friday in accra')).toEqual({ kind: 'book' });
    expect(recogniseRequest('ma bghitch rendez vous nhaeyan, lghih 3afak')?.kind).toBe('cancel');
  });
  it('"you be robot abi na real person?" asks what the chat is; "are you a robot? i want a real person" asks for one', () => {
    expect(recogniseRequest('you be robot abi na real person?')).toBeUndefined();
    expect(recogniseRequest("t'es un robot ou une vraie personne ?")).toBeUndefined();
    expect(recogniseRequest('are you a robot? i want to talk to a real person')).toEqual({ kind: 'human' });
  });
  it.each(['yes everything is correct go ahead and book it', 'oui tout est correct vous pouvez reserver pour moi svp'])('a long yes with nothing against it, "%s", is yes', (t) => expect(yesNo(t, 'en')).toBe('yes'));
  it.each(['yes everything is correct but i no fit come tomorrow again', 'ok i want to book at lagos instead of this one please', 'yes i do not want this appointment any more at all'])(
    'a long message opening with a yes and saying something else, "%s", is no plain yes',
    (t) => expect(yesNo(t, 'en')).toBeUndefined(),
  );
  it('settles "jo" by the language', () => {
    expect(yesNo('jo', 'sq')).toBe('no');
    expect(yesNo('jo', 'de')).toBe('yes');
  });

  it.each(['this number', 'same number pls', 'wohi number', 'nomor ini aja kak', 'ce numéro', 'هذا الرقم', 'ovaj broj', 'diese Nummer bitte', 'c mon numero ici', 'nimm die nummer von whatsapp', 'perdore kete numer', 'هذا النومرو'])('"%s" at the contact step means the number written from', (t) => expect(meansThisNumber(t)).toBe(true));
  it.each(['is this free?', 'my number is 0244 123 456', 'this number is not mine, use 0501234567'])('"%s" is not "this number"', (t) => expect(meansThisNumber(t)).toBe(false));

  const days = ['2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11', '2026-12-14'];
  it.each([
    ['tomorrow', '2026-12-08'], ['mardi', '2026-12-08'], ['الثلاثاء', '2026-12-08'], ['kal', '2026-12-08'], ['next Monday', '2026-12-14'],
    ['Montag nächste Woche', '2026-12-14'], ['8/12', '2026-12-08'], ['8 dec', '2026-12-08'], ['у петак', '2026-12-11'], ['parso', '2026-12-09'],
  ])('day %s -> %s', (t, d) => expect(matchDay(t, days, '2026-12-07')).toBe(d));
  it.each([
    ['mitwoch', '2026-12-09'], ['donerstag', '2026-12-10'], ['freitg', '2026-12-11'], ['montag 14', '2026-12-14'], ['nicht montag, mittwoch 9', '2026-12-09'],
    ['mittwoch 10 uhr', '2026-12-09'], ['tuesday 10', '2026-12-08'], ['mercredi 16', undefined],
  ])('a weekday written a letter wrong, or with its date beside it: %s -> %s', (t, d) => expect(matchDay(t, days, '2026-12-07')).toBe(d));

  const times = ['09:00', '09:30', '10:00', '10:30', '11:00', '12:00', '13:00', '13:30', '14:00'];
  it.each([
    ['10', '10:00'], ['10am', '10:00'], ['10h', '10:00'], ['١٠:٣٠', '10:30'], ['half past ten', '10:30'], ['halb elf', '10:30'],
    ['subah 11 baje', '11:00'], ['a las diez y media', '10:30'], ['٩ ونص', '09:30'], ['2pm', '14:00'], ["n'ora 1 pasdite", '13:00'],
  ])('time %s -> %s', (t, h) => expect(matchTime(t, times)).toBe(h));
  it('never reads a small number as an hour (it is an option number)', () => expect(matchTime('3', times)).toBeUndefined());
  it('reads no hour out of a time ago or an age ("rentre y a 2 mois", "25 ans")', () => {
    expect(matchTime('je suis rentre d allemagne y a 2 mois', times)).toBeUndefined();
    expect(matchTime('mera beta 12 saal ka hai', times)).toBeUndefined();
    expect(matchTime('jam 10 dan', times)).toBe('10:00');
  });
  it.each([['tmrw 10 30am', '10:30'], ['sutra u 9 i 30', '09:30'], ['te enjten ne 10 e 30', '10:30'], ['tuesday 8 10am', '10:00'], ['am 10 12 um 9', '09:00']])(
    'hour and minutes with a space or a word between: %s -> %s',
    (t, h) => expect(matchTime(t, times)).toBe(h),
  );

  it.each([
    ['my name na Abena Mensah', 'Abena Mensah'], ["je m'appelle Yassine Trabelsi", 'Yassine Trabelsi'], ['mera naam Usman Ghani hai', 'Usman Ghani'],
    ['Abena Mensah is my name', 'Abena Mensah'], ['claro, me llamo Valentina Ríos', 'Valentina Ríos'], ['Kofi', 'Kofi'], ['na Osaro Igbinedion be my name', 'Osaro Igbinedion'],
  ])('name in %s', (t, n) => expect(extractName(t)).toBe(n));

  it('finds a phone number or an email in a sentence', () => {
    expect(extractContact('08034567812 na my number, e dey for whatsapp too')).toBe('08034567812');
    expect(extractContact('٠١٠١٢٣٤٥٦٧٨')).toBe('01012345678');
    expect(extractContact('valen.rios@hotmail.com')).toBe('valen.rios@hotmail.com');
  });
});

describe('language and courtesy', () => {
  it('switches when asked, in any language', () => {
    expect(requestedLanguage('momkin b francais?')).toBe('fr');
    // the request a clause of its own beside the language the person lacks
    expect(requestedLanguage('sorry my german is not so good, english please')).toBe('en');
    expect(requestedLanguage('mon arabe est faible, en francais stp')).toBe('fr');
    expect(requestedLanguage('i speak english, but french please')).toBeUndefined();
    expect(requestedLanguage('urdu mein baat karo please')).toBe('ur');
    expect(requestedLanguage('eigentlich lieber auf Deutsch bitte')).toBe('de');
    expect(requestedLanguage('I want to learn German')).toBeUndefined();
  });
  it('reads the request in its own part of a message, the family or a course in another', () => {
    expect(requestedLanguage('pouvez-vous me répondre en français svp, mon mari va lire aussi')).toBe('fr');
    expect(requestedLanguage('my husband needs to learn german, can you answer in english?')).toBe('en');
    expect(requestedLanguage('does my wife need german, or is english enough?')).toBeUndefined();
  });
  it('offers the languages to someone who says they do not understand one, never to a question about German', () => {
    for (const text of ['kanhdr darija, ma kanfhemch l3arabiya mzyan', 'i no understand english o', 'nuk e kuptoj kete gjuhe', 'mujhe english nahi aati', 'ne razumem engleski']) {
      expect(recogniseRequest(text), text).toEqual({ kind: 'language' });
    }
    for (const text of ["I don't speak German, can I still work in Germany?", 'i dont speak german yet', "i don't understand the visa rules"]) {
      expect(recogniseRequest(text)?.kind, text).not.toBe('language');
    }
  });
  it('finds the other request beside a language asked for', () => {
    expect(requestBeside('write in english please. i want an appointment in lagos')?.kind).toBe('book');
    expect(requestBeside('auf Deutsch bitte')).toBeUndefined();
  });
  it('reads Roman Urdu, Pidgin and Darija from more than one word', () => {
    expect(languageEvidence('assalam o alaikum mujhe lahore wale center mein appointment chahiye')?.lang).toBe('ur');
    expect(languageEvidence('i wan talk to real person abeg')?.lang).toBe('en');
    expect(languageEvidence('salam bghit nhder m3a chi wahed')?.lang).toBe('ar');
    expect(languageEvidence('salam')).toBeUndefined();
  });
  it.each([
    ['hello o, how una dey', 'howAreYou'], ['assalam o alaikum bhai', 'greeting'], ['aoa bhai', 'greeting'], ['aslema', 'greeting'], ['thank you', 'thanks'], ['merci bzaf khoya', 'thanks'], ['Bist du ein Mensch oder ne KI?', 'whoAreYou'],
  ])('%s is %s', (t, k) => expect(recogniseCourtesy(t)).toBe(k));
  it('a question with thanks is a question', () => expect(recogniseCourtesy('thanks, and how long does it take?')).toBeUndefined());
});

describe('bad news told', () => {
  it.each(['mera visa teesri baar reject ho gaya', 'mon visa a été refusé encore une fois', 'mein Visum wurde schon wieder abgelehnt', 'تأشيرتي انرفضت للمرة الثانية', 'visa saya ditolak lagi', 'më refuzuan vizën', 'odbili su mi vizu', 'me negaron la visa otra vez', 'my visa application was rejected'])('%s is a setback', (t) => expect(isSetback(t)).toBe(true));
  it.each(['how do I apply for a visa?', 'I refused the job offer', 'reject', 'mera visa kab aayega'])('%s is not', (t) => expect(isSetback(t)).toBe(false));
});

describe('German, Serbian, Darija and Pidgin people, in one or two words', () => {
  it.each([
    ['bitte einen Menschen', 'human'], ['Mitarbeiter bitte', 'human'], ['persönliche Beratung bitte', 'human'], ['gibt es jemanden, mit dem ich reden kann', 'human'], ['kann mich jemand anrufen', 'human'],
    ['treba mi čovek, ne bot', 'human'], ['povežite me sa nekim', 'human'], ['живи човек молим', 'human'], ['može neko da me pozove', 'human'], ['daj mi nekog iz centra', 'human'],
    ['Termin Accra Freitag', 'book'], ['Beratungstermin in Tunis, Dienstag vormittag', 'book'], ['Ich will nächsten Montag nach Erbil ins Zentrum kommen', 'book'], ['rdv casa demain', 'book'],
    ['ich brauche Hilfe', 'menu'], ['help', 'menu'], ['necesito ayuda por favor', 'menu'],
  ])('%s -> %s', (text, kind) => expect(recogniseRequest(text)?.kind).toBe(kind));
  it.each(['termin wie lange dauert das', 'wie viele Mitarbeiter hat das Zentrum', 'appointment is free?'])('%s is no request to book or for a person', (t) => expect(['book', 'human']).not.toContain(recogniseRequest(t)?.kind));

  it.each([
    ['danke', 'de'], ['bitte', 'de'], ['brauche hilfe', 'de'], ['Termin in Casablanca morgen um 10', 'de'], ['hvala', 'sr'], ['pomoć', 'sr'], ['Здраво', 'sr'],
    ['3afak', 'ar'], ['kifach', 'ar'], ['merci bzaf', 'ar'], ['labas 3lik', 'ar'], ['shukran', 'ar'],
  ])('%s is %s', (t, lang) => expect(shortMessageLanguage(t)).toBe(lang));
  it.each(['hello', 'ok', 'salam', 'merci', '10am', 'see you on the 3rd', 'termin', 'I need help with my Ausbildung'])('%s says no language alone', (t) => expect(shortMessageLanguage(t)).toBeUndefined());

  it.each([['how far', 'howAreYou'], ['wetin dey happen', 'howAreYou'], ['how far, wetin dey happen', 'howAreYou'], ['i dey o', 'ok'], ['i dey fine', 'ok'], ['mir geht es gut', 'ok'], ['dobro sam, hvala', 'thanks'], ['lhamdoulah', 'ok']])('%s is %s', (t, kind) => expect(recogniseCourtesy(t)).toBe(kind));
  it('"i dey for lagos" is no small talk', () => expect(recogniseCourtesy('i dey for lagos')).toBeUndefined());
});

describe('two languages named, one of them not the person\'s', () => {
  it.each([
    ['wach t9dar tjawbni b lfrancais? mafhamtch mzyan l3arbiya lmktouba', 'fr'], ['Ich spreche kein Englisch, bitte auf Deutsch', 'de'], ['eh susah ternyata, balik ke bahasa indonesia lagi ya kak', 'id'],
    ['hablas español? no hablo ingles', 'es'], ['super. ipak mi pisi na engleskom, saljem bratu koji ne zna srpski', 'en'], ['sorry my german is not good, can we do english', 'en'], ['ne shqip ju lutem', 'sq'],
  ])('%s -> %s', (t, lang) => expect(requestedLanguage(t)).toBe(lang));
  it.each(['i go to english class', 'the course is in english or german?'])('%s asks for none', (t) => expect(requestedLanguage(t)).toBeUndefined());
});

describe('days said the way people say them', () => {
  const days = ['2026-12-08', '2026-12-09', '2026-12-10', '2026-12-13', '2026-12-14', '2026-12-15'];
  it.each([['يوم الحد الجاي', '2026-12-13'], ['dimanche prochain', '2026-12-13'], ['next tuesday', '2026-12-15'], ['next Monday', '2026-12-14']])('%s on a Monday is %s', (t, d) => expect(matchDay(t, days, '2026-12-07')).toBe(d));
  it('واخا is yes', () => expect(yesNo('واخا', 'ar')).toBe('yes'));
});

describe('complaints and "robot or person?" in more words', () => {
  it.each([['ihr antwortet nie richtig, total nutzlos', 'complaint'], ['tu comprends rien', 'complaint'], ['jesi ti robot ili pravi covek?', 'whoAreYou']])('%s -> %s', (t, k) => expect(recogniseCourtesy(t)).toBe(k));
});

describe('where the person says they are', () => {
  it.each([['i dey for lagos', 'lagos'], ['je suis à sfax', 'sfax'], ['main lahore mein hoon', 'lahore'], ['sy di bandung', 'bandung'], ['ich wohne in Erbil', 'erbil'], ['ana f tanja daba', 'tanja'], ['rani f wahran', 'wahran'], ['انا فوجدة', 'فوجده']])('%s -> %s', (t, p) => expect(statedPlace(t)).toBe(p));
  it.each(['i am in trouble with my agent and he took my passport', 'how do i get a visa', 'hi'])('%s names no place of stay', (t) => expect(statedPlace(t)).toBeUndefined());
});

describe('the emergency number asked for', () => {
  it('is read in the words people use, and not in an ordinary question', async () => {
    const { asksEmergencyNumber } = await import('../src/understanding/emergency-asked.js');
    for (const text of ['emergency number kya hai pakistan ka', 'c quoi le numero d urgence au maroc', 'رقم الطوارئ في الأردن', 'nomor darurat polisi berapa', 'numri i policise ne shqiperi']) {
      expect(asksEmergencyNumber(text), text).toBe(true);
    }
    for (const text of ['how do I renew my passport', 'what number do I call to book an appointment?']) expect(asksEmergencyNumber(text), text).toBe(false);
  });
});

describe('a cancellation asked about, not ordered', () => {
  it.each(['if i get sick can i cancel my appointment?', 'kalau sakit bisa batal janji?', 'wenn ich krank bin, kann ich den termin absagen', 'ممكن الغي الموعد اذا ما قدرت اجي'])('%s asks', (t) => expect(cancelAskedAbout(t)).toBe(true));
  it.each(['en fait je peux pas venir, annule le rdv stp', 'perdon, me surgio un examen ese dia, quiero cancelar la cita', 'abeg cancel my appointment'])('%s orders', (t) => expect(cancelAskedAbout(t)).toBe(false));
});
