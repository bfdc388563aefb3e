/**
 * Messages that start on our side go through Twilio's REST API (a fake on 127.0.0.1 here), only
 * inside WhatsApp's 24-hour window and never to a person who wrote "stop".
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WhatsAppSender } from '../src/channels/whatsapp/send.js';
import type { Outbound } from '../src/core/messages.js';
import { enqueueReply } from '../src/runtime/outbox.js';
import { createServer as createWegweiserServer } from '../src/server/app.js';
import { createTestCore, type TestCore } from './support/test-core.js';

const SID = 'AC' + '1'.repeat(32);
let fake: Server;
let apiBase: string;
let core: TestCore;
let whatsapp: WhatsAppSender;
/** Sends as the outbox does: with the person's conversation as stored. */
const sender = {
  send: async (user: string, outbox: Outbound[]) => {
    const state = await core.storage.conversations.load(`whatsapp:${user}`);
    return whatsapp.send(user, outbox, state ? { lang: state.lang, updatedAt: state.updatedAt, stopped: state.stopped } : undefined);
  },
};
/** The next answers of the fake, as Twilio gives them: [HTTP status, Twilio error code, message]. */
const failures: [number, number, string][] = [];
const posted: { path: string; form: URLSearchParams; auth: string }[] = [];

beforeAll(async () => {
  fake = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      posted.push({ path: req.url ?? '', form: new URLSearchParams(body), auth: req.headers.authorization ?? '' });
      res.setHeader('content-type', 'application/json');
      const failure = failures.shift();
      if (failure) {
        const [status, code, message] = failure;
        res.statusCode = status;
        return res.end(JSON.stringify({ code, message, status }));
      }
      res.statusCode = 201;
      res.end(JSON.stringify({ sid: `SM${posted.length.toString().padStart(32, '0')}`, status: 'queued', account_sid: SID }));
    });
  });
  await new Promise<void>((r) => fake.listen(0, '127.0.0.1', r));
  apiBase = `http://127.0.0.1:${(fake.address() as { port: number }).port}`;
  core = await createTestCore({ storage: 'database' });
  whatsapp = new WhatsAppSender({ accountSid: SID, authToken: 'secret-token', from: 'whatsapp:+14155238886', now: core.engine.now, apiBase });
});
afterAll(async () => {
  await core.close();
  await new Promise((r) => fake.close(r));
});

describe('WhatsApp messages from our side', () => {
  it('sends within 24 hours of the person’s last message, through the REST API', async () => {
    await core.conversations.receive({ channel: 'whatsapp', user: '233201234567' }, { kind: 'text', text: 'hello' });
    core.clock.advance(3600_000);
    const result = await sender.send('233201234567', [{ kind: 'text', text: 'Your advisor: we can see you on Monday.' }]);
    expect(result).toMatchObject({ status: 'sent', ids: [expect.stringMatching(/^SM/)] });
    const request = posted.at(-1)!;
    expect(request.path).toBe(`/2010-04-01/Accounts/${SID}/Messages.json`);
    expect(request.form.get('To')).toBe('whatsapp:+233201234567');
    expect(request.form.get('Body')).toBe('Your advisor: we can see you on Monday.');
    expect(request.auth).toMatch(/^Basic /);
  });

  it('refuses a free-form message outside the window, with the reason, and sends nothing', async () => {
    const before = posted.length;
    core.clock.advance(24 * 3600_000);
    const result = await sender.send('233201234567', [{ kind: 'text', text: 'Reminder' }]);
    expect(result).toMatchObject({ status: 'refused', why: 'outside-window', reason: expect.stringContaining('template') });
    expect(await sender.send('233209999999', [{ kind: 'text', text: 'x' }])).toMatchObject({ status: 'refused', why: 'outside-window' });
    expect(posted.length).toBe(before);
  });

  it('sends nothing to a person who wrote stop', async () => {
    await core.conversations.receive({ channel: 'whatsapp', user: '212600000009' }, { kind: 'text', text: 'bonjour' });
    await core.conversations.receive({ channel: 'whatsapp', user: '212600000009' }, { kind: 'text', text: 'stop' });
    expect(await sender.send('212600000009', [{ kind: 'text', text: 'x' }])).toMatchObject({ status: 'refused', why: 'opted-out' });
  });

  it('reports Twilio’s refusal instead of failing silently', async () => {
    await core.conversations.receive({ channel: 'whatsapp', user: '2348000000009' }, { kind: 'text', text: 'hi' });
    failures.push([400, 63016, 'Failed to send freeform message because you are outside the allowed window.']);
    expect(await sender.send('2348000000009', [{ kind: 'text', text: 'x' }])).toMatchObject({ status: 'refused', why: 'rejected', reason: expect.stringContaining('outside the allowed window') });
  });

  it('tells a passing failure (429, 5xx) from a refusal (other 4xx)', async () => {
    await core.conversations.receive({ channel: 'whatsapp', user: '2348000000010' }, { kind: 'text', text: 'hi' });
    failures.push([429, 20429, 'Too Many Requests'], [503, 20503, 'Service Unavailable'], [404, 20404, 'The requested resource was not found']);
    expect(await sender.send('2348000000010', [{ kind: 'text', text: 'x' }])).toMatchObject({ status: 'failed' });
    expect(await sender.send('2348000000010', [{ kind: 'text', text: 'x' }])).toMatchObject({ status: 'failed' });
    expect(await sender.send('2348000000010', [{ kind: 'text', text: 'x' }])).toMatchObject({ status: 'refused', why: 'rejected' });
  });
});

describe('WhatsApp replies in the outbox', () => {
  it('are tried again after Twilio’s 429 and 5xx, and dropped (not retried) after another 4xx', async () => {
    const outbox = await createTestCore({
      storage: 'database',
      env: { TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: 'secret-token', TWILIO_WHATSAPP_FROM: 'whatsapp:+14155238886', TWILIO_API_BASE: apiBase },
    });
    const app = await createWegweiserServer(outbox); // registers the WhatsApp sender, as at start
    try {
      await outbox.conversations.receive({ channel: 'whatsapp', user: '2348000000011' }, { kind: 'text', text: 'hi' });
      await enqueueReply(outbox.storage.jobs, { conversationId: 'whatsapp:2348000000011', outbox: [{ kind: 'text', text: 'Your advisor answered.' }] }, outbox.clock.now());
      failures.push([429, 20429, 'Too Many Requests']);
      outbox.clock.advance(61_000);
      expect(await outbox.jobs.tick()).toEqual([{ id: expect.stringMatching(/^send:/), status: 'pending' }]);
      failures.push([500, 20500, 'Internal Server Error']);
      outbox.clock.advance(6 * 60_000);
      expect(await outbox.jobs.tick()).toEqual([{ id: expect.stringMatching(/^send:/), status: 'pending' }]);
      failures.push([400, 21211, "The 'To' number is not a valid phone number."]);
      outbox.clock.advance(11 * 60_000);
      expect(await outbox.jobs.tick()).toEqual([{ id: expect.stringMatching(/^send:/), status: 'skipped' }]);
      outbox.clock.advance(3600_000);
      expect(await outbox.jobs.tick()).toEqual([]); // refused for good: never tried again
    } finally {
      await app.close();
      await outbox.close();
    }
  });
});
