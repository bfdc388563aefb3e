/**
 * Who to call: the safety guidance names the numbers for the person's country (from the phone
 * number or a place they name), the coast guards at sea, the UN lines instead of the police in
 * Libya and the crisis line for self-harm, from knowledge/_safety/emergency-numbers.yaml. Driven
 * through the running server with posts signed as Twilio signs them; the data file is checked
 * against shared/FACTS.md and no withheld or unlisted number ever reaches a person.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGS } from '../src/core/lang.js';
import { createTexts, loadLocales } from '../src/i18n/index.js';
import { loadEmergencyNumbers, safetyGuidance, type EmergencyNumber } from '../src/knowledge/emergency.js';
import { PATHS, ROOT } from '../src/paths.js';
import { SAFETY_CATEGORIES } from '../src/understanding/danger.js';
import { startTestServer, type RunningServer } from './support/server.js';
import { twilioSignature } from './support/twilio-signature.js';

const TOKEN = 'test-auth-token-0123456789abcdef';
const numbers = loadEmergencyNumbers(PATHS.emergencyNumbers);
const texts = createTexts(loadLocales(PATHS.locales));
let server: RunningServer;
let sid = 0;

beforeAll(async () => {
  server = await startTestServer({ TWILIO_ACCOUNT_SID: 'AC' + '0'.repeat(32), TWILIO_AUTH_TOKEN: TOKEN, TWILIO_WHATSAPP_FROM: 'whatsapp:+14155238886' });
});
afterAll(async () => server.close());

/** What a WhatsApp person with this number reads in reply to the text. */
async function whatsapp(from: string, body: string): Promise<string> {
  sid += 1;
  const params = { MessageSid: `SM${String(sid).padStart(32, '7')}`, AccountSid: 'AC' + '0'.repeat(32), From: `whatsapp:${from}`, To: 'whatsapp:+14155238886', WaId: from.slice(1), NumMedia: '0', Body: body };
  const url = `${server.base}/webhooks/whatsapp`;
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilioSignature(TOKEN, url, params) }, body: new URLSearchParams(params).toString() });
  expect(res.status).toBe(200);
  const xml = await res.text();
  return [...xml.matchAll(/<Message>([\s\S]*?)<\/Message>/g)].map((m) => m[1]!.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&')).join('\n');
}

/** Every sentence that sends the person to the police says "if it is safe for you" (list lines name services; the Libya note warns). */
function policeOnlyIfSafe(text: string): void {
  for (const sentence of text.split(/\n|(?<=[.!?])\s+/)) {
    if (/\bpolice\b/i.test(sentence) && !/^- |^In Libya/.test(sentence.trim())) expect(sentence).toContain('if it is safe for you');
  }
}

describe('safety guidance names who to call', () => {
  it('a Ghanaian number (+233) in danger gets Ghana’s numbers, the police only if it is safe', async () => {
    const reply = await whatsapp('+233244000001', 'my boss took my passport and locked me in the house');
    expect(reply).toContain('Numbers to call in Ghana:');
    expect(reply).toContain('- Emergency number: 112');
    expect(reply).toContain('- Police: 191 (older number, still answered)');
    policeOnlyIfSafe(reply);
  });

  it('stranded near Libya: the UN lines, never an unconditional "go to the police"', async () => {
    const reply = await whatsapp('+2348030000001', 'we are stranded in the desert near libya, no water, the driver left us');
    expect(reply).toContain('In Libya, going to the police can lead to detention');
    expect(reply).toContain('- UNHCR protection hotline: 0917127644');
    expect(reply).toContain('Numbers to call in Nigeria:');
    policeOnlyIfSafe(reply);
    expect(reply).not.toMatch(/go to the police\./);
  });

  it('self-harm names the crisis line where there is one, in the person’s language', async () => {
    const de = await whatsapp('+4915100000001', 'I want to end my life');
    expect(de).toContain('- Crisis line (suicide prevention) (TelefonSeelsorge): 0800 111 0 111');
    const pk = await whatsapp('+923000000001', 'main khudkushi karna chahta hun');
    expect(pk).toContain('0311 7786264');
    expect(pk).toContain('Umang');
  });

  it('at sea: VHF 16 and the coast guards first, Alarm Phone as volunteers after them', async () => {
    const reply = await whatsapp('+221770000001', 'our boat is sinking, we left from Libya');
    expect(reply).toContain('VHF channel 16');
    expect(reply).toContain('- Spain: Sea rescue (Salvamento Marítimo) 900 202 202');
    expect(reply.indexOf('Coast guards:')).toBeLessThan(reply.indexOf('Alarm Phone ('));
    expect(reply).toContain('is a volunteer network, not a rescue service');
  });

  it('an unknown country gets the general guidance without a number, and the offer of a person', async () => {
    const reply = await whatsapp('+14155550100', 'my employer took my passport and locked me in');
    expect(reply).toContain('call the local emergency number or, if it is safe for you, go to the police');
    expect(reply).not.toContain('Numbers to call');
    expect(reply).toContain('An advisor of the centre near you can take over this chat');
  });
});

