/**
 * The staff console in headless Chromium, as advisors work in it:
 * - a request made in the chat at a centre whose hours are not confirmed shows as requested, and
 *   the advisor confirms its time with one button;
 * - sign in, read a transcript (a person's message that looks like HTML shows as text, option
 *   labels instead of ids, times in the centre's zone), reply, book, close with a confirmation,
 *   sign out (the token stops working);
 * - live: a person hands off on WhatsApp (a signed webhook) while two advisors have the console
 *   open; both queues update without a reload; one claims and replies; the other sees the claim
 *   and cannot answer; the first closes after confirming, and the other's queue empties;
 * - the texts in the advisor's language (French; Arabic right to left) with no sideways overflow
 *   on a 390 px phone. With SHOTS=<dir> every screen is photographed in en, fr, ar on desktop and phone.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Outbound } from '../src/core/messages.js';
import { ROOT } from '../src/paths.js';
import { startTestServer, type RunningServer } from './support/server.js';
import { twilioSignature } from './support/twilio-signature.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && process.env.CI) throw new Error(`CI needs Chromium at ${CHROMIUM}: .ci/run installs Debian's chromium`);
const TWILIO_TOKEN = 'console-twilio-token-0123456789';
const PASSWORD = 'correct horse battery';

describe.skipIf(!available)('staff console in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  const delivered: { user: string; outbox: readonly Outbound[] }[] = [];
  let sid = 0;

  /** A message from a WhatsApp number, signed as Twilio signs it. */
  async function whatsapp(from: string, body: string): Promise<number> {
    sid += 1;
    const params = { MessageSid: `SM${String(sid).padStart(32, '0')}`, AccountSid: 'AC' + '0'.repeat(32), From: `whatsapp:${from}`, To: 'whatsapp:+14155238886', WaId: from.slice(1), NumMedia: '0', Body: body };
    const url = `${server.base}/webhooks/whatsapp`;
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilioSignature(TWILIO_TOKEN, url, params) },
      body: new URLSearchParams(params).toString(),
    });
    return res.status;
  }

  beforeAll(async () => {
    mkdirSync(join(ROOT, 'tests', 'artifacts'), { recursive: true });
    server = await startTestServer({ TWILIO_ACCOUNT_SID: 'AC' + '0'.repeat(32), TWILIO_AUTH_TOKEN: TWILIO_TOKEN, TWILIO_WHATSAPP_FROM: 'whatsapp:+14155238886' });
    // Channels that record what an advisor sends, standing in for the person's phone (and Twilio's REST API).
    const record = { send: async (user: string, outbox: readonly Outbound[]) => (delivered.push({ user, outbox }), { status: 'sent' as const }) };
    server.core.senders.set('test', record);
    server.core.senders.set('whatsapp', record);
    const person = { channel: 'test', user: 'person-1' };
    for (const text of ['hello', '<img src=x onerror=alert(1)> I need help', 'talk to a person', 'Accra', '1', 'are you there?']) {
      await server.core.conversations.receive(person, { kind: 'text', text });
    }
    await server.core.auth.create({ email: 'efua@accra.example', password: PASSWORD, centreId: 'gh-accra', role: 'advisor' });
    await server.core.auth.create({ email: 'kofi@accra.example', password: PASSWORD, centreId: 'gh-accra', role: 'advisor' });
    await server.core.auth.create({ email: 'leila@tunis.example', password: PASSWORD, centreId: 'tn-tunis', role: 'advisor', lang: 'fr' });
    await server.core.auth.create({ email: 'amal@tunis.example', password: PASSWORD, centreId: 'tn-tunis', role: 'advisor', lang: 'ar' });
    await server.core.auth.create({ email: 'root@example.org', password: PASSWORD, centreId: '', role: 'admin' });
    await server.core.auth.create({ email: 'arta@pristina.example', password: PASSWORD, centreId: 'xk-pristina', role: 'advisor' });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signIn(page: Page, email: string): Promise<void> {
    await page.goto(`${server.base}/staff`);
    await page.locator('#login input[name=email]').fill(email);
    await page.locator('#login input[name=password]').fill(PASSWORD);
    await page.locator('#login button[type=submit]').click();
    await page.locator('body[data-live=on]').waitFor(); // the live stream is open
  }

  it('shows a chat request at Pristina as requested; the advisor confirms the time', async () => {
    const made = await server.core.booking.book({ centreId: 'xk-pristina', start: '2026-11-25T09:00:00Z', name: 'Arben', contact: '+383 44 000 000', conversationId: 'test:arben', createdBy: 'chat' });
    expect(made).toMatchObject({ status: 'booked', appointment: { requested: true } });
    const page = await browser.newPage({ viewport: { width: 1000, height: 1000 } });
    await signIn(page, 'arta@pristina.example');
    await page.getByRole('button', { name: 'Appointments' }).click();
    await page.locator('#day').fill('2026-11-25');
    await page.locator('#day').dispatchEvent('change');
    const row = page.locator('#appointments tr', { hasText: 'Arben' });
    await row.locator('td', { hasText: 'requested (time to confirm)' }).waitFor();
    if (process.env.SHOTS) await page.screenshot({ path: join(process.env.SHOTS, '7-request-pristina-desktop.png'), fullPage: true });
    await row.getByRole('button', { name: 'Confirm the time' }).click();
    await page.getByText(/confirmed: the person gets the reminder/).waitFor();
    await row.locator('td', { hasText: /^booked$/ }).waitFor();
    expect((await server.core.booking.get(made.status === 'booked' ? made.appointment.id : ''))?.requested).toBe(false);
    await page.close();
  });

  it('signs in, reads the queue, replies, books and closes after confirming', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 1200 } });
    const dialogs: string[] = [];
    page.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()));
    await page.goto(`${server.base}/staff`);
    await page.locator('#login').getByLabel('Email', { exact: true }).fill('efua@accra.example');
    await page.locator('#login').getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('#queue li', { hasText: 'are you there?' }).locator('button').click();
    await page.getByText('<img src=x onerror=alert(1)> I need help').waitFor();
    await page.locator('#transcript li', { hasText: 'Accra' }).first().waitFor(); // the message that opened the handoff is there too
    expect(await page.locator('#transcript img').count()).toBe(0);
    await page.locator('#transcript .marker').waitFor(); // where the handoff began
    expect(await page.locator('#conversation-meta').textContent()).toContain('Africa/Accra');

    await page.getByLabel(/Your reply/).fill('Hello, this is Efua from the centre in Accra.');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText('Sent.').waitFor();
    expect(delivered.at(-1)).toEqual({ user: 'person-1', outbox: [{ kind: 'text', text: 'Hello, this is Efua from the centre in Accra.' }] });
    await page.locator('#claim-status.mine').waitFor(); // replying took the conversation

    // An internal note stays in the console: nothing reaches the person.
    const before = delivered.length;
    await page.getByLabel(/Your reply/).fill('She prefers a call after 4 pm.');
    await page.getByRole('button', { name: 'Save as internal note' }).click();
    await page.locator('#transcript li.internal', { hasText: 'She prefers a call after 4 pm.' }).waitFor();
    expect(delivered.length).toBe(before);

    await page.getByRole('button', { name: 'Appointments' }).click();
    expect(await page.locator('#time-head').textContent()).toBe('Time (Africa/Accra)');
    await page.locator('#day').fill('2026-11-25');
    await page.locator('#day').dispatchEvent('change');
    await page.locator('#slots option[value$="Z"]').first().waitFor({ state: 'attached' });
    await page.locator('#book input[name=name]').fill('Ama');
    await page.locator('#book input[name=contact]').fill('+233 20 555 0000');
    await page.getByRole('button', { name: 'Book', exact: true }).click();
    await page.getByText(/Booked: [A-Z0-9]{6}/).waitFor();
    await page.locator('#appointments td', { hasText: 'Ama' }).waitFor();
    await page.screenshot({ path: join(ROOT, 'tests', 'artifacts', 'staff-console.png'), fullPage: true });

    await page.getByRole('button', { name: 'Conversations' }).click();
    await page.locator('#queue li', { hasText: 'are you there?' }).locator('button').click();
    // Closing asks first; going back changes nothing.
    await page.getByRole('button', { name: /Close and give back/ }).click();
    await page.locator('#confirm[open]').waitFor();
    await page.locator('#confirm-no').click();
    expect((await server.core.storage.conversations.load('test:person-1'))?.handoff).toBeDefined();
    await page.getByRole('button', { name: /Close and give back/ }).click();
    await page.locator('#confirm-yes').click();
    await page.getByText('Nobody is waiting.').waitFor();
    expect(dialogs).toEqual([]);
    expect((await server.core.storage.conversations.load('test:person-1'))?.handoff).toBeUndefined();

    // Signing out revokes the token on the server, not only in the tab.
    const token = await page.evaluate(() => sessionStorage.getItem('wegweiser-token'));
    const withToken = () => fetch(`${server.base}/api/handoffs`, { headers: { authorization: `Bearer ${token}` } });
    expect((await withToken()).status).toBe(200);
    await page.getByRole('button', { name: /Sign out/ }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect((await withToken()).status).toBe(401);
    await page.close();
  }, 90_000);

  it('live: a WhatsApp handoff appears in two open consoles, one advisor claims, replies and closes; the other sees it all', async () => {
    const efuaContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const kofiContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const efua = await efuaContext.newPage();
    const kofi = await kofiContext.newPage();
    await Promise.all([signIn(efua, 'efua@accra.example'), signIn(kofi, 'kofi@accra.example')]);
    await efua.getByText('Nobody is waiting.').waitFor();
    const title = await efua.title();

    // The person writes on WhatsApp while both consoles are open: nobody reloads.
    for (const text of ['hello', 'talk to a person', 'Accra', '1']) expect(await whatsapp('+233244000111', text)).toBe(200);
    const item = (page: Page) => page.locator('#queue li', { has: page.locator('button') }); // the one waiting person
    await Promise.all([item(efua).waitFor(), item(kofi).waitFor()]);
    expect(await efua.title()).toMatch(/^\(1\) /);
    // The queue shows what the person last told, not the "1" that agreed to the handoff.
    expect(await item(efua).locator('.queue-last').textContent()).toBe('talk to a person');
    expect(title).not.toMatch(/^\(/);
    // The phone number never reaches the browser.
    const html = await efua.evaluate(async () => JSON.stringify(await (await fetch('/api/handoffs', { headers: { authorization: `Bearer ${sessionStorage.getItem('wegweiser-token')}` } })).json()));
    expect(html).not.toContain('233244000111');

    await item(efua).locator('button').click();
    // The option the person chose shows as its label ("Yes…"), never as an id such as handoff.start:yes.
    const transcriptText = await efua.locator('#transcript').textContent();
    expect(transcriptText, transcriptText!).not.toMatch(/[a-z]+\.[a-z]+:[a-z]+/);
    // "1" typed under WhatsApp's numbered list shows as the option it chose.
    await efua.locator('#transcript li.person .tap', { hasText: 'Yes, connect me' }).waitFor();
    await efua.getByRole('button', { name: 'Take this conversation' }).click();
    await efua.locator('#claim-status.mine').waitFor();
    await item(kofi).getByText('Taken by efua@accra.example').waitFor();

    await efua.getByLabel(/Your reply/).fill('Hello from Efua in Accra. How can I help?');
    await efua.getByRole('button', { name: 'Send' }).click();
    await efua.getByText('Sent.').waitFor();
    expect(delivered.at(-1)).toEqual({ user: '233244000111', outbox: [{ kind: 'text', text: 'Hello from Efua in Accra. How can I help?' }] });

    // Kofi opens it: he sees Efua's reply arrive and cannot answer over her.
    await item(kofi).locator('button').click();
    await kofi.locator('#transcript li.staff', { hasText: 'Hello from Efua' }).waitFor();
    expect(await kofi.locator('#reply button[type=submit]').isDisabled()).toBe(true);
    expect(await kofi.locator('#claim-status').textContent()).toBe('Taken by efua@accra.example');

    // The person answers: both open transcripts show it without a reload.
    expect(await whatsapp('+233244000111', 'I need a work visa')).toBe(200);
    await Promise.all([efua.locator('#transcript li.person', { hasText: 'I need a work visa' }).waitFor(), kofi.locator('#transcript li.person', { hasText: 'I need a work visa' }).waitFor()]);

    await efua.getByRole('button', { name: /Close and give back/ }).click();
    expect(await efua.locator('#confirm-text').textContent()).toContain('cannot be undone');
    await efua.locator('#confirm-yes').click();
    await Promise.all([efua.getByText('Nobody is waiting.').waitFor(), kofi.getByText('Nobody is waiting.').waitFor()]);
    expect((await server.core.storage.conversations.load('whatsapp:233244000111'))?.handoff).toBeUndefined();
    expect(await kofi.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await efuaContext.close();
    await kofiContext.close();
  }, 120_000);

  it('speaks the advisor’s language: French, and Arabic right to left, with no sideways overflow on a phone', async () => {
    for (const [email, lang, dir, queueTitle] of [
      ['leila@tunis.example', 'fr', 'ltr', 'En attente d’un conseiller'],
      ['amal@tunis.example', 'ar', 'rtl', 'بانتظار مستشار'],
    ] as const) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      await signIn(page, email);
      expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([lang, dir]);
      expect(await page.locator('#queue-title').textContent()).toBe(queueTitle);
      // The sound can be switched off, and stays off.
      expect(await page.locator('#sound').getAttribute('aria-pressed')).toBe('true');
      await page.locator('#sound').click();
      expect(await page.locator('#sound').getAttribute('aria-pressed')).toBe('false');
      expect(await page.evaluate(() => localStorage.getItem('wegweiser-sound'))).toBe('off');
      for (const view of ['conversations', 'appointments']) {
        await page.locator(`#nav [data-view=${view}]`).click();
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > 390) await page.screenshot({ path: join(ROOT, 'tests', 'artifacts', `overflow-${lang}-${view}.png`), fullPage: true });
        expect(width, `${lang} ${view}`).toBeLessThanOrEqual(390);
      }
      // The day view opens on today in the centre's zone, and says which zone.
      expect(await page.locator('#day').inputValue()).toBe(new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Tunis' }).format(new Date()));
      expect(await page.locator('#day-zone').textContent()).toContain('Africa/Tunis');
      await context.close();
    }
  }, 90_000);

  // SHOTS=/work/shots/console: every screen in English, French and Arabic on a desktop and a phone, to look at.
  it.skipIf(!process.env.SHOTS)('photographs every screen in en, fr and ar on a desktop and a phone', async () => {
    const dir = process.env.SHOTS!;
    mkdirSync(dir, { recursive: true });
    for (const text of ['hello', 'I worked in Germany and came back, I need help to find work', 'talk to a person', 'Accra', '1', 'Are you there? I can come on Wednesday.']) {
      await server.core.conversations.receive({ channel: 'test', user: 'shots-1' }, { kind: 'text', text });
    }
    // An urgent one (a danger the person described) comes first and is marked.
    await server.core.storage.handoffs.open(
      { id: 'urgent-shot', conversationId: 'test:shots-urgent', centreId: 'gh-accra', lang: 'ar', urgent: true, reason: 'danger', createdAt: new Date().toISOString() },
      [{ sender: 'person', text: 'أخذوا جواز سفري ولا أستطيع المغادرة', at: new Date().toISOString() }],
    );
    const slots = (await server.core.booking.slots('gh-accra', '2026-11-25'))!;
    await server.core.booking.book({ centreId: 'gh-accra', start: slots[1]!.start, name: 'Kwame Mensah', contact: '+233 24 123 4567', createdBy: 'chat' });
    for (const lang of ['en', 'fr', 'ar'] as const) {
      await server.core.auth.create({ email: `admin-${lang}@accra.example`, password: PASSWORD, centreId: 'gh-accra', role: 'admin', lang });
      // One sign-in per language (sign-ins are rate-limited per address), its session put in each tab.
      const login = (await (await fetch(`${server.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: `admin-${lang}@accra.example`, password: PASSWORD }) })).json()) as { token: string; staff: object };
      for (const [device, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]] as const) {
        const signedOut = await browser.newContext({ viewport, locale: lang });
        const loginPage = await signedOut.newPage();
        await loginPage.goto(`${server.base}/staff`);
        await loginPage.locator('#login button[type=submit]').waitFor();
        await loginPage.screenshot({ path: join(dir, `1-login-${lang}-${device}.png`), fullPage: device === 'phone' });
        await signedOut.close();
        const context = await browser.newContext({ viewport, locale: lang });
        await context.addInitScript(([token, staff]) => {
          sessionStorage.setItem('wegweiser-token', token);
          sessionStorage.setItem('wegweiser-staff', staff);
        }, [login.token, JSON.stringify(login.staff)] as const);
        const page = await context.newPage();
        const shot = async (screen: string) => {
          await page.waitForTimeout(150);
          await page.screenshot({ path: join(dir, `${screen}-${lang}-${device}.png`), fullPage: device === 'phone' });
        };
        await page.goto(`${server.base}/staff`);
        await page.locator('body[data-live=on]').waitFor();
        await page.locator('#queue li', { hasText: 'Wednesday' }).locator('button').click();
        await page.locator('#transcript .marker').waitFor();
        await shot('2-conversation');
        await page.locator('#close').click();
        await page.locator('#confirm[open]').waitFor();
        await shot('3-confirm-close');
        await page.locator('#confirm-no').click();
        await page.locator('#nav [data-view=appointments]').click();
        await page.locator('#day').fill('2026-11-25');
        await page.locator('#day').dispatchEvent('change');
        await page.locator('#appointments td', { hasText: 'Kwame' }).waitFor();
        await shot('4-appointments');
        await page.locator('#nav [data-view=accounts]').click();
        await page.locator('#accounts tr').first().waitFor();
        await shot('5-accounts');
        await page.locator('#nav [data-view=settings]').click();
        await page.locator('#hours input').first().waitFor();
        await shot('6-settings');
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${lang} ${device}`).toBeLessThanOrEqual(viewport.width);
        await context.close();
      }
    }
  }, 180_000);

  it('is served with headers that stop framing and foreign scripts', async () => {
    const res = await fetch(`${server.base}/staff`);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
