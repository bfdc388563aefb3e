/**
 * One conversation, every channel: the same person's path (greet, choose a menu option, ask a
 * question, ask for details) through the terminal, WhatsApp, Telegram and web chat adapters on
 * one running server, asserting what the person sees on each.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { renderForTerminal } from '../src/channels/terminal/render.js';
import { parseTerminalLine } from '../src/channels/terminal/parse.js';
import { startFakeTelegram, type FakeTelegram } from './support/fake-telegram.js';
import { startTestServer, type RunningServer } from './support/server.js';
import { twilioSignature } from './support/twilio-signature.js';

const TWILIO_TOKEN = 'contract-twilio-token';
const TG_TOKEN = '7000000002:AAcontract';
const TG_SECRET = 'contract-secret';
let server: RunningServer;
let telegram: FakeTelegram;
let twilioApi: Server;
/** Messages our side sent through Twilio's REST API (a fake), by recipient. */
const twilioSent: { to: string; body: string }[] = [];

beforeAll(async () => {
  telegram = await startFakeTelegram(TG_TOKEN);
  twilioApi = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      const form = new URLSearchParams(body);
      twilioSent.push({ to: form.get('To') ?? '', body: form.get('Body') ?? '' });
      res.statusCode = 201;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ sid: `SM${String(twilioSent.length).padStart(32, '0')}`, status: 'queued' }));
    });
  });
  await new Promise<void>((r) => twilioApi.listen(0, '127.0.0.1', r));
  server = await startTestServer({
    TWILIO_API_BASE: `http://127.0.0.1:${(twilioApi.address() as { port: number }).port}`,
    TWILIO_ACCOUNT_SID: 'AC' + '2'.repeat(32), TWILIO_AUTH_TOKEN: TWILIO_TOKEN, TWILIO_WHATSAPP_FROM: 'whatsapp:+14155238886',
    TELEGRAM_BOT_TOKEN: TG_TOKEN, TELEGRAM_WEBHOOK_SECRET: TG_SECRET, TELEGRAM_API_ROOT: telegram.apiRoot,
  });
});
afterAll(async () => {
  await server.close();
  await telegram.close();
  await new Promise((r) => twilioApi.close(r));
});

/** A person on one channel: says text or taps the option with a label; returns what they see. */
interface Person {
  say(text: string): Promise<string>;
  tap(label: string): Promise<string>;
  /** Everything that reached the person from our side (an advisor's reply). */
  inbox(): string;
}

