/**
 * Property-based fuzzing (fast-check) of every inbound parser and of the webhooks on the running
 * server: generated bodies of wrong types, huge strings, control characters, right-to-left marks,
 * emoji and nested JSON never crash a parser, never give a 5xx, and rejected requests change
 * nothing. FUZZ_RUNS sets the number of bodies per property (the full size is 10,000).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTelegramUpdate, isTelegramUpdate } from '../src/channels/telegram/parse.js';
import { parseTerminalLine } from '../src/channels/terminal/parse.js';
import { activityToInbound } from '../src/channels/webchat/parse.js';
import { parseTwilioInbound } from '../src/channels/whatsapp/parse.js';
import { foldText } from '../src/core/normalize.js';
import { startFakeTelegram, type FakeTelegram } from './support/fake-telegram.js';
import { startTestServer, type RunningServer } from './support/server.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const nasty = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.constantFrom('\u202E\u200F', '\u0000\u0001\u001b[31m', '😀'.repeat(500), 'x'.repeat(25_000), '{"__proto__":{"a":1}}', '<script>alert(1)</script>', 'Robert"); DROP TABLE conversations;--'),
);
const anyJson = fc.oneof(fc.jsonValue({ maxDepth: 6 }), fc.constant({ ['__proto__']: false }), fc.constant(JSON.parse('{"__proto__": {"polluted": 1}, "update_id": 1}')));

describe('inbound parsers never throw', () => {
  it('Twilio parameters', () => {
    fc.assert(fc.property(fc.dictionary(fc.constantFrom('MessageSid', 'From', 'Body', 'WaId', 'Latitude', 'Longitude', 'ButtonPayload', 'NumMedia', 'x'), nasty), (params) => {
      const r = parseTwilioInbound(params);
      expect(['ok', 'media', 'invalid']).toContain(r.status);
    }), { numRuns: RUNS });
  });

  it('Telegram updates', () => {
    fc.assert(fc.property(anyJson, (body) => {
      if (isTelegramUpdate(body)) parseTelegramUpdate(body);
    }), { numRuns: RUNS });
    fc.assert(fc.property(fc.record({ update_id: fc.integer(), message: fc.record({ chat: fc.record({ id: fc.integer() }), text: nasty }) }), (u) => {
      expect(parseTelegramUpdate(u)?.inbound.kind).toMatch(/text|command/);
    }), { numRuns: RUNS });
  });

  it('Direct Line activities, terminal lines and text folding', () => {
    fc.assert(fc.property(anyJson, nasty, (value, text) => {
      activityToInbound({ type: 'message', text, value });
      parseTerminalLine(text);
      foldText(text);
    }), { numRuns: RUNS });
  });
});

describe('webhooks under fuzzed bodies', () => {
  let server: RunningServer;
  let telegram: FakeTelegram;
  beforeAll(async () => {
    telegram = await startFakeTelegram('1:fuzz');
    server = await startTestServer({
      TWILIO_ACCOUNT_SID: 'AC' + '3'.repeat(32), TWILIO_AUTH_TOKEN: 'fuzz-token', TWILIO_WHATSAPP_FROM: 'whatsapp:+14155238886',
      TELEGRAM_BOT_TOKEN: '1:fuzz', TELEGRAM_WEBHOOK_SECRET: 'fuzz-secret', TELEGRAM_API_ROOT: telegram.apiRoot,
      WEBHOOK_REJECTS_PER_IP: '1000000', // thousands of rejected bodies on purpose: the per-IP guard must not cut in
    });
  });
  afterAll(async () => {
    await server.close();
    await telegram.close();
  });

  const post = (path: string, body: string, headers: Record<string, string>) => fetch(`${server.base}${path}`, { method: 'POST', headers, body });
  const rows = async () => {
    const { conversations, deliveries } = await server.core.storage.inspect();
    return conversations!.length + deliveries!.length;
  };

  it('answers unsigned WhatsApp posts with 4xx, never 5xx, and stores nothing', async () => {
    const before = await rows();
    await fc.assert(fc.asyncProperty(fc.oneof(nasty, anyJson.map((j) => JSON.stringify(j))), fc.constantFrom('application/x-www-form-urlencoded', 'application/json', 'text/plain'), async (body, type) => {
      const res = await post('/webhooks/whatsapp', body, { 'content-type': type, 'x-twilio-signature': 'AAAA' });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }), { numRuns: Math.max(20, Math.floor(RUNS / 3)) });
    expect(await rows()).toBe(before);
  });

  it('answers Telegram posts without the secret with 401, and malformed updates with 400', async () => {
    const sentBefore = telegram.calls.filter((c) => c.method === 'sendMessage').length;
    await fc.assert(fc.asyncProperty(anyJson, fc.boolean(), async (body, withSecret) => {
      const res = await post('/webhooks/telegram', JSON.stringify(body), { 'content-type': 'application/json', ...(withSecret ? { 'x-telegram-bot-api-secret-token': 'fuzz-secret' } : {}) });
      expect(res.status).toBeLessThan(500);
      if (!withSecret) expect(res.status).toBe(401);
      else if (!isTelegramUpdate(body)) expect(res.status).toBe(400);
    }), { numRuns: Math.max(20, Math.floor(RUNS / 3)) });
    expect(telegram.calls.filter((c) => c.method === 'sendMessage').length).toBe(sentBefore);
  });

  it('answers Direct Line posts with bad tokens or bodies with 4xx, never 5xx', async () => {
    const { token, conversationId } = (await (await fetch(`${server.base}/v3/directline/tokens/generate`, { method: 'POST' })).json()) as { token: string; conversationId: string };
    await fc.assert(fc.asyncProperty(anyJson, async (body) => {
      const res = await post(`/v3/directline/conversations/${conversationId}/activities`, JSON.stringify(body), { 'content-type': 'application/json', authorization: `Bearer ${token}` });
      expect(res.status).toBeLessThan(500);
      if (typeof body !== 'object' || body === null || typeof (body as { type?: unknown }).type !== 'string') expect(res.status).toBe(400);
    }), { numRuns: Math.max(20, Math.floor(RUNS / 3)) });
  });
});
