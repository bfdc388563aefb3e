/**
 * WhatsApp after the 24-hour window, on the running server against a fake Twilio REST API: the
 * reminder of an appointment booked a week ahead goes as the approved template (ContentSid and
 * ContentVariables), an advisor's reply after a weekend invites the person with a template and
 * waits for their answer, which delivers the waiting replies in order and once; every REST
 * message carries a StatusCallback, whose signed reports are stored per message (forward only),
 * counted in /metrics, retried when transient and shown to the advisor.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WegweiserError } from '../src/core/errors.js';
import { WhatsAppSender } from '../src/channels/whatsapp/send.js';
import { loadTemplates } from '../src/channels/whatsapp/templates.js';
import { createServer as createWegweiserServer } from '../src/server/app.js';
import { startTestServer, type RunningServer } from './support/server.js';
import { createTestCore } from './support/test-core.js';
import { twilioSignature } from './support/twilio-signature.js';

const TOKEN = 'test-auth-token-templates-0123456';
const ACCOUNT = 'AC' + 'a'.repeat(32);
const FROM = 'whatsapp:+14155238886';
const sid = (c: string) => `HX${c.repeat(32)}`;
const TEMPLATES = {
  'appointment-reminder': { en: sid('1'), fr: sid('2') },
  'advisor-replied': { en: sid('3') },
  'booking-changed': { en: sid('4') },
};
const HOUR = 3600_000;

/** A fake of Twilio's Messages endpoint: keeps every request's form, answers with a new SM sid (or a queued failure). */
interface FakeTwilio {
  apiBase: string;
  posted: URLSearchParams[];
  failures: [number, number, string][];
  close(): Promise<void>;
}
async function startFakeTwilio(): Promise<FakeTwilio> {
  const posted: URLSearchParams[] = [];
  const failures: [number, number, string][] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      const failure: [number, number, string] | undefined = req.url === `/2010-04-01/Accounts/${ACCOUNT}/Messages.json` ? failures.shift() : [404, 20404, 'not found'];
      if (failure) {
        res.statusCode = failure[0];
        return res.end(JSON.stringify({ code: failure[1], message: failure[2], status: failure[0] }));
      }
      posted.push(new URLSearchParams(body));
      res.statusCode = 201;
      res.end(JSON.stringify({ sid: `SM${posted.length.toString(16).padStart(32, '0')}`, status: 'queued', account_sid: ACCOUNT }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { apiBase: `http://127.0.0.1:${(server.address() as { port: number }).port}`, posted, failures, close: () => new Promise((r) => server.close(() => r())) };
}

let twilio: FakeTwilio;
let server: RunningServer;
let seq = 0;

beforeAll(async () => {
  twilio = await startFakeTwilio();
  server = await startTestServer({
    TWILIO_ACCOUNT_SID: ACCOUNT, TWILIO_AUTH_TOKEN: TOKEN, TWILIO_WHATSAPP_FROM: FROM, TWILIO_API_BASE: twilio.apiBase,
    WHATSAPP_TEMPLATES: JSON.stringify(TEMPLATES),
  });
});
afterAll(async () => {
  await server?.close();
  await twilio?.close();
});

/** A signed form post, as Twilio sends it. */
async function signedPost(path: string, params: Record<string, string>, token = TOKEN): Promise<Response> {
  const url = `${server.base}${path}`;
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilioSignature(token, url, params) },
    body: new URLSearchParams(params).toString(),
  });
}

/** The person writes on WhatsApp; the TwiML reply's texts. `messageSid` to deliver the same message again. */
async function say(phone: string, text: string, messageSid = `SM${(++seq).toString().padStart(32, 'e')}`): Promise<string[]> {
  const res = await signedPost('/webhooks/whatsapp', { MessageSid: messageSid, AccountSid: ACCOUNT, From: `whatsapp:+${phone}`, To: FROM, WaId: phone, NumMedia: '0', Body: text });
  expect(res.status).toBe(200);
  const body = await res.text();
  return [...body.matchAll(/<Message>([\s\S]*?)<\/Message>/g)].map((m) => m[1]!);
}

const status = (messageSid: string, messageStatus: string, errorCode?: string) =>
  signedPost('/webhooks/whatsapp/status', { MessageSid: messageSid, AccountSid: ACCOUNT, MessageStatus: messageStatus, To: 'whatsapp:+233200000000', From: FROM, ...(errorCode ? { ErrorCode: errorCode } : {}) });