function terminalPerson(user: string): Person {
  const ref = { channel: 'terminal', user };
  const send = async (line: string) => renderForTerminal((await server.core.conversations.receive(ref, parseTerminalLine(line))).outbox).join('\n');
  let last = '';
  return {
    inbox: () => '',
    say: async (t) => (last = await send(t)),
    tap: async (label) => {
      const n = new RegExp(`^(\\d+)\\. ${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm').exec(last)?.[1];
      if (!n) throw new Error(`no numbered option "${label}" in:\n${last}`);
      return (last = await send(n));
    },
  };
}

function whatsappPerson(phone: string): Person {
  let n = 0;
  let last = '';
  const send = async (body: string) => {
    const params: Record<string, string> = { MessageSid: `SM${`${phone}${String(++n).padStart(6, '0')}`.padStart(32, '0')}`, AccountSid: 'AC' + '2'.repeat(32), From: `whatsapp:+${phone}`, To: 'whatsapp:+14155238886', Body: body, NumMedia: '0' };
    const url = `${server.base}/webhooks/whatsapp`;
    const signature = twilioSignature(TWILIO_TOKEN, url, params);
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature }, body: new URLSearchParams(params) });
    return (last = [...(await res.text()).matchAll(/<Message>([\s\S]*?)<\/Message>/g)].map((m) => m[1]!.replace(/&amp;/g, '&').replace(/&apos;/g, "'")).join('\n'));
  };
  return {
    inbox: () => twilioSent.filter((m) => m.to === `whatsapp:+${phone}`).map((m) => m.body).join('\n'),
    say: send,
    tap: async (label) => {
      const number = new RegExp(`^(\\d+)\\. ${label}$`, 'm').exec(last)?.[1];
      if (!number) throw new Error(`no numbered option "${label}"`);
      return send(number);
    },
  };
}

function telegramPerson(chatId: number): Person {
  let update = chatId * 1000;
  const deliver = async (body: object) => {
    const before = telegram.sent(chatId).length;
    await fetch(`${server.base}/webhooks/telegram`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TG_SECRET }, body: JSON.stringify({ update_id: ++update, ...body }) });
    return telegram.sent(chatId).slice(before).map((m) => m.text).join('\n');
  };
  const chat = { id: chatId, type: 'private' };
  const from = { id: chatId, is_bot: false, first_name: 'P', language_code: 'en' };
  return {
    inbox: () => telegram.sent(chatId).map((m) => m.text).join('\n'),
    say: (text) => deliver({ message: { message_id: update, date: 1763900000, chat, from, text } }),
    tap: (label) => {
      const keyboards = telegram.sent(chatId).flatMap((m) => ((m.reply_markup?.inline_keyboard ?? []) as { text: string; callback_data: string }[][]).flat());
      const button = keyboards.reverse().find((b) => b.text === label);
      if (!button) throw new Error(`no button "${label}"`);
      return deliver({ callback_query: { id: `cb${update}`, from, chat_instance: '1', data: button.callback_data, message: { message_id: 1, date: 1763900000, chat } } });
    },
  };
}

async function webchatPerson(): Promise<Person> {
  const { token, conversationId } = (await (await fetch(`${server.base}/v3/directline/tokens/generate`, { method: 'POST' })).json()) as { token: string; conversationId: string };
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const { streamUrl } = (await (await fetch(`${server.base}/v3/directline/conversations`, { method: 'POST', headers })).json()) as { streamUrl: string };
  const socket = new WebSocket(streamUrl);
  const activities: { from: { role?: string }; text?: string; suggestedActions?: { actions: { title: string; value: unknown }[] } }[] = [];
  socket.on('message', (data) => activities.push(...(JSON.parse(String(data)) as { activities: typeof activities }).activities));
  await new Promise((r) => socket.on('open', r));
  const post = async (activity: object) => {
    const before = activities.length;
    await fetch(`${server.base}/v3/directline/conversations/${conversationId}/activities`, { method: 'POST', headers, body: JSON.stringify({ from: { id: 'u' }, locale: 'en-US', ...activity }) });
    await new Promise((r) => setTimeout(r, 50)); // the stream delivers right after the POST returns
    return activities.slice(before).filter((a) => a.from.role === 'bot').map((a) => a.text ?? '').join('\n').replace(/\\(.)/g, '$1');
  };
  return {
    inbox: () => activities.filter((a) => a.from.role === 'bot').map((a) => a.text ?? '').join('\n'),
    say: (text) => post({ type: 'message', text }),
    tap: (label) => {
      const action = activities.flatMap((a) => a.suggestedActions?.actions ?? []).reverse().find((x) => x.title === label);
      if (!action) throw new Error(`no suggested action "${label}"`);
      return post({ type: 'message', value: action.value });
    },
  };
}

const channelPeople: [string, () => Promise<Person> | Person][] = [
  ['terminal', () => terminalPerson('booking')],
  ['whatsapp', () => whatsappPerson('233207777778')],
  ['telegram', () => telegramPerson(778)],
  ['webchat', () => webchatPerson()],
];

describe('a booking made through the chat on every channel shows in the staff API', () => {
  it('books four different times at Accra, one per channel, and the staff sees them all', async () => {
    await server.core.auth.create({ email: 'staff@accra.example', password: 'correct horse battery', centreId: 'gh-accra', role: 'advisor' });
    const login = await fetch(`${server.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'staff@accra.example', password: 'correct horse battery' }) });
    const { token } = (await login.json()) as { token: string };
    for (const [i, [channel, make]] of channelPeople.entries()) {
      const person = await make();
      await person.say('hello');
      await person.tap('Find a centre / appointment');
      await person.tap('Find the nearest centre');
      await person.say('Kumasi');
      await person.tap('Book in Accra');
      await person.tap('Thursday 26 November');
      await person.tap(['09:00', '09:30', '10:00', '10:30'][i]!);
      await person.say(`Person on ${channel}`);
      await person.say('+233 20 000 000' + i);
      expect(await person.tap('Yes, book it'), channel).toContain('Your appointment is booked');
    }
    const res = await fetch(`${server.base}/api/appointments?date=2026-11-26`, { headers: { authorization: `Bearer ${token}` } });
    const { appointments } = (await res.json()) as { appointments: { name: string; start: string; conversationId: string }[] };
    expect(appointments.map((a) => a.name).sort()).toEqual(['Person on telegram', 'Person on terminal', 'Person on webchat', 'Person on whatsapp']);
    expect(new Set(appointments.map((a) => a.conversationId.split(':')[0]))).toEqual(new Set(['terminal', 'whatsapp', 'telegram', 'webchat']));
  });
});

