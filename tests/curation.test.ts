/**
 * Learning from use, across instances: a question the assistant declines reaches the curator's
 * queue masked; a curator assigns it on one instance, and the other instance answers the same
 * question and a close paraphrase with that topic at once, without a restart (two servers on one
 * SQLite file; with TEST_STORE=postgres two servers on PostgreSQL + Redis). An answer rated
 * "didn't help" reaches the queue too, and marking it out of scope makes the assistant decline it.
 * Advisors get 403; bad requests get 400 and change nothing; the taught questions export as a
 * patch that `git apply` takes.
 */
import { randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../src/paths.js';
import { startTestServer, type RunningServer } from './support/server.js';
import { TEST_STORE } from './support/test-core.js';
import { twilioSignature } from './support/twilio-signature.js';

const TOKEN = 'curation-twilio-token';
const LB = 'https://lb.curation.example';
const ACCOUNT = 'AC' + '7'.repeat(32);
const DECLINED = "can my uncle's bakery in Dortmund hire me as an apprentice baker";
const PARAPHRASE = 'could the bakery of my uncle in dortmund take me as apprentice baker';
const TOPIC = 'training-vocational';

describe('the curator\'s queue on two instances', () => {
  let a: RunningServer;
  let b: RunningServer;
  let sid = 0;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wegweiser-curation-'));
    const env: Record<string, string> = {
      TWILIO_ACCOUNT_SID: ACCOUNT, TWILIO_AUTH_TOKEN: TOKEN, TWILIO_WHATSAPP_FROM: 'whatsapp:+14155238886',
      // Every instance of a deployment shares the key of log references and curation links.
      LOG_ID_SECRET: 'curation-test-secret-0123456789abcdef',
    };
    if (TEST_STORE === 'sqlite') env.DATABASE_URL = `sqlite:${join(dir, 'shared.sqlite')}`;
    const shared = TEST_STORE === 'postgres' ? `wt_${randomUUID().replaceAll('-', '').slice(0, 16)}` : undefined;
    a = await startTestServer(env, () => LB, shared);
    b = await startTestServer(env, () => LB, shared);
  }, 60_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  /** A signed Twilio delivery to one instance; the TwiML reply as text. */
  async function whatsapp(server: RunningServer, from: string, text: string): Promise<string> {
    sid += 1;
    const params = { MessageSid: `SM${sid.toString(16).padStart(32, '0')}`, AccountSid: ACCOUNT, From: `whatsapp:+${from}`, To: 'whatsapp:+14155238886', WaId: from, NumMedia: '0', Body: text };
    const res = await fetch(`${server.base}/webhooks/whatsapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilioSignature(TOKEN, `${LB}/webhooks/whatsapp`, params) },
      body: new URLSearchParams(params).toString(),
    });
    expect(res.status).toBe(200);
    return res.text();
  }

  async function signIn(server: RunningServer, email: string, role: 'advisor' | 'curator' | 'admin'): Promise<(path: string, init?: { method?: string; body?: unknown }) => Promise<Response>> {
    await server.core.auth.create({ email, password: 'correct horse battery', centreId: role === 'advisor' ? 'gh-accra' : '', role });
    const login = await fetch(`${server.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'correct horse battery' }) });
    const { token } = (await login.json()) as { token: string };
    return (path, init = {}) =>
      fetch(`${server.base}${path}`, {
        method: init.method ?? 'GET',
        headers: { authorization: `Bearer ${token}`, ...(init.body ? { 'content-type': 'application/json' } : {}) },
        ...(init.body ? { body: JSON.stringify(init.body) } : {}),
      });
  }

  const title = (server: RunningServer, topic: string) => server.core.kb.entries.get(topic)!.get('en')!.title;
  const notSure = (server: RunningServer) => server.core.texts.t('en', 'fallback.notSure').slice(0, 30);

  it('queues a declined question masked; a curator assigns it on B; A answers it and a paraphrase with that topic, no restart', async () => {
    const person = '233241112223';
    await whatsapp(a, person, 'hello');
    const declined = await whatsapp(a, person, `my name is Kofi Mensah (+233 24 111 2223): ${DECLINED}`);
    expect(declined).toContain(notSure(a));

    const advisor = await signIn(b, 'advisor@curation.example', 'advisor');
    expect((await advisor('/api/curation')).status).toBe(403);
    expect((await advisor('/api/curation/simulate', { method: 'POST', body: { q: DECLINED } })).status).toBe(403);
    expect((await fetch(`${b.base}/api/curation`)).status).toBe(401);

    const curator = await signIn(b, 'curator@curation.example', 'curator');
    const listed = (await (await curator('/api/curation?lang=en')).json()) as { items: { id: string; text: string; lang: string; reason: string; topics: { id: string; score: number }[]; at: string; country: string | null }[]; groups: { lang: string; topic: string | null; count: number; ids: string[] }[] };
    expect(listed.items).toHaveLength(1);
    const [item] = listed.items;
    expect(item).toMatchObject({ lang: 'en', reason: 'declined', text: `my name is [name] ([phone]): ${DECLINED}`, country: 'GH' });
    expect(item!.topics).toHaveLength(3);
    expect(item!.topics[0]!.score).toBeGreaterThanOrEqual(item!.topics[1]!.score);
    expect(listed.groups).toEqual([{ lang: 'en', country: 'GH', topic: item!.topics[0]!.id, count: 1, ids: [item!.id] }]);
    const rows = JSON.stringify((await b.core.storage.inspect()).curation_items);
    for (const trace of ['Kofi', 'Mensah', '111 2223', person]) expect(rows).not.toContain(trace);

    // Before: the simulator declines it, as the chat did.
    const before = (await (await curator('/api/curation/simulate', { method: 'POST', body: { q: DECLINED, lang: 'en' } })).json()) as { id: string | null };
    expect(before.id).toBeNull();

    // Bad requests: a clear 400 or 404, and nothing changes.
    for (const body of [{}, { topic: 'no-such-topic' }, { topic: TOPIC, outOfScope: true }, { outOfScope: 'yes' }]) {
      const res = await curator(`/api/curation/${item!.id}/assign`, { method: 'POST', body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(((await res.json()) as { error: string }).error).toBeTruthy();
    }
    expect((await curator('/api/curation/nope/assign', { method: 'POST', body: { topic: TOPIC } })).status).toBe(404);
    expect((await curator('/api/curation?status=weird')).status).toBe(400);
    expect(await b.core.storage.curation.taught()).toEqual([]);

    const assigned = await curator(`/api/curation/${item!.id}/assign`, { method: 'POST', body: { topic: TOPIC } });
    expect(assigned.status).toBe(200);
    expect((await curator(`/api/curation/${item!.id}/assign`, { method: 'POST', body: { topic: TOPIC } })).status).toBe(409);
    expect(((await (await curator('/api/curation')).json()) as { items: unknown[] }).items).toEqual([]); // open items only

    // A, which never heard of the decision, answers the question and a paraphrase with the topic.
    for (const question of [DECLINED, PARAPHRASE]) {
      const reply = await whatsapp(a, '233209998887', question);
      expect(reply, question).toContain(title(a, TOPIC));
    }
    const after = (await (await curator('/api/curation/simulate', { method: 'POST', body: { q: PARAPHRASE } })).json()) as { id: string | null; lang: string; answer: string; topics: { id: string }[] };
    expect(after).toMatchObject({ id: TOPIC, lang: 'en' });
    expect(after.answer).toBe(a.core.kb.entries.get(TOPIC)!.get('en')!.short);

    // The taught question, as a patch to the knowledge base that git applies.
    const patch = await curator(`/api/curation/export?topic=${TOPIC}&lang=en`);
    expect(patch.status).toBe(200);
    expect(patch.headers.get('content-disposition')).toContain(`${TOPIC}-en.patch`);
    const diff = await patch.text();
    expect(diff).toContain(`+++ b/knowledge/${TOPIC}/en.md`);
    expect(diff).toContain(`+  - ${JSON.stringify(`my name is [name] ([phone]): ${DECLINED}`)}`);
    const repo = mkdtempSync(join(tmpdir(), 'wegweiser-patch-'));
    mkdirSync(join(repo, 'knowledge'));
    cpSync(join(ROOT, 'knowledge', TOPIC), join(repo, 'knowledge', TOPIC), { recursive: true });
    writeFileSync(join(repo, 'taught.patch'), diff);
    execFileSync('git', ['apply', 'taught.patch'], { cwd: repo });
    expect((await curator('/api/curation/export?topic=../etc&lang=en')).status).toBe(400);

    // Delete my data, asked on B, removes what A queued for this person.
    await whatsapp(a, person, 'is it safe to pay an agent 3000 dollars for a german work visa');
    expect((await b.core.storage.curation.list({ status: 'assigned' })).length).toBe(1);
    await whatsapp(b, person, 'delete my data');
    await whatsapp(b, person, 'yes');
    expect(await b.core.storage.curation.list({})).toEqual([]);
    expect(await b.core.storage.curation.taught()).toHaveLength(1); // what the curator taught is knowledge now, linked to nobody
  }, 120_000);

  it('"didn\'t help" queues the question; out of scope makes both instances decline it', async () => {
    const person = '233501234567';
    const question = 'can I bring my dog with me on the family reunion visa?';
    await whatsapp(a, person, 'hi');
    const answered = await whatsapp(a, person, question);
    const no = /(\d+)\. 👎/.exec(answered);
    expect(no, answered).not.toBeNull();
    expect(answered).toMatch(/\d+\. 👍/);
    const sorry = await whatsapp(a, person, no![1]!);
    expect(sorry).toContain(a.core.texts.t('en', 'feedback.sorry'));

    const curator = await signIn(a, 'curator2@curation.example', 'admin');
    const { items } = (await (await curator('/api/curation')).json()) as { items: { id: string; text: string; reason: string }[] };
    const rated = items.find((i) => i.reason === 'unhelpful');
    expect(rated).toMatchObject({ text: question });
    expect((await curator(`/api/curation/${rated!.id}/assign`, { method: 'POST', body: { outOfScope: true } })).status).toBe(200);

    for (const [server, from] of [[b, '233501112223'], [a, '233501112224']] as const) expect(await whatsapp(server, from, question)).toContain(notSure(server));
  }, 120_000);
});
