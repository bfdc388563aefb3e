/** `npm start` as an operator runs it: embedded defaults, health answered, a clean stop on SIGTERM. */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { WegweiserError } from '../src/core/errors.js';
import { createCore, createServer } from '../src/server/app.js';
import { ROOT } from '../src/paths.js';
import { loadConfig } from '../src/server/config.js';
import { createLogger } from '../src/server/logger.js';
import { startFakeTelegram } from './support/fake-telegram.js';
import { freePort } from './support/free-port.js';
import { npmStartArgs } from './support/npm-start.js';
import { privateServicesMissing, startPrivatePostgres, startPrivateRedis } from './support/private-services.js';
import { createTestCore } from './support/test-core.js';
import { twilioSignature } from './support/twilio-signature.js';

const TG_TOKEN = '7000000001:AAstart';

describe('npm start', () => {
  it('starts with no configuration (the built server file), answers /healthz, the chat page and the console, and stops cleanly on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'wegweiser-start-'));
    const child = spawn(process.execPath, npmStartArgs(), { // what `npm start` runs
      cwd: ROOT,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info' },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const address = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start within 60 s:\n${out}`)), 60_000);
      child.stdout.on('data', () => {
        const m = /listening on (http:\/\/[\d.:]+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
    });
    const res = await fetch(`${address}/healthz`);
    expect(await res.json()).toEqual({ status: 'ok', database: 'ok', redis: 'not used', channels: { webchat: 'ok' } }); // the embedded defaults: SQLite, no Redis, web chat only
    // files found from the project's folder, not from where the built file lies
    expect((await fetch(`${address}/`)).status).toBe(200);
    const console = await fetch(`${address}/staff`);
    expect(console.status).toBe(200);
    expect(await console.text()).toContain('/staff/app.js');
    const code = await new Promise<number | null>((resolve) => {
      child.on('exit', resolve);
      child.kill('SIGTERM');
    });
    expect(code).toBe(0);
    expect(out).toContain('shutting down');
  });
});

describe('npm start, with the public channels on', () => {
  // The built file bundles the npm packages: each channel's SDK must work from inside it.
  it('answers a WhatsApp message signed as Twilio signs it and a Telegram update, from the built file', async () => {
    const telegram = await startFakeTelegram(TG_TOKEN);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const child = spawn(process.execPath, npmStartArgs(), {
      cwd: ROOT,
      env: {
        ...process.env, PORT: String(port), HOST: '127.0.0.1', PUBLIC_BASE_URL: base, DATA_DIR: mkdtempSync(join(tmpdir(), 'wegweiser-start-')), LOG_LEVEL: 'warn',
        TWILIO_ACCOUNT_SID: 'AC' + '1'.repeat(32), TWILIO_AUTH_TOKEN: 'start-token', TWILIO_WHATSAPP_FROM: 'whatsapp:+14155238886',
        TELEGRAM_BOT_TOKEN: TG_TOKEN, TELEGRAM_WEBHOOK_SECRET: 'start-secret', TELEGRAM_API_ROOT: telegram.apiRoot,
      },
    });
    try {
      const url = `${base}/webhooks/whatsapp`;
      const params = { MessageSid: `SM${'a'.repeat(32)}`, AccountSid: 'AC' + '1'.repeat(32), From: 'whatsapp:+233241112233', To: 'whatsapp:+14155238886', Body: 'hello', NumMedia: '0' };
      const send = () => fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilioSignature('start-token', url, params) }, body: new URLSearchParams(params) });
      let res: Response | undefined;
      for (let tries = 0; !res && tries < 600; tries++) res = await send().catch(() => new Promise<undefined>((r) => setTimeout(r, 100)));
      expect(res!.status).toBe(200);
      expect(await res!.text()).toMatch(/<Response><Message>[^<]*Wegweiser/);
      const forged = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'forged' }, body: new URLSearchParams(params) });
      expect(forged.status).toBe(403);
      const update = { update_id: 1, message: { message_id: 1, date: 1763900000, chat: { id: 4242, type: 'private' }, from: { id: 4242, is_bot: false, first_name: 'A', language_code: 'fr' }, text: 'bonjour' } };
      // 503 while the bot still connects to the Bot API: Telegram sends the update again, as here
      const deliver = () => fetch(`${base}/webhooks/telegram`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'start-secret' }, body: JSON.stringify(update) });
      await expect.poll(async () => (await deliver()).status, { timeout: 20_000, interval: 200 }).toBe(200);
      await expect.poll(() => telegram.sent(4242).map((m) => m.text).join('\n'), { timeout: 10_000 }).toMatch(/Wegweiser/);
    } finally {
      await new Promise((resolve) => {
        child.on('exit', resolve);
        child.kill('SIGTERM');
      });
      await telegram.close();
    }
  }, 120_000);
});

