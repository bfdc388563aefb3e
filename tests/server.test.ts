/** The HTTP server as it runs: health, Prometheus metrics (public, or behind METRICS_TOKEN), the channels switched off without credentials. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { startTestServer } from './support/server.js';
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
    expect(html).toContain(core.kb.entries.get('privacy-data')!.get('ar')!.title);
  });

  it("falls back to the browser's language, then English", async () => {
    const fr = await (await fetch(`${base}/privacy`, { headers: { 'accept-language': 'fr-FR,fr;q=0.9' } })).text();
    expect(fr).toContain('lang="fr"');
    const en = await (await fetch(`${base}/privacy?lang=xx`)).text();
    expect(en).toContain('lang="en"');
  });
});
