/**
 * Telegram through grammY, on the running server, against a fake Bot API on 127.0.0.1: updates
 * shaped as Telegram sends them (message, command, callback_query, location), the secret token,
 * repeated update_ids, inline keyboards and the location keyboard.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFlows } from '../src/flows/loader.js';
import { CALLBACK_DATA_MAX_BYTES } from '../src/channels/telegram/render.js';
import { PATHS } from '../src/paths.js';
import { startFakeTelegram, type FakeTelegram } from './support/fake-telegram.js';
import { startTestServer, type RunningServer } from './support/server.js';
import { twilioSignature } from './support/twilio-signature.js';

const TOKEN = '7000000001:AAtest-token-for-the-fake-bot-api';
const SECRET = 'webhook-secret-0123456789';
let telegram: FakeTelegram;
let server: RunningServer;
let updateId = 1000;

beforeAll(async () => {
  telegram = await startFakeTelegram(TOKEN);
  server = await startTestServer({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_API_ROOT: telegram.apiRoot });
});
afterAll(async () => {
  await server.close();
  await telegram.close();
});

const from = (id: number, lang = 'en') => ({ id, is_bot: false, first_name: 'Test', language_code: lang });
const chat = (id: number) => ({ id, type: 'private', first_name: 'Test' });

function textUpdate(chatId: number, text: string, lang = 'en') {
  const entities = text.startsWith('/') ? [{ offset: 0, length: text.split(' ')[0]!.length, type: 'bot_command' }] : undefined;
  return { update_id: ++updateId, message: { message_id: updateId, date: 1763900000, chat: chat(chatId), from: from(chatId, lang), text, entities } };
}

async function deliver(update: object, secret = SECRET): Promise<Response> {
  return fetch(`${server.base}/webhooks/telegram`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}) },
    body: JSON.stringify(update),
  });
}

function lastKeyboard(chatId: number): { text: string; callback_data: string }[] {
  const withKeyboard = telegram.sent(chatId).filter((m) => m.reply_markup && 'inline_keyboard' in m.reply_markup);
  return ((withKeyboard.at(-1)?.reply_markup?.inline_keyboard ?? []) as { text: string; callback_data: string }[][]).flat();
}

describe('Telegram webhook', () => {
  it('registered the commands in every language at start', async () => {
    // registered in the background once the bot is connected: the start never waits for Telegram
    for (let i = 0; i < 100 && telegram.calls.filter((c) => c.method === 'setMyCommands').length < 9; i++) await new Promise((r) => setTimeout(r, 20));
    const registered = telegram.calls.filter((c) => c.method === 'setMyCommands');
    expect(registered).toHaveLength(9);
    const french = registered.find((c) => c.payload.language_code === 'fr')!;
    expect(french.payload.commands).toContainEqual({ command: 'human', description: 'Parler à une personne' });
  });

  it("greets in the person's Telegram language with an inline keyboard", async () => {
    const res = await deliver(textUpdate(501, 'hallo', 'de'));
    expect(res.status).toBe(200);
    const sent = telegram.sent(501);
    expect(sent.map((m) => m.text).join('\n')).toContain('Wegweiser');
    expect(lastKeyboard(501).length).toBe(6);
    expect(lastKeyboard(501)[0]!.callback_data).toBe('main.menu:regular');
  });

  it('maps a tapped button back to its option and answers the callback', async () => {
    await deliver(textUpdate(502, '/start'));
    const risks = lastKeyboard(502).find((b) => b.callback_data === 'main.menu:risks')!;
    const res = await deliver({
      update_id: ++updateId,
      callback_query: { id: 'cbq-1', from: from(502), chat_instance: '1', data: risks.callback_data, message: { message_id: 1, date: 1763900000, chat: chat(502), text: 'menu' } },
    });
    expect(res.status).toBe(200);
    expect(telegram.calls.some((c) => c.method === 'answerCallbackQuery' && c.payload.callback_query_id === 'cbq-1')).toBe(true);
    expect(telegram.sent(502).at(-1)!.text).toContain('Before you decide');
  });

  it('asks for a location with a reply keyboard and answers a shared location', async () => {
    await deliver(textUpdate(503, '/start'));
    await deliver({
      update_id: ++updateId,
      callback_query: { id: 'cbq-2', from: from(503), chat_instance: '1', data: 'main.menu:centre', message: { message_id: 1, date: 1763900000, chat: chat(503), text: 'menu' } },
    });
    await deliver({
      update_id: ++updateId,
      callback_query: { id: 'cbq-3', from: from(503), chat_instance: '1', data: 'centres.menu:find', message: { message_id: 2, date: 1763900000, chat: chat(503), text: 'menu' } },
    });
    const request = telegram.sent(503).at(-1)!;
    expect(request.reply_markup).toMatchObject({ keyboard: [[{ request_location: true }]] });
    await deliver({ update_id: ++updateId, message: { message_id: 9, date: 1763900000, chat: chat(503), from: from(503), location: { latitude: 5.6037, longitude: -0.187 } } });
    expect(telegram.sent(503).map((m) => m.text).join('\n')).toContain('Ghanaian-European Centre for Jobs, Migration and Development (GEC) in Accra, at the premises of the Ministry of Employment and Labour Relations: about');
  });

  it('rejects a wrong or missing secret with 401 and sends nothing', async () => {
    const before = telegram.calls.length;
    expect((await deliver(textUpdate(504, 'hello'), 'wrong-secret')).status).toBe(401);
    expect((await deliver(textUpdate(504, 'hello'), '')).status).toBe(401);
    expect(telegram.calls.length).toBe(before);
    expect(await server.core.storage.conversations.load('telegram:504')).toBeNull();
  });

  it('handles an update delivered twice (same update_id) once', async () => {
    const update = textUpdate(505, 'bonjour', 'fr');
    await Promise.all([deliver(update), deliver(update)]);
    await deliver(update);
    const greetings = telegram.sent(505).filter((m) => m.text.includes('Wegweiser'));
    expect(greetings).toHaveLength(1);
    expect((await server.core.storage.conversations.load('telegram:505'))?.turns).toBe(1);
  });

  it('answers a question with sources, and a sticker kindly', async () => {
    await deliver(textUpdate(506, '/start', 'es'));
    await deliver(textUpdate(506, '¿qué es la tarjeta de oportunidades chancenkarte?', 'es'));
    const answer = telegram.sent(506).map((m) => m.text).join('\n');
    expect(answer).toMatch(/<b>.+<\/b>/);
    expect(answer).toContain('https://');
    await deliver({ update_id: ++updateId, message: { message_id: 10, date: 1763900000, chat: chat(506), from: from(506, 'es'), sticker: { file_id: 'x', file_unique_id: 'y', type: 'regular', width: 1, height: 1, is_animated: false, is_video: false } } });
    expect(telegram.sent(506).at(-2)!.text).toBe(server.core.texts.t('es', 'system.unsupported'));
  });

  it('keeps a reply Telegram failed to take in the outbox and sends it later, once', async () => {
    telegram.failSends(1);
    const res = await deliver(textUpdate(507, 'hello'));
    expect(res.status).toBe(200);
    expect(telegram.sent(507)).toEqual([]);
    server.core.clock.advance(61_000);
    expect(await server.core.jobs.tick()).toEqual([{ id: expect.stringMatching(/^send:/), status: 'done' }]);
    const texts = telegram.sent(507).map((m) => m.text).join('\n');
    expect(texts).toContain('Hello, I am Wegweiser');
    expect(telegram.sent(507).at(-1)!.reply_markup).toMatchObject({ inline_keyboard: expect.any(Array) });
    expect(await server.core.jobs.tick()).toEqual([]);
    expect((await server.core.storage.conversations.load('telegram:507'))?.turns).toBe(1);
  });

  it("waits as long as Telegram's 429 says (retry_after) before sending a reply again", async () => {
    telegram.rateLimitSends(1, 120);
    expect((await deliver(textUpdate(508, 'hello'))).status).toBe(200);
    expect(telegram.sent(508)).toEqual([]);
    server.core.clock.advance(61_000);
    expect(await server.core.jobs.tick()).toEqual([]); // the usual minute is not enough: Telegram asked for 120 s
    server.core.clock.advance(60_000);
    expect(await server.core.jobs.tick()).toEqual([{ id: expect.stringMatching(/^send:/), status: 'done' }]);
    expect(telegram.sent(508).map((m) => m.text).join('\n')).toContain('Hello, I am Wegweiser');
  });

  it('reschedules an outbox job no earlier than the retry_after of a 429 on its retry', async () => {
    telegram.failSends(1);
    await deliver(textUpdate(509, 'hello'));
    telegram.rateLimitSends(1, 600);
    server.core.clock.advance(61_000);
    expect(await server.core.jobs.tick()).toEqual([{ id: expect.stringMatching(/^send:/), status: 'pending' }]);
    server.core.clock.advance(400_000); // past the usual 5 minutes of backoff, not past the 600 s asked for
    expect(await server.core.jobs.tick()).toEqual([]);
    server.core.clock.advance(201_000);
    expect(await server.core.jobs.tick()).toEqual([{ id: expect.stringMatching(/^send:/), status: 'done' }]);
    expect(telegram.sent(509).filter((m) => m.text.includes('Hello, I am Wegweiser'))).toHaveLength(1);
  });

  it('rejects a body that is not an update with 400', async () => {
    const res = await deliver({ hello: 'world' });
    expect(res.status).toBe(400);
  });
});

describe('Telegram down at start', () => {
  const TWILIO = { TWILIO_ACCOUNT_SID: 'AC' + '4'.repeat(32), TWILIO_AUTH_TOKEN: 'outage-twilio-token', TWILIO_WHATSAPP_FROM: 'whatsapp:+14155238886' };
  const within = <T>(ms: number, what: string, p: Promise<T>) =>
    Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} took more than ${ms} ms`)), ms))]);
  const health = async (s: RunningServer) => {
    const res = await fetch(`${s.base}/healthz`);
    return { status: res.status, body: (await res.json()) as { status: string; database: string; channels: Record<string, string> } };
  };
  const whatsappHello = async (s: RunningServer) => {
    const params = { MessageSid: 'SM' + 'a'.repeat(32), AccountSid: TWILIO.TWILIO_ACCOUNT_SID, From: 'whatsapp:+233209999999', To: 'whatsapp:+14155238886', WaId: '233209999999', NumMedia: '0', Body: 'hello' };
    const url = `${s.base}/webhooks/whatsapp`;
    return fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilioSignature(TWILIO.TWILIO_AUTH_TOKEN, url, params) },
      body: new URLSearchParams(params).toString(),
    });
  };

  it('serves WhatsApp, web chat and /healthz while the Bot API refuses, says why in the log, and connects once it is back', async () => {
    const down = await startFakeTelegram(TOKEN, { mode: 'refuse' });
    const s = await within(10_000, 'the start with Telegram down', startTestServer({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_API_ROOT: down.apiRoot, ...TWILIO }));
    try {
      const first = await health(s);
      expect(first.status).toBe(200); // a channel's outage does not take the instance out of the load balancer
      expect(first.body).toMatchObject({ status: 'ok', database: 'ok', channels: { whatsapp: 'ok', webchat: 'ok', telegram: expect.stringMatching(/^(starting|down)$/) } });
      const wa = await whatsappHello(s);
      expect(wa.status).toBe(200);
      expect(await wa.text()).toContain('Hello, I am Wegweiser');
      expect((await fetch(`${s.base}/v3/directline/tokens/generate`, { method: 'POST' })).status).toBe(200);
      for (let i = 0; i < 100 && !s.core.logLines.some((l) => l.includes('telegram is down')); i++) await new Promise((r) => setTimeout(r, 20));
      const line = s.core.logLines.find((l) => l.includes('telegram is down'))!;
      expect(line).toContain('TELEGRAM_API_ROOT');
      expect(line).not.toContain(TOKEN.split(':')[1]!);
      expect((await health(s)).body.channels.telegram).toBe('down');

      down.setMode('up');
      let state = '';
      for (let i = 0; i < 100 && state !== 'ok'; i++) {
        state = (await health(s)).body.channels.telegram!;
        if (state !== 'ok') await new Promise((r) => setTimeout(r, 100));
      }
      expect(state).toBe('ok');
      const res = await fetch(`${s.base}/webhooks/telegram`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
        body: JSON.stringify(textUpdate(601, 'hello')),
      });
      expect(res.status).toBe(200);
      expect(down.sent(601).map((m) => m.text).join('\n')).toContain('Wegweiser');
      for (let i = 0; i < 100 && down.calls.filter((c) => c.method === 'setMyCommands').length < 9; i++) await new Promise((r) => setTimeout(r, 20));
      expect(down.calls.filter((c) => c.method === 'setMyCommands')).toHaveLength(9);
    } finally {
      await s.close();
      await down.close();
    }
  });

  it('starts at once while the Bot API hangs, and stops cleanly while still connecting', async () => {
    const hanging = await startFakeTelegram(TOKEN, { mode: 'hang' });
    const s = await within(10_000, 'the start with Telegram hanging', startTestServer({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_API_ROOT: hanging.apiRoot, ...TWILIO }));
    try {
      const h = await health(s);
      expect(h.status).toBe(200);
      expect(h.body.channels).toEqual({ whatsapp: 'ok', telegram: 'starting', webchat: 'ok' });
      expect((await whatsappHello(s)).status).toBe(200);
    } finally {
      await within(5_000, 'closing the server', s.close());
      await hanging.close();
    }
  });
});

describe('callback data', () => {
  it('every option id the flows can produce fits in Telegram callback data', () => {
    for (const flow of loadFlows(PATHS.flows).values()) {
      for (const step of flow.steps) {
        if (step.type !== 'ask') continue;
        for (const id of [...(step.options ?? []).map((o) => o.id), 'more', 'en']) {
          expect(Buffer.byteLength(`${flow.id}.${step.id}:${id}`)).toBeLessThanOrEqual(CALLBACK_DATA_MAX_BYTES);
        }
      }
    }
  });
});