/** Phone-like numbers in a text (times such as 14:00 are not numbers). */
function numbersIn(text: string): string[] {
  return [...text.replace(/[\u2066\u2069]/g, '').matchAll(/(?<![\p{L}\d:.])\+?\d(?:[\d -]*\d)?(?: ext\. \d+)?(?![\d:])/gu)].map((m) => m[0].trim());
}

const listed = (): EmergencyNumber[] => [...Object.values(numbers.countries).flatMap((c) => Object.values(c).flat()), numbers.sea.radio, ...numbers.sea.coastGuards, numbers.sea.alarmPhone];
const digits = (n: string) => n.replace(/\D/g, '');

describe('the numbers file', () => {
  it('holds only high and medium numbers that stand in shared/FACTS.md section 6', () => {
    const all = listed();
    expect(new Set(all.map((n) => n.confidence))).toEqual(new Set(['high', 'medium']));
    const facts = join(ROOT, '..', 'shared', 'FACTS.md');
    if (!existsSync(facts)) return;
    const section = readFileSync(facts, 'utf8').split('## 6. Emergency numbers')[1]!.split('## Open gaps')[0]!;
    for (const n of all) expect(section, `${n.service}: ${n.number}`).toContain(n.number);
  });

  it('refuses a low or UNCONFIRMED number, and one it also withholds', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wegweiser-numbers-'));
    const original = readFileSync(PATHS.emergencyNumbers, 'utf8');
    for (const [from, to] of [['number: "191", confidence: medium', 'number: "191", confidence: low'], ['number: "122", confidence: high', 'number: "122", confidence: UNCONFIRMED']] as const) {
      writeFileSync(join(dir, 'n.yaml'), original.replace(from, to));
      expect(() => loadEmergencyNumbers(join(dir, 'n.yaml'))).toThrow(/only high or medium numbers/);
    }
    writeFileSync(join(dir, 'n.yaml'), original.replace('number: "192", confidence: high, source: https://bif.rs', 'number: "112", confidence: high, source: https://bif.rs'));
    expect(() => loadEmergencyNumbers(join(dir, 'n.yaml'))).toThrow(/RS shows 112, which is withheld/);
  });

  it('no guidance, in any language, country or danger, shows a number that is not in the file or is withheld there', () => {
    // "press 1 in an emergency" (YİMER's menu) is the one digit that is not a number to call.
    const allowed = new Set([...listed().map((n) => digits(n.number)), '1']);
    const countries = [...new Set([...Object.keys(numbers.countries), ...numbers.withheld.flatMap((w) => (w.country ? [w.country] : []))])];
    for (const lang of LANGS) {
      for (const category of SAFETY_CATEGORIES) {
        for (const country of countries) {
          const text = safetyGuidance(texts.t, lang, category, numbers, { countries: [country] });
          for (const n of numbersIn(text)) expect(allowed.has(digits(n)), `${lang} ${category} ${country}: ${n}`).toBe(true);
          for (const w of numbers.withheld) if (!w.country || w.country === country) expect(numbersIn(text).map(digits), `${lang} ${category} ${country}`).not.toContain(digits(w.number));
          for (const n of numbersIn(safetyGuidance(texts.t, lang, category, numbers, { countries: [country], atSea: true }))) expect(allowed.has(digits(n)), `${lang} at sea: ${n}`).toBe(true);
        }
      }
    }
  });

  it('every language sends people to the police only "if it is safe for you"', () => {
    const conditions: Record<string, string> = { en: 'if it is safe for you', fr: 'si c\'est sans risque pour vous', ar: 'إذا كان ذلك آمنًا لك', de: 'wenn das für Sie sicher ist', ur: 'اگر آپ کے لیے محفوظ ہو', id: 'jika aman bagi Anda', sq: 'nëse është e sigurt për ju', sr: 'ako je to bezbedno za vas', es: 'si es seguro para usted' };
    for (const lang of LANGS) {
      for (const category of SAFETY_CATEGORIES) {
        const text = texts.t(lang, `safety.${category}`);
        if (/police|Polizei|الشرطة|پولیس|polisi|polici|policij|policía/i.test(text)) expect(text, `${lang} ${category}`).toContain(conditions[lang]);
      }
    }
  });
});
