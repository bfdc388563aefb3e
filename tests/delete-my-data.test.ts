/**
 * "Delete my data" really deletes: after a person booked, talked to an advisor (whose reply waits
 * in the outbox) and then asked to delete everything, no row of any table holds their id, their
 * name, their phone number or what they wrote. The booking reference stays, anonymised.
 */
import { describe, expect, it } from 'vitest';
import { createTestCore } from './support/test-core.js';

describe('delete my data', () => {
  it('leaves no trace of the person in any table', async () => {
    const core = await createTestCore({ storage: 'database' });
    core.senders.set('whatsapp', { send: async () => ({ status: 'failed', reason: 'down' }) });
    const person = { channel: 'whatsapp', user: '233241112223' };
    const say = (text: string) => core.conversations.receive(person, { kind: 'text', text });
    for (const text of ['hello', '4', '1', 'Kumasi', 'Book in Accra', 'Wednesday 25 November', '10:00', 'Abena Mensah', '+233 24 111 2223', 'Yes, book it']) await say(text);
    for (const text of ['talk to a person', '1', 'my secret story about my employer']) await say(text);
    const admin = await core.auth.create({ email: 'delete@example.org', password: 'correct horse battery', centreId: 'gh-accra', role: 'admin' });
    const [handoff] = await core.handoffs.list(admin);
    expect((await core.handoffs.reply(admin, handoff!.id, 'Dear Abena, we will call you')).status).toBe('queued');
    const [appointment] = await core.storage.appointments.list({ centreId: 'gh-accra' });

    await say('delete my data');
    expect((await say('yes')).outbox[0]).toMatchObject({ kind: 'text', text: core.texts.t('en', 'privacy.deleted') });

    const traces = ['233241112223', 'Abena', '111 2223', 'secret story', 'Dear Abena'];
    const tables = await core.storage.inspect();
    expect(Object.keys(tables)).toEqual(expect.arrayContaining(['conversations', 'appointments', 'handoffs', 'handoff_messages', 'jobs', 'deliveries']));
    for (const [table, rows] of Object.entries(tables)) {
      for (const row of rows) for (const trace of traces) expect(JSON.stringify(row), `${table} holds "${trace}"`).not.toContain(trace);
    }
    const kept = await core.storage.appointments.get(appointment!.id);
    expect(kept).toMatchObject({ reference: appointment!.reference, status: 'cancelled', name: null, contact: null, conversationId: null });
    await core.close();
  });
});
