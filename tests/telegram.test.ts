/**
 * Telegram through grammY, on the running server, against a fake Bot API on 127.0.0.1: updates
 * shaped as Telegram sends them (message, command, callback_query, location), the secret token,
 * repeated update_ids, inline keyboards and the location keyboard.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFlows } from '../src/flows/loader.js';
import { CALLBACK_DATA_MAX_BYTES } from '../src/channels/telegram/render.js';
import { PATHS } from '../src/server/app.js';
import { startFakeTelegram, type FakeTelegram } from './support/fake-telegram.js';
import { startTestServer, type RunningServer } from './support/server.js';

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
  it('registered the commands in every language at start', () => {
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
    expect(telegram.sent(503).map((m) => m.text).join('\n')).toContain('Ghanaian-European Centre for Jobs, Migration and Development (GEC) in Accra: about');
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

  it('rejects a body that is not an update with 400', async () => {
    const res = await deliver({ hello: 'world' });
    expect(res.status).toBe(400);
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
