/**
 * The reports page (/staff/reports) in headless Chromium, as an advisor and an admin would use it:
 * the numbers of the period shown, the charts drawn (Chart.js, served by this server under the
 * console's CSP), an admin choosing a centre, the CSV download equal to the API's, Arabic right to
 * left, and a phone's width (390 px) without sideways scrolling. Screenshots in /work/shots/reports/
 * (desktop and 390×844, English and Arabic).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../src/reports/report.js';
import { startTestServer, type RunningServer } from './support/server.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && process.env.CI) throw new Error(`CI needs Chromium at ${CHROMIUM}: .ci/run installs Debian's chromium`);
const SHOTS = process.env.REPORT_SHOTS_DIR ?? '/work/shots/reports';
const RANGE = 'from=2026-11-23&to=2026-11-29';

describe.skipIf(!available)('reports page in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  const sessions: Record<string, { token: string; staff: Record<string, unknown> }> = {};

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startTestServer({});
    const { core } = server;
    for (const channel of ['whatsapp', 'telegram']) core.senders.set(channel, { send: async () => ({ status: 'sent' }) });
    const said: [{ channel: string; user: string }, Record<string, string>, string[]][] = [
      [{ channel: 'whatsapp', user: '233241110001' }, { country: 'GH' }, ['hello', 'how can I apply for the German national visa?', 'what is the best pizza recipe in town', 'talk to a person', 'Accra', '1']],
      [{ channel: 'telegram', user: '5550002' }, { country: 'GH', locale: 'fr' }, ['Bonjour', 'comment demander le visa national allemand en ligne ?', 'I am locked in a room and my employer took my passport']],
      [{ channel: 'whatsapp', user: '233241110003' }, { country: 'GH' }, ['hello', '4', '1', 'I live in Kumasi', '1', '2', '3', 'Kofi Boateng', '+233 20 111 2222', '1']],
      [{ channel: 'telegram', user: '5550005' }, { country: 'EG', locale: 'ar' }, ['مرحبا', 'كيف أحصل على تأشيرة عمل في ألمانيا؟']],
    ];
    for (const [person, hints, texts] of said) for (const text of texts) await core.conversations.receive(person, { kind: 'text', text }, hints);
    const advisor = await core.auth.create({ email: 'efua@accra.example', password: 'correct horse battery', centreId: 'gh-accra', role: 'advisor' });
    const [handoff] = await core.handoffs.list(advisor);
    core.clock.advance(7 * 60_000);
    await core.handoffs.reply(advisor, handoff!.id, 'Hello from Accra');
    await core.handoffs.close(advisor, handoff!.id);
    await core.auth.create({ email: 'admin@example.org', password: 'correct horse battery', centreId: 'gh-accra', role: 'admin' });
    for (const email of ['efua@accra.example', 'admin@example.org']) {
      const res = await fetch(`${server.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'correct horse battery' }) });
      sessions[email] = (await res.json()) as { token: string; staff: Record<string, unknown> };
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const apiReport = async (email: string, query: string) =>
    (await (await fetch(`${server.base}/api/reports?${query}`, { headers: { authorization: `Bearer ${sessions[email]!.token}` } })).json()) as Report;

  /** A page signed in as `email` (the console keeps the token in the tab's session storage), in `lang`. */
  async function open(email: string, lang: string, viewport: { width: number; height: number }): Promise<{ page: Page; problems: string[] }> {
    const context = await browser.newContext({ viewport, acceptDownloads: true, locale: lang });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (err) => problems.push(err.message));
    page.on('console', (m) => void (m.type() === 'error' && problems.push(m.text())));
    page.on('response', (r) => void (r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`)));
    const { token, staff } = sessions[email]!;
    await page.addInitScript(([t, s]) => {
      sessionStorage.setItem('wegweiser-token', t!);
      sessionStorage.setItem('wegweiser-staff', s!);
    }, [token, JSON.stringify({ ...staff, lang })]);
    await page.goto(`${server.base}/staff/reports?${RANGE}`);
    await page.locator('#tiles .tile').first().waitFor();
    await page.locator('#chart-usage canvas').waitFor();
    return { page, problems };
  }

  /** The canvas has pixels drawn on it (not a blank element). */
  const drawn = (page: Page, selector: string) =>
    page.locator(selector).evaluate((canvas: HTMLCanvasElement) => {
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      let inked = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) inked++;
      return canvas.width > 100 && canvas.height > 100 && inked > 500;
    });

  const tileValue = (page: Page, label: string) => page.locator('.tile').filter({ has: page.locator('.label').getByText(label, { exact: true }) }).locator('.value').textContent();

  it('shows an advisor their centre: numbers, charts, and the CSV the API gives', async () => {
    const { page, problems } = await open('efua@accra.example', 'en', { width: 1280, height: 900 });
    const report = await apiReport('efua@accra.example', RANGE);
    expect(report.centreId).toBe('gh-accra');
    expect(await tileValue(page, 'Conversations')).toBe(String(report.totals.conversations));
    expect(await tileValue(page, 'Messages')).toBe(String(report.totals.turns));
    expect(await tileValue(page, 'Bookings made')).toBe('1');
    expect(await tileValue(page, 'Median time to first reply')).toBe('7 min');
    expect(await tileValue(page, 'Danger messages')).toBe('1');
    expect(await page.locator('#centre-field').isHidden()).toBe(true); // an advisor has no choice of centre
    for (const id of ['chart-usage', 'chart-rates', 'chart-channels', 'chart-languages', 'chart-topics', 'chart-danger', 'chart-handoffs', 'chart-bookings']) {
      expect(await drawn(page, `#${id} canvas`), `${id} is drawn`).toBe(true);
    }
    await page.locator('#chart-topics td', { hasText: 'visa-application' }).waitFor();
    expect(await page.locator('#chart-channels tbody tr').count()).toBe(2);
    await page.screenshot({ path: join(SHOTS, 'reports-en-desktop.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('wegweiser-report-gh-accra-2026-11-23-2026-11-29.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    const fromApi = await (await fetch(`${server.base}/api/reports?${RANGE}&format=csv`, { headers: { authorization: `Bearer ${sessions['efua@accra.example']!.token}` } })).text();
    expect(csv).toBe(fromApi);
    expect(problems, problems.join('\n')).toEqual([]);
    await page.context().close();
  });

  it('lets an admin choose a centre or all of them', async () => {
    const { page, problems } = await open('admin@example.org', 'en', { width: 1280, height: 900 });
    const all = await apiReport('admin@example.org', RANGE);
    expect(await tileValue(page, 'People')).toBe(String(all.totals.people));
    await page.locator('#centre option[value="eg-cairo"]').waitFor({ state: 'attached' });
    await page.locator('#centre').selectOption('eg-cairo');
    const cairo = await apiReport('admin@example.org', `${RANGE}&centreId=eg-cairo`);
    expect(cairo.totals.people).toBe(1);
    await page.waitForFunction((n) => document.querySelector('#tiles .tile .value')?.textContent === n, String(cairo.totals.conversations));
    expect(await tileValue(page, 'Messages')).toBe(String(cairo.totals.turns));
    expect(page.url()).toContain('centreId=eg-cairo');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('fits a phone (390 × 844) and reads right to left in Arabic', async () => {
    for (const lang of ['en', 'ar']) {
      const mobile = await open('efua@accra.example', lang, { width: 390, height: 844 });
      await mobile.page.screenshot({ path: join(SHOTS, `reports-${lang}-390.png`) });
      await mobile.page.screenshot({ path: join(SHOTS, `reports-${lang}-390-full.png`), fullPage: true });
      await mobile.page.locator('#chart-channels').scrollIntoViewIfNeeded();
      await mobile.page.screenshot({ path: join(SHOTS, `reports-${lang}-390-charts.png`) });
      expect(await mobile.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(await drawn(mobile.page, '#chart-usage canvas')).toBe(true);
      expect(await mobile.page.evaluate(() => document.documentElement.dir)).toBe(lang === 'ar' ? 'rtl' : 'ltr');
      expect(mobile.problems).toEqual([]);
      await mobile.page.context().close();
    }
    const { page, problems } = await open('efua@accra.example', 'ar', { width: 1280, height: 900 });
    await page.getByRole('heading', { name: 'المحادثات والأشخاص يومياً' }).waitFor();
    expect(await tileValue(page, 'المحادثات')).toMatch(/^[0-9٠-٩]+$/);
    await page.screenshot({ path: join(SHOTS, 'reports-ar-desktop.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('sends a visitor without a sign-in to the console', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.base}/staff/reports`);
    await page.getByText('Sign in on the staff console first.').waitFor();
    expect(await page.locator('#app').isHidden()).toBe(true);
    await page.close();
  });
});
