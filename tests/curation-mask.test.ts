/**
 * The curator's queue keeps a person's question only masked: phone numbers (in Latin,
 * Arabic-Indic and Urdu digits), e-mail addresses, ids and booking references, and names the
 * person gave ("my name is ...", in the nine languages, or the name they booked with). The
 * question's wording stays, so a curator can still tell what was asked.
 */
import { describe, expect, it } from 'vitest';
import { maskPersonalData } from '../src/curation/mask.js';

describe('maskPersonalData', () => {
  it.each([
    ['en', 'my name is Amina Diallo, call +233 24 111 2223 about AB1234567', 'my name is [name], call [phone] about [id]'],
    ['fr', 'je m’appelle Jean-Pierre et mon email est jp.dupont@mail.fr', 'je m’appelle [name] et mon email est [email]'],
    ['ar', 'اسمي أحمد ورقمي ٠٥٥١٢٣٤٥٦٧ كيف أحصل على تأشيرة', 'اسمي [name] ورقمي [phone] كيف أحصل على تأشيرة'],
    ['ur', 'میرا نام عمران ہے، میرا نمبر ۰۳۰۰۱۲۳۴۵۶۷ ہے', 'میرا نام [name] ہے، میرا نمبر [phone] ہے'],
    ['ur (Roman)', 'mera naam Bilal hai, visa kaise milega', 'mera naam [name] hai, visa kaise milega'],
    ['de', 'ich heiße Arta und meine Buchung ist KXHPTW', 'ich heiße [name] und meine Buchung ist [id]'],
    ['id', 'nama saya Siti, paspor saya A1234567', 'nama saya [name], paspor saya [id]'],
    ['sr', 'zovem se Marko, broj 064 123 4567', 'zovem se [name], broj [phone]'],
    ['sr (Cyrillic)', 'зовем се Марко, мој број је 064 123 4567', 'зовем се [name], мој број је [phone]'],
    ['es', 'me llamo María José y mi caso es 2024-ABC-99', 'me llamo [name] y mi caso es [id]'],
    ['sq', 'emri im është Arbër, email arber@example.al', 'emri im është [name], email [email]'],
    ['en, weak cue', "I'm Kofi Mensah from Kumasi", "I'm [name] from Kumasi"],
  ])('%s', (_lang, text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
  });

  it('keeps what is not personal: years, amounts, levels, places and feelings', () => {
    for (const text of ['how much salary do I need for the EU Blue Card in 2026? 45000 euros', 'B2 German course, A1 level, where in Tirana', 'I am worried about my visa', 'je suis perdu', 'THE VISA IS REFUSED WHAT NOW']) {
      expect(maskPersonalData(text)).toBe(text);
    }
  });

  it('masks the name the person gave the assistant wherever it appears, in any case', () => {
    expect(maskPersonalData('can FATOU work in germany? fatou is my sister', ['Fatou Ndiaye'])).toBe('can [name] work in germany? [name] is my sister');
  });
});
