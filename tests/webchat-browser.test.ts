/**
 * The real Web Chat page in headless Chromium (Debian's chromium, driven by playwright-core):
 * the bot greets, a message is typed and answered, a suggested action is clicked; Arabic is laid
 * out right to left. Screenshots go to tests/artifacts/ (git-ignored).
 * CI installs chromium (.ci/run); elsewhere the test is skipped when no Chromium is installed.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../src/paths.js';
import { startTestServer, type RunningServer } from './support/server.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && process.env.CI) throw new Error(`CI needs Chromium at ${CHROMIUM}: .ci/run installs Debian's chromium`);
const artifacts = join(ROOT, 'tests', 'artifacts');

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
});
