/**
 * Reminders the day before an appointment: stored as jobs in the database, sent once through the
 * person's channel, still sent (once) after a restart, skipped for a cancelled appointment and for a
 * request the centre has not confirmed yet (then due once staff confirm it).
 */
import { describe, expect, it } from 'vitest';
import type { Outbound } from '../src/core/messages.js';
import { scheduleReminder } from '../src/booking/reminders.js';
import { createTestCore, type TestCore } from './support/test-core.js';

const sent: { user: string; outbox: readonly Outbound[] }[] = [];
function withSender(core: TestCore): TestCore {
  core.senders.set('test', { send: async (user, outbox) => (sent.push({ user, outbox }), { status: 'sent' }) });
  return core;
}

async function book(core: TestCore, user: string, day: string, time: string): Promise<void> {
  const person = { channel: 'test', user };
  for (const text of ['hello', '4', '1', 'Accra', 'Book in Accra', day, time, 'Abena', '+233 24 000 0000', 'Yes, book it']) {
    await core.conversations.receive(person, { kind: 'text', text });
  }
}

describe('appointment reminders', () => {
  it('fire once, the day before, and once more only for what was still due after a restart', async () => {
    const core = withSender(await createTestCore({ storage: 'database' }));
    await book(core, 'p1', 'Wednesday 25 November', '10:00');
    await book(core, 'p2', 'Thursday 26 November', '10:00');
    expect(await core.jobs.tick()).toEqual([]); // nothing due yet

    core.clock.advance(24 * 3600_000 + 60_000); // Tuesday 24 November, 10:01 UTC
    expect(await core.jobs.tick()).toEqual([{ id: expect.stringMatching(/^reminder:/), status: 'done' }]);
    expect(sent.filter((s) => s.user === 'p1')).toHaveLength(1);
    const text = (sent[0]!.outbox[0] as { text: string }).text;
    expect(text).toContain('Reminder: your free appointment is tomorrow, Wednesday 25 November, 10:00');
    expect(await core.jobs.tick()).toEqual([]);
    await core.close();

    // A restart: the same database, a new process.
    const again = withSender(await createTestCore({ storage: 'database', env: { DATA_DIR: core.dataDir } }));
    again.clock.advance(48 * 3600_000 + 60_000); // Wednesday 25 November, 10:01 UTC
    expect(await again.jobs.tick()).toHaveLength(1);
    expect(sent.filter((s) => s.user === 'p1')).toHaveLength(1);
    expect(sent.filter((s) => s.user === 'p2')).toHaveLength(1);
    expect(await again.jobs.tick()).toEqual([]);
    await again.close();
  });

  it('is skipped when the appointment was cancelled in the chat', async () => {
    const core = withSender(await createTestCore({ storage: 'database' }));
    await book(core, 'p3', 'Wednesday 25 November', '11:00');
    for (const text of ['4', 'My appointment', 'Cancel the appointment']) await core.conversations.receive({ channel: 'test', user: 'p3' }, { kind: 'text', text });
    core.clock.advance(25 * 3600_000);
    expect(await core.jobs.tick()).toEqual([]);
    expect(sent.filter((s) => s.user === 'p3')).toEqual([]);
    await core.close();
  });

  it('is not sent for a request at a centre whose hours are not confirmed, until staff confirm it', async () => {
    const core = withSender(await createTestCore({ storage: 'database' }));
    const person = { channel: 'test', user: 'p4' };
    for (const text of ['hello', 'i need an appointment at the centre in pristina', 'Wednesday 25 November', '10:00', 'Arben', '+383 44 000 000', 'Yes, book it']) {
      await core.conversations.receive(person, { kind: 'text', text });
    }
    const [request] = await core.storage.appointments.list({ centreId: 'xk-pristina' });
    expect(request).toMatchObject({ status: 'booked', requested: true, conversationId: 'test:p4' });
    core.clock.advance(24 * 3600_000 + 60_000); // the day before, 10:01 UTC
    expect(await core.jobs.tick()).toEqual([]);
    expect(sent.filter((s) => s.user === 'p4')).toEqual([]);

    // What POST /api/appointments/{id}/confirm does: the time is agreed, the reminder is due.
    core.clock.advance(-3 * 3600_000);
    expect(await core.booking.confirmRequest(request!.id)).toBe(true);
    expect(await scheduleReminder(core.storage.jobs, { ...request!, requested: false }, core.clock.now())).toBe(true);
    core.clock.advance(3 * 3600_000);
    expect(await core.jobs.tick()).toEqual([{ id: `reminder:${request!.id}`, status: 'done' }]);
    expect(sent.filter((s) => s.user === 'p4')).toHaveLength(1);
    await core.close();
  });
});
