/**
 * A voice note sent during a handoff is playable by the advisor in the staff console, in headless
 * Chromium: the person (on Telegram, against the fake Bot API) sends a WAV voice note and a PNG
 * photo; the advisor signs in, opens the conversation, and the console fetches each file with the
 * token into a Blob: the <audio> element loads its metadata (duration > 0) and plays, the photo
 * decodes. The advisor then sends a photo back with the attach control, and it reaches the
 * person's chat as an upload. Screenshot in /work/shots/media/ (or tests/artifacts/).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../src/paths.js';
import { startFakeTelegram, type FakeTelegram } from './support/fake-telegram.js';
import { pngFile, wavFile } from './support/media-files.js';
import { startTestServer, type RunningServer } from './support/server.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && process.env.CI) throw new Error(`CI needs Chromium at ${CHROMIUM}: .ci/run installs Debian's chromium`);
const SHOTS = existsSync('/work/shots') ? '/work/shots/media' : join(ROOT, 'tests', 'artifacts');

const TOKEN = '7000000001:AAtest-token-for-the-fake-bot-api';
const SECRET = 'webhook-secret-0123456789';
const CHAT = 4301;

describe.skipIf(!available)('files in the staff console, in Chromium', () => {
  let server: RunningServer;
  let telegram: FakeTelegram;
  let browser: Browser;
  let updateId = 9000;

  const update = async (message: Record<string, unknown>) => {
    const res = await fetch(`${server.base}/webhooks/telegram`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      body: JSON.stringify({ update_id: ++updateId, message: { message_id: updateId, date: 1763900000, chat: { id: CHAT, type: 'private' }, from: { id: CHAT, is_bot: false, first_name: 'Kofi', language_code: 'en' }, ...message } }),
    });
    expect(res.status).toBe(200);
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    telegram = await startFakeTelegram(TOKEN);
    server = await startTestServer({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_API_ROOT: telegram.apiRoot });
    for (const text of ['hello', 'talk to a person', 'Accra', 'yes', 'I will explain in a voice message']) await update({ text });
    const voice = wavFile(1.2);
    const photo = pngFile(160);
    telegram.addFile('voice-1', voice);
    telegram.addFile('photo-1', photo);
    await update({ audio: { file_id: 'voice-1', file_unique_id: 'uv1', duration: 1, mime_type: 'audio/wav', file_name: 'voice.wav', file_size: voice.length } });
    await update({ document: { file_id: 'photo-1', file_unique_id: 'up1', mime_type: 'image/png', file_name: 'letter.png', file_size: photo.length }, caption: 'the letter from the employer' });
    await server.core.auth.create({ email: 'efua@accra.example', password: 'correct horse battery', centreId: 'gh-accra', role: 'advisor' });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await telegram?.close();
  });

  it('plays the voice note, shows the photo, and sends a photo back', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 1100 } });
    const failed: string[] = [];
    page.on('response', (r) => (r.status() >= 400 && !r.url().endsWith('/favicon.ico') ? failed.push(`${r.status()} ${r.url()}`) : undefined));
    await page.goto(`${server.base}/staff`);
    await page.locator('#login').getByLabel('Email', { exact: true }).fill('efua@accra.example');
    await page.locator('#login').getByLabel('Password', { exact: true }).fill('correct horse battery');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('#queue li').first().locator('button').click();

    const audio = page.locator('#transcript audio');
    await audio.waitFor();
    // Loaded from a blob: URL (the file came through /api/media with the token), with its duration.
    await page.waitForFunction(() => {
      const a = document.querySelector<HTMLAudioElement>('#transcript audio');
      return !!a && a.readyState >= 1 && a.duration > 0;
    }, undefined, { timeout: 15_000 });
    const { duration, src } = await audio.evaluate((a: HTMLAudioElement) => ({ duration: a.duration, src: a.src }));
    expect(src).toMatch(/^blob:/);
    expect(duration).toBeGreaterThan(1);
    expect(duration).toBeLessThan(1.5);
    // It plays: play() resolves only once playback has started (its "playing" event), and rejects for a file the browser cannot decode.
    // (Not the audio clock: with no sound device, headless Chromium's clock sometimes stood still for 20 s under load;
    // nor "not paused" after it: a refresh of the transcript under load can replace the element, which pauses it.)
    const started = await audio.evaluate(async (a: HTMLAudioElement) => {
      a.muted = true;
      let playing = false;
      a.addEventListener('playing', () => (playing = true), { once: true });
      await a.play();
      a.pause();
      return { playing, error: a.error?.code ?? null };
    });
    expect(started).toEqual({ playing: true, error: null });

    const img = page.locator('#transcript img');
    await page.waitForFunction(() => (document.querySelector<HTMLImageElement>('#transcript img')?.naturalWidth ?? 0) > 0, undefined, { timeout: 10_000 });
    expect(await img.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBe(160);
    expect(await img.getAttribute('alt')).toBe('letter.png');
    await page.locator('#transcript').getByText('[photo] the letter from the employer').waitFor();

    const file = join(tmpdir(), 'wegweiser-map.png');
    writeFileSync(file, pngFile(40));
    await page.locator('#media-attach input[type=file]').setInputFiles(file);
    await page.getByRole('button', { name: 'Share file' }).click();
    await page.getByText('File sent.').waitFor();
    expect(telegram.uploads.at(-1)).toMatchObject({ method: 'sendPhoto', chatId: String(CHAT), name: 'wegweiser-map.png' });

    await page.locator('#transcript').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'console-voice-note-and-photo.png'), fullPage: true });
    expect(failed).toEqual([]);
  }, 60_000);
});
