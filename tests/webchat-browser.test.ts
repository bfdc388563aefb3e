/**
 * The real Web Chat page in headless Chromium (Debian's chromium, driven by playwright-core):
 * the bot greets, a message is typed and answered, a suggested action is clicked and shows as the
 * person's message; a reload keeps the conversation and an advisor's later replies arrive; Web
 * Chat's own strings in the page's language, right to left for Arabic and Urdu; long option lists
 * collapse on a phone. Screenshots go to tests/artifacts/ (git-ignored), or SCREENSHOT_DIR.
 * CI installs chromium (.ci/run); elsewhere the test is skipped when no Chromium is installed.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../src/core/lang.js';
import { ROOT } from '../src/paths.js';
import { startTestServer, type RunningServer } from './support/server.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && process.env.CI) throw new Error(`CI needs Chromium at ${CHROMIUM}: .ci/run installs Debian's chromium`);
const artifacts = process.env.SCREENSHOT_DIR ?? join(ROOT, 'tests', 'artifacts');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
/** The suggested actions Web Chat shows under the last message. */
const OPTIONS = '.webchat__suggested-actions button';
/** The person's own messages in the transcript. */
const MINE = '.webchat__stacked-layout--from-user .webchat__bubble__content';
/** The bot's (and the advisor's) messages. */
const THEIRS = '.webchat__stacked-layout:not(.webchat__stacked-layout--from-user) .webchat__bubble__content';

