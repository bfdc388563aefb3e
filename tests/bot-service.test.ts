/**
 * POST /api/messages through botbuilder's CloudAdapter, anonymous as in local development: an
 * activity shaped as Azure Bot Service sends it, and the replies posted back to the channel's
 * serviceUrl (a fake Bot Connector on 127.0.0.1).
 */
import { createServer, type Server } from 'node:http';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceUrlAllowed } from '../src/channels/webchat/verify.js';
import { startTestServer, type RunningServer } from './support/server.js';

let server: RunningServer;
let connector: Server;
let serviceUrl: string;
let port: number;
/** This machine's own non-loopback address: a serviceUrl anonymous mode must refuse, yet reachable. */
const ownAddress = Object.values(networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
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
  // on every address: the same fake Bot Connector is reached through loopback and through this machine's own address
  await new Promise<void>((r) => connector.listen(0, '0.0.0.0', r));
  port = (connector.address() as { port: number }).port;
  serviceUrl = `http://127.0.0.1:${port}/`;
  server = await startTestServer({ BOTFRAMEWORK_ALLOW_ANONYMOUS: 'true' });
});
afterAll(async () => {
  await server.close();
  await new Promise((r) => connector.close(r));
});

const activity = (url: string, id: string) => ({
  type: 'message', id, channelId: 'emulator', serviceUrl: url, text: 'hello', locale: 'en-US',
  from: { id: 'user-1', name: 'User' }, recipient: { id: 'bot', name: 'Wegweiser' }, conversation: { id: `conv-${id}` },
});
const post = (s: RunningServer, body: object) => fetch(`${s.base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

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

describe('anonymous Bot Framework mode', () => {
  it('warns loudly at start that /api/messages takes activities from anyone', () => {
    const line = server.core.logLines.find((l) => l.includes('BOTFRAMEWORK_ALLOW_ANONYMOUS is on'));
    expect(line).toBeDefined();
    expect(JSON.parse(line!).level).toBe(40); // warn
  });

  it.skipIf(!ownAddress)('refuses an activity whose serviceUrl is not loopback (403) and posts nothing there', async () => {
    const before = received.length;
    const res = await post(server, activity(`http://${ownAddress}:${port}/`, 'ssrf-1'));
    expect(res.status).toBe(403);
    await new Promise((r) => setTimeout(r, 200));
    expect(received.length).toBe(before);
    expect(await server.core.storage.conversations.load('botframework-emulator:conv-ssrf-1')).toBeNull();
    const other = await post(server, activity('http://169.254.169.254/latest/meta-data/', 'ssrf-2'));
    expect(other.status).toBe(403);
  });

  it.skipIf(!ownAddress)('posts to a serviceUrl under BOTFRAMEWORK_SERVICE_URLS, and to nothing else', async () => {
    const listed = await startTestServer({ BOTFRAMEWORK_ALLOW_ANONYMOUS: 'true', BOTFRAMEWORK_SERVICE_URLS: `http://${ownAddress}:${port}/allowed/` });
    try {
      const before = received.length;
      expect((await post(listed, activity(`http://${ownAddress}:${port}/allowed/`, 'listed-1'))).status).toBe(200);
      expect(received.slice(before).every((r) => r.path.startsWith('/allowed/v3/conversations/conv-listed-1/'))).toBe(true);
      expect(received.length).toBeGreaterThan(before);
      const after = received.length;
      expect((await post(listed, activity(`http://${ownAddress}:${port}/elsewhere/`, 'listed-2'))).status).toBe(403);
      expect((await post(listed, activity(`http://${ownAddress}:${port}/allowed-not/`, 'listed-3'))).status).toBe(403);
      expect(received.length).toBe(after);
    } finally {
      await listed.close();
    }
  });

  it('checks scheme, host and port exactly, and a path below the prefix', () => {
    const allowed = ['https://smba.trafficmanager.net/teams/'];
    expect(serviceUrlAllowed('https://smba.trafficmanager.net/teams/', allowed)).toBe(true);
    expect(serviceUrlAllowed('https://smba.trafficmanager.net/teams/emea/', allowed)).toBe(true);
    expect(serviceUrlAllowed('https://smba.trafficmanager.net.evil.example/teams/', allowed)).toBe(false);
    expect(serviceUrlAllowed('http://smba.trafficmanager.net/teams/', allowed)).toBe(false);
    expect(serviceUrlAllowed('https://smba.trafficmanager.net:8443/teams/', allowed)).toBe(false);
    expect(serviceUrlAllowed('https://smba.trafficmanager.net/teamsx/', allowed)).toBe(false);
    expect(serviceUrlAllowed('http://127.0.0.1@evil.example/', [])).toBe(false);
    expect(serviceUrlAllowed('http://localhost:3979/', [])).toBe(true);
    expect(serviceUrlAllowed('http://[::1]:3979/', [])).toBe(true);
    expect(serviceUrlAllowed('file:///etc/passwd', [])).toBe(false);
    expect(serviceUrlAllowed(undefined, allowed)).toBe(false);
    expect(serviceUrlAllowed('not a url', allowed)).toBe(false);
  });
});
