/**
 * Understanding in the light of the conversation (pure functions): the words of a request are not
 * a place, "there" points back at the place named before, a name introduced with "call me" is a
 * name, "who is behind this?" is small talk, a question about needing a language is not a request
 * to switch, and one English word said twice is not Roman Urdu.
 */
import { describe, expect, it } from 'vitest';
import { findPlace } from '../src/booking/gazetteer.js';
import { recogniseCourtesy } from '../src/understanding/courtesy.js';
import { languageEvidence, requestedLanguage, shortMessageLanguage } from '../src/understanding/language.js';
import { extractName, introducesName } from '../src/understanding/replies.js';
import { placeWords, pointsThere, recogniseRequest } from '../src/understanding/requests.js';
import { matchTime } from '../src/understanding/when.js';

describe('the words of a request are not a place', () => {
  it.each([
    'pengen bicara sama orang asli aja, bukan bot',
    'saya mau bicara dengan petugas, bukan bot ya',
    'i wan talk to real person abeg',
  ])('%s names no town', (text) => {
    expect(recogniseRequest(text)?.kind).toBe('human');
    expect(findPlace(placeWords(text))).toBeUndefined();
  });

  it.each([
    ['can I talk to someone at the hawler office', 'Erbil'],
    ['bghit nhder m3a chi wahed f casa', 'Casablanca'],
    ['Kann ich mit einem Berater in Kumasi sprechen?', 'Kumasi'],
  ])('%s still names %s', (text, town) => expect(findPlace(placeWords(text))?.name).toContain(town));
});

describe('"there" points back at the place named before', () => {
  it.each(['ok make i book for there, friday 11am', 'je veux un rdv là-bas jeudi', 'بدي احجز موعد هناك', 'wahan appointment chahiye', 'ich will dort einen Termin', 'quiero una cita ahí el lunes', 'mau bikin janji di sana', 'dua nje takim atje'])(
    '%s',
    (text) => expect(pointsThere(text)).toBe(true),
  );
  it.each(['i want to book in accra', 'bghit maw3id f rabat', 'wie geht es dir'])('%s does not', (text) => expect(pointsThere(text)).toBe(false));
});

describe('a name introduced at the name step', () => {
  it.each([
    ['people call me Kwame Boateng', 'Kwame Boateng'],
    ['they call me Ama', 'Ama'],
    ["on m'appelle Samira", 'Samira'],
    ['man nennt mich Jonas Weber', 'Jonas Weber'],
    ['me dicen Lucho Pérez', 'Lucho Pérez'],
    ['ime mi je Jelena', 'Jelena'],
  ])('%s -> %s', (text, name) => {
    expect(introducesName(text)).toBe(true);
    expect(extractName(text)).toBe(name);
  });
  it('a plain request is not a name', () => {
    for (const text of ['call me please', 'i want to talk to a person', 'Kwame']) expect(introducesName(text)).toBe(false);
  });
});

describe('who is behind the chat is small talk', () => {
  it.each(['مين انتو؟ حكومة ولا ايه', 'wer seid ihr eigentlich, von der Regierung?', '¿quiénes son ustedes, del gobierno?', 'kamu siapa sih, dari pemerintah?', 'are you from the government?', 'aap kaun hain, sarkari ho?'])(
    '%s',
    (text) => expect(recogniseCourtesy(text)).toBe('whoAreYou'),
  );
  it('a question about the government is still a question', () => {
    expect(recogniseCourtesy('who are you and which documents does the government need for a work visa in germany')).toBeUndefined();
  });
});

describe('a language asked about is not a language asked for', () => {
  it.each(['does my husband need to speak German before he comes?', 'is the course in English?', 'muss ich vorher Deutsch lernen?', 'faut-il parler allemand avant de partir ?', 'perlu bisa bahasa jerman dulu?'])(
    '%s',
    (text) => expect(requestedLanguage(text)).toBeUndefined(),
  );
  it.each([
    ['can you speak german?', 'de'],
    ['in English please', 'en'],
    ['en français stp', 'fr'],
  ])('%s still switches', (text, lang) => expect(requestedLanguage(text)).toBe(lang));
});

describe('the evidence of a way of writing', () => {
  it('one word said twice is one mark', () => {
    expect(languageEvidence('so do i do it at home or do i do it over there, and how long?')).toBeUndefined();
  });
  it('two Roman-Urdu-looking words in a French sentence are not Roman Urdu', () => {
    expect(languageEvidence('c koi les risques vraiment? ils disent barca wala barsakh')).toBeUndefined();
  });
  it('Roman Urdu is still Roman Urdu', () => {
    expect(languageEvidence('mujhe lahore mein appointment chahiye')?.lang).toBe('ur');
    expect(languageEvidence('bhai agar germany ja kar asylum le lun to wahan kaam mil jaye ga?')?.lang).toBe('ur');
  });
});

describe('times of day', () => {
  it('"siang" runs from late morning', () => {
    expect(matchTime('jam 11 siang', ['11:00', '23:00'])).toBe('11:00');
    expect(matchTime('jam 1 siang', ['01:00', '13:00'])).toBe('13:00');
  });
});

describe('a language or a move said in a sentence', () => {
  it('a country named is where, not a language ("an office in serbia"); "bahasa serbia" is the language', () => {
    expect(requestedLanguage('is there a centre in serbia?')).toBeUndefined();
    expect(requestedLanguage('saya di indonesia')).toBeUndefined();
    expect(requestedLanguage('bisa pakai bahasa serbia?')).toBe('sr');
  });
  it('a request in a sentence of its own switches, whatever follows it', () => {
    expect(requestedLanguage('a mund te flasim shqip? kam punuar shume vjet ne itali dhe e kam harruar pak')).toBe('sq');
  });
  it('Roman Urdu and Indonesian from their words', () => {
    expect(languageEvidence('mujhe visa apply karni hai')?.lang).toBe('ur');
    expect(shortMessageLanguage('kak kalau mau kerja di jerman gimana ya')).toBe('id');
  });
  it('a change with a day named moves the appointment', () => {
    expect(recogniseRequest('bisa diganti hari jumat?')?.kind).toBe('move');
    expect(recogniseRequest('can we change it to friday?')?.kind).toBe('move');
    expect(recogniseRequest('how do i change my job in germany?')?.kind).not.toBe('move');
  });
});
