/**
 * WhatsApp through Twilio, on the running server: form posts signed exactly as Twilio signs them
 * (HMAC-SHA1 over the URL and the sorted parameters, computed here independently of the twilio
 * package), TwiML replies, retries, locations, media and bad input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countryFromPhone, parseTwilioInbound } from '../src/channels/whatsapp/parse.js';
import { splitMessage } from '../src/core/split.js';
import { ServiceUnavailableError } from '../src/core/errors.js';
import { startTestServer, type RunningServer } from './support/server.js';
import { twilioSignature } from './support/twilio-signature.js';

const TOKEN = 'test-auth-token-0123456789abcdef';
let server: RunningServer;
let sid = 0;

beforeAll(async () => {
  server = await startTestServer({ TWILIO_ACCOUNT_SID: 'AC' + '0'.repeat(32), TWILIO_AUTH_TOKEN: TOKEN, TWILIO_WHATSAPP_FROM: 'whatsapp:+14155238886' });
});
afterAll(async () => server.close());

function sign(url: string, params: Record<string, string>, token = TOKEN): string {
  return twilioSignature(token, url, params);
}

function message(from: string, extra: Record<string, string>): Record<string, string> {
  sid += 1;
  return { MessageSid: `SM${String(sid).padStart(32, '0')}`, AccountSid: 'AC' + '0'.repeat(32), From: `whatsapp:${from}`, To: 'whatsapp:+14155238886', WaId: from.slice(1), NumMedia: '0', ...extra };
}

async function post(params: Record<string, string>, signature?: string): Promise<{ status: number; messages: string[]; body: string }> {
  const url = `${server.base}/webhooks/whatsapp`;
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(signature !== '' ? { 'x-twilio-signature': signature ?? sign(url, params) } : {}) },
    body: new URLSearchParams(params).toString(),
  });
  const body = await res.text();
  const messages = [...body.matchAll(/<Message>([\s\S]*?)<\/Message>/g)].map((m) =>
    m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'),
  );
  return { status: res.status, messages, body };
}

const conversation = async (waId: string) => server.core.storage.conversations.load(`whatsapp:${waId}`);

describe('WhatsApp webhook', () => {
  it('answers a greeting with TwiML: the welcome and the numbered menu; +233 says Ghana', async () => {
    const res = await post(message('+233201111111', { Body: 'Hello', ProfileName: 'Ama' }));
    expect(res.status).toBe(200);
    const text = res.messages.join('\n');
    expect(text).toContain('Hello, I am Wegweiser');
    expect(text).toMatch(/^1\. Work, study or train in Germany$/m);
    expect(await conversation('233201111111')).toMatchObject({ lang: 'en', country: 'GH' });
  });

  it('rejects a wrong or missing signature with 403 and changes nothing', async () => {
    const params = message('+233202222222', { Body: 'hello' });
    expect((await post(params, 'bm90IHRoZSByaWdodCBzaWduYXR1cmU=')).status).toBe(403);
    expect((await post(params, '')).status).toBe(403);
    expect((await post(params, sign(`${server.base}/webhooks/whatsapp`, params, 'another-token'))).status).toBe(403);
    const tampered = { ...params };
    const signature = sign(`${server.base}/webhooks/whatsapp`, params);
    tampered.Body = 'something else';
    expect((await post(tampered, signature)).status).toBe(403);
    expect(await conversation('233202222222')).toBeNull();
    expect((await server.core.storage.inspect()).deliveries!.filter((d) => d.delivery_id === params.MessageSid)).toEqual([]);
  });

  it('answers a delivery Twilio retries (same MessageSid) once: the same reply, one turn', async () => {
    await post(message('+212600000001', { Body: 'bonjour' }));
    const params = message('+212600000001', { Body: '2' });
    const [a, b] = await Promise.all([post(params), post(params)]);
    const c = await post(params);
    // The retry waits for the first one's reply: whichever response Twilio keeps, it is the same.
    expect(a.messages.join('\n')).toContain('Avant de décider');
    expect(b.messages).toEqual(a.messages);
    expect(c.messages).toEqual(a.messages);
    expect((await conversation('212600000001'))?.turns).toBe(2);
  });

  it('stores nothing of a turn whose transaction did not commit (a crash mid-turn): the retry runs it once', async () => {
    const params = message('+212600000009', { Body: 'bonjour' });
    const storage = server.core.storage;
    const transaction = storage.transaction.bind(storage);
    // The process dies after the turn's work and before its commit: everything of it is rolled back.
    storage.transaction = (async (fn: Parameters<typeof transaction>[0]) => {
      storage.transaction = transaction;
      return transaction(async (tx) => {
        await fn(tx);
        throw new ServiceUnavailableError('the database', new Error('gone'));
      });
    }) as typeof storage.transaction;
    expect((await post(params)).status).toBe(503);
    expect(await conversation('212600000009')).toBeNull();
    expect((await storage.inspect()).deliveries!.filter((d) => d.delivery_id === params.MessageSid)).toEqual([]);
    const retried = await post(params);
    expect(retried.status).toBe(200);
    expect(retried.messages.join('\n')).toContain('Bonjour');
    expect((await conversation('212600000009'))?.turns).toBe(1);
    expect((await post(params)).messages).toEqual(retried.messages);
    expect((await conversation('212600000009'))?.turns).toBe(1);
  });

  it('answers a shared location through the nearest-centre action', async () => {
    await post(message('+201000000001', { Body: 'مرحبا' }));
    const res = await post(message('+201000000001', { Latitude: '30.0444', Longitude: '31.2357', Address: 'Cairo', Body: '' }));
    expect(res.status).toBe(200);
    const text = res.messages.join('\n');
    expect(text).toContain(server.core.texts.t('ar', 'centres.nearestHeading'));
    expect(text).toMatch(/^1\. .*القاهرة.*\d+ /m);
  });

  it('handles a 20,000-character message without breaking, under the WhatsApp length limit', async () => {
    const res = await post(message('+4915100000001', { Body: 'Ich habe eine Frage '.repeat(1000) }));
    expect(res.status).toBe(200);
    expect(res.messages.length).toBeGreaterThan(0);
    for (const m of res.messages) expect([...m].length).toBeLessThanOrEqual(1600);
  });

  it('answers a photo kindly in the person’s language', async () => {
    await post(message('+923000000001', { Body: 'assalam o alaikum' }));
    const res = await post(message('+923000000001', { Body: '', NumMedia: '1', MediaUrl0: 'https://api.twilio.com/media/x', MediaContentType0: 'image/jpeg' }));
    expect(res.messages).toContain(server.core.texts.t('ur', 'media.received.image'));
    expect(res.messages.join('\n')).toContain(server.core.texts.t('ur', 'media.offer')); // write, or talk to a person
  });

  it('answers a knowledge question with its sources', async () => {
    await post(message('+2348000000001', { Body: 'hi' }));
    const res = await post(message('+2348000000001', { Body: 'how much does the blue card salary need to be in 2026' }));
    const text = res.messages.join('\n');
    expect(text).toContain('*EU Blue Card*');
    expect(text).toMatch(/Sources:\nhttps:\/\//);
  });

  it('rejects malformed deliveries with 400 and a reason', async () => {
    const noFrom = message('+233203333333', { Body: 'hi' });
    delete noFrom.From;
    const res = await post(noFrom);
    expect(res.status).toBe(400);
    expect(res.body).toContain('From must be whatsapp:+<number>');
    const badLocation = await post(message('+233203333333', { Latitude: 'north', Longitude: '3' }));
    expect(badLocation.status).toBe(400);
  });
});

describe('WhatsApp parsing and rendering', () => {
  it('reads button replies and country codes', () => {
    const parsed = parseTwilioInbound({ MessageSid: `SM${'ab12'.repeat(8)}`, AccountSid: `AC${'0'.repeat(32)}`, From: 'whatsapp:+38344123456', ButtonPayload: 'main.menu:risks', ButtonText: 'Risks' });
    expect(parsed).toMatchObject({ status: 'ok', inbound: { kind: 'choice', id: 'main.menu:risks' }, hints: { country: 'XK' } });
    expect(countryFromPhone('+923001234567')).toBe('PK');
    expect(countryFromPhone('12')).toBeUndefined();
  });

  it('splits long text at paragraph boundaries', () => {
    const parts = splitMessage(`${'a'.repeat(1000)}\n\n${'b'.repeat(1000)}`, 1600);
    expect(parts).toEqual(['a'.repeat(1000), 'b'.repeat(1000)]);
    expect(splitMessage('x'.repeat(3500), 1600).map((p) => p.length)).toEqual([1600, 1600, 300]);
  });
});

describe('logs', () => {
  it('books with "this number" as the contact: the WhatsApp number written from, offered at the contact step and not kept before it is chosen', async () => {
    const from = '+233245550777';
    await post(message(from, { Body: 'book appointment accra tomorrow 10am' }));
    const asked = await post(message(from, { Body: 'Abena' }));
    expect(asked.messages.join('\n')).toContain('or "this number" for the WhatsApp number you are writing from');
    // Offered, not kept: the state holds that there is a number, never the number, until it is chosen.
    expect(JSON.stringify(await conversation('233245550777'))).not.toContain('245550777');
    const check = await post(message(from, { Body: 'this number' }));
    expect(check.messages.join('\n')).toContain('for Abena, contact +233245550777');
    const booked = await post(message(from, { Body: 'yes' }));
    expect(booked.messages.join('\n')).toContain('Your appointment is booked');
  });

  it('never hold the message text or the phone number, also on the webhook path', async () => {
    const secret = 'my passport number is X1234567 and my name is Abena';
    await post(message('+233245550199', { Body: 'hello' }));
    await post(message('+233245550199', { Body: secret }));
    const log = server.core.logLines.join('');
    expect(log).toContain('"msg":"turn"');
    expect(log).not.toContain('233245550199');
    expect(log).not.toContain('X1234567');
    expect(log).not.toContain('Abena');
  });
});

describe('malformed and replayed deliveries', () => {
  const url = () => `${server.base}/webhooks/whatsapp`;
  const refusals = () => server.core.logLines.filter((l) => l.includes('malformed delivery refused') || l.includes('refused as a replay'));

  it('answers a signed delivery with a field sent twice with 400 and a log line, not a crash', async () => {
    const params = message('+233206660001', { Body: 'a' });
    const body = `${new URLSearchParams(params).toString()}&Body=a`; // Twilio's check counts a repeated value once
    const before = refusals().length;
    const res = await fetch(url(), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': sign(url(), params) }, body });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('every field must appear once');
    expect(refusals().length).toBe(before + 1);
    expect(await conversation('233206660001')).toBeNull();
  });

  it('refuses a malformed MessageSid, AccountSid or From, and another Twilio account, with 400 and a log line', async () => {
    const bad: Record<string, string>[] = [
      { MessageSid: `SM${'A'.repeat(32)}` },
      { MessageSid: `SM${'0'.repeat(31)}NumMedia0` },
      { MessageSid: `XX${'0'.repeat(32)}` },
      { AccountSid: 'AC123' },
      { AccountSid: `AC${'1'.repeat(32)}` }, // well formed, but not this server's account
      { From: 'whatsapp:233206660002' },
      { From: '+233206660002' },
    ];
    for (const fields of bad) {
      const before = refusals().length;
      const res = await post({ ...message('+233206660002', { Body: 'hello' }), ...fields });
      expect(res.status, JSON.stringify(fields)).toBe(400);
      expect(refusals().length).toBe(before + 1);
    }
    const noAccount = message('+233206660002', { Body: 'hello' });
    delete noAccount.AccountSid;
    expect((await post(noAccount)).status).toBe(400);
    expect(await conversation('233206660002')).toBeNull();
    expect(server.core.logLines.join('')).not.toContain('233206660002');
  });

  it('refuses a signed request re-cut so that part of NumMedia becomes the MessageSid', async () => {
    await post(message('+233206660003', { Body: 'hello' }));
    const original = message('+233206660003', { Body: 'menu' });
    expect((await post(original)).status).toBe(200);
    // Twilio signs name+value pairs run together, so this has the original's signature.
    const recut: Record<string, string> = { ...original, MessageSid: `${original.MessageSid}NumMedia0` };
    delete recut.NumMedia;
    const signature = sign(url(), original);
    expect(sign(url(), recut)).toBe(signature);
    expect((await post(recut, signature)).status).toBe(400);
    expect((await conversation('233206660003'))?.turns).toBe(2);
  });

  it('refuses the same signed content under another valid MessageSid and sender as a replay', async () => {
    // A message whose text spells out further fields: re-cut, its signed request names another
    // sender and MessageSid that are both well formed. Only the signed content gives it away.
    const forgedFrom = 'whatsapp:+233206660099';
    const forgedSid = `SM${'f'.repeat(32)}`;
    const original = message('+233206660004', { Body: `hiFrom${forgedFrom}MessageSid${forgedSid}NumMedia0ProfileNamey`, ProfileName: 'Ama' });
    delete original.WaId;
    const replay: Record<string, string> = {
      AccountSid: original.AccountSid!, Body: 'hi', From: forgedFrom, MessageSid: forgedSid, NumMedia: '0',
      ProfileName: `yFrom${original.From}MessageSid${original.MessageSid}NumMedia0ProfileNameAma`, To: original.To!,
    };
    const signature = sign(url(), original);
    expect(sign(url(), replay)).toBe(signature);
    expect((await post(original, signature)).status).toBe(200);
    const before = refusals().length;
    expect((await post(replay, signature)).status).toBe(409);
    expect(refusals().length).toBe(before + 1);
    expect(await conversation('233206660099')).toBeNull();
    // Twilio's own retry of the original (same MessageSid) is still answered with its reply.
    const retried = await post(original, signature);
    expect(retried.status).toBe(200);
    expect(retried.messages.join('\n')).toContain('Hello, I am Wegweiser');
  });
});

describe('per-IP guard on the webhooks', () => {
  const env = { TWILIO_ACCOUNT_SID: 'AC' + '0'.repeat(32), TWILIO_AUTH_TOKEN: TOKEN, TWILIO_WHATSAPP_FROM: 'whatsapp:+14155238886', WEBHOOK_REJECTS_PER_IP: '5' };
  const sender = (base: string) => {
    const url = `${base}/webhooks/whatsapp`;
    return (params: Record<string, string>, signature: string | undefined, forwardedFor?: string) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature ?? sign(url, params), ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
        body: new URLSearchParams(params).toString(),
      });
  };

  it('refuses an address’s rejected requests after too many, but always answers a verified delivery', async () => {
    const guarded = await startTestServer(env);
    try {
      const send = sender(guarded.base);
      for (let i = 0; i < 5; i++) expect((await send(message('+233209990002', { Body: 'hi' }), 'wrong')).status).toBe(403);
      const refused = await send(message('+233209990002', { Body: 'hi' }), 'wrong');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      const good = await send(message('+233209990001', { Body: 'hello' }), undefined);
      expect(good.status).toBe(200);
      expect(await good.text()).toContain('Hello, I am Wegweiser');
      guarded.core.clock.advance(10 * 60_000 + 1000);
      expect((await send(message('+233209990002', { Body: 'hi' }), 'wrong')).status).toBe(403);
    } finally {
      await guarded.close();
    }
  });

  it('counts the connection’s address, not X-Forwarded-For: a forged header neither lifts the limit nor blames Twilio', async () => {
    const guarded = await startTestServer(env);
    try {
      const send = sender(guarded.base);
      const twilioAddress = '54.172.60.1';
      for (let i = 0; i < 5; i++) expect((await send(message('+233209990003', { Body: 'hi' }), 'wrong', twilioAddress)).status).toBe(403);
      expect((await send(message('+233209990003', { Body: 'hi' }), 'wrong', `198.51.100.${20}`)).status).toBe(429);
      const good = await send(message('+233209990004', { Body: 'hello' }), undefined, twilioAddress);
      expect(good.status).toBe(200);
    } finally {
      await guarded.close();
    }
  });
});
