/**
 * "Delete my data" really deletes: after a person booked, talked to an advisor (whose reply waits
 * in the outbox) and then asked to delete everything, no row of any table holds their id, their
 * name, their phone number or what they wrote, and the reports' counts no longer carry their
 * pseudonym. The booking reference stays, anonymised. On the
 * running server the same holds for the delivery log (the stored replies), the bytes of every file
 * of the database (SQLite: main file, write-ahead log, shared memory) and the web chat transcript.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startTestServer, type RunningServer } from './support/server.js';
import { createTestCore, TEST_STORE } from './support/test-core.js';
import { twilioSignature } from './support/twilio-signature.js';
import { wavFile } from './support/media-files.js';

describe('delete my data', () => {
  it('leaves no trace of the person in any table', async () => {
    const core = await createTestCore({ storage: 'database' });
    core.senders.set('whatsapp', { send: async () => ({ status: 'failed', reason: 'down' }) });
    const person = { channel: 'whatsapp', user: '233241112223' };
    const say = (text: string) => core.conversations.receive(person, { kind: 'text', text });
    for (const text of ['hello', '4', '1', 'Kumasi', 'Book in Accra', 'Wednesday 25 November', '10:00', 'Abena Mensah', '+233 24 111 2223', 'Yes, book it']) await say(text);
    // A question the assistant declines waits, masked, in the curator's queue.
    await say("I am Abena, can my uncle's bakery in Dortmund hire me as an apprentice baker? call +233 24 111 2223");
    const queued = await core.storage.curation.list({});
    expect(queued).toHaveLength(1);
    expect(queued[0]!.text).toBe("I am [name], can my uncle's bakery in Dortmund hire me as an apprentice baker? call [phone]");
    for (const text of ['talk to a person', '1', 'my secret story about my employer']) await say(text);
    const admin = await core.auth.create({ email: 'delete@example.org', password: 'correct horse battery', centreId: 'gh-accra', role: 'admin' });
    const [handoff] = await core.handoffs.list(admin);
    expect((await core.handoffs.reply(admin, handoff!.id, 'Dear Abena, we will call you')).status).toBe('queued');
    // A reply Twilio took, and reported on: its text and its status are the person's too.
    core.senders.set('whatsapp', { send: async () => ({ status: 'sent', ids: ['SM-delete-1'], tracked: true }) });
    expect((await core.handoffs.reply(admin, handoff!.id, 'Dear Abena, see you on Wednesday')).status).toBe('ok');
    expect(await core.storage.outbound.report('whatsapp', 'SM-delete-1', 'read', null, core.clock.now())).toMatchObject({ moved: true });
    // An internal note between staff is about the person too, and goes with the rest.
    expect((await core.handoffs.note(admin, handoff!.id, 'Note: Abena fears her employer')).status).toBe('ok');
    const [appointment] = await core.storage.appointments.list({ centreId: 'gh-accra' });

    // The reports counted every turn, with the person as a pseudonym (a keyed hash of the conversation).
    const counted = (await core.storage.inspect()).report_events!;
    const pseudonyms = new Set(counted.map((r) => r.person).filter((p) => p !== null));
    expect(pseudonyms.size).toBe(1);
    expect(counted.filter((r) => r.kind === 'turn')).toHaveLength(14); // 10 booking turns, the queued question, 3 handoff turns

    await say('delete my data');
    expect((await say('yes')).outbox[0]).toMatchObject({ kind: 'text', text: core.texts.t('en', 'privacy.deleted') });

    const traces = ['233241112223', 'Abena', '111 2223', 'secret story', 'Dear Abena', 'fears her employer'];
    const tables = await core.storage.inspect();
    expect(Object.keys(tables)).toEqual(expect.arrayContaining(['conversations', 'appointments', 'handoffs', 'handoff_messages', 'jobs', 'deliveries', 'outbound_messages', 'outbound_receipts', 'curation_items']));
    expect(tables.outbound_messages).toEqual([]);
    expect(tables.outbound_receipts).toEqual([]);
    expect(tables.curation_items).toEqual([]); // the masked question left the queue with the rest
    for (const [table, rows] of Object.entries(tables)) {
      for (const row of rows) for (const trace of traces) expect(JSON.stringify(row), `${table} holds "${trace}"`).not.toContain(trace);
    }
    // The counts stay, anonymous: no row holds the pseudonym any more, so the person is no longer counted.
    const reported = tables.report_events!;
    expect(reported.filter((r) => r.kind === 'turn')).toHaveLength(15); // "delete my data" asked first; "yes" is not counted
    expect(reported.filter((r) => r.person !== null)).toEqual([]);
    for (const pseudonym of pseudonyms) expect(JSON.stringify(tables)).not.toContain(String(pseudonym));
    const day = await core.storage.reports.rows({ from: '2026-11-23', to: '2026-11-23' });
    expect(day.visits).toEqual([]);
    expect(day.turns.reduce((n, t) => n + t.n, 0)).toBe(15);
    const kept = await core.storage.appointments.get(appointment!.id);
    expect(kept).toMatchObject({ reference: appointment!.reference, status: 'cancelled', name: null, contact: null, conversationId: null });
    await core.close();
  });
});

const TWILIO_TOKEN = 'test-auth-token-0123456789abcdef';
const ACCOUNT = 'AC' + '0'.repeat(32);

/** Every file under the data folder, raw. */
function filesOf(dir: string): { file: string; bytes: Buffer }[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => ({ file: join(e.parentPath, e.name), bytes: readFileSync(join(e.parentPath, e.name)) }));
}

