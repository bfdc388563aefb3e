/**
 * Retention: after RETENTION_DAYS (default 90), idle conversations, closed handoffs with their
 * messages, finished jobs, the delivery log (with its stored replies) and the messages from our
 * side with their delivery statuses are deleted, and past appointments keep only their
 * reference, the reports' counts lose their pseudonyms; on SQLite nothing of it stays in the database's files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeOutbound } from '../src/runtime/conversations.js';
import { createTestCore, TEST_STORE } from './support/test-core.js';

describe('retention', () => {
  it('forgets what is older than the retention period and keeps what is recent', async () => {
    const core = await createTestCore({ storage: 'database' });
    expect(core.config.RETENTION_DAYS).toBe(90);
    let sent = 0;
    core.senders.set('test', { send: async () => ({ status: 'sent', ids: [`SM-retention-${++sent}`], tracked: true }) });
    const old = { channel: 'test', user: 'old' };
    let delivery = 0;
    for (const text of ['hello', '4', '1', 'Accra', 'Book in Accra', 'Wednesday 25 November', '10:00', 'Kwesi Appiah', '+233 20 123 4567', 'Yes, book it', 'talk to a person', 'Accra', '1']) {
      // as a webhook does: the turn stores its reply with the delivery, for a retry
      await core.conversations.deliver(old, { kind: 'text', text }, {}, { id: `d${++delivery}`, render: ({ outbox }) => outbox.map(describeOutbound).join('\n') });
    }
    expect(JSON.stringify((await core.storage.inspect()).deliveries)).toContain('Kwesi Appiah');
    // A photo sent during the handoff, stored for the advisor: it goes with the closed handoff.
    core.media.register('test', { fetch: async () => ({ status: 'ok', bytes: Buffer.from('PNG Kwesi photo-marker'), contentType: 'image/png' }) });
    await core.conversations.receive(old, { kind: 'media', media: [{ kind: 'image', ref: 'photo-1', contentType: 'image/png' }] });
    expect((await core.storage.inspect()).media).toHaveLength(1);
    const [handoff] = await core.storage.handoffs.list({ status: 'open' });
    const admin = await core.auth.create({ email: 'admin@example.org', password: 'correct horse battery', centreId: 'gh-accra', role: 'admin' });
    expect((await core.handoffs.reply(admin, handoff!.id, 'Dear Kwesi Appiah, see you on Wednesday')).status).toBe('ok');
    const reported = await core.storage.outbound.report('test', `SM-retention-${sent}`, 'delivered', null, core.clock.now());
    expect(reported).toMatchObject({ moved: true, outbound: { status: 'delivered' } });
    expect((await core.handoffs.note(admin, handoff!.id, 'Kwesi prefers mornings')).status).toBe('ok'); // an internal note goes with its handoff
    expect((await core.handoffs.close(admin, handoff!.id)).status).toBe('ok');

    core.clock.advance(93 * 86_400_000); // past the appointment on 25 November by more than 90 days
    await core.conversations.receive({ channel: 'test', user: 'recent' }, { kind: 'text', text: 'hello' });
    const counts = await core.storage.purgeOlderThan(new Date(core.clock.now().getTime() - 90 * 86_400_000));
    expect(counts).toMatchObject({ conversations: 1, handoffs: 1, appointments: 1, deliveries: delivery, media: 1, outbound: 1, outboundReceipts: 1 });
    expect(counts.handoffMessages).toBeGreaterThan(3);
    // The reports keep their counts, but the old person's turns are no longer linked by a pseudonym.
    expect(counts.reportPeople).toBe(delivery + 1); // every turn, the photo's too

    const rows = await core.storage.inspect();
    expect(rows.conversations!.map((c) => c.id)).toEqual(['test:recent']);
    expect(rows.handoffs).toEqual([]);
    expect(rows.handoff_messages).toEqual([]);
    expect(rows.media).toEqual([]);
    expect(rows.deliveries).toEqual([]);
    expect(rows.outbound_messages).toEqual([]);
    expect(rows.outbound_receipts).toEqual([]);
    for (const [table, list] of Object.entries(rows)) {
      for (const trace of ['Kwesi', 'Appiah', '123 4567']) expect(JSON.stringify(list), `${table} holds "${trace}"`).not.toContain(trace);
    }
    if (TEST_STORE === 'sqlite') {
      for (const entry of readdirSync(core.dataDir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile())) {
        const bytes = readFileSync(join(entry.parentPath, entry.name));
        for (const trace of ['Kwesi', 'Appiah', '123 4567', 'photo-marker']) expect(bytes.includes(trace), `${entry.name} holds "${trace}"`).toBe(false);
      }
    }
    const turns = rows.report_events!.filter((r) => r.kind === 'turn');
    expect(turns).toHaveLength(delivery + 2); // the old person's turns, the photo's, the recent person's
    expect(turns.filter((r) => r.person !== null)).toHaveLength(1); // the recent person's only
    const [appointment] = rows.appointments!;
    expect(appointment).toMatchObject({ name: null, contact: null, reference: expect.stringMatching(/^[A-Z2-9]{6}$/) });
    await core.close();
  });
  it('removes questions from the curator\'s queue after CURATION_DAYS (default 30), whatever the conversations\' retention', async () => {
    const core = await createTestCore({ storage: 'database' });
    expect(core.config.CURATION_DAYS).toBe(30);
    const person = { channel: 'test', user: 'asker' };
    await core.conversations.receive(person, { kind: 'text', text: 'hello' });
    await core.conversations.receive(person, { kind: 'text', text: "my name is Kwesi, can my uncle's bakery in Dortmund hire me as an apprentice baker" });
    expect((await core.storage.curation.list({})).map((i) => i.text)).toEqual(["my name is [name], can my uncle's bakery in Dortmund hire me as an apprentice baker"]);
    const retention = () => new Date(core.clock.now().getTime() - 90 * 86_400_000);
    const curation = () => new Date(core.clock.now().getTime() - core.config.CURATION_DAYS * 86_400_000);

    core.clock.advance(29 * 86_400_000);
    expect(await core.storage.purgeOlderThan(retention(), { curationCutoff: curation() })).toMatchObject({ curation: 0 });
    expect(await core.storage.curation.list({})).toHaveLength(1);
    core.clock.advance(2 * 86_400_000);
    expect(await core.storage.purgeOlderThan(retention(), { curationCutoff: curation() })).toMatchObject({ curation: 1, conversations: 0 });
    expect((await core.storage.inspect()).curation_items).toEqual([]);
    if (TEST_STORE === 'sqlite') {
      for (const entry of readdirSync(core.dataDir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile())) {
        // The masked form exists only in the queue (the conversation, kept 90 days, holds the question as typed).
        expect(readFileSync(join(entry.parentPath, entry.name)).includes("[name], can my uncle's bakery"), entry.name).toBe(false);
      }
    }
    await core.close();
  });
});
