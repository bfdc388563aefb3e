import { describe, expect, it } from 'vitest';
import { langFromLocale } from '../src/core/lang.js';
import { createLanguageDetector } from '../src/i18n/detect.js';
import { loadLocales } from '../src/i18n/index.js';
import { PATHS } from '../src/paths.js';
import { languageSamples, loadKnowledge } from '../src/knowledge/open.js';

const locales = loadLocales(PATHS.locales);
const detect = createLanguageDetector(locales.vocabulary, languageSamples((await loadKnowledge()).kb, locales));

describe('language of a first message', () => {
  const greetings: [string, string][] = [
    ['hello', 'en'], ['Hi', 'en'],
    ['bonjour', 'fr'], ['Bonsoir', 'fr'], ['slt', 'fr'],
    ['مرحبا', 'ar'], ['salam', 'ar'], ['السلام عليكم', 'ar'],
    ['hallo', 'de'], ['Guten Tag', 'de'],
    ['assalam o alaikum', 'ur'], ['السلام علیکم', 'ur'],
    ['halo', 'id'], ['selamat pagi', 'id'],
    ['përshëndetje', 'sq'], ['pershendetje', 'sq'], ['tung', 'sq'],
    ['zdravo', 'sr'], ['dobar dan', 'sr'],
    ['hola', 'es'], ['buenos días', 'es'],
    ['aslema', 'ar'], ['ازيك', 'ar'], ['sba7 lkhir', 'ar'],
  ];
  for (const [text, lang] of greetings) it(`"${text}" is ${lang}`, () => expect(detect(text)).toBe(lang));

  it('reads longer text with the trigram model and the script', () => {
    expect(detect('Je voudrais travailler en Allemagne comme infirmière, comment faire ?')).toBe('fr');
    expect(detect('Ich möchte in Deutschland eine Ausbildung machen, was brauche ich dafür?')).toBe('de');
    expect(detect('Quiero estudiar en Alemania, ¿cuánto dinero necesito en la cuenta bloqueada?')).toBe('es');
    expect(detect('Saya ingin bekerja di Jerman sebagai perawat, bagaimana caranya?')).toBe('id');
    expect(detect('کیا میں جرمنی میں کام کر سکتا ہوں؟')).toBe('ur');
    expect(detect('هل يمكنني العمل في ألمانيا بشهادتي؟')).toBe('ar');
    expect(detect('je veux travailler en allemagne')).toBe('fr');
    expect(detect('blue card salary 2026?')).toBe('en');
    expect(detect('kerja di jerman gimana')).toBe('id');
    expect(detect('sta mi treba za vizu')).toBe('sr');
    expect(detect('si mund te punoj ne gjermani')).toBe('sq');
    expect(detect('cuanto cuesta la visa')).toBe('es');
    // a degree or a level ("S2", "B2") is not Arabizi: the sentence is still read
    expect(detect('aku mau lanjut kuliah S2 di jerman, biayanya berapa ya')).toBe('id');
    expect([undefined, 'ur']).toContain(detect('germany me kaam kaise milega')); // Roman Urdu: unsure is fine, wrong is not
    expect([undefined, 'ar']).toContain(detect('kifach n9der nkhdem f almania')); // Arabizi: likewise
  });

  it('reads Iraqi Arabic with چ and گ as Arabic, Urdu by its own letters', () => {
    expect(detect('اريد احچي ويا واحد بمركز اربيل')).toBe('ar');
    expect(detect('ساعات اگول احسن شي اختفي')).toBe('ar');
    expect(detect('مجھے جرمنی میں کام چاہیے')).toBe('ur');
    expect(detect('کیا آپ مدد کر سکتے ہیں')).toBe('ur');
  });

  it('is unsure about very short or meaningless text', () => {
    expect(detect('ok')).toBeUndefined();
    expect(detect('???')).toBeUndefined();
  });

  it('reads channel locale hints', () => {
    expect(langFromLocale('fr-FR')).toBe('fr');
    expect(langFromLocale('sr-Latn-RS')).toBe('sr');
    expect(langFromLocale('hr')).toBe('sr');
    expect(langFromLocale('in')).toBe('id');
    expect(langFromLocale('pt-BR')).toBeUndefined();
    expect(langFromLocale(undefined)).toBeUndefined();
  });
});