describe('delete my data on the running server', () => {
  it('leaves no trace in the delivery log, the database files or the web chat transcript', async () => {
    const server: RunningServer = await startTestServer({ TWILIO_ACCOUNT_SID: ACCOUNT, TWILIO_AUTH_TOKEN: TWILIO_TOKEN, TWILIO_WHATSAPP_FROM: 'whatsapp:+14155238886' });
    try {
      const core = server.core;
      core.senders.set('whatsapp', { send: async () => ({ status: 'failed', reason: 'down' }) });
      let sid = 0;
      const whatsapp = async (text: string, media: Record<string, string> = {}): Promise<string> => {
        sid += 1;
        const params = { MessageSid: `SM${sid.toString(16).padStart(32, '0')}`, AccountSid: ACCOUNT, From: 'whatsapp:+233241112223', To: 'whatsapp:+14155238886', WaId: '233241112223', NumMedia: '0', Body: text, ...media };
        const url = `${server.base}/webhooks/whatsapp`;
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilioSignature(TWILIO_TOKEN, url, params) }, body: new URLSearchParams(params).toString() });
        expect(res.status).toBe(200);
        return res.text();
      };
      const replies: string[] = [];
      for (const text of ['hello', '4', '1', 'Kumasi', 'Book in Accra', 'Wednesday 25 November', '10:00', 'Abena Mensah', '+233 24 111 2223', 'Yes, book it']) replies.push(await whatsapp(text));
      for (const text of ['talk to a person', '1', 'my secret story about my employer Kwakubrew']) replies.push(await whatsapp(text));
      expect(replies.join('\n')).toContain('Abena Mensah'); // the stored replies hold the name
      // A voice note during the handoff, its bytes fetched (here from a stand-in for Twilio) and stored for the advisor.
      const voice = wavFile(0.3, 'Kwakuvoicenote-marker');
      core.media.register('whatsapp', { fetch: async () => ({ status: 'ok', bytes: voice, contentType: 'audio/ogg' }) });
      await whatsapp('', { NumMedia: '1', MediaUrl0: `https://api.twilio.com/2010-04-01/Accounts/${ACCOUNT}/Messages/MM1/Media/ME1`, MediaContentType0: 'audio/ogg' });
      expect((await core.storage.inspect()).media).toHaveLength(1);
      const admin = await core.auth.create({ email: 'delete-server@example.org', password: 'correct horse battery', centreId: 'gh-accra', role: 'admin' });
      const [handoff] = await core.handoffs.list(admin);
      expect((await core.handoffs.reply(admin, handoff!.id, 'Dear Abena, we will call you')).status).toBe('queued');

      // The same person's words on the web chat.
      const { token, conversationId } = (await (await fetch(`${server.base}/v3/directline/tokens/generate`, { method: 'POST' })).json()) as { token: string; conversationId: string };
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const activities = `${server.base}/v3/directline/conversations/${conversationId}/activities`;
      expect((await fetch(`${server.base}/v3/directline/conversations`, { method: 'POST', headers })).status).toBe(201);
      const webchat = async (text: string) => {
        const res = await fetch(activities, { method: 'POST', headers, body: JSON.stringify({ type: 'message', from: { id: 'web-user' }, text, locale: 'en-US' }) });
        expect(res.status).toBe(200);
      };
      for (const text of ['hello', 'my number is +233 24 111 2223 and my employer is Kwakubrew', 'delete my data', 'yes']) await webchat(text);
      const transcript = await (await fetch(`${activities}?watermark=0`, { headers })).text();
      // The web chat question was declined and queued masked, then deleted with the conversation; the WhatsApp one waits.
      expect((await core.storage.curation.list({})).map((i) => i.text)).not.toContainEqual(expect.stringContaining('Kwakubrew'));
      for (const trace of ['233241112223', '111 2223', 'Kwakubrew']) expect(transcript, `the web chat transcript holds "${trace}"`).not.toContain(trace);
      expect(transcript).toContain(core.texts.t('en', 'privacy.deleted').slice(0, 20));

      await whatsapp('delete my data');
      expect(await whatsapp('yes')).toContain(core.texts.t('en', 'privacy.deleted').slice(0, 20));

      const traces = ['233241112223', '111 2223', 'Abena', 'Mensah', 'secret story', 'Kwakubrew', 'Kwakuvoicenote-marker'];
      const tables = await core.storage.inspect();
      expect(tables.media).toEqual([]);
      expect(tables.deliveries!.length).toBeGreaterThan(0); // the log still answers retries, with nothing of the person
      for (const [table, rows] of Object.entries(tables)) {
        for (const row of rows) for (const trace of traces) expect(JSON.stringify(row), `${table} holds "${trace}"`).not.toContain(trace);
      }
      if (TEST_STORE === 'sqlite') {
        const files = filesOf(core.dataDir);
        expect(files.map((f) => f.file).some((f) => f.endsWith('.sqlite'))).toBe(true);
        for (const { file, bytes } of files) for (const trace of traces) expect(bytes.includes(trace), `${file} holds "${trace}"`).toBe(false);
      }
    } finally {
      await server.close();
    }
  });
});
