/**
 * The HTTP server as it runs: health, Prometheus metrics, the channels switched off without
 * credentials; client addresses behind a proxy, slow clients, unexpected errors, security headers.
 */
import { connect } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createServer } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { startTestServer, type RunningServer } from './support/server.js';
import { createTestCore, type TestCore } from './support/test-core.js';

let core: TestCore;
let app: FastifyInstance;
let base: string;

beforeAll(async () => {
  core = await createTestCore({ storage: 'database' });
  app = await createServer(core);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  await app.close();
  await core.close();
});

describe('server', () => {
  it('answers /healthz', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', database: 'ok' });
  });

  it('answers /healthz with 503 when the database is gone, so the load balancer sends no traffic there', async () => {
    const server = await startTestServer({});
    try {
      await server.core.storage.close();
      const res = await fetch(`${server.base}/healthz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ status: 'unavailable', database: 'down' });
    } finally {
      await server.app.close();
      await server.core.coordination.close();
    }
  });

  it('serves Prometheus metrics, counting turns by channel', async () => {
    await core.conversations.receive({ channel: 'test', user: 'metrics' }, { kind: 'text', text: 'hello' });
    const res = await fetch(`${base}/metrics`);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toContain('process_resident_memory_bytes');
    expect(text).toMatch(/wegweiser_turns_total\{channel="test",outcome="ok"\} 1/);
  });

  it('serves /metrics only with the bearer METRICS_TOKEN when one is set', async () => {
    const token = 'metrics-token-0123456789abcdef';
    const server = await startTestServer({ METRICS_TOKEN: token });
    try {
      const get = (authorization?: string) => fetch(`${server.base}/metrics`, { headers: authorization ? { authorization } : {} });
      for (const wrong of [undefined, 'Bearer', `Bearer ${token.slice(0, -1)}`, `Bearer ${token}x`, `Basic ${token}`, token]) {
        const res = await get(wrong);
        expect(res.status, String(wrong)).toBe(401);
        expect(await res.text()).not.toContain('process_resident_memory_bytes');
      }
      const res = await get(`Bearer ${token}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('process_resident_memory_bytes');
    } finally {
      await server.close();
    }
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
  });

  it('answers 404 for an unknown path', async () => {
    expect((await fetch(`${base}/nope`)).status).toBe(404);
  });
});

