/**
 * The privacy notice at /privacy, on the running server: in all nine languages, opened in the
 * person's language from the one-line notice of the first reply, naming the operator set in
 * PRIVACY_CONTROLLER (or saying it is not set), with the periods this deployment really uses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGS } from '../src/core/lang.js';
import { startTestServer, type RunningServer } from './support/server.js';
import { twilioSignature } from './support/twilio-signature.js';

const TOKEN = 'test-auth-token-0123456789abcdef';
let configured: RunningServer;
let plain: RunningServer;

beforeAll(async () => {
  configured = await startTestServer({
    PRIVACY_CONTROLLER: 'Example & Partners <privacy@example.org>',
    RETENTION_DAYS: '30',
    SESSION_TTL_HOURS: '12',
    CURATION_DAYS: '14',
    TWILIO_ACCOUNT_SID: 'AC' + '0'.repeat(32),
    TWILIO_AUTH_TOKEN: TOKEN,
    TWILIO_WHATSAPP_FROM: 'whatsapp:+14155238886',
  });
  plain = await startTestServer({});
});
afterAll(async () => {
  await configured.close();
  await plain.close();
});

const page = async (server: RunningServer, query = '') => (await fetch(`${server.base}/privacy${query}`)).text();

describe('privacy notice', () => {
  it('is written in all nine languages, Urdu and Arabic right to left', async () => {
    for (const lang of LANGS) {
      const html = await page(plain, `?lang=${lang}`);
      expect(html, lang).toContain(`<html lang="${lang}" dir="${lang === 'ar' || lang === 'ur' ? 'rtl' : 'ltr'}">`);
      expect(html, lang).toContain(`<h1>${plain.core.texts.t(lang, 'privacy.page.title')}</h1>`);
    }
    expect(await page(plain, '?lang=ur')).toContain('رازداری کا نوٹس');
  });

  it('names the operator from PRIVACY_CONTROLLER, escaped; unset, it says the operator has not entered its name', async () => {
    expect(await page(configured, '?lang=en')).toContain('Responsible for your data (controller): Example &amp; Partners &lt;privacy@example.org&gt;');
    const unset = await page(plain, '?lang=en');
    expect(unset).toContain('has not entered its name here yet');
    expect(unset).not.toContain('controller):');
  });

  it('says what is kept for as long as this deployment keeps it, and that delete my data removes everything', async () => {
    const en = await page(configured, '?lang=en');
    expect(en).toContain('a conversation is deleted 30 days after its last message');
    expect(en).toContain('removed 30 days after the appointment; only its reference stays');
    expect(en).toContain('usually deleted after two days, at the latest after 30 days');
    expect(en).toContain('After 12 hours without a message');
    expect(en).toContain('at most two hours after the last message');
    expect(en).toContain('write &quot;delete my data&quot;');
    expect(await page(plain, '?lang=de')).toContain('90 Tage nach seiner letzten Nachricht');
    // What the curator's queue keeps, masked, and for how long (CURATION_DAYS, default 30).
    expect(en).toContain('kept for up to 14 days for the centre&#39;s curators, with phone numbers, e-mail addresses, reference numbers and names removed');
    expect(en).toContain('&quot;Delete my data&quot; removes them too');
    expect(await page(plain, '?lang=fr')).toContain('jusqu&#39;à 30 jours pour les curateurs du centre');
    expect(await page(plain, '?lang=ar')).toContain('لمدة أقصاها 30 يومًا');
  });

  it('the one-line notice of the first reply links to the notice in the person’s language', async () => {
    const params = { MessageSid: `SM${'9'.repeat(32)}`, AccountSid: 'AC' + '0'.repeat(32), From: 'whatsapp:+212600000099', To: 'whatsapp:+14155238886', WaId: '212600000099', NumMedia: '0', Body: 'bonjour' };
    const url = `${configured.base}/webhooks/whatsapp`;
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilioSignature(TOKEN, url, params) }, body: new URLSearchParams(params).toString() });
    const reply = await res.text();
    const link = reply.match(/https?:\/\/[^\s<]+\/privacy[^\s<]*/)?.[0];
    expect(link).toBe(`${configured.base}/privacy?lang=fr`);
    expect(await (await fetch(link!)).text()).toContain('<html lang="fr"');
  });
});