const STATUS_CALLBACK = () => `${server.base}/webhooks/whatsapp/status`;
/** The message sid the fake gave the n-th request (1-based). */
const smOf = (n: number) => `SM${n.toString(16).padStart(32, '0')}`;

/** A staff account; signed in again when the tests moved the clock on since (a session ends). */
async function advisorToken(email: string, role: 'advisor' | 'admin' = 'advisor'): Promise<string> {
  await server.core.auth.create({ email, password: 'correct horse battery', centreId: 'gh-accra', role });
  return email;
}
const sessions = new Map<string, { token: string; at: number }>();
async function staff(email: string, path: string, body?: object, method = body ? 'POST' : 'GET'): Promise<Response> {
  const now = server.core.clock.now().getTime();
  if (!sessions.has(email) || now - sessions.get(email)!.at > HOUR) {
    const login = await fetch(`${server.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'correct horse battery' }) });
    expect(login.status).toBe(200);
    sessions.set(email, { token: ((await login.json()) as { token: string }).token, at: now });
  }
  const { token } = sessions.get(email)!;
  return fetch(`${server.base}${path}`, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
}

interface HandoffView {
  id: string;
  canReply: string;
  messages: { sender: string; text: string; delivery?: string }[];
}
async function handoffOf(token: string, firstWords: string): Promise<HandoffView> {
  const { handoffs } = (await (await staff(token, '/api/handoffs')).json()) as { handoffs: HandoffView[] };
  return handoffs.find((h) => h.messages.some((m) => m.text.includes(firstWords)))!;
}

describe('a reminder outside the 24-hour window', () => {
  it('reaches WhatsApp as the approved template for an appointment booked a week ahead, with date, time, centre and reference', async () => {
    const phone = '233201000001';
    for (const text of ['hello', '4', '1', 'Accra', 'Book in Accra', 'Monday 30 November', '10:00', 'Abena', '+233 24 000 0001']) await say(phone, text);
    const booked = (await say(phone, 'Yes, book it')).join('\n');
    const reference = /\b([A-Z2-9]{6})\b/.exec(booked.slice(booked.indexOf('eferenc')))?.[1];
    expect(reference).toBeTruthy();
    const before = twilio.posted.length;

    server.core.clock.advance(6 * 24 * HOUR + 60_000); // Sunday 29 November, 10:01 UTC: six days since the person last wrote
    expect(await server.core.jobs.tick()).toEqual([{ id: expect.stringMatching(/^reminder:/), status: 'done' }]);
    expect(twilio.posted.length).toBe(before + 1);
    const sent = Object.fromEntries(twilio.posted.at(-1)!);
    expect(sent).toEqual({ To: `whatsapp:+${phone}`, From: FROM, ContentSid: sid('1'), ContentVariables: expect.any(String), StatusCallback: STATUS_CALLBACK() });
    expect(JSON.parse(sent.ContentVariables!)).toEqual({ '1': 'Monday 30 November', '2': '10:00', '3': 'Ghanaian-European Centre for Jobs, Migration and Development (GEC), Accra', '4': reference });

    // Twilio reports on it: stored per message, forward only, counted.
    const reminderSid = smOf(twilio.posted.length);
    const [stored] = (await server.core.storage.inspect()).outbound_receipts!.filter((r) => r.message_id === reminderSid);
    expect(stored).toMatchObject({ status: 'queued' });
    expect((await status(reminderSid, 'delivered')).status).toBe(204);
    expect((await status(reminderSid, 'sent')).status).toBe(204); // late: no step back
    const outbound = (await server.core.storage.inspect()).outbound_messages!.find((m) => m.id === stored!.outbound_id);
    expect(outbound).toMatchObject({ status: 'delivered', conversation_id: `whatsapp:${phone}` });
    const metrics = await (await fetch(`${server.base}/metrics`)).text();
    expect(metrics).toMatch(/wegweiser_message_statuses_total\{channel="whatsapp",status="delivered"\} 1\b/);
    expect(metrics).toMatch(/wegweiser_message_statuses_total\{channel="whatsapp",status="sent"\} 1\b/);
  });
});

describe('status callbacks', () => {
  it('are refused with 403 and change nothing without a valid signature; malformed ones get 400', async () => {
    const before = JSON.stringify((await server.core.storage.inspect()).outbound_receipts);
    const params = { MessageSid: smOf(1), AccountSid: ACCOUNT, MessageStatus: 'read' };
    const url = `${server.base}/webhooks/whatsapp/status`;
    const post = (headers: Record<string, string>, body = params) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(body).toString() });
    expect((await post({})).status).toBe(403);
    expect((await post({ 'x-twilio-signature': twilioSignature('another-token', url, params) })).status).toBe(403);
    expect((await post({ 'x-twilio-signature': twilioSignature(TOKEN, url, params) }, { ...params, MessageStatus: 'failed' })).status).toBe(403); // tampered
    expect(JSON.stringify((await server.core.storage.inspect()).outbound_receipts)).toBe(before);
    expect((await signedPost('/webhooks/whatsapp/status', { ...params, MessageSid: 'nonsense' })).status).toBe(400);
    expect((await signedPost('/webhooks/whatsapp/status', { ...params, MessageSid: `SM${'f'.repeat(32)}` })).status).toBe(204); // not ours: answered, nothing stored
    expect(JSON.stringify((await server.core.storage.inspect()).outbound_receipts)).toBe(before);
  });
});

describe('an advisor replying after the window closed', () => {
  let token: string;
  let handoff: HandoffView;
  const phone = '233201000002';

  it('shows canReply "now" inside the window, and each reply with its StatusCallback and delivery', async () => {
    token = await advisorToken('kofi@accra.example');
    for (const text of ['hello', 'talk to a person', 'Accra', '1']) await say(phone, text);
    await say(phone, 'I need help with my papers');
    handoff = await handoffOf(token, 'I need help with my papers');
    expect(handoff.canReply).toBe('now');
    expect((await staff(token, `/api/handoffs/${handoff.id}/messages`, { text: 'Hello, I am Kofi.' })).status).toBe(201);
    expect(Object.fromEntries(twilio.posted.at(-1)!)).toEqual({ To: `whatsapp:+${phone}`, From: FROM, Body: 'Hello, I am Kofi.', StatusCallback: STATUS_CALLBACK() });
    const kofiSid = smOf(twilio.posted.length);
    expect((await handoffOf(token, 'I need help')).messages.at(-1)).toMatchObject({ sender: 'staff', text: 'Hello, I am Kofi.', delivery: 'queued' });
    await status(kofiSid, 'read');
    expect((await handoffOf(token, 'I need help')).messages.at(-1)).toMatchObject({ delivery: 'read' });
  });

  it('invites the person with the template, holds the replies in order, and delivers them once when the person answers', async () => {
    server.core.clock.advance(60 * HOUR); // a weekend
    expect((await handoffOf(token, 'I need help')).canReply).toBe('template');
    const before = twilio.posted.length;
    const first = await staff(token, `/api/handoffs/${handoff.id}/messages`, { text: 'Are you still there? We have news.' });
    expect(first.status).toBe(202);
    expect(await first.json()).toMatchObject({ status: 'waiting' });
    expect(twilio.posted.length).toBe(before + 1);
    expect(Object.fromEntries(twilio.posted.at(-1)!)).toEqual({ To: `whatsapp:+${phone}`, From: FROM, ContentSid: sid('3'), ContentVariables: expect.any(String), StatusCallback: STATUS_CALLBACK() });
    expect(JSON.parse(twilio.posted.at(-1)!.get('ContentVariables')!)).toEqual({ '1': 'Ghanaian-European Centre for Jobs, Migration and Development (GEC)' });
    expect((await staff(token, `/api/handoffs/${handoff.id}/messages`, { text: 'Please bring your passport.' })).status).toBe(202);
    expect(twilio.posted.length).toBe(before + 1); // invited once
    const waiting = (await handoffOf(token, 'I need help')).messages.slice(-2);
    expect(waiting).toEqual([
      expect.objectContaining({ sender: 'staff', text: 'Are you still there? We have news.', delivery: 'waiting' }),
      expect.objectContaining({ sender: 'staff', text: 'Please bring your passport.', delivery: 'waiting' }),
    ]);
    expect(await server.core.jobs.tick()).toEqual([]); // nothing goes before the person answers

    server.core.clock.advance(HOUR);
    const answerSid = `SM${'d'.repeat(32)}`;
    server.core.jobs.start(3600_000); // the runner as at start, its next interval far away: only the person's answer sets it off
    try {
      expect(await say(phone, 'Yes I am here', answerSid)).toEqual([]); // the advisor holds the chat: the assistant stays quiet
      expect(await say(phone, 'Yes I am here', answerSid)).toEqual([]); // Twilio's retry of the same delivery
      await vi.waitFor(() => expect(twilio.posted.length).toBe(before + 3), { timeout: 5000 });
    } finally {
      server.core.jobs.stop();
    }
    expect(twilio.posted.slice(before + 1).map((p) => [p.get('Body'), p.get('StatusCallback'), p.get('ContentSid')])).toEqual([
      ['Are you still there? We have news.', STATUS_CALLBACK(), null],
      ['Please bring your passport.', STATUS_CALLBACK(), null],
    ]);
    expect(await server.core.jobs.tick()).toEqual([]); // once
    expect((await handoffOf(token, 'I need help')).messages.slice(-3).map((m) => [m.sender, m.delivery])).toEqual([
      ['staff', 'queued'],
      ['staff', 'queued'],
      ['person', undefined],
    ]);
    expect((await handoffOf(token, 'I need help')).canReply).toBe('now');
  });

  it('keeps a reply Twilio could not take (503) in the outbox, shown as queued, and sends it later', async () => {
    twilio.failures.push([503, 20503, 'Service Unavailable']);
    const res = await staff(token, `/api/handoffs/${handoff.id}/messages`, { text: 'Our office opens at nine.' });
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ status: 'queued' });
    expect((await handoffOf(token, 'I need help')).messages.at(-1)).toMatchObject({ text: 'Our office opens at nine.', delivery: 'queued' });
    const before = twilio.posted.length;
    server.core.clock.advance(61_000);
    expect(await server.core.jobs.tick()).toEqual([{ id: expect.stringMatching(/^send:/), status: 'done' }]);
    expect(twilio.posted.slice(before).map((p) => p.get('Body'))).toEqual(['Our office opens at nine.']);
    await status(smOf(twilio.posted.length), 'sent');
    expect((await handoffOf(token, 'I need help')).messages.at(-1)).toMatchObject({ delivery: 'sent' });
  });

  it('tries a transient failure again, and shows a lasting one to the advisor', async () => {
    expect((await staff(token, `/api/handoffs/${handoff.id}/messages`, { text: 'Can you come on Thursday?' })).status).toBe(201);
    const thursday = smOf(twilio.posted.length);
    expect((await status(thursday, 'undelivered', '30003')).status).toBe(204); // the handset was unreachable
    expect((await handoffOf(token, 'I need help')).messages.at(-1)).toMatchObject({ text: 'Can you come on Thursday?', delivery: 'queued' });
    const before = twilio.posted.length;
    server.core.clock.advance(6 * 60_000);
    expect(await server.core.jobs.tick()).toEqual([{ id: expect.stringMatching(/^send:/), status: 'done' }]);
    expect(twilio.posted.length).toBe(before + 1);
    expect(twilio.posted.at(-1)!.get('Body')).toBe('Can you come on Thursday?');
    await status(thursday, 'failed', '30003'); // the first attempt's late news changes nothing
    await status(smOf(twilio.posted.length), 'delivered');
    expect((await handoffOf(token, 'I need help')).messages.at(-1)).toMatchObject({ delivery: 'delivered' });

    expect((await staff(token, `/api/handoffs/${handoff.id}/messages`, { text: 'Call us.' })).status).toBe(201);
    await status(smOf(twilio.posted.length), 'failed', '30007'); // filtered by the carrier: trying again will not help
    server.core.clock.advance(3600_000);
    const after = twilio.posted.length;
    await server.core.jobs.tick();
    expect(twilio.posted.length).toBe(after);
    expect((await handoffOf(token, 'I need help')).messages.at(-1)).toMatchObject({ text: 'Call us.', delivery: 'failed' });
    const failed = (await server.core.storage.inspect()).outbound_messages!.find((m) => m.status === 'failed');
    expect(failed).toMatchObject({ error_code: '30007' });
  });
});

describe('an advisor answering at once when the person’s answer released the waiting replies', () => {
  it('sends the waiting replies first, so the person reads everything in order, each once', async () => {
    const phone = '233201000005';
    const token = await advisorToken('efua@accra.example');
    for (const text of ['hello', 'talk to a person', 'Accra', '1', 'Please call me back']) await say(phone, text);
    const handoff = await handoffOf(token, 'Please call me back');
    server.core.clock.advance(30 * HOUR);
    const before = twilio.posted.length;
    expect((await staff(token, `/api/handoffs/${handoff.id}/messages`, { text: 'We tried to call you.' })).status).toBe(202);
    expect(twilio.posted.at(-1)!.get('ContentSid')).toBe(sid('3'));
    await say(phone, 'Sorry, I was away'); // the waiting reply is released, not yet sent (the runner is not started)
    expect((await staff(token, `/api/handoffs/${handoff.id}/messages`, { text: 'When can we call?' })).status).toBe(201);
    expect(twilio.posted.slice(before + 1).map((p) => p.get('Body'))).toEqual(['We tried to call you.', 'When can we call?']);
    await server.core.jobs.tick();
    expect(twilio.posted.length).toBe(before + 3); // nothing twice
  });
});

describe('a centre cancelling a booking after the window closed', () => {
  it('tells the person with the booking-changed template', async () => {
    const phone = '233201000003';
    for (const text of ['hello', '4', '1', 'Accra', 'Book in Accra']) await say(phone, text);
    const days = (await say(phone, 'Book in Accra')).join('\n');
    const day = /(\w+day \d+ \w+)/.exec(days)?.[1];
    expect(day).toBeTruthy();
    for (const text of [day!, '11:00', 'Kwame', '+233 24 000 0003']) await say(phone, text);
    await say(phone, 'Yes, book it');
    const admin = await advisorToken('admin@accra.example', 'admin');
    const { appointments } = (await (await staff(admin, '/api/appointments?centreId=gh-accra')).json()) as { appointments: { id: string; reference: string; name: string }[] };
    const mine = appointments.find((a) => a.name === 'Kwame')!;
    server.core.clock.advance(25 * HOUR);
    const before = twilio.posted.length;
    expect((await staff(admin, `/api/appointments/${mine.id}`, undefined, 'DELETE')).status).toBe(204);
    expect(twilio.posted.length).toBe(before + 1);
    const sent = Object.fromEntries(twilio.posted.at(-1)!);
    expect(sent).toMatchObject({ To: `whatsapp:+${phone}`, From: FROM, ContentSid: sid('4'), StatusCallback: STATUS_CALLBACK() });
    expect(JSON.parse(sent.ContentVariables!)).toEqual({ '1': expect.stringContaining(day!.split(' ').slice(1).join(' ')), '2': expect.stringMatching(/^\d\d:\d\d$/), '3': expect.stringMatching(/Accra$/), '4': mine.reference });
  });
});

describe('without a template', () => {
  it('says "no-template" before the advisor writes, and a reply is 409 with nothing stored or sent', async () => {
    const fake = await startFakeTwilio();
    const bare = await startTestServer({
      TWILIO_ACCOUNT_SID: ACCOUNT, TWILIO_AUTH_TOKEN: TOKEN, TWILIO_WHATSAPP_FROM: FROM, TWILIO_API_BASE: fake.apiBase,
      WHATSAPP_TEMPLATES: join(mkdtempSync(join(tmpdir(), 'wa-none-')), 'absent.json'),
    });
    try {
      expect(bare.core.logLines.filter((l) => l.includes('no templates'))).toHaveLength(1);
      const phone = '233201000004';
      let n = 0;
      for (const text of ['hello', 'talk to a person', 'Accra', '1', 'my question']) {
        const params = { MessageSid: `SM${(++n).toString().padStart(32, 'c')}`, AccountSid: ACCOUNT, From: `whatsapp:+${phone}`, To: FROM, WaId: phone, NumMedia: '0', Body: text };
        const url = `${bare.base}/webhooks/whatsapp`;
        await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilioSignature(TOKEN, url, params) }, body: new URLSearchParams(params).toString() });
      }
      await bare.core.auth.create({ email: 'ama@accra.example', password: 'correct horse battery', centreId: 'gh-accra', role: 'advisor' });
      bare.core.clock.advance(25 * HOUR);
      const login = await fetch(`${bare.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'ama@accra.example', password: 'correct horse battery' }) });
      const auth = { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
      const { handoffs } = (await (await fetch(`${bare.base}/api/handoffs`, { headers: auth })).json()) as { handoffs: HandoffView[] };
      expect(handoffs).toHaveLength(1);
      expect(handoffs[0]!.canReply).toBe('no-template');
      const res = await fetch(`${bare.base}/api/handoffs/${handoffs[0]!.id}/messages`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ text: 'Hello?' }) });
      expect(res.status).toBe(409);
      expect(((await res.json()) as { error: string }).error).toMatch(/24 hours.*no approved WhatsApp template "advisor-replied"/);
      expect(fake.posted).toEqual([]);
      const rows = await bare.core.storage.inspect();
      expect(rows.handoff_messages!.filter((m) => m.sender === 'staff')).toEqual([]);
      expect(rows.outbound_messages).toEqual([]);
    } finally {
      await bare.close();
      await fake.close();
    }
  });
});

