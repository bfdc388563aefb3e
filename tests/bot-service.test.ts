/**
 * POST /api/messages through botbuilder's CloudAdapter, anonymous as in local development: an
 * activity shaped as Azure Bot Service sends it, and the replies posted back to the channel's
 * serviceUrl (a fake Bot Connector on 127.0.0.1).
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type RunningServer } from './support/server.js';

let server: RunningServer;
let connector: Server;
let serviceUrl: string;
const received: { path: string; activity: { type: string; text?: string; suggestedActions?: { actions: { title: string }[] } } }[] = [];

beforeAll(async () => {
  connector = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      received.push({ path: req.url ?? '', activity: JSON.parse(body || '{}') });
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ id: `reply-${received.length}` }));
    });
  });
  await new Promise<void>((r) => connector.listen(0, '127.0.0.1', r));
  serviceUrl = `http://127.0.0.1:${(connector.address() as { port: number }).port}/`;
  server = await startTestServer({ BOTFRAMEWORK_ALLOW_ANONYMOUS: 'true' });
});
afterAll(async () => {
  await server.close();
  await new Promise((r) => connector.close(r));
});

describe('Azure Bot Service channels', () => {
  it('answers a message activity by posting replies to the channel', async () => {
    const res = await fetch(`${server.base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message', id: 'act-1', channelId: 'emulator', serviceUrl, text: 'hola', locale: 'es-ES',
        from: { id: 'user-1', name: 'User' }, recipient: { id: 'bot', name: 'Wegweiser' }, conversation: { id: 'conv-1' },
      }),
    });
    expect(res.status).toBe(200);
    const texts = received.map((r) => r.activity.text ?? '').join('\n');
    expect(texts).toContain('Wegweiser');
    expect(received.every((r) => r.path.startsWith('/v3/conversations/conv-1/activities'))).toBe(true);
    expect(received.some((r) => (r.activity.suggestedActions?.actions.length ?? 0) > 0)).toBe(true);
  });
});
