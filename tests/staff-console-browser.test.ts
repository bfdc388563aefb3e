/**
 * The staff console in headless Chromium: sign in, open the queue, read a transcript in which a
 * person's message that looks like HTML shows as text, reply (the reply reaches the person's
 * channel), book an appointment for them, close the handoff, sign out (the token stops working).
 * Screenshot in tests/artifacts/.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Outbound } from '../src/core/messages.js';
import { ROOT } from '../src/paths.js';
import { startTestServer, type RunningServer } from './support/server.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && process.env.CI) throw new Error(`CI needs Chromium at ${CHROMIUM}: .ci/run installs Debian's chromium`);

describe.skipIf(!available)('staff console in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  const delivered: { user: string; outbox: readonly Outbound[] }[] = [];

  beforeAll(async () => {
    mkdirSync(join(ROOT, 'tests', 'artifacts'), { recursive: true });
    server = await startTestServer({});
    // A channel that records what an advisor sends, standing in for the person's phone.
    server.core.senders.set('test', { send: async (user, outbox) => (delivered.push({ user, outbox }), { status: 'sent' }) });
    const person = { channel: 'test', user: 'person-1' };
    for (const text of ['hello', '<img src=x onerror=alert(1)> I need help', 'talk to a person', '1', 'Accra', 'are you there?']) {
      await server.core.conversations.receive(person, { kind: 'text', text });
    }
    await server.core.auth.create({ email: 'efua@accra.example', password: 'correct horse battery', centreId: 'gh-accra', role: 'advisor' });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('signs in, reads the queue, replies, books and closes', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 1200 } });
    const dialogs: string[] = [];
    page.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()));
    await page.goto(`${server.base}/staff`);
    await page.getByLabel('Email', { exact: true }).fill('efua@accra.example');
    await page.getByLabel('Password', { exact: true }).fill('correct horse battery');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('#queue li').first().click();
    await page.getByText('<img src=x onerror=alert(1)> I need help').waitFor();
    await page.locator('#transcript li', { hasText: 'Accra' }).first().waitFor(); // the message that opened the handoff is there too
    expect(await page.locator('#transcript img').count()).toBe(0);

    await page.getByLabel(/Your reply/).fill('Hello, this is Efua from the centre in Accra.');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText('Sent.').waitFor();
    expect(delivered.at(-1)).toEqual({ user: 'person-1', outbox: [{ kind: 'text', text: 'Hello, this is Efua from the centre in Accra.' }] });

    await page.locator('#day').fill('2026-11-25');
    await page.locator('#day').dispatchEvent('change');
    await page.locator('#slots option').first().waitFor({ state: 'attached' });
    await page.locator('#book input[name=name]').fill('Ama');
    await page.locator('#book input[name=contact]').fill('+233 20 555 0000');
    await page.getByRole('button', { name: 'Book' }).click();
    await page.getByText(/Booked: [A-Z0-9]{6}/).waitFor();
    await page.locator('#appointments td', { hasText: 'Ama' }).waitFor();
    await page.screenshot({ path: join(ROOT, 'tests', 'artifacts', 'staff-console.png'), fullPage: true });

    await page.getByRole('button', { name: /Close and give back/ }).click();
    await page.getByText('Nobody is waiting.').waitFor();
    expect(dialogs).toEqual([]);
    const state = await server.core.storage.conversations.load('test:person-1');
    expect(state?.handoff).toBeUndefined();

    // Signing out revokes the token on the server, not only in the tab.
    const token = await page.evaluate(() => sessionStorage.getItem('wegweiser-token'));
    const withToken = () => fetch(`${server.base}/api/handoffs`, { headers: { authorization: `Bearer ${token}` } });
    expect((await withToken()).status).toBe(200);
    await page.getByRole('button', { name: /Sign out/ }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect((await withToken()).status).toBe(401);
  }, 60_000);

  it('is served with headers that stop framing and foreign scripts', async () => {
    const res = await fetch(`${server.base}/staff`);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