/** A core on the given services, its log lines kept for the test to read. */
async function coreOn(env: Record<string, string>, startRetry: { attempts: number; firstMs: number }) {
  const lines: string[] = [];
  const sink = new Writable({ write(chunk, _enc, cb) { lines.push(String(chunk)); cb(); } });
  const config = loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'wegweiser-start-')), ...env });
  const core = createCore(config, createLogger('info', sink), { storage: 'database', startRetry });
  return { core, lines };
}

describe('PostgreSQL and Redis at start', () => {
  it('tries an unreachable PostgreSQL a few times, a log line each, then stops with what to check', async () => {
    const url = `postgres://postgres@127.0.0.1:${await freePort()}/nothing`;
    const { core, lines } = await coreOn({ DATABASE_URL: url }, { attempts: 3, firstMs: 50 });
    const err = await core.then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(WegweiserError);
    expect((err as WegweiserError).code).toBe('SERVICE_UNREACHABLE');
    expect((err as Error).message).toMatch(/cannot open postgres:\/\/postgres@127\.0\.0\.1:\d+\/nothing[\s\S]*DATABASE_URL/);
    expect(lines.filter((l) => l.includes('the database is unreachable') && l.includes('trying again'))).toHaveLength(2);
    expect(lines.filter((l) => l.includes('giving up'))).toHaveLength(1);
  });

  it('tries an unreachable Redis a few times, then stops with what to check', async () => {
    const { core, lines } = await coreOn({ REDIS_URL: `redis://127.0.0.1:${await freePort()}` }, { attempts: 2, firstMs: 50 });
    const err = await core.then(() => undefined, (e: unknown) => e);
    expect((err as WegweiserError).code).toBe('SERVICE_UNREACHABLE');
    expect((err as Error).message).toContain('REDIS_URL');
    expect(lines.filter((l) => l.includes('Redis is unreachable'))).toHaveLength(1);
  });

  it.skipIf(privateServicesMissing !== null)(`waits for PostgreSQL and Redis that come up while it starts${privateServicesMissing ? ` (skipped: ${privateServicesMissing})` : ''}`, async () => {
    const [pg, redis] = await Promise.all([startPrivatePostgres(), startPrivateRedis()]);
    try {
      await Promise.all([pg.kill(), redis.kill()]); // both still down when the instance starts
      const { core, lines } = await coreOn({ DATABASE_URL: pg.url, REDIS_URL: redis.url }, { attempts: 8, firstMs: 200 });
      await new Promise((r) => setTimeout(r, 500));
      await pg.start();
      await redis.start();
      const started = await core;
      await started.storage.ping();
      await started.coordination.ping();
      expect(lines.some((l) => l.includes('the database is unreachable'))).toBe(true);
      await started.close();
    } finally {
      await Promise.all([pg.remove(), redis.remove()]);
    }
  });
});

describe('PUBLIC_BASE_URL at start', () => {
  /** The warning lines of a server started with `env` (on top of the test defaults). */
  async function warningsWith(env: Record<string, string>): Promise<string[]> {
    const core = await createTestCore({ env });
    const app = await createServer(core);
    await app.close();
    await core.close();
    return core.logLines.filter((l) => l.includes('PUBLIC_BASE_URL') && JSON.parse(l).level === 40);
  }
  const whatsapp = { TWILIO_ACCOUNT_SID: 'AC' + '0'.repeat(32), TWILIO_AUTH_TOKEN: 'token', TWILIO_WHATSAPP_FROM: 'whatsapp:+14155238886' };

  it('warns once when a public channel is on and PUBLIC_BASE_URL is unset or points at this machine', async () => {
    const unset = await warningsWith({ ...whatsapp, PUBLIC_BASE_URL: '' });
    expect(unset).toHaveLength(1);
    expect(unset[0]).toMatch(/PUBLIC_BASE_URL is not set \(using http:\/\/localhost:3978\) while WhatsApp is on/);
    const local = await warningsWith({ TELEGRAM_BOT_TOKEN: '7000000009:AAstart', TELEGRAM_WEBHOOK_SECRET: 'start-secret', TELEGRAM_API_ROOT: 'http://127.0.0.1:9', PUBLIC_BASE_URL: 'http://127.0.0.1:3978' });
    expect(local).toHaveLength(1);
    expect(local[0]).toMatch(/PUBLIC_BASE_URL points at this machine \(http:\/\/127\.0\.0\.1:3978\) while Telegram \(webhook mode\) is on/);
    const both = await warningsWith({ ...whatsapp, MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'secret', PUBLIC_BASE_URL: 'http://localhost:8080' });
    expect(both[0]).toMatch(/while WhatsApp, Bot Framework are on/);
  });

  it('stays quiet with a public URL, or with only the self-hosted web chat', async () => {
    expect(await warningsWith({ ...whatsapp, PUBLIC_BASE_URL: 'https://chat.example.org' })).toEqual([]);
    expect(await warningsWith({ PUBLIC_BASE_URL: '' })).toEqual([]);
  });
});
