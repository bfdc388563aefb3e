/**
 * The conversation service on the real SQLite store: turns of one person are serialized (no lost
 * update), a failing turn apologises and keeps the previous state, delete my data removes the row,
 * and the log never holds message text or the person's id.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { unavailableActions } from '../src/core/actions.js';
import type { Outbound } from '../src/core/messages.js';
import { conversationId, type Delivered } from '../src/runtime/conversations.js';
import { createTestCore, type TestCore } from './support/test-core.js';

let core: TestCore | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

const person = { channel: 'whatsapp', user: '+233201234567' };

describe('conversations on SQLite', () => {
  it('serializes 30 concurrent messages of one person: every turn is counted, none lost', async () => {
    core = await createTestCore({ storage: 'database', env: { MESSAGES_PER_MINUTE: '1000' } });
    await core.conversations.receive(person, { kind: 'text', text: 'hello' });
    const replies = await Promise.all(
      Array.from({ length: 30 }, (_, i) => core!.conversations.receive(person, { kind: 'text', text: String((i % 3) + 1) })),
    );
    expect(replies.every((r) => r.outbox.length > 0)).toBe(true);
    const state = await core.storage.conversations.load(conversationId(person));
    expect(state?.turns).toBe(31);
  });

  // pureRender: the log is not asked first; the retry's turn runs again, is found when recorded, and is rolled back
  it.each([false, true])('never runs a delivery twice: a retry gets the stored reply, even once the person has moved on (pure render: %s)', async (pureRender) => {
    core = await createTestCore({ storage: 'database', env: { MESSAGES_PER_MINUTE: '1000' } });
    // as a channel does: the answer rendered (here: the outbox as JSON) is stored with the delivery
    const say = async (text: string, id: string) => {
      const outcome = await core!.conversations.deliver(person, { kind: 'text', text }, {}, { id, pureRender, render: ({ outbox }) => JSON.stringify(outbox) });
      return { outbox: outcome.status === 'answered' ? (JSON.parse(outcome.answer) as Outbound[]) : [] };
    };
    const first = await say('hello', 'd0');
    let last = first;
    for (let i = 1; i <= 6; i++) last = await say(String((i % 3) + 1), `d${i}`);
    const turns = (await core.storage.conversations.load(conversationId(person)))!.turns;
    expect(turns).toBe(7);
    const recent = await say('1', 'd6'); // a retry of the latest: the same reply, no new turn
    expect(recent.outbox).toEqual(last.outbox);
    const old = await say('hello', 'd0'); // a retry six messages later: no second turn, the reply it had
    expect(old.outbox).toEqual(first.outbox);
    expect(first.outbox.length).toBeGreaterThan(0);
    expect((await core.storage.conversations.load(conversationId(person)))!.turns).toBe(turns);
  });

  it('keeps state across a reopened database', async () => {
    core = await createTestCore({ storage: 'database' });
    await core.conversations.receive(person, { kind: 'text', text: 'bonjour' });
    await core.conversations.receive(person, { kind: 'text', text: '1' });
    await core.close();
    const again = await createTestCore({ storage: 'database', env: { DATA_DIR: core.dataDir } });
    core = again;
    const state = await again.storage.conversations.load(conversationId(person));
    expect(state).toMatchObject({ lang: 'fr', at: { flow: 'regular', step: 'menu' }, turns: 2 });
  });

  it('deletes every row of the person after a confirmed delete my data', async () => {
    core = await createTestCore({ storage: 'database' });
    await core.conversations.receive(person, { kind: 'text', text: 'hello' });
    await core.conversations.receive(person, { kind: 'command', name: 'delete' });
    const { effects } = await core.conversations.receive(person, { kind: 'text', text: 'yes' });
    expect(effects).toContainEqual({ kind: 'deleteData' });
    const { conversations } = await core.storage.inspect();
    expect(conversations!.filter((r) => JSON.stringify(r).includes(person.user))).toEqual([]);
    expect(await core.storage.conversations.load(conversationId(person))).toBeNull();
  });

  it('apologises in the person’s language and keeps the previous state when a turn fails', async () => {
    core = await createTestCore({
      storage: 'database',
      actions: (texts) => ({ ...unavailableActions(texts.t), knowledgeAnswer: async () => { throw new Error('index broken'); } }),
    });
    await core.conversations.receive(person, { kind: 'text', text: 'hola' });
    const before = await core.storage.conversations.load(conversationId(person));
    const { outbox } = await core.conversations.receive(person, { kind: 'text', text: '¿puedo trabajar en Alemania?' });
    expect(outbox).toEqual([{ kind: 'text', text: core.texts.t('es', 'system.error') }]);
    expect(await core.storage.conversations.load(conversationId(person))).toEqual(before);
    expect(core.logLines.join('')).toContain('turn failed');
  });

  it('asks a person who sends faster than anyone types to slow down, once a minute, and changes nothing meanwhile', async () => {
    core = await createTestCore({ storage: 'database', env: { MESSAGES_PER_MINUTE: '5' } });
    for (let i = 0; i < 5; i++) await core.conversations.receive(person, { kind: 'text', text: i === 0 ? 'bonjour' : 'menu' });
    const turnsBefore = (await core.storage.conversations.load(conversationId(person)))!.turns;
    expect((await core.conversations.receive(person, { kind: 'text', text: '1' })).outbox).toEqual([{ kind: 'text', text: core.texts.t('fr', 'system.slowDown') }]);
    expect((await core.conversations.receive(person, { kind: 'text', text: '1' })).outbox).toEqual([]);
    expect((await core.storage.conversations.load(conversationId(person)))!.turns).toBe(turnsBefore);
    core.clock.advance(61_000);
    expect((await core.conversations.receive(person, { kind: 'text', text: '1' })).outbox.length).toBeGreaterThan(0);
  });

  it('books before it stores the state, and tells the person when the slot was taken meanwhile', async () => {
    core = await createTestCore({ storage: 'database', env: { MESSAGES_PER_MINUTE: '1000' } });
    const options = (d: Delivered) => d.outbox.flatMap((m: Outbound) => (m.kind === 'options' ? m.options : []));
    const choose = (id: string) => core!.conversations.receive(person, { kind: 'choice', id });
    await core.conversations.receive(person, { kind: 'text', text: 'hello' });
    await choose('main.menu:centre');
    await choose('centres.menu:find');
    const found = await core.conversations.receive(person, { kind: 'text', text: 'Accra' });
    const days = await choose(options(found).find((o) => o.id.endsWith(':gh-accra'))!.id);
    const times = await choose(options(days)[0]!.id);
    const [first, second] = options(times);
    await choose(first!.id);
    await core.conversations.receive(person, { kind: 'text', text: 'Ama Mensah' });
    await core.conversations.receive(person, { kind: 'text', text: '+233 20 123 4567' });
    // Someone else takes the time while the person reads the summary.
    const start = first!.id.slice(first!.id.indexOf(':') + 1);
    expect((await core.booking.book({ centreId: 'gh-accra', start, name: 'Kofi', contact: '+233 20 000 0000', createdBy: 'staff' })).status).toBe('booked');
    const taken = await choose('booking.confirm:yes');
    expect(taken.outbox[0]).toEqual({ kind: 'text', text: core.texts.t('en', 'booking.taken') });
    expect(options(taken).map((o) => o.id)).toContain(second!.id);
    const state = await core.storage.conversations.load(conversationId(person));
    expect(state?.at).toEqual({ flow: 'booking', step: 'choose-time' });
    expect(state?.choices?.timeChoices?.map((o) => o.id)).toContain(second!.id.slice(second!.id.indexOf(':') + 1));

    await choose(second!.id);
    await core.conversations.receive(person, { kind: 'text', text: 'Ama Mensah' });
    await core.conversations.receive(person, { kind: 'text', text: '+233 20 123 4567' });
    const booked = await choose('booking.confirm:yes');
    const mine = await core.storage.appointments.list({ conversationId: conversationId(person), status: 'booked' });
    expect(mine).toHaveLength(1);
    expect(booked.outbox.map((m) => ('text' in m ? m.text : '')).join(' ')).toContain(mine[0]!.reference);
    const after = await core.storage.conversations.load(conversationId(person));
    expect(after?.at).toEqual({ flow: 'main', step: 'menu' });
    expect(after?.vars).not.toHaveProperty('name');
    expect(Object.keys(after?.choices ?? {})).toEqual(['centreChoices']); // the days and times offered are gone with the booking
  });

  it('never logs message text or the phone number', async () => {
    core = await createTestCore({ storage: 'database' });
    await core.conversations.receive(person, { kind: 'text', text: 'hello' });
    await core.conversations.receive(person, { kind: 'text', text: 'my passport was taken by my employer in Dubai' });
    const log = core.logLines.join('');
    expect(log).toContain('"msg":"turn"');
    expect(log).not.toContain('passport');
    expect(log).not.toContain('233201234567');
  });

  it('logs a keyed reference that hashing the number cannot find, the same after a restart on the same data', async () => {
    const logged = (c: TestCore) => [...new Set(c.logLines.map((l) => (JSON.parse(l) as { conv?: string }).conv).filter(Boolean))];
    core = await createTestCore({ storage: 'database', env: { LOG_ID_SECRET: '' } });
    await core.conversations.receive(person, { kind: 'text', text: 'hello' });
    const [ref] = logged(core);
    const plain = createHash('sha256').update(conversationId(person)).digest('hex');
    expect(ref).toMatch(/^[0-9a-f]{12}$/);
    expect(plain).not.toContain(ref);
    const secretFile = join(core.dataDir, 'log-id-secret');
    expect(statSync(secretFile).mode & 0o777).toBe(0o600);
    await core.close();

    core = await createTestCore({ storage: 'database', env: { DATA_DIR: core.dataDir } });
    await core.conversations.receive(person, { kind: 'text', text: 'menu' });
    expect(logged(core)).toEqual([ref]);
    await core.close();

    // Another data folder (another deployment) without the secret: another reference.
    core = await createTestCore({ storage: 'database' });
    await core.conversations.receive(person, { kind: 'text', text: 'hello' });
    expect(logged(core)).not.toContain(ref);
    await core.close();

    // LOG_ID_SECRET, the same on every instance, wins over the file.
    const shared = async () => {
      const c = await createTestCore({ storage: 'database', env: { LOG_ID_SECRET: 'one secret for every instance' } });
      await c.conversations.receive(person, { kind: 'text', text: 'hello' });
      const refs = logged(c);
      await c.close();
      return refs;
    };
    const [a, b] = [await shared(), await shared()];
    expect(a).toHaveLength(1);
    expect(b).toEqual(a);
    expect(a).not.toContain(ref);
    core = undefined;
  });
});

describe('turn observers', () => {
  it('learn of each stored turn after it is stored (topic, language, held), and a failing observer changes nothing for the person', async () => {
    core = await createTestCore({ storage: 'database', env: { MESSAGES_PER_MINUTE: '1000' } });
    const seen: { topic: string | null; lang: string; held: boolean; forgotten: boolean; stored: boolean }[] = [];
    core.conversations.onTurn(async (turn) => {
      const stored = (await core!.storage.conversations.load(turn.conversationId)) !== null;
      seen.push({ topic: turn.meta.topic, lang: turn.lang, held: turn.held, forgotten: turn.forgotten, stored });
    });
    core.conversations.onTurn(() => {
      throw new Error('an observer that fails');
    });
    await core.conversations.receive(person, { kind: 'text', text: 'hello' });
    const reply = await core.conversations.receive(person, { kind: 'text', text: 'how do i get my nursing diploma recognised in germany' });
    expect(reply.outbox.length).toBeGreaterThan(0);
    await core.conversations.receive(person, { kind: 'command', name: 'delete' });
    await core.conversations.receive(person, { kind: 'text', text: 'yes' }); // delete asks first
    expect(seen[0]).toMatchObject({ lang: 'en', held: false, forgotten: false, stored: true });
    expect(seen[1]!.topic).toMatch(/nursing|recognition/);
    expect(seen.at(-1)).toMatchObject({ forgotten: true, stored: false });
  });
});