describe.skipIf(!available)('web chat in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    server = await startTestServer({});
    // A fresh profile each run: launch() gives every context a new temporary one.
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('greets in English, answers a typed question and a clicked option, under the page’s Content-Security-Policy', async () => {
    const page = await browser.newPage({ locale: 'en-US', viewport: { width: 420, height: 800 } });
    const violations: string[] = [];
    page.on('console', (m) => void (/Content.Security.Policy/i.test(m.text()) && violations.push(m.text())));
    await page.exposeFunction('reportViolation', (v: string) => void violations.push(v));
    await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { reportViolation(v: string): void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`)));
    const res = await page.goto(`${server.base}/?lang=en`);
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self' 'sha256-");
    await page.getByText('Hello, I am Wegweiser').first().waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Risks of irregular migration' }).first().click();
    await page.getByText('Before you decide, know the facts').first().waitFor();
    const input = page.getByRole('textbox').first();
    await input.fill('is it safe to cross the sea by boat from libya');
    await input.press('Enter');
    await page.getByText('Last checked:').first().waitFor({ timeout: 10_000 });
    await page.waitForTimeout(500); // let Web Chat scroll to the newest message before the picture
    await page.screenshot({ path: join(artifacts, 'webchat-en.png'), fullPage: true });
    expect(await page.getAttribute('html', 'dir')).toBe('ltr');
    expect(violations).toEqual([]);
    await page.close();
  }, 60_000);

  it('lays out Arabic right to left, in Arabic', async () => {
    const page = await browser.newPage({ locale: 'ar-EG', viewport: { width: 420, height: 800 } });
    await page.goto(`${server.base}/`);
    await page.getByText('أنا Wegweiser').first().waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'التحدث إلى شخص' }).first().waitFor();
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await page.screenshot({ path: join(artifacts, 'webchat-ar.png'), fullPage: true });
    await page.close();
  }, 60_000);

  it('shows a tapped option as the person’s message, keeps the conversation across a reload, and shows an advisor’s replies made meanwhile and later', async () => {
    await server.core.auth.create({ email: 'amina@accra.example', password: 'correct horse battery', centreId: 'gh-accra', role: 'advisor' });
    const login = await fetch(`${server.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'amina@accra.example', password: 'correct horse battery' }) });
    const { token } = (await login.json()) as { token: string };
    const staff = (path: string, body?: object) =>
      fetch(`${server.base}${path}`, { method: body ? 'POST' : 'GET', headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });

    const page = await browser.newPage({ locale: 'en-GB', viewport: DESKTOP });
    const generated: string[] = [];
    page.on('request', (r) => void (r.url().endsWith('/tokens/generate') && generated.push(r.url())));
    await page.goto(`${server.base}/?lang=en`);
    await page.getByText('Hello, I am Wegweiser').first().waitFor({ timeout: 20_000 });
    await page.locator(OPTIONS, { hasText: 'Talk to a person' }).click();
    // The tap is the person's message, in their words, before and after the server's echo.
    await page.locator(MINE, { hasText: 'Talk to a person' }).waitFor();
    await page.getByText('Where are you?').first().waitFor();
    const input = page.getByRole('textbox').first();
    await input.fill('Accra');
    await input.press('Enter');
    await page.getByText('Shall I connect you?').first().waitFor();
    await page.locator(OPTIONS, { hasText: 'Yes, connect me' }).click();
    await page.locator(MINE, { hasText: 'Yes, connect me' }).waitFor();
    await page.getByText('Your conversation is now with an advisor').first().waitFor({ timeout: 10_000 });
    await input.fill('I need help with my papers from Germany');
    await input.press('Enter');
    await page.locator(MINE, { hasText: 'I need help with my papers from Germany' }).waitFor();
    await page.waitForTimeout(300); // the message reaches the handoff
    const queue = (await (await staff('/api/handoffs')).json()) as { handoffs: { id: string; messages: { text: string }[] }[] };
    const handoff = queue.handoffs.find((h) => h.messages.some((m) => m.text === 'I need help with my papers from Germany'));
    expect(handoff).toBeDefined();

    // While the page is away (another address in the same tab), the advisor answers.
    await page.goto('about:blank');
    expect((await staff(`/api/handoffs/${handoff!.id}/messages`, { text: 'Hello, I am Amina from the centre. Which papers do you mean?' })).status).toBe(201);
    await page.goto(`${server.base}/?lang=en`);
    await page.getByText('Which papers do you mean?').first().waitFor({ timeout: 20_000 });
    // The transcript came back: the person's tap and words, and the greeting once (no new start).
    await expect(page.locator(MINE, { hasText: 'Talk to a person' }).count()).resolves.toBe(1);
    await expect(page.locator(MINE, { hasText: 'I need help with my papers from Germany' }).count()).resolves.toBe(1);
    await expect(page.locator(THEIRS, { hasText: 'Hello, I am Wegweiser' }).count()).resolves.toBe(1);

    // A reload, then a later reply arrives over the resumed stream.
    await page.reload();
    await page.getByText('Which papers do you mean?').first().waitFor({ timeout: 20_000 });
    await page.waitForTimeout(500);
    expect((await staff(`/api/handoffs/${handoff!.id}/messages`, { text: 'You can come on Thursday at ten.' })).status).toBe(201);
    await page.getByText('You can come on Thursday at ten.').first().waitFor({ timeout: 10_000 });
    await expect(page.locator(THEIRS, { hasText: 'Which papers do you mean?' }).count()).resolves.toBe(1);
    await expect(page.locator(THEIRS, { hasText: 'Hello, I am Wegweiser' }).count()).resolves.toBe(1);
    // The person answers from the resumed page, and the advisor reads it.
    await input.fill('Thursday is fine, thank you');
    await input.press('Enter');
    await page.locator(MINE, { hasText: 'Thursday is fine, thank you' }).waitFor();
    await expect.poll(async () => {
      const again = (await (await staff('/api/handoffs')).json()) as { handoffs: { id: string; messages: { text: string }[] }[] };
      return again.handoffs.find((h) => h.id === handoff!.id)?.messages.map((m) => m.text);
    }).toContain('Thursday is fine, thank you');
    expect(generated).toHaveLength(1); // one conversation, never a new one
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(artifacts, 'webchat-desktop-after-reload.png') });
    await page.close();
  }, 90_000);

  for (const [lang, how] of [['fr', 'query'], ['ar', 'query'], ['ur', 'accept-language'], ['sq', 'query'], ['sr', 'query'], ['id', 'query'], ['en', 'query']] as const) {
    // Once in a few PostgreSQL + Redis runs of the whole suite one page here got no greeting in 35 s
    // (never alone, cause not found yet): tried once more before it counts as failed; the join's own
    // recovery from a lost greeting has a test of its own.
    it(`speaks ${lang} in Web Chat’s own strings, title and description (chosen by ${how})${lang === 'ar' || lang === 'ur' ? ', right to left' : ''}`, { retry: 1, timeout: 60_000 }, async () => {
      const t = (key: string) => server.core.texts.t(lang as Lang, key);
      const page = await browser.newPage({ locale: how === 'accept-language' ? `${lang}-PK` : 'en-US', viewport: PHONE });
      // What the page saw on the way, told when the greeting does not come (for the flake above).
      const seen: string[] = [];
      page.on('console', (m) => seen.push(`console ${m.type()}: ${m.text().slice(0, 200)}`));
      page.on('requestfailed', (r) => seen.push(`failed ${r.method()} ${r.url().replace(server.base, '').slice(0, 80)}: ${r.failure()?.errorText}`));
      page.on('response', (r) => void (r.status() >= 400 && seen.push(`${r.status()} ${r.request().method()} ${r.url().replace(server.base, '').slice(0, 80)}`)));
      page.on('websocket', (ws) => {
        seen.push(`websocket opened ${Date.now()}`);
        ws.on('framereceived', () => seen.push(`frame ${Date.now()}`));
        ws.on('close', () => seen.push(`websocket closed ${Date.now()}`));
      });
      page.on('request', (r) => void (r.method() === 'POST' && seen.push(`POST ${r.url().replace(server.base, '').replace(/conversations\/[^/]+/, 'conversations/…')} ${Date.now()}`)));
      await page.goto(how === 'query' ? `${server.base}/?lang=${lang}` : `${server.base}/`);
      const input = page.getByRole('textbox').first();
      await input.waitFor({ timeout: 20_000 });
      expect(await input.getAttribute('placeholder')).toBe(t('webchat.ui.placeholder'));
      expect(await input.getAttribute('placeholder')).not.toBe(lang === 'en' ? '' : 'Type your message');
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      expect(await page.getAttribute('html', 'dir')).toBe(lang === 'ar' || lang === 'ur' ? 'rtl' : 'ltr');
      expect(await page.title()).toBe(t('webchat.page.title'));
      expect(await page.getAttribute('meta[name="description"]', 'content')).toBe(t('webchat.page.description'));
      // The page posts its join again every 6 s, four times, when no greeting came: the wait covers all of them.
      await page.locator(OPTIONS).first().waitFor({ timeout: 35_000 }).catch((err: Error) => {
        const serverSaw = server.core.logLines.filter((l) => /"level":(40|50)/.test(l)).slice(-10);
        console.warn(`no greeting on the ${lang} page; the page saw:\n${seen.join('\n')}\nserver warnings:\n${serverSaw.join('')}`);
        throw err;
      });
      // When a message was sent, in the page's language too (the test clock says 23 November).
      const locale = await page.evaluate(() => (JSON.parse(document.getElementById('wegweiser-config')!.textContent!) as { locale: string }).locale);
      const november = await page.evaluate((l) => new Intl.DateTimeFormat(l, { month: 'long' }).format(new Date(Date.UTC(2025, 10, 23, 12))), locale);
      for (const when of await page.locator('.webchat__stacked-layout__status').allInnerTexts()) if (when.trim()) expect(when).toContain(november);
      if (lang === 'ar' || lang === 'ur') {
        // Web Chat itself lays out right to left: the send box and the transcript, not only the page.
        expect(await page.locator('.webchat__send-box').first().evaluate((e) => getComputedStyle(e).direction)).toBe('rtl');
        expect(await page.locator('[dir="rtl"].webchat__basic-transcript, .webchat__basic-transcript[dir="rtl"], [dir="rtl"] .webchat__basic-transcript').count()).toBeGreaterThan(0);
      }
      await page.getByRole('button', { name: t('webchat.ui.send') }).first().waitFor();
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(artifacts, `webchat-${lang}-390x844.png`) });
      await page.close();
    });
  }

  it('greets even when the page’s first join is lost on the way: it is posted again, and the greeting comes once', async () => {
    const page = await browser.newPage({ locale: 'en-US', viewport: PHONE });
    let dropped = 0;
    await page.route('**/v3/directline/conversations/*/activities', (route) => (route.request().method() === 'POST' && dropped++ === 0 ? route.abort('connectionreset') : route.continue()));
    await page.goto(`${server.base}/?lang=en`);
    await page.getByText('Hello, I am Wegweiser').first().waitFor({ timeout: 20_000 });
    expect(dropped).toBeGreaterThan(1);
    await page.waitForTimeout(7_000); // past the next retry: it is not posted again, and no second greeting
    expect(await page.locator(THEIRS, { hasText: 'Hello, I am Wegweiser' }).count()).toBe(1);
    await page.close();
  }, 60_000);

  it('greets when the join was answered but no greeting reached the page: after two posts, a join under a new id asks again', async () => {
    const page = await browser.newPage({ locale: 'en-US', viewport: PHONE });
    // The first two joins are "answered" on the way and never reach the server: the page hears nothing back.
    const ids: string[] = [];
    await page.route('**/v3/directline/conversations/*/activities', async (route) => {
      const id = (JSON.parse(route.request().postData() ?? '{}') as { channelData?: { clientActivityID?: string } }).channelData?.clientActivityID ?? '';
      ids.push(id);
      if (route.request().method() === 'POST' && id === 'join') return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ id: 'lost' }) });
      return route.continue();
    });
    await page.goto(`${server.base}/?lang=en`);
    await page.getByText('Hello, I am Wegweiser').first().waitFor({ timeout: 30_000 });
    expect(ids.slice(0, 3)).toEqual(['join', 'join', 'join-3']);
    expect(await page.locator(THEIRS, { hasText: 'Hello, I am Wegweiser' }).count()).toBe(1);
    await page.close();
  }, 60_000);

  it('collapses a long option list on a 390×844 phone to three options and “more”, which reveals the rest, by touch or keyboard', async () => {
    const page = await browser.newPage({ locale: 'en-US', viewport: PHONE, hasTouch: true });
    await page.goto(`${server.base}/?lang=en`);
    await page.getByText('Hello, I am Wegweiser').first().waitFor({ timeout: 20_000 });
    // The main menu: six options, three shown.
    await page.locator(OPTIONS, { hasText: 'More options (3)' }).waitFor();
    expect(await page.locator(OPTIONS).allInnerTexts()).toHaveLength(4);
    await page.locator(OPTIONS, { hasText: 'Work, study or train in Germany' }).click();
    await page.locator(MINE, { hasText: 'Work, study or train in Germany' }).waitFor();
    // The next menu has eight: three and "more (5)", not eight buttons filling the screen.
    const more = page.locator(OPTIONS, { hasText: 'More options (5)' });
    await more.waitFor({ timeout: 10_000 });
    const labels = await page.locator(OPTIONS).allInnerTexts();
    expect(labels).toHaveLength(4);
    const box = await page.locator('.webchat__suggested-actions').first().boundingBox();
    expect(box!.height).toBeLessThan(PHONE.height * 0.25);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(artifacts, 'webchat-en-390x844-collapsed.png') });
    // By keyboard: Enter on "more" shows all eight, and the focus moves to the first that was hidden.
    await more.focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await page.locator(OPTIONS).allInnerTexts()).length).toBe(8);
    const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
    const all = await page.locator(OPTIONS).allInnerTexts();
    expect(all.slice(0, 3)).toEqual(labels.slice(0, 3));
    expect(focused.trim()).toBe(all[3]!.trim());
    expect(all.some((l) => l.includes('More options'))).toBe(false);
    await page.screenshot({ path: join(artifacts, 'webchat-en-390x844-expanded.png') });
    // A revealed option works like any other, and shows as the person's message.
    const last = all.at(-1)!.trim();
    await page.locator(OPTIONS, { hasText: last }).click();
    await page.locator(MINE, { hasText: last }).waitFor();
    await page.close();
  }, 60_000);

  it('keeps only the conversation’s id and token in the tab’s session storage, and refreshes a token about to expire', async () => {
    const page = await browser.newPage({ locale: 'en-US', viewport: PHONE });
    await page.goto(`${server.base}/?lang=en`);
    await page.locator(OPTIONS).first().waitFor({ timeout: 20_000 });
    type Kept = { conversationId: string; token: string; expiresAt: number; userID: string };
    const kept = () => page.evaluate(() => JSON.parse(sessionStorage.getItem('wegweiser.webchat') ?? 'null') as Kept | null);
    const before = await kept();
    expect(Object.keys(before ?? {}).sort()).toEqual(['conversationId', 'expiresAt', 'token', 'userID']); // no message text
    // Five minutes left: on the next load the page refreshes it before it resumes.
    await page.evaluate(() => {
      const s = JSON.parse(sessionStorage.getItem('wegweiser.webchat')!) as { expiresAt: number };
      sessionStorage.setItem('wegweiser.webchat', JSON.stringify({ ...s, expiresAt: Date.now() + 5 * 60_000 }));
    });
    const refreshed = page.waitForResponse((r) => r.url().endsWith('/v3/directline/tokens/refresh') && r.status() === 200);
    await page.reload();
    await refreshed;
    // (The test server's clock stands still, so the new token may read the same; its lifetime is new.)
    await expect.poll(async () => (await kept())?.expiresAt).toBeGreaterThan(Date.now() + 50 * 60_000);
    expect((await kept())!.conversationId).toBe(before!.conversationId);
    await page.locator(OPTIONS).first().waitFor({ timeout: 20_000 }); // resumed with it
    await page.close();
  }, 60_000);

  it('shows every option on a wide screen', async () => {
    const page = await browser.newPage({ locale: 'en-US', viewport: DESKTOP });
    await page.goto(`${server.base}/?lang=en`);
    await page.getByText('Hello, I am Wegweiser').first().waitFor({ timeout: 20_000 });
    await page.locator(OPTIONS, { hasText: 'Talk to a person' }).waitFor();
    expect(await page.locator(OPTIONS).allInnerTexts()).toHaveLength(6);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(artifacts, 'webchat-en-1280x800.png') });
    await page.close();
  }, 60_000);

  it('runs embedded in a centre’s own site when WEBCHAT_FRAME_ANCESTORS lists it (the README’s snippet), and is refused by other sites', async () => {
    // The centre's site: another origin (localhost, where the chat is on 127.0.0.1) with the README's snippet.
    let chatBase = '';
    const site: Server = createServer((_req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(`<!doctype html><html lang="fr"><title>Centre</title><h1>Notre centre</h1>
<iframe src="${chatBase}/?lang=fr" title="Wegweiser" allow="geolocation" style="width: 100%; max-width: 420px; height: 640px; border: 1px solid #ccc; border-radius: 12px"></iframe></html>`);
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const siteUrl = `http://localhost:${(site.address() as AddressInfo).port}`;
    const embedded = await startTestServer({ WEBCHAT_FRAME_ANCESTORS: `'self' ${siteUrl}` });
    try {
      chatBase = embedded.base;
      const page = await browser.newPage({ locale: 'fr-FR', viewport: { width: 800, height: 800 } });
      await page.goto(siteUrl);
      const chat = page.frameLocator('iframe');
      await chat.getByText('Wegweiser').first().waitFor({ timeout: 20_000 });
      await chat.locator(OPTIONS).first().waitFor({ timeout: 20_000 });
      const first = (await chat.locator(OPTIONS).first().innerText()).trim();
      await chat.locator(OPTIONS).first().click();
      await chat.locator(MINE, { hasText: first }).waitFor();
      // This Chromium denies a framed page from another site its storage (as browsers that block
      // third-party cookies do): the chat still works, and a reload of the centre's page starts it again.
      const storage = await page.frames()[1]!.evaluate(() => { try { return typeof sessionStorage.length; } catch { return 'denied'; } });
      await page.reload();
      await chat.locator(THEIRS, { hasText: 'Wegweiser' }).first().waitFor({ timeout: 20_000 });
      await chat.locator(OPTIONS).first().waitFor({ timeout: 20_000 });
      if (storage === 'denied') expect(await chat.locator(MINE).count()).toBe(0);
      else await chat.locator(MINE, { hasText: first }).waitFor({ timeout: 20_000 });
      await page.screenshot({ path: join(artifacts, 'webchat-embedded.png') });

      // The same snippet pointing at a chat that lists no other site: the browser refuses the frame.
      chatBase = server.base;
      const refused: string[] = [];
      page.on('console', (m) => void (/frame-ancestors/.test(m.text()) && refused.push(m.text())));
      await page.goto(siteUrl);
      await expect.poll(() => refused.length, { timeout: 10_000 }).toBeGreaterThan(0);
      expect(await page.frames()[1]?.locator(OPTIONS).count().catch(() => 0)).toBe(0);
      await page.close();
    } finally {
      await embedded.close();
      site.close();
    }
  }, 90_000);
});