describe('the same conversation on every channel', () => {
  const people: [string, () => Promise<Person> | Person][] = [
    ['terminal', () => terminalPerson('contract')],
    ['whatsapp', () => whatsappPerson('233207777777')],
    ['telegram', () => telegramPerson(777)],
    ['webchat', () => webchatPerson()],
  ];
  for (const [channel, make] of people) {
    it(channel, async () => {
      const person = await make();
      expect(await person.say('hello')).toContain('Hello, I am Wegweiser');
      expect(await person.tap('Return and new start at home')).toContain('Coming home. How can we help?');
      const answer = await person.say('what is the REAG/GARP programme for going home from germany');
      expect(answer).toContain('https://');
      expect(answer).toContain('Last checked:');
      expect(await person.tap('More details')).toMatch(/Sources?:/);
    });
  }
});

describe('a handoff on every channel that can carry an advisor\'s reply', () => {
  const people: [string, () => Promise<Person> | Person][] = [
    ['whatsapp', () => whatsappPerson('233207777779')],
    ['telegram', () => telegramPerson(779)],
    ['webchat', () => webchatPerson()],
  ];
  for (const [channel, make] of people) {
    it(channel, async () => {
      await server.core.auth.create({ email: `advisor-${channel}@accra.example`, password: 'correct horse battery', centreId: 'gh-accra', role: 'advisor' });
      const login = await fetch(`${server.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: `advisor-${channel}@accra.example`, password: 'correct horse battery' }) });
      const { token } = (await login.json()) as { token: string };
      const person = await make();
      await person.say('hello');
      expect(await person.tap('Talk to a person')).toContain('Where are you?');
      expect(await person.say('Accra')).toContain('Shall I connect you?');
      expect(await person.tap('Yes, connect me')).toContain('Your conversation is now with an advisor');
      await person.say(`I am writing on ${channel}`);
      const { handoffs } = (await (await fetch(`${server.base}/api/handoffs`, { headers: { authorization: `Bearer ${token}` } })).json()) as { handoffs: { id: string; messages: { text: string }[] }[] };
      const mine = handoffs.find((h) => h.messages.some((m) => m.text === `I am writing on ${channel}`))!;
      const reply = await fetch(`${server.base}/api/handoffs/${mine.id}/messages`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ text: `Hello from Accra, ${channel}` }) });
      expect(reply.status).toBe(201);
      await new Promise((r) => setTimeout(r, 50));
      expect(person.inbox()).toContain(`Hello from Accra, ${channel}`);
    });
  }
});
