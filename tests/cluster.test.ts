/**
 * Two instances of one deployment (two real servers on one PostgreSQL + Redis), as behind a load
 * balancer: a web chat connected to one hears replies made on the other, a person's messages
 * through either are one conversation, a retried delivery on the other instance is answered the
 * same and runs no second turn, and a login lockout holds everywhere. Skipped, and said so, when
 * PostgreSQL or Redis does not answer.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestServer, type RunningServer } from './support/server.js';
import { postgresAnswers, redisAnswers } from './support/services.js';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from './support/test-core.js';
import { twilioSignature } from './support/twilio-signature.js';

const available = (await postgresAnswers(TEST_DATABASE_URL)) && (await redisAnswers(TEST_REDIS_URL));
const TOKEN = 'cluster-twilio-token';
const LB = 'https://lb.cluster.example';

describe.skipIf(!available)(available ? 'two instances on one PostgreSQL + Redis' : `two instances — PostgreSQL or Redis not reachable (${TEST_DATABASE_URL}, ${TEST_REDIS_URL}), skipped`, () => {
  let a: RunningServer;
  let b: RunningServer;

  beforeAll(async () => {
    const shared = `wt_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
    const env = { TWILIO_ACCOUNT_SID: 'AC' + '5'.repeat(32), TWILIO_AUTH_TOKEN: TOKEN, TWILIO_WHATSAPP_FROM: 'whatsapp:+14155238886' };
    // Both behind one public URL, as behind a load balancer: Twilio signs against it.
    a = await startTestServer(env, () => LB, shared);
    b = await startTestServer(env, () => LB, shared);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  const whatsapp = async (via: RunningServer, params: Record<string, string>) => {
    const res = await fetch(`${via.base}/webhooks/whatsapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilioSignature(TOKEN, `${LB}/webhooks/whatsapp`, params) },
      body: new URLSearchParams(params).toString(),
    });
    return { status: res.status, body: await res.text() };
  };
  const message = (sid: string, body: string) => ({ MessageSid: sid, AccountSid: 'AC' + '5'.repeat(32), From: 'whatsapp:+212600123456', To: 'whatsapp:+14155238886', WaId: '212600123456', NumMedia: '0', Body: body });

  it('a web chat connected to one instance receives the replies made on the other', async () => {
    const { token, conversationId } = (await (await fetch(`${a.base}/v3/directline/tokens/generate`, { method: 'POST' })).json()) as { token: string; conversationId: string };
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const started = (await (await fetch(`${a.base}/v3/directline/conversations`, { method: 'POST', headers })).json()) as { streamUrl: string };
    const socket = new WebSocket(started.streamUrl.replace(LB.replace(/^https/, 'wss'), a.base.replace(/^http/, 'ws')));
    const texts: string[] = [];
    socket.on('message', (data) => {
      if (String(data)) for (const activity of (JSON.parse(String(data)) as { activities: { text?: string }[] }).activities) texts.push(activity.text ?? '');
    });
    await new Promise((r) => socket.once('open', r));
    // The token made on A opens the conversation on B: both sign with the shared secret.
    const posted = await fetch(`${b.base}/v3/directline/conversations/${conversationId}/activities`, { method: 'POST', headers, body: JSON.stringify({ type: 'message', from: { id: 'u1' }, text: 'hello', locale: 'en-US' }) });
    expect(posted.status).toBe(200);
    for (let i = 0; i < 100 && !texts.some((t) => t.includes('Wegweiser')); i++) await new Promise((r) => setTimeout(r, 20));
    expect(texts[0]).toBe('hello');
    expect(texts.some((t) => t.includes('Hello, I am Wegweiser'))).toBe(true);
    socket.close();
  });

  it('one conversation through either instance; a retry on the other is answered the same, with no second turn', async () => {
    const first = await whatsapp(a, message('SM' + '1'.repeat(32), 'bonjour'));
    expect(first.body).toContain('Bonjour');
    const second = await whatsapp(b, message('SM' + '2'.repeat(32), '2'));
    expect(second.body).toContain('Avant de décider');
    const retried = await whatsapp(a, message('SM' + '2'.repeat(32), '2'));
    expect(retried.body).toBe(second.body);
    expect((await b.core.storage.conversations.load('whatsapp:212600123456'))?.turns).toBe(2);
  });

  it('a person’s concurrent messages through both instances are each handled once, one after another', async () => {
    const from = { From: 'whatsapp:+212600999888', WaId: '212600999888' };
    const sends = Array.from({ length: 12 }, (_, i) => whatsapp(i % 2 ? a : b, { ...message(`SM${String(i).padStart(32, '7')}`, i === 0 ? 'hello' : 'menu'), ...from }));
    const replies = await Promise.all(sends);
    expect(replies.every((r) => r.status === 200 && r.body.includes('<Message>'))).toBe(true);
    expect((await a.core.storage.conversations.load('whatsapp:212600999888'))?.turns).toBe(12);
  });

  it('locks a staff account on every instance after wrong passwords on one', async () => {
    await a.core.auth.create({ email: 'cluster@accra.example', password: 'correct horse battery', centreId: 'gh-accra', role: 'advisor' });
    const login = (via: RunningServer, password: string) =>
      fetch(`${via.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'cluster@accra.example', password }) });
    for (let i = 0; i < 5; i++) expect((await login(a, 'wrong password!')).status).toBe(401);
    expect((await login(b, 'correct horse battery')).status).toBe(429);
  });
});
