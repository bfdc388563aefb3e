/**
 * A reply that failed to send (the channel's API down) waits in the outbox, in the database, and
 * is retried with backoff, also after a restart, until it is delivered once.
 */
import { describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from './support/test-core.js';

describe('outbox of replies', () => {
  it('retries a failed reply with backoff and delivers it once, across a restart', async () => {
    let up = false;
    const delivered: string[] = [];
    const flaky = (core: TestCore) =>
      core.senders.set('flaky', {
        send: async (_user, outbox) => {
          if (!up) return { status: 'failed', reason: 'connect ECONNREFUSED' };
          delivered.push((outbox[0] as { text: string }).text);
          return { status: 'sent' };
        },
      });
    const core = await createTestCore({ storage: 'database' });
    flaky(core);
    const person = { channel: 'flaky', user: 'f1' };
    for (const text of ['hello', 'talk to a person', 'Accra', '1']) await core.conversations.receive(person, { kind: 'text', text });
    const admin = await core.auth.create({ email: 'outbox@example.org', password: 'correct horse battery', centreId: 'gh-accra', role: 'admin' });
    const [handoff] = await core.handoffs.list(admin);
    expect(await core.handoffs.reply(admin, handoff!.id, 'We will call you tomorrow.')).toMatchObject({ status: 'queued' });

    core.clock.advance(61_000);
    expect(await core.jobs.tick()).toEqual([{ id: expect.stringMatching(/^send:/), status: 'pending' }]); // still down: tried again later
    await core.close();

    up = true;
    const again = await createTestCore({ storage: 'database', env: { DATA_DIR: core.dataDir } });
    flaky(again);
    again.clock.advance(61_000);
    expect(await again.jobs.tick()).toEqual([]); // the backoff has not passed yet
    again.clock.advance(10 * 60_000);
    expect(await again.jobs.tick()).toEqual([{ id: expect.stringMatching(/^send:/), status: 'done' }]);
    again.clock.advance(60 * 60_000);
    expect(await again.jobs.tick()).toEqual([]);
    expect(delivered).toEqual(['We will call you tomorrow.']);
    await again.close();
  });
});