describe('privacy page', () => {
  it('shows the full privacy notice in the asked language, right to left for Arabic', async () => {
    const res = await fetch(`${base}/privacy?lang=ar`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('dir="rtl"');
    expect(html).toContain(core.texts.t('ar', 'privacy.page.title'));
  });

  it("falls back to the browser's language, then English", async () => {
    const fr = await (await fetch(`${base}/privacy`, { headers: { 'accept-language': 'fr-FR,fr;q=0.9' } })).text();
    expect(fr).toContain('lang="fr"');
    const en = await (await fetch(`${base}/privacy?lang=xx`)).text();
    expect(en).toContain('lang="en"');
  });
});

describe('client addresses behind a load balancer', () => {
  const tokens = async (base: string, forwardedFor: (i: number) => string) => {
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++) statuses.push((await fetch(`${base}/v3/directline/tokens/generate`, { method: 'POST', headers: { 'x-forwarded-for': forwardedFor(i) } })).status);
    return statuses;
  };

  it('ignores X-Forwarded-For by default: a changed header does not lift a per-address limit', async () => {
    expect(await tokens(base, (i) => `198.51.100.${i + 1}`)).toContain(429);
  });

  it('believes X-Forwarded-For only from the proxies in TRUST_PROXY', async () => {
    const behind = await startTestServer({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' });
    try {
      expect(await tokens(behind.base, (i) => `198.51.100.${i + 1}`)).not.toContain(429);
      // A client cannot pass itself off as a proxy: the address the trusted proxy saw counts.
      expect(await tokens(behind.base, (i) => `198.51.100.${i + 1}, 203.0.113.9`)).toContain(429);
    } finally {
      await behind.close();
    }
  });
});

describe('slow clients', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer({ REQUEST_TIMEOUT_SECONDS: '1' });
  });
  afterAll(async () => server.close());

  /** Opens a raw socket, sends `head`, then one byte every 300 ms; resolves with what the server said and when it closed. */
  function trickle(head: string, drip: string): Promise<{ closedAfterMs: number; response: string }> {
    const started = Date.now();
    const socket = connect(Number(new URL(server.base).port), '127.0.0.1');
    let response = '';
    let timer: NodeJS.Timeout | undefined;
    return new Promise((resolve, reject) => {
      const giveUp = setTimeout(() => {
        socket.destroy();
        reject(new Error('the server kept the slow connection open for 8 s'));
      }, 8000);
      socket.on('data', (d) => (response += String(d)));
      socket.on('error', () => undefined);
      socket.on('close', () => {
        clearInterval(timer);
        clearTimeout(giveUp);
        resolve({ closedAfterMs: Date.now() - started, response });
      });
      socket.write(head);
      let i = 0;
      timer = setInterval(() => socket.write(drip[i++ % drip.length]!), 300);
    });
  }

  it('cuts off a request body that arrives one byte at a time', async () => {
    const head = 'POST /v3/directline/conversations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n';
    const { closedAfterMs, response } = await trickle(head, ' ');
    expect(response).toMatch(/^HTTP\/1\.1 408/);
    expect(closedAfterMs).toBeLessThan(4000);
  });

  it('cuts off headers that arrive one byte at a time', async () => {
    const { closedAfterMs } = await trickle('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n', 'X-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
    expect(closedAfterMs).toBeLessThan(4000);
  });

  it('closes a connection that sends nothing', async () => {
    const started = Date.now();
    const socket = connect(Number(new URL(server.base).port), '127.0.0.1');
    const closedAfterMs = await new Promise<number>((resolve) => {
      socket.resume().on('error', () => undefined);
      socket.on('close', () => resolve(Date.now() - started));
      setTimeout(() => (socket.destroy(), resolve(Infinity)), 8000);
    });
    expect(closedAfterMs).toBeLessThan(4000);
  });

  it('keeps a Direct Line WebSocket stream open longer than the request timeout', async () => {
    const { token, conversationId } = (await (await fetch(`${server.base}/v3/directline/tokens/generate`, { method: 'POST' })).json()) as { token: string; conversationId: string };
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const { streamUrl } = (await (await fetch(`${server.base}/v3/directline/conversations`, { method: 'POST', headers })).json()) as { streamUrl: string };
    const socket = new WebSocket(streamUrl);
    const texts: string[] = [];
    socket.on('message', (data) => {
      if (String(data)) for (const a of (JSON.parse(String(data)) as { activities: { text?: string }[] }).activities) texts.push(a.text ?? '');
    });
    let closed = false;
    socket.on('close', () => (closed = true));
    await new Promise((r) => socket.once('open', r));
    await new Promise((r) => setTimeout(r, 3000)); // longer than the idle timeout too
    expect(closed).toBe(false);
    await fetch(`${server.base}/v3/directline/conversations/${conversationId}/activities`, { method: 'POST', headers, body: JSON.stringify({ type: 'message', from: { id: 'u1' }, text: 'hello', locale: 'en-US' }) });
    for (let i = 0; i < 100 && !texts.some((t) => t.includes('Wegweiser')); i++) await new Promise((r) => setTimeout(r, 20));
    expect(texts.some((t) => t.includes('Hello, I am Wegweiser'))).toBe(true);
    socket.close();
  });
});

describe('unexpected errors', () => {
  it('are logged with method and route (never the body) and answered with a generic 500', async () => {
    const c = await createTestCore({});
    const a = await createServer(c);
    a.post('/test/explode', async (req) => (req.body as { text: string }).text.trim()); // a bug: the text came as a list
    try {
      const res = await a.inject({ method: 'POST', url: '/test/explode', payload: { text: ['my passport number is X1234567'] } });
      expect(res.statusCode).toBe(500);
      expect(res.json()).toEqual({ error: 'internal error: the request failed on our side and was logged' });
      const line = c.logLines.find((l) => l.includes('request failed: unexpected error'));
      expect(line).toBeDefined();
      expect(JSON.parse(line!)).toMatchObject({ level: 50, method: 'POST', route: '/test/explode', error: { name: 'TypeError' } });
      expect(line).toContain('at ');
      expect(c.logLines.join('')).not.toContain('X1234567');
    } finally {
      await a.close();
      await c.close();
    }
  });

  it('keep Fastify’s answer when the request itself is bad', async () => {
    const res = await fetch(`${base}/v3/directline/conversations`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer x' }, body: '{not json' });
    expect(res.status).toBe(400);
  });
});

describe('security headers', () => {
  it('every response says nosniff and sends no referrer; the privacy page has a strict policy', async () => {
    for (const path of ['/privacy', '/healthz', '/nope']) {
      const res = await fetch(`${base}${path}`);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
    const csp = (await fetch(`${base}/privacy`)).headers.get('content-security-policy');
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'self'");
  });
});