describe('the templates configuration', () => {
  it('falls back to the English template for a language without its own', async () => {
    const core = await createTestCore();
    const fake = await startFakeTwilio();
    try {
      const sender = new WhatsAppSender({ accountSid: ACCOUNT, authToken: TOKEN, from: FROM, now: core.clock.now, apiBase: fake.apiBase, templates: TEMPLATES, statusCallback: 'https://chat.example.org/webhooks/whatsapp/status' });
      const old = { lang: 'sq' as const, updatedAt: new Date(core.clock.now().getTime() - 30 * HOUR).toISOString() };
      const purpose = { kind: 'appointment-reminder' as const, date: 'e hënë 30 nëntor', time: '10:00', centre: 'Qendra', reference: 'ABC234' };
      expect(sender.reach(old, 'appointment-reminder')).toBe('template');
      expect(await sender.send('355690000001', [{ kind: 'text', text: 'ignored outside the window' }], old, purpose)).toMatchObject({ status: 'sent', template: true, tracked: true });
      expect(fake.posted.at(-1)!.get('ContentSid')).toBe(sid('1'));
      expect(fake.posted.at(-1)!.get('Body')).toBeNull();
      await sender.send('33600000001', [], { ...old, lang: 'fr' }, purpose);
      expect(fake.posted.at(-1)!.get('ContentSid')).toBe(sid('2'));
    } finally {
      await fake.close();
      await core.close();
    }
  });

  it('is checked at start: a wrong entry stops the start with its name; JSON or YAML files are read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wa-templates-'));
    const yamlFile = join(dir, 'templates.yaml');
    writeFileSync(yamlFile, `appointment-reminder:\n  en: ${sid('a')}\n  ur: ${sid('b')}\n`);
    expect(loadTemplates(yamlFile)).toEqual({ templates: { 'appointment-reminder': { en: sid('a'), ur: sid('b') } }, source: yamlFile });
    const problems = (setting: string) => {
      try {
        loadTemplates(setting);
      } catch (err) {
        expect(err).toBeInstanceOf(WegweiserError);
        return (err as WegweiserError).problems.join('\n');
      }
      return 'no problem';
    };
    expect(problems(JSON.stringify({ 'appointment-reminder': { fr: 'HX123' } }))).toMatch(/appointment-reminder\.fr: "HX123" is not a content SID/);
    expect(problems(JSON.stringify({ reminder: { en: sid('1') } }))).toMatch(/"reminder" is not a template purpose/);
    expect(problems(JSON.stringify({ 'advisor-replied': { pt: sid('1') } }))).toMatch(/advisor-replied\.pt: not one of the languages/);
    const badFile = join(dir, 'bad.json');
    writeFileSync(badFile, '{ "booking-changed": ');
    expect(problems(badFile)).toContain(badFile);

    writeFileSync(badFile, JSON.stringify({ 'booking-changed': { en: 'not-a-sid' } }));
    const core = await createTestCore({ env: { TWILIO_ACCOUNT_SID: ACCOUNT, TWILIO_AUTH_TOKEN: TOKEN, TWILIO_WHATSAPP_FROM: FROM, WHATSAPP_TEMPLATES: badFile } });
    try {
      const started = await createWegweiserServer(core).then(
        (app) => app.close().then(() => 'started'),
        (err: unknown) => (err as WegweiserError).problems.join('\n'),
      );
      expect(started).toMatch(/booking-changed\.en: "not-a-sid" is not a content SID/);
    } finally {
      await core.close();
    }
  });
});
