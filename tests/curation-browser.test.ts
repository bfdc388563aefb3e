/**
 * The curator's page in headless Chromium: without a token it links to the sign-in; an advisor
 * is told the page is not theirs; a curator sees the queue grouped and masked (a question that
 * looks like HTML shows as text), tries a declined question in the simulator, assigns it with one
 * click, and the simulator then answers it with that topic. In English and Arabic (right to left),
 * on a desktop and at 390 px; screenshots in /work/shots/curation/ (or SHOTS_DIR).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type RunningServer } from './support/server.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const SHOTS = process.env.SHOTS_DIR ?? '/work/shots/curation';
const DECLINED = "can my uncle's bakery in Dortmund hire me as an apprentice baker";
const DECLINED_AR = 'هل يمكن لمخبز عمي في دورتموند أن يوظفني كمتدرب خباز';
const TOPIC = 'training-vocational';

describe.skipIf(!available)('the curator\'s page in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startTestServer({});
    const say = (user: string, text: string) => server.core.conversations.receive({ channel: 'test', user }, { kind: 'text', text }, { country: 'GH' });
    await say('p1', 'hello');
    await say('p1', `my name is Kofi Mensah, +233 24 111 2223: ${DECLINED}`);
    await say('p2', 'hello');
    await say('p2', '<img src=x onerror=alert(1)> zzkrr qwv');
    await say('p3', 'مرحبا');
    await say('p3', `اسمي أحمد ${DECLINED_AR}`);
    for (const [email, role] of [['curator@example.org', 'curator'], ['advisor@example.org', 'advisor']] as const) {
      await server.core.auth.create({ email, password: 'correct horse battery', centreId: role === 'advisor' ? 'gh-accra' : '', role });
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Signed in as the console does it: the token and who it is in the tab's session storage. */
  async function signedIn(email: string, lang: string, viewport: { width: number; height: number }): Promise<Page> {
    const res = await fetch(`${server.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'correct horse battery' }) });
    const { token, staff } = (await res.json()) as { token: string; staff: { email: string; role: string; centreId: string } };
    const page = await browser.newPage({ viewport });
    page.on('dialog', (d) => void d.dismiss().then(() => expect.fail(`a dialog opened: ${d.message()}`)));
    await page.goto(`${server.base}/staff/curation`);
    await page.evaluate(([t, s]) => {
      sessionStorage.setItem('wegweiser-token', t!);
      sessionStorage.setItem('wegweiser-staff', s!);
    }, [token, JSON.stringify({ ...staff, lang })]);
    await page.reload();
    return page;
  }

  it('without a token it links to the sign-in; an advisor is told it is for curators', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.base}/staff/curation`);
    await page.locator('#signed-out a[href="/staff"]').waitFor();
    expect(await page.locator('#app').isHidden()).toBe(true);
    await page.close();
    const advisor = await signedIn('advisor@example.org', 'en', { width: 1000, height: 800 });
    await advisor.getByText("The curator's queue is for curators and admins.").waitFor();
    await advisor.close();
  });

  it('shows the masked queue, simulates, assigns with one click, and simulates again (en, desktop and 390 px)', async () => {
    const page = await signedIn('curator@example.org', 'en', { width: 1280, height: 900 });
    await page.getByRole('heading', { name: 'Question simulator' }).waitFor();
    const masked = page.locator('.item .text', { hasText: DECLINED });
    await masked.waitFor();
    expect(await masked.textContent()).toBe(`my name is [name], [phone]: ${DECLINED}`);
    await page.locator('.item .text', { hasText: '<img src=x onerror=alert(1)>' }).waitFor();
    expect(await page.locator('#groups img').count()).toBe(0);
    await page.locator('.group h3', { hasText: 'English · GH' }).first().waitFor();

    // Before: the simulator declines it, as the chat did.
    await page.getByRole('textbox', { name: 'Question', exact: true }).fill(DECLINED);
    await page.getByRole('button', { name: 'Ask' }).click();
    await page.locator('#sim-topic', { hasText: 'Declined' }).waitFor();
    expect(await page.locator('#sim-answer').textContent()).toBe(server.core.texts.t('en', 'fallback.notSure'));

    const item = page.locator('.item', { hasText: DECLINED });
    await item.locator('select').selectOption(TOPIC);
    await item.getByRole('button', { name: 'Assign' }).click();
    const title = server.core.kb.entries.get(TOPIC)!.get('en')!.title;
    await item.getByText(`Assigned to ${title}`).waitFor();

    // After: the same question, typed again, gets the topic and its answer.
    await page.getByRole('button', { name: 'Ask' }).click();
    await page.locator('#sim-topic', { hasText: TOPIC }).waitFor();
    const entry = server.core.kb.entries.get(TOPIC)!.get('en')!;
    expect(await page.locator('#sim-answer').textContent()).toBe(`${entry.title}${entry.short}`);
    expect(await item.getByRole('button', { name: 'Assign' }).isDisabled()).toBe(true);
    expect(await page.locator('#sim-sources a').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'en-desktop.png'), fullPage: true });

    // The taught question, downloaded as a patch to knowledge/<topic>/en.md.
    await page.locator('#export-topic').selectOption(TOPIC);
    await page.locator('#export-lang').selectOption('en');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download patch' }).click()]);
    expect(download.suggestedFilename()).toBe(`${TOPIC}-en.patch`);
    const diff = readFileSync((await download.path())!, 'utf8');
    expect(diff).toContain(`+++ b/knowledge/${TOPIC}/en.md`);
    expect(diff).toContain(`+  - ${JSON.stringify(`my name is [name], [phone]: ${DECLINED}`)}`);

    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(SHOTS, 'en-390.png'), fullPage: true });
    await page.close();
  });

  it('works right to left in Arabic, on a desktop and at 390 px', async () => {
    const page = await signedIn('curator@example.org', 'ar', { width: 1280, height: 900 });
    await page.getByRole('heading', { name: 'محاكي الأسئلة' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.locator('#filter-lang').selectOption('ar');
    const item = page.locator('.item .text', { hasText: DECLINED_AR });
    await item.waitFor();
    expect(await item.textContent()).toBe(`اسمي [name] ${DECLINED_AR}`);
    await page.getByRole('textbox', { name: 'السؤال', exact: true }).fill(DECLINED_AR);
    await page.getByRole('button', { name: 'اسأل' }).click();
    await page.locator('#sim-result').waitFor();
    await page.screenshot({ path: join(SHOTS, 'ar-desktop.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(SHOTS, 'ar-390.png'), fullPage: true });
    const wide = await page.evaluate(() => [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().width > 390 || e.getBoundingClientRect().left < 0).map((e) => `${e.tagName}.${e.className}#${e.id} ${Math.round(e.getBoundingClientRect().left)} ${Math.round(e.getBoundingClientRect().width)}`).slice(0, 8));
    expect(await page.evaluate(() => document.documentElement.scrollWidth), wide.join('; ')).toBeLessThanOrEqual(390);
    await page.close();
  });
});
