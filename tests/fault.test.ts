/**
 * Fault injection on the multi-instance setup: two instances on one PostgreSQL + Redis take
 * WhatsApp messages from several people while Redis and then PostgreSQL are killed and started
 * again. A client that behaves as Twilio does sends each message until it gets a 200. Nothing that
 * got a 200 is lost, nothing is answered twice, every message sent during an outage is answered
 * once the services are back, and the instances recover by themselves (no restart).
 *
 * The servers are the test's own throwaway ones (the shared ones serve other test runs at the
 * same time). Runs in the PostgreSQL suite (`npm run test:postgres`); skipped, and said so,
 * elsewhere or where redis-server or PostgreSQL's binaries are missing.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, createServer, type Core } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { createLogger } from '../src/server/logger.js';
import { freePort } from './support/free-port.js';
import { privateServicesMissing, startPrivatePostgres, startPrivateRedis, type PrivateService } from './support/private-services.js';
import { TEST_STORE } from './support/test-core.js';
import { twilioSignature } from './support/twilio-signature.js';

const TOKEN = 'fault-twilio-token';
const LB = 'https://lb.fault.example';
const PEOPLE = 6;
const skip = TEST_STORE !== 'postgres' ? 'runs with TEST_STORE=postgres (npm run test:postgres)' : privateServicesMissing;

interface Instance {
  base: string;
  core: Core;
  app: FastifyInstance;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(skip !== null)(skip === null ? 'Redis and PostgreSQL restarted under load' : `Redis and PostgreSQL restarted under load — skipped: ${skip}`, () => {
  let pg: PrivateService;
  let redis: PrivateService;
  const instances: Instance[] = [];
  const logLines: string[] = [];

  beforeAll(async () => {
    [pg, redis] = await Promise.all([startPrivatePostgres(), startPrivateRedis()]);
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      const config = loadConfig({
        DATA_DIR: mkdtempSync(join(tmpdir(), 'wegweiser-fault-')), PUBLIC_BASE_URL: LB, DATABASE_URL: pg.url, REDIS_URL: redis.url,
        TWILIO_ACCOUNT_SID: 'AC' + '6'.repeat(32), TWILIO_AUTH_TOKEN: TOKEN, TWILIO_WHATSAPP_FROM: 'whatsapp:+14155238886',
        MESSAGES_PER_MINUTE: '10000', WEBHOOK_REJECTS_PER_IP: '1000000',
      });
      const sink = new Writable({ write(chunk, _enc, cb) { logLines.push(String(chunk)); cb(); } });
      const core = await createCore(config, createLogger('info', sink), { storage: 'database', namespace: 'wt_fault' });
      const app = await createServer(core);
      await app.listen({ port, host: '127.0.0.1' });
      instances.push({ base: `http://127.0.0.1:${port}`, core, app });
    }
  });
  afterAll(async () => {
    for (const i of instances) {
      await i.app.close();
      await i.core.close();
    }
    await Promise.all([pg?.remove(), redis?.remove()]);
  });

  /** One delivery as Twilio makes it: the status, or 0 when the connection failed. */
  const deliver = async (via: Instance, params: Record<string, string>): Promise<{ status: number; body: string }> => {
    try {
      const res = await fetch(`${via.base}/webhooks/whatsapp`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilioSignature(TOKEN, `${LB}/webhooks/whatsapp`, params) },
        body: new URLSearchParams(params).toString(),
        signal: AbortSignal.timeout(15_000),
      });
      return { status: res.status, body: await res.text() };
    } catch {
      return { status: 0, body: '' };
    }
  };

  it('loses nothing that got a 200, answers every retried message once, and recovers without a restart', { timeout: 60_000 }, async () => {
    const started = Date.now();
    let stopSending = false;
    const statuses = new Map<number, number>();
    const answered = new Map<string, string[]>(); // person -> message ids answered with 200, in order
    const unanswered: string[] = [];

    const person = async (p: number) => {
      const waId = `23320${String(p).padStart(7, '0')}`;
      const ids: string[] = [];
      answered.set(waId, ids);
      for (let n = 0; !stopSending; n++) {
        const sid = `SM${String(p).padStart(2, '0')}${String(n).padStart(30, '0')}`;
        const params = { MessageSid: sid, AccountSid: 'AC' + '6'.repeat(32), From: `whatsapp:+${waId}`, To: 'whatsapp:+14155238886', WaId: waId, NumMedia: '0', Body: n === 0 ? 'hello' : 'menu' };
        // Twilio tries the same message again (on either instance, behind the load balancer) until it is taken.
        for (let attempt = 0; ; attempt++) {
          const res = await deliver(instances[(p + n + attempt) % 2]!, params);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status === 200) {
            expect(res.body).toContain('<Message>');
            ids.push(sid);
            break;
          }
          if (Date.now() - started > 45_000) {
            unanswered.push(sid);
            return;
          }
          await sleep(200);
        }
      }
    };

    const load = Promise.all(Array.from({ length: PEOPLE }, (_, p) => person(p)));
    await sleep(1500);
    await redis.kill();
    await sleep(2500);
    await redis.start();
    await sleep(1500);
    await pg.kill();
    await sleep(2500);
    await pg.start();
    await sleep(2000);
    stopSending = true;
    await load;

    expect(unanswered).toEqual([]);
    // the faults really hit: some deliveries were refused during the outages, and only with 503 (Twilio retries those)
    const refused = [...statuses].filter(([s]) => s !== 200);
    expect(refused.reduce((n, [, c]) => n + c, 0)).toBeGreaterThan(0);
    expect(refused.map(([s]) => s).filter((s) => s !== 503 && s !== 0)).toEqual([]);

    // every message that got a 200 is stored as one turn, none twice, none lost
    const storage = instances[0]!.core.storage;
    for (const [waId, ids] of answered) {
      const state = await storage.conversations.load(`whatsapp:${waId}`);
      expect(state?.turns, `turns of person ${waId}`).toBe(ids.length);
      // each stored with its reply, under the person's conversation
      const kept = await storage.deliveries.find('whatsapp', ids, new Date());
      expect([...kept.keys()].sort(), `deliveries of person ${waId}`).toEqual([...ids].sort());
      for (const reply of kept.values()) expect(reply).toContain('<Message>');
    }
    // no apology for an outage: the message was retried instead
    expect(logLines.filter((l) => l.includes('"turn failed"'))).toEqual([]);

    // both instances serve again as they are
    for (const i of instances) {
      const health = await fetch(`${i.base}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', database: 'ok', redis: 'ok' });
    }
    const after = await deliver(instances[1]!, { MessageSid: 'SM' + '9'.repeat(32), AccountSid: 'AC' + '6'.repeat(32), From: 'whatsapp:+233209999990', To: 'whatsapp:+14155238886', WaId: '233209999990', NumMedia: '0', Body: 'hello' });
    expect(after.status).toBe(200);
    expect(after.body).toContain('Wegweiser');
  });
});
