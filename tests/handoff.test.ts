/**
 * Handoff end to end: a person on Telegram asks for a human; the advisor of their centre sees it
 * (with the last messages) through the staff API, replies, and the fake Bot API receives the text;
 * while the advisor holds the chat the assistant stays quiet; closing gives it back to the bot.
 * Advisors of another centre can neither see nor answer it; delete my data removes it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeTelegram, type FakeTelegram } from './support/fake-telegram.js';
import { startTestServer, type RunningServer } from './support/server.js';

const TOKEN = '7000000003:AAhandoff';
const SECRET = 'handoff-secret';
let telegram: FakeTelegram;
let server: RunningServer;
let update = 5000;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  telegram = await startFakeTelegram(TOKEN);
  server = await startTestServer({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_API_ROOT: telegram.apiRoot });
  for (const [email, centreId] of [['kwame@accra.example', 'gh-accra'], ['sara@lahore.example', 'pk-lahore']] as const) {
    await server.core.auth.create({ email, password: 'correct horse battery', centreId, role: 'advisor' });
    const res = await fetch(`${server.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'correct horse battery' }) });
    tokens[email] = ((await res.json()) as { token: string }).token;
  }
});
afterAll(async () => {
  await server.close();
  await telegram.close();
});

const chat = (id: number) => ({ id, type: 'private' });
const from = (id: number) => ({ id, is_bot: false, first_name: 'Yaw', language_code: 'en' });
async function say(chatId: number, text: string): Promise<string> {
  const before = telegram.sent(chatId).length;
  await fetch(`${server.base}/webhooks/telegram`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
    body: JSON.stringify({ update_id: ++update, message: { message_id: update, date: 1763900000, chat: chat(chatId), from: from(chatId), text } }),
  });
  return telegram.sent(chatId).slice(before).map((m) => m.text).join('\n');
}
const staffApi = (path: string, as: string, body?: object) =>
  fetch(`${server.base}${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { authorization: `Bearer ${tokens[as]}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });

interface HandoffView {
  id: string;
  centreId: string;
  urgent: boolean;
  messages: { sender: string; text: string }[];
}

describe('handoff to a human advisor', () => {
  it('goes from the person on Telegram to the advisor and back', async () => {
    await say(901, 'hello');
    await say(901, 'how much salary for the blue card'); // a question, nothing urgent (a question on the boat from Libya is read as danger: it would be)
    expect(await say(901, 'talk to a person')).toContain('Where are you?');
    // The centre is named and the yes asked before anything is shared.
    expect(await say(901, 'Kumasi')).toContain('The nearest centre is the Ghanaian-European Centre');
    expect(await say(901, '1')).toContain('Your conversation is now with an advisor of the Ghanaian-European Centre');
    // Before any advisor answers: once, that the centre answers in its opening hours and "menu" brings the assistant back; then quiet.
    expect(await say(901, 'I came back from Germany last month and need work')).toContain('during its opening hours');
    expect(await say(901, 'when will they answer?')).toBe('');

    const queue = (await (await staffApi('/api/handoffs', 'kwame@accra.example')).json()) as { handoffs: HandoffView[] };
    const handoff = queue.handoffs.find((h) => h.messages.some((m) => m.text.includes('salary for the blue card')))!;
    expect(handoff).toMatchObject({ centreId: 'gh-accra', urgent: false });
    expect(handoff.messages.map((m) => m.sender)).toContain('bot');
    expect(handoff.messages.at(-1)).toMatchObject({ sender: 'person', text: 'when will they answer?' });
    // What the person was told while waiting is in the advisor's transcript too.
    expect(handoff.messages.at(-2)).toMatchObject({ sender: 'bot', text: expect.stringContaining('during its opening hours') });

    expect((await staffApi(`/api/handoffs/${handoff.id}/messages`, 'kwame@accra.example', { text: 'Welcome back, Yaw. Can you come on Thursday?' })).status).toBe(201);
    expect(telegram.sent(901).at(-1)!.text).toBe('Welcome back, Yaw. Can you come on Thursday?');

    expect((await staffApi(`/api/handoffs/${handoff.id}/close`, 'kwame@accra.example', {})).status).toBe(200);
    expect(telegram.sent(901).at(-1)!.text).toContain('You are back with the assistant');
    expect(await say(901, 'menu')).toContain('What would you like to know?');
    expect((await staffApi(`/api/handoffs/${handoff.id}/messages`, 'kwame@accra.example', { text: 'late' })).status).toBe(409);
  });

  it('lets only the advisors of that centre see and answer it; no token is 401', async () => {
    await say(902, 'hello');
    await say(902, 'human');
    await say(902, 'Accra');
    await say(902, '1');
    const lahore = (await (await staffApi('/api/handoffs', 'sara@lahore.example')).json()) as { handoffs: HandoffView[] };
    expect(lahore.handoffs).toEqual([]);
    const accra = (await (await staffApi('/api/handoffs', 'kwame@accra.example')).json()) as { handoffs: HandoffView[] };
    const id = accra.handoffs.at(-1)!.id;
    expect((await staffApi(`/api/handoffs/${id}/messages`, 'sara@lahore.example', { text: 'hi' })).status).toBe(403);
    expect((await fetch(`${server.base}/api/handoffs`)).status).toBe(401);
  });

  it('danger said while waiting for the advisor gets the safety guidance at once and makes the request urgent', async () => {
    await say(904, 'hello');
    await say(904, 'talk to a person');
    await say(904, 'Accra');
    await say(904, '1');
    const reply = await say(904, 'the madam took my passport and she lock me inside the house');
    expect(reply).toMatch(/passport/i);
    expect(reply).not.toBe('');
    const queue = (await (await staffApi('/api/handoffs', 'kwame@accra.example')).json()) as { handoffs: HandoffView[] };
    const mine = queue.handoffs.find((h) => h.messages.some((m) => m.text.includes('lock me inside')))!;
    expect(mine.urgent).toBe(true);
    // The advisor sees what the person was told.
    expect(mine.messages.at(-1)).toMatchObject({ sender: 'bot' });
    // Quiet again for an ordinary message.
    expect(await say(904, 'ok thank you')).toBe('');
  });

  it('puts urgent handoffs first and removes everything on delete my data', async () => {
    await say(903, 'hello');
    expect(await say(903, 'my employer took my passport and locked me in')).toContain('Where are you?');
    expect(await say(903, 'Accra')).toContain('Shall I connect you?');
    await say(903, '1');
    const queue = (await (await staffApi('/api/handoffs', 'kwame@accra.example')).json()) as { handoffs: HandoffView[] };
    expect(queue.handoffs[0]!.urgent).toBe(true);
    await say(903, 'delete my data');
    expect(await say(903, 'yes')).toContain('deleted');
    const { handoffs, conversations } = await server.core.storage.inspect();
    expect(handoffs!.filter((h) => h.conversation_id === 'telegram:903')).toEqual([]);
    expect(conversations!.filter((c) => c.id === 'telegram:903')).toEqual([]);
  });
});

describe('handoff race', () => {
  it('a staff reply and a person’s message at the same moment: the advisor answers, the assistant at most says once that the centre will answer', async () => {
    const core = server.core;
    const sent: string[] = [];
    core.senders.set('race', { send: async (_user, outbox) => (sent.push((outbox[0] as { text: string }).text), { status: 'sent' }) });
    const person = { channel: 'race', user: 'r1' };
    for (const text of ['hello', 'talk to a person', 'Accra', '1']) await core.conversations.receive(person, { kind: 'text', text });
    const admin = { id: 'admin-race', email: 'race@example.org', centreId: 'gh-accra', role: 'admin' as const };
    const [h] = (await core.handoffs.list(admin)).filter((x) => x.conversationId === 'race:r1');
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => [core.conversations.receive(person, { kind: 'text', text: `message ${i}` }), core.handoffs.reply(admin, h!.id, `reply ${i}`)]).flat(),
    );
    // A message that came before any reply gets the one word that the centre answers in its opening hours; nothing else.
    const botReplies = results.flatMap((r) => ('outbox' in r ? r.outbox : []));
    expect(botReplies.length).toBeLessThanOrEqual(1);
    for (const m of botReplies) expect(m).toMatchObject({ kind: 'text', text: expect.stringContaining('during its opening hours') });
    expect(sent.filter((t) => t.startsWith('reply '))).toHaveLength(10);
    const messages = await core.storage.handoffs.messages(h!.id);
    expect(messages.filter((m) => m.sender === 'person' && m.text.startsWith('message '))).toHaveLength(10);
    expect(messages.filter((m) => m.sender === 'staff')).toHaveLength(10);
  });
});
