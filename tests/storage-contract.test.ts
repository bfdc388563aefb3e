/**
 * One contract for the Storage interface, run against every store: SQLite always, PostgreSQL when it
 * answers at TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test). The assertions are
 * the same for all stores, so a server database behaves exactly like the embedded default.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STATE_VERSION, type ConversationState } from '../src/core/state.js';
import { openPostgresStorage, openSqliteStorage } from '../src/storage/open.js';
import { dropPostgresSchema, redact } from '../src/storage/postgres/driver.js';
import type { Appointment, NewAppointment, Repositories, Storage } from '../src/storage/types.js';
import { postgresAnswers } from './support/services.js';

const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

interface StoreCase {
  name: string;
  open(): Promise<{ storage: Storage; dispose(): Promise<void> }>;
}

const sqlite: StoreCase = {
  name: 'SQLite (:memory:)',
  open: async () => {
    const storage = await openSqliteStorage(':memory:');
    return { storage, dispose: () => storage.close() };
  },
};

// a file: there, reads outside a transaction take a second, read-only connection
const sqliteFile: StoreCase = {
  name: 'SQLite (file)',
  open: async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wegweiser-contract-'));
    const storage = await openSqliteStorage(join(dir, 'wegweiser.sqlite'));
    return {
      storage,
      dispose: async () => {
        await storage.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

// a fresh schema per test, dropped afterwards: tests never see each other's rows
const postgres: StoreCase = {
  name: `PostgreSQL at ${redact(PG_URL)}`,
  open: async () => {
    const schema = `contract_${randomUUID().replaceAll('-', '')}`;
    const storage = await openPostgresStorage(PG_URL, { schema, poolSize: 8 });
    return {
      storage,
      dispose: async () => {
        await storage.close();
        await dropPostgresSchema(PG_URL, schema);
      },
    };
  },
};

const pgAnswers = await postgresAnswers(PG_URL);

const T0 = new Date('2026-11-01T08:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** Slot starts as BookingService writes them: UTC, without milliseconds. */
const SLOT = '2026-11-23T10:00:00Z';
const SLOT2 = '2026-11-23T10:30:00Z';

const state = (updatedAt: string, vars: Record<string, string> = { town: 'Accra' }): ConversationState => ({
  v: STATE_VERSION, lang: 'en', at: { flow: 'booking', step: 'name' }, vars, misses: 0, turns: 4, updatedAt,
  recent: [{ from: 'person', text: 'Book in Accra' }, { from: 'bot', text: 'What is your name?' }],
});

const booking = (over: Partial<NewAppointment> = {}): NewAppointment => ({
  centreId: 'gh-accra', start: SLOT, capacity: 3, name: 'Kwesi Boateng', contact: '+233 20 123 4567', conversationId: 'telegram:42', lang: 'en', createdBy: 'chat', ...over,
});

const job = (id: string, runAt: string, payload = id, kind = 'reminder') => ({ id, kind, runAt, payload });

function contract(store: StoreCase): void {
  let s: Storage;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ storage: s, dispose } = await store.open());
  });
  afterEach(() => dispose());

  async function book(over: Partial<NewAppointment> = {}, now = T0): Promise<Appointment> {
    const result = await s.appointments.book(booking(over), now);
    if (result.status !== 'booked') throw new Error(`expected a booking, got ${result.status}`);
    return result.appointment;
  }

  describe('conversations', () => {
    it('saves, loads, overwrites and deletes a state', async () => {
      expect(await s.conversations.load('telegram:42')).toBeNull();
      await s.conversations.save('telegram:42', state('2026-11-01T08:00:00.000Z'));
      expect(await s.conversations.load('telegram:42')).toEqual(state('2026-11-01T08:00:00.000Z'));
      await s.conversations.save('telegram:42', state('2026-11-01T08:05:00.000Z', { town: 'Kumasi', name: 'Kwesi «Ω» 🙂' }));
      expect(await s.conversations.load('telegram:42')).toEqual(state('2026-11-01T08:05:00.000Z', { town: 'Kumasi', name: 'Kwesi «Ω» 🙂' }));
      await s.conversations.delete('telegram:42');
      expect(await s.conversations.load('telegram:42')).toBeNull();
    });

    it('loads a state of an unknown version as null (migrateState)', async () => {
      await s.conversations.save('webchat:1', { ...state('2026-11-01T08:00:00.000Z'), v: 0 } as unknown as ConversationState);
      expect(await s.conversations.load('webchat:1')).toBeNull();
    });

    it('gives each of many states loaded at once its own, unknown ones null, the same one twice as two copies', async () => {
      for (let i = 0; i < 40; i++) await s.conversations.save(`whatsapp:+${i}`, state('2026-11-01T08:00:00.000Z', { name: `p${i}` }));
      const ids = [...Array.from({ length: 40 }, (_, i) => `whatsapp:+${i}`), 'whatsapp:+nobody', 'whatsapp:+7'];
      const loaded = await Promise.all(ids.map((id) => s.conversations.load(id)));
      loaded.slice(0, 40).forEach((st, i) => expect(st?.vars.name).toBe(`p${i}`));
      expect(loaded[40]).toBeNull();
      expect(loaded[41]).toEqual(loaded[7]);
      expect(loaded[41]).not.toBe(loaded[7]); // a turn changes its copy only
    });
  });

  describe('deliveries', () => {
    it('records a delivery once with its reply, and finds it by channel', async () => {
      expect(await s.deliveries.find('whatsapp', ['SM1'], T0)).toEqual(new Map());
      expect(await s.deliveries.record('whatsapp', 'SM1', 'Hello!', 'whatsapp:233241112223', T0)).toBe(true);
      expect(await s.deliveries.record('whatsapp', 'SM1', 'Hello again!', 'whatsapp:233241112223', at(1000))).toBe(false);
      expect(await s.deliveries.record('telegram', 'SM1', 'Hi', null, T0)).toBe(true);
      expect(await s.deliveries.find('whatsapp', ['SM1', 'SM2'], at(1000))).toEqual(new Map([['SM1', 'Hello!']]));
    });

    it('records several deliveries in one call, and says which were new', async () => {
      await s.deliveries.record('whatsapp', 'sig-1', 'handled', null, T0);
      const recorded = await s.deliveries.recordAll('whatsapp', [{ id: 'SM7', reply: 'Hello!', conversationId: 'whatsapp:233241112223' }, { id: 'sig-1', reply: 'handled', conversationId: null }], at(1000));
      expect(recorded).toEqual(new Set(['SM7']));
      expect(await s.deliveries.find('whatsapp', ['SM7', 'sig-1'], at(1000))).toEqual(new Map([['SM7', 'Hello!'], ['sig-1', 'handled']]));
      expect(await s.deliveries.recordAll('whatsapp', [], at(1000))).toEqual(new Set());
    });

    it('records a new delivery with the state it goes with; one recorded before fails the whole transaction on its key', async () => {
      const conv = 'whatsapp:233241112223';
      await s.transaction(async (tx) => {
        await tx.conversations.save(conv, state(T0.toISOString()));
        await tx.deliveries.recordNew('whatsapp', [{ id: 'SM9', reply: "It's <b>O'Neil</b> — ✓", conversationId: conv }], T0);
      });
      expect(await s.deliveries.find('whatsapp', ['SM9'], T0)).toEqual(new Map([['SM9', "It's <b>O'Neil</b> — ✓"]]));
      // a retry: its state must not be kept either
      const retried = s.transaction(async (tx) => {
        await tx.conversations.save(conv, { ...state(at(1000).toISOString()), turns: 99 });
        await tx.deliveries.recordNew('whatsapp', [{ id: 'SM9', reply: 'again', conversationId: conv }], at(1000));
      });
      const failure = await retried.then(() => undefined, (err: unknown) => err);
      expect(s.isUniqueViolation(failure)).toBe(true);
      expect((await s.conversations.load(conv))?.turns).toBe(4);
      expect(await s.deliveries.find('whatsapp', ['SM9'], at(1000))).toEqual(new Map([['SM9', "It's <b>O'Neil</b> — ✓"]]));
      expect(s.isUniqueViolation(new Error('something else'))).toBe(false);
    });

    it('sends a transaction\'s deferred writes before its next read, in order', async () => {
      const conv = 'telegram:77';
      const seen = await s.transaction(async (tx) => {
        await tx.conversations.save(conv, state(T0.toISOString(), { town: 'Accra' }));
        await tx.conversations.save(conv, state(T0.toISOString(), { town: 'Lagos' }));
        return (await tx.conversations.load(conv))?.vars.town;
      });
      expect(seen).toBe('Lagos');
      expect((await s.conversations.load(conv))?.vars.town).toBe('Lagos');
      await expect(s.transaction(async () => 'nothing written')).resolves.toBe('nothing written');
    });

    it('lets exactly one of concurrent records win', async () => {
      const records = await Promise.all(Array.from({ length: 10 }, (_, i) => s.deliveries.record('telegram', '5001', `reply ${i}`, null, T0)));
      expect(records.filter(Boolean)).toHaveLength(1);
    });

    it('records nothing of a transaction that rolled back', async () => {
      await expect(
        s.transaction(async (tx) => {
          await tx.deliveries.record('whatsapp', 'SM1', 'Hello!', null, T0);
          throw new Error('the turn failed');
        }),
      ).rejects.toThrow('the turn failed');
      expect(await s.deliveries.find('whatsapp', ['SM1'], T0)).toEqual(new Map());
      expect(await s.deliveries.record('whatsapp', 'SM1', 'Hello!', null, T0)).toBe(true);
    });

    it('forgets the deliveries of a conversation (delete my data), and no others', async () => {
      await s.deliveries.record('whatsapp', 'SM1', 'Your booking, Abena', 'whatsapp:233241112223', T0);
      await s.deliveries.record('whatsapp', 'SM2', 'Thanks', 'whatsapp:233241112223', T0);
      await s.deliveries.record('whatsapp', 'SM3', 'Hello', 'whatsapp:233200000000', T0);
      expect(await s.deliveries.forgetConversation('whatsapp:233241112223')).toBe(2);
      expect(await s.deliveries.find('whatsapp', ['SM1', 'SM2', 'SM3'], at(1000))).toEqual(new Map([['SM3', 'Hello']]));
    });

    it('forgets deliveries after two days', async () => {
      await s.deliveries.record('telegram', '1', 'a', null, T0);
      await s.deliveries.record('telegram', '2', 'b', null, at(49 * HOUR));
      expect(await s.deliveries.find('telegram', ['1', '2'], at(49 * HOUR))).toEqual(new Map([['2', 'b']]));
    });
  });

  describe('appointments', () => {
    it('books seats until the capacity, then answers taken', async () => {
      const first = await s.appointments.book(booking({ capacity: 2 }), T0);
      expect(first).toEqual({
        status: 'booked',
        appointment: {
          id: expect.any(String), reference: expect.stringMatching(/^[A-Z2-9]{6}$/), centreId: 'gh-accra', start: SLOT, status: 'booked', requested: false, name: 'Kwesi Boateng',
          contact: '+233 20 123 4567', conversationId: 'telegram:42', lang: 'en', createdBy: 'chat', createdAt: '2026-11-01T08:00:00.000Z',
        },
      });
      const second = await book({ capacity: 2, conversationId: undefined, lang: undefined, createdBy: 'staff:s1' });
      expect(second).toMatchObject({ conversationId: null, lang: null, createdBy: 'staff:s1' });
      expect(await s.appointments.book(booking({ capacity: 2 }), T0)).toEqual({ status: 'taken' });
      expect(await s.appointments.book(booking({ capacity: 2, centreId: 'pk-lahore' }), T0)).toMatchObject({ status: 'booked' });
      if (first.status === 'booked') expect(await s.appointments.get(first.appointment.id)).toEqual(first.appointment);
    });

    it('books exactly the capacity when 20 people book the same slot at once', async () => {
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => s.appointments.book(booking({ name: `Person ${i}` }), T0)));
      const booked = results.flatMap((r) => (r.status === 'booked' ? [r.appointment] : []));
      expect(booked).toHaveLength(3);
      expect(results.filter((r) => r.status === 'taken')).toHaveLength(17);
      expect(new Set(booked.map((a) => a.reference)).size).toBe(3);
      expect(await s.appointments.countBooked('gh-accra', '2026-11-23T00:00:00.000Z', '2026-11-23T23:59:59.999Z')).toEqual(new Map([[SLOT, 3]]));
    });

    it('frees a seat on cancel, once', async () => {
      const a = await book({ capacity: 1 });
      expect(await s.appointments.book(booking({ capacity: 1 }), T0)).toEqual({ status: 'taken' });
      expect(await s.appointments.cancel(a.id)).toBe(true);
      expect(await s.appointments.cancel(a.id)).toBe(false);
      expect(await s.appointments.cancel('no-such-id')).toBe(false);
      expect(await s.appointments.get(a.id)).toEqual({ ...a, status: 'cancelled' });
      expect(await s.appointments.book(booking({ capacity: 1 }), T0)).toMatchObject({ status: 'booked' });
    });

    it('keeps a request with its seat until staff confirm it, once', async () => {
      const request = await book({ capacity: 1, centreId: 'jo-amman', requested: true });
      expect(request.requested).toBe(true);
      expect(await s.appointments.book(booking({ capacity: 1, centreId: 'jo-amman' }), T0)).toEqual({ status: 'taken' });
      expect(await s.appointments.confirmRequest(request.id)).toBe(true);
      expect(await s.appointments.confirmRequest(request.id)).toBe(false);
      expect(await s.appointments.get(request.id)).toEqual({ ...request, requested: false });
      const cancelled = await book({ capacity: 2, centreId: 'jo-amman', requested: true });
      await s.appointments.cancel(cancelled.id);
      expect(await s.appointments.confirmRequest(cancelled.id)).toBe(false);
      expect(await s.appointments.confirmRequest('no-such-id')).toBe(false);
    });

    it('counts booked appointments per start, from inclusive to exclusive', async () => {
      await book({ start: '2026-11-23T00:00:00Z' });
      await book();
      await book();
      await s.appointments.cancel((await book()).id);
      await book({ start: SLOT2 });
      await book({ centreId: 'pk-lahore' });
      await book({ start: '2026-11-24T00:00:00Z' });
      const day = await s.appointments.countBooked('gh-accra', '2026-11-23T00:00:00.000Z', '2026-11-24T00:00:00.000Z');
      expect(day).toEqual(new Map([['2026-11-23T00:00:00Z', 1], [SLOT, 2], [SLOT2, 1]]));
      expect(await s.appointments.countBooked('gh-accra', SLOT2, '2026-11-24T00:00:00.000Z')).toEqual(new Map([[SLOT2, 1]]));
      expect(await s.appointments.countBooked('gh-tamale', '2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z')).toEqual(new Map());
    });

    it('lists by centre, period, conversation and status, ordered by start', async () => {
      const late = await book({ start: SLOT2, conversationId: 'telegram:7' });
      const early = await book({ start: '2026-11-23T08:00:00Z' });
      const cancelled = await book();
      await s.appointments.cancel(cancelled.id);
      const lahore = await book({ centreId: 'pk-lahore', start: '2026-11-22T09:00:00Z', conversationId: 'whatsapp:92' });
      const ids = (list: Appointment[]) => list.map((a) => a.id);
      expect(ids(await s.appointments.list({}))).toEqual([lahore.id, early.id, cancelled.id, late.id]);
      expect(ids(await s.appointments.list({ centreId: 'gh-accra' }))).toEqual([early.id, cancelled.id, late.id]);
      expect(ids(await s.appointments.list({ centreId: 'gh-accra', status: 'booked' }))).toEqual([early.id, late.id]);
      expect(ids(await s.appointments.list({ from: '2026-11-23T08:00:00.000Z', to: SLOT2 }))).toEqual([early.id, cancelled.id]);
      expect(ids(await s.appointments.list({ conversationId: 'telegram:7' }))).toEqual([late.id]);
      expect(ids(await s.appointments.list({ centreId: undefined, conversationId: 'whatsapp:92' }))).toEqual([lahore.id]);
      // A blank value is a filter like any other: it never widens the list to every centre.
      expect(await s.appointments.list({ centreId: '' })).toEqual([]);
      expect(await s.appointments.list({ conversationId: '' })).toEqual([]);
      expect(await s.handoffs.list({ centreId: '' })).toEqual([]);
      expect(await s.appointments.list({ centreId: 'gh-tamale' })).toEqual([]);
      expect((await s.appointments.list({ centreId: 'gh-accra' }))[0]).toEqual(early);
    });

    it('finds an appointment by its reference, in any case', async () => {
      const a = await book();
      expect(await s.appointments.byReference(a.reference.toLowerCase())).toEqual(a);
      expect(await s.appointments.byReference('ZZZZZZ0')).toBeUndefined();
      expect(await s.appointments.get('no-such-id')).toBeUndefined();
    });

    it('forgets a conversation: personal fields go, the reference stays, the slot is freed', async () => {
      const a = await book({ capacity: 1 });
      const b = await book({ start: SLOT2 });
      await s.appointments.cancel(b.id);
      const other = await book({ start: SLOT2, conversationId: 'telegram:7' });
      expect(await s.appointments.forgetConversation('telegram:42')).toBe(2);
      const forgotten = { status: 'cancelled', name: null, contact: null, conversationId: null, lang: null };
      expect(await s.appointments.get(a.id)).toEqual({ ...a, ...forgotten });
      expect(await s.appointments.byReference(b.reference)).toEqual({ ...b, ...forgotten });
      expect(await s.appointments.get(other.id)).toEqual(other);
      expect(await s.appointments.list({ conversationId: 'telegram:42' })).toEqual([]);
      expect(await s.appointments.book(booking({ capacity: 1 }), T0)).toMatchObject({ status: 'booked' });
      expect(await s.appointments.forgetConversation('telegram:42')).toBe(1);
      expect(await s.appointments.forgetConversation('nobody')).toBe(0);
    });
  });

  describe('staff', () => {
    const member = (email: string, role: 'advisor' | 'admin' = 'advisor') => ({ id: `id-${email.toLowerCase()}`, email, centreId: 'gh-accra', role, passwordHash: `hash-${email}` });

    it('adds, finds by e-mail in any case, lists by e-mail and removes', async () => {
      await s.staff.add(member('Zed@accra.example', 'admin'), T0);
      await s.staff.add(member('amy@accra.example'), T0);
      await s.staff.add(member('Bob@lahore.example'), T0);
      await expect(s.staff.add({ ...member('amy@accra.example'), id: 'other' }, T0)).rejects.toThrow();
      expect(await s.staff.byEmail('ZED@ACCRA.EXAMPLE')).toEqual({ id: 'id-zed@accra.example', email: 'zed@accra.example', centreId: 'gh-accra', role: 'admin', lang: null, disabled: false, passwordHash: 'hash-Zed@accra.example' });
      expect(await s.staff.byEmail('nobody@accra.example')).toBeUndefined();
      expect((await s.staff.list()).map((m) => m.email)).toEqual(['amy@accra.example', 'bob@lahore.example', 'zed@accra.example']);
      expect((await s.staff.list())[0]).toEqual({ id: 'id-amy@accra.example', email: 'amy@accra.example', centreId: 'gh-accra', role: 'advisor', lang: null, disabled: false });
      expect(await s.staff.remove('BOB@lahore.example')).toBe(true);
      expect(await s.staff.remove('bob@lahore.example')).toBe(false);
      expect((await s.staff.list()).map((m) => m.email)).toEqual(['amy@accra.example', 'zed@accra.example']);
    });

    it('changes role, centre and language, and a disabled account has no sessions', async () => {
      await s.staff.add({ ...member('amy@accra.example'), lang: 'fr' }, T0);
      expect(await s.staff.byId('id-amy@accra.example')).toMatchObject({ lang: 'fr', disabled: false });
      await s.staff.saveToken('t-amy', 'id-amy@accra.example', at(HOUR).toISOString());
      expect(await s.staff.update('id-amy@accra.example', { role: 'admin', centreId: '', lang: 'ar' })).toBe(true);
      expect(await s.staff.byToken('t-amy', T0)).toMatchObject({ role: 'admin', centreId: '', lang: 'ar' });
      expect(await s.staff.update('id-amy@accra.example', { disabled: true })).toBe(true);
      expect(await s.staff.byToken('t-amy', T0)).toBeUndefined();
      await s.staff.saveToken('t-amy-2', 'id-amy@accra.example', at(HOUR).toISOString());
      expect(await s.staff.byToken('t-amy-2', T0)).toBeUndefined(); // even a token saved afterwards
      expect(await s.staff.update('nobody', { lang: 'en' })).toBe(false);
    });

    it('keeps session tokens until they expire, a new password or removal', async () => {
      await s.staff.add(member('amy@accra.example'), T0);
      const amy = { id: 'id-amy@accra.example', email: 'amy@accra.example', centreId: 'gh-accra', role: 'advisor', lang: null, disabled: false };
      await s.staff.saveToken('t-valid', amy.id, at(HOUR).toISOString());
      await s.staff.saveToken('t-expired', amy.id, at(-1).toISOString());
      expect(await s.staff.byToken('t-valid', T0)).toEqual(amy);
      expect(await s.staff.byToken('t-valid', at(HOUR))).toBeUndefined();
      expect(await s.staff.byToken('t-expired', T0)).toBeUndefined();
      expect(await s.staff.byToken('t-unknown', T0)).toBeUndefined();
      expect(await s.staff.setPasswordHash('nobody@accra.example', 'x')).toBe(false);
      expect(await s.staff.setPasswordHash('AMY@accra.example', 'new-hash')).toBe(true);
      expect(await s.staff.byEmail('amy@accra.example')).toMatchObject({ passwordHash: 'new-hash' });
      expect(await s.staff.byToken('t-valid', T0)).toBeUndefined();
      await s.staff.saveToken('t-again', amy.id, at(HOUR).toISOString());
      expect(await s.staff.byToken('t-again', T0)).toEqual(amy);
      await s.staff.remove(amy.email);
      expect(await s.staff.byToken('t-again', T0)).toBeUndefined();
    });

    it('revokes one session token, or every token of an account', async () => {
      await s.staff.add(member('ben@accra.example'), T0);
      await s.staff.add(member('cleo@accra.example'), T0);
      const ben = 'id-ben@accra.example';
      for (const t of ['t-ben-1', 't-ben-2', 't-ben-3']) await s.staff.saveToken(t, ben, at(HOUR).toISOString());
      await s.staff.saveToken('t-cleo', 'id-cleo@accra.example', at(HOUR).toISOString());
      expect(await s.staff.revokeToken('t-ben-1')).toBe(true);
      expect(await s.staff.revokeToken('t-ben-1')).toBe(false);
      expect(await s.staff.byToken('t-ben-1', T0)).toBeUndefined();
      expect(await s.staff.byToken('t-ben-2', T0)).toMatchObject({ email: 'ben@accra.example' });
      expect(await s.staff.revokeTokens(ben)).toBe(2);
      expect(await s.staff.byToken('t-ben-3', T0)).toBeUndefined();
      expect(await s.staff.byToken('t-cleo', T0)).toMatchObject({ email: 'cleo@accra.example' });
    });

    it('keeps an audit log, newest first', async () => {
      await s.staff.audit({ staffId: 's1', action: 'login' }, T0);
      await s.staff.audit({ staffId: 's1', action: 'appointment.book', target: 'a1' }, at(1000));
      await s.staff.audit({ staffId: null, action: 'staff.add', target: 'amy@accra.example' }, at(1000));
      expect(await s.staff.auditLog(2)).toEqual([
        { at: '2026-11-01T08:00:01.000Z', staffId: null, action: 'staff.add', target: 'amy@accra.example' },
        { at: '2026-11-01T08:00:01.000Z', staffId: 's1', action: 'appointment.book', target: 'a1' },
      ]);
      expect((await s.staff.auditLog(50)).at(-1)).toEqual({ at: '2026-11-01T08:00:00.000Z', staffId: 's1', action: 'login', target: null });
    });
  });

  describe('handoffs', () => {
    const handoff = (id: string, over: { conversationId?: string; centreId?: string | null; urgent?: boolean; createdAt?: string } = {}) => ({
      id, conversationId: 'telegram:42', centreId: 'gh-accra', lang: 'en', urgent: false, reason: 'asked for a person', createdAt: T0.toISOString(), ...over,
    });
    const transcript = [
      { sender: 'person' as const, text: 'is the boat from libya safe', at: '2026-11-01T07:59:00.000Z' },
      { sender: 'bot' as const, text: 'No. Please talk to an advisor.', at: '2026-11-01T07:59:01.000Z' },
    ];

    it('opens one handoff per conversation and keeps its transcript', async () => {
      const h = await s.handoffs.open(handoff('h1'), transcript);
      expect(h).toEqual({ ...handoff('h1'), status: 'open', closedAt: null, claimedBy: null });
      expect(await s.handoffs.open(handoff('h2', { urgent: true }), [{ sender: 'person', text: 'again', at: T0.toISOString() }])).toEqual(h);
      expect(await s.handoffs.get('h2')).toBeUndefined();
      expect(await s.handoffs.messages('h1')).toEqual(transcript.map((m) => ({ ...m, staffId: null, id: expect.any(Number) })));
      const added = await s.handoffs.addMessage('h1', { sender: 'staff', staffId: 's1', text: 'Welcome back, Yaw.', at: at(60_000).toISOString() });
      expect((await s.handoffs.messages('h1')).at(-1)).toEqual({ id: added, sender: 'staff', staffId: 's1', text: 'Welcome back, Yaw.', at: '2026-11-01T08:01:00.000Z' });
      expect(await s.handoffs.messages('nope')).toEqual([]);
    });

    it('opens one handoff when the same conversation asks several times at once', async () => {
      const opened = await Promise.all(Array.from({ length: 5 }, (_, i) => s.handoffs.open(handoff(`h${i}`), transcript)));
      expect(new Set(opened.map((h) => h.id)).size).toBe(1);
      expect(await s.handoffs.messages(opened[0]!.id)).toHaveLength(transcript.length);
      expect(await s.handoffs.list({})).toHaveLength(1);
    });

    it('lists urgent first, then by creation, filtered by centre and status', async () => {
      await s.handoffs.open(handoff('a', { conversationId: 'c:a', createdAt: '2026-11-01T08:00:02.000Z' }), []);
      await s.handoffs.open(handoff('b', { conversationId: 'c:b', createdAt: '2026-11-01T08:00:01.000Z' }), []);
      await s.handoffs.open(handoff('c', { conversationId: 'c:c', urgent: true, createdAt: '2026-11-01T08:00:03.000Z' }), []);
      await s.handoffs.open(handoff('d', { conversationId: 'c:d', centreId: null }), []);
      await s.handoffs.open(handoff('e', { conversationId: 'c:e', centreId: 'pk-lahore', urgent: true }), []);
      await s.handoffs.close('b', at(HOUR));
      const ids = async (filter: { centreId?: string; status?: 'open' | 'closed' }) => (await s.handoffs.list(filter)).map((h) => h.id);
      expect(await ids({})).toEqual(['e', 'c', 'd', 'b', 'a']);
      expect(await ids({ centreId: 'gh-accra' })).toEqual(['c', 'b', 'a']);
      expect(await ids({ centreId: 'gh-accra', status: 'open' })).toEqual(['c', 'a']);
      expect(await ids({ status: 'closed' })).toEqual(['b']);
      expect((await s.handoffs.list({ centreId: 'pk-lahore' }))[0]).toEqual({ ...handoff('e', { conversationId: 'c:e', centreId: 'pk-lahore', urgent: true }), status: 'open', closedAt: null, claimedBy: null });
    });

    it('closes once, and a new handoff can open afterwards', async () => {
      await s.handoffs.open(handoff('h1'), []);
      expect(await s.handoffs.close('h1', at(HOUR))).toBe(true);
      expect(await s.handoffs.close('h1', at(2 * HOUR))).toBe(false);
      expect(await s.handoffs.close('nope', at(HOUR))).toBe(false);
      expect(await s.handoffs.get('h1')).toEqual({ ...handoff('h1'), status: 'closed', closedAt: '2026-11-01T09:00:00.000Z', claimedBy: null });
      expect(await s.handoffs.open(handoff('h2'), [])).toMatchObject({ id: 'h2', status: 'open' });
    });

    it('claims for one staff member at a time, taken over only on purpose; transfers; keeps internal notes apart', async () => {
      await s.handoffs.open(handoff('h1'), []);
      const claims = await Promise.all(['s1', 's2', 's3'].map((id) => s.handoffs.claim('h1', id)));
      const winners = claims.filter((c) => c?.taken);
      expect(winners).toHaveLength(1);
      const owner = winners[0]!.claimedBy!;
      expect(claims.every((c) => c?.claimedBy === owner)).toBe(true);
      expect(await s.handoffs.claim('h1', owner)).toEqual({ claimedBy: owner, taken: true });
      expect(await s.handoffs.claim('h1', 'other', true)).toEqual({ claimedBy: 'other', taken: true });
      expect(await s.handoffs.transfer('h1', { centreId: 'tn-tunis', claimedBy: null })).toBe(true);
      expect(await s.handoffs.get('h1')).toMatchObject({ centreId: 'tn-tunis', claimedBy: null });
      const note = await s.handoffs.addMessage('h1', { sender: 'staff', staffId: 's1', text: 'note', at: T0.toISOString(), internal: true });
      expect((await s.handoffs.messages('h1')).at(-1)).toEqual({ id: note, sender: 'staff', staffId: 's1', text: 'note', at: T0.toISOString(), internal: true });
      await s.handoffs.close('h1', at(HOUR));
      expect(await s.handoffs.claim('h1', 's1')).toBeUndefined();
      expect(await s.handoffs.transfer('h1', { centreId: 'gh-accra', claimedBy: null })).toBe(false);
      expect(await s.handoffs.claim('nope', 's1')).toBeUndefined();
    });

    it('forgets a conversation: its handoffs and their messages go', async () => {
      await s.handoffs.open(handoff('h1'), transcript);
      await s.handoffs.close('h1', at(HOUR));
      await s.handoffs.open(handoff('h2'), transcript);
      await s.handoffs.open(handoff('h3', { conversationId: 'telegram:7' }), transcript);
      expect(await s.handoffs.forgetConversation('telegram:42')).toBe(2);
      expect(await s.handoffs.get('h1')).toBeUndefined();
      expect(await s.handoffs.messages('h2')).toEqual([]);
      expect((await s.handoffs.list({})).map((h) => h.id)).toEqual(['h3']);
      expect(await s.handoffs.messages('h3')).toHaveLength(2);
      expect(await s.handoffs.forgetConversation('telegram:42')).toBe(0);
    });
  });

  describe('console: ready answers and centre settings', () => {
    it('keeps ready answers per centre and language, and centre settings per centre', async () => {
      await s.cannedReplies.save({ id: 'r1', centreId: 'gh-accra', lang: 'en', title: 'Hours', text: 'We open at 9.' }, T0);
      await s.cannedReplies.save({ id: 'r2', centreId: 'tn-tunis', lang: 'fr', title: 'Horaires', text: 'Nous ouvrons à 9 h.' }, T0);
      await s.cannedReplies.save({ id: 'r1', centreId: 'gh-accra', lang: 'en', title: 'Hours', text: 'We open at 8.' }, T0);
      expect(await s.cannedReplies.list('gh-accra')).toEqual([{ id: 'r1', centreId: 'gh-accra', lang: 'en', title: 'Hours', text: 'We open at 8.' }]);
      expect((await s.cannedReplies.list(undefined)).map((r) => r.id)).toEqual(['r1', 'r2']);
      expect(await s.cannedReplies.remove('r2')).toBe(true);
      expect(await s.cannedReplies.get('r2')).toBeUndefined();
      const settings = { hours: { mon: ['09:00-12:00'] }, holidays: ['2026-12-25'], capacity: 3 };
      await s.centreSettings.save('gh-accra', settings, T0);
      await s.centreSettings.save('gh-accra', { ...settings, capacity: 4 }, T0);
      expect(await s.centreSettings.get('gh-accra')).toEqual({ ...settings, capacity: 4 });
      expect(await s.centreSettings.get('tn-tunis')).toBeUndefined();
      expect([...(await s.centreSettings.all()).keys()]).toEqual(['gh-accra']);
    });
  });

  describe('jobs', () => {
    const RUN = '2026-11-22T10:00:00.000Z';

    it('schedules a job id once, and claims it when due, once', async () => {
      await s.jobs.schedule(job('reminder:a1', RUN, 'a1'), T0);
      await s.jobs.schedule(job('reminder:a1', '2026-11-01T00:00:00.000Z', 'changed'), T0);
      expect(await s.jobs.claimDue(new Date(Date.parse(RUN) - 1), 10)).toEqual([]);
      expect(await s.jobs.claimDue(new Date(RUN), 10)).toEqual([{ id: 'reminder:a1', kind: 'reminder', runAt: RUN, payload: 'a1', attempts: 1 }]);
      expect(await s.jobs.claimDue(new Date(RUN), 10)).toEqual([]);
    });

    it('claims again a job whose runner died while it ran, once the claim is stale', async () => {
      await s.jobs.schedule(job('send:orphan', RUN), T0);
      expect(await s.jobs.claimDue(new Date(RUN), 10)).toHaveLength(1); // this runner dies now: no finish
      expect(await s.jobs.claimDue(new Date(Date.parse(RUN) + 9 * 60_000), 10)).toEqual([]);
      const again = await Promise.all([s.jobs.claimDue(new Date(Date.parse(RUN) + 11 * 60_000), 10), s.jobs.claimDue(new Date(Date.parse(RUN) + 11 * 60_000), 10)]);
      expect(again.flat()).toEqual([expect.objectContaining({ id: 'send:orphan', attempts: 2 })]);
    });

    it('claims the earliest due jobs first, up to the limit', async () => {
      await s.jobs.schedule(job('j3', '2026-11-01T08:03:00.000Z'), T0);
      await s.jobs.schedule(job('j1', '2026-11-01T08:01:00.000Z'), T0);
      await s.jobs.schedule(job('j2', '2026-11-01T08:02:00.000Z'), T0);
      await s.jobs.schedule(job('later', '2026-11-02T08:00:00.000Z'), T0);
      expect((await s.jobs.claimDue(at(DAY - 1), 2)).map((j) => j.id)).toEqual(['j1', 'j2']);
      expect((await s.jobs.claimDue(at(DAY - 1), 2)).map((j) => j.id)).toEqual(['j3']);
    });

    it('hands each due job to only one of concurrent claims', async () => {
      for (let i = 0; i < 12; i++) await s.jobs.schedule(job(`j${i}`, at(i).toISOString()), T0);
      const claimed = (await Promise.all([s.jobs.claimDue(at(HOUR), 5), s.jobs.claimDue(at(HOUR), 5), s.jobs.claimDue(at(HOUR), 5)])).flat();
      for (let rest = await s.jobs.claimDue(at(HOUR), 5); rest.length; rest = await s.jobs.claimDue(at(HOUR), 5)) claimed.push(...rest);
      expect(claimed.map((j) => j.id).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `j${i}`).sort());
      expect(claimed.every((j) => j.attempts === 1)).toBe(true);
    });

    it('runs a job again later when finished as pending, and never when done', async () => {
      await s.jobs.schedule(job('send:1', RUN, '{"conversationId":"telegram:42"}', 'send'), T0);
      await s.jobs.claimDue(new Date(RUN), 10);
      const retry = '2026-11-22T10:05:00.000Z';
      await s.jobs.finish('send:1', 'pending', 'connect ECONNREFUSED', new Date(RUN), retry);
      expect(await s.jobs.claimDue(new Date(RUN), 10)).toEqual([]);
      expect(await s.jobs.claimDue(new Date(retry), 10)).toEqual([{ id: 'send:1', kind: 'send', runAt: retry, payload: '{"conversationId":"telegram:42"}', attempts: 2 }]);
      await s.jobs.finish('send:1', 'done', null, new Date(retry));
      expect(await s.jobs.claimDue(at(30 * DAY), 10)).toEqual([]);
    });

    it('cancels the pending jobs of a kind and payload', async () => {
      await s.jobs.schedule(job('reminder:a1', RUN, 'a1'), T0);
      await s.jobs.schedule(job('other:a1', RUN, 'a1', 'other'), T0);
      await s.jobs.schedule(job('reminder:a2', RUN, 'a2'), T0);
      await s.jobs.cancelFor('reminder', 'a1');
      expect((await s.jobs.claimDue(new Date(RUN), 10)).map((j) => j.id).sort()).toEqual(['other:a1', 'reminder:a2']);
    });

    it('forgets the jobs whose JSON payload carries the conversation, and no others', async () => {
      const carrying = (n: number) => JSON.stringify({ conversationId: 'telegram:42', outbox: [{ kind: 'text', text: `reply ${n}` }] });
      await s.jobs.schedule(job('send:running', RUN, carrying(1), 'send'), T0);
      await s.jobs.claimDue(new Date(RUN), 10);
      await s.jobs.schedule(job('send:pending', RUN, carrying(2), 'send'), T0);
      await s.jobs.schedule(job('send:other', RUN, JSON.stringify({ conversationId: 'telegram:420' }), 'send'), T0);
      await s.jobs.schedule(job('reminder:plain', RUN, 'telegram:42'), T0);
      await s.jobs.schedule(job('reminder:string', RUN, '"telegram:42"'), T0);
      await s.jobs.schedule(job('reminder:null', RUN, 'null'), T0);
      expect(await s.jobs.forgetConversation('telegram:42')).toBe(2);
      expect((await s.jobs.claimDue(new Date(RUN), 10)).map((j) => j.id).sort()).toEqual(['reminder:null', 'reminder:plain', 'reminder:string', 'send:other']);
      expect(await s.jobs.forgetConversation('telegram:42')).toBe(0);
    });
  });

  describe('units of work', () => {
    it('stores what a transaction did together, or nothing of it when it fails', async () => {
      const work = async (tx: Repositories) => {
        await tx.conversations.save('telegram:42', state('2026-11-01T08:00:00.000Z'));
        expect(await tx.deliveries.record('telegram', '7001', 'Booked', 'telegram:42', T0)).toBe(true);
        expect((await tx.appointments.book(booking({ capacity: 1 }), T0)).status).toBe('booked');
        // a repository's own transaction joins the unit of work
        await tx.handoffs.open({ id: 'h1', conversationId: 'telegram:42', centreId: 'gh-accra', lang: 'en', urgent: true, reason: 'r', createdAt: T0.toISOString() }, [{ sender: 'person', text: 'hello', at: T0.toISOString() }]);
        await tx.jobs.schedule(job('send:1', T0.toISOString(), JSON.stringify({ conversationId: 'telegram:42' }), 'send'), T0);
      };
      await expect(s.transaction(async (tx) => {
        await work(tx);
        throw new Error('the turn failed');
      })).rejects.toThrow('the turn failed');
      expect(await s.conversations.load('telegram:42')).toBeNull();
      expect(await s.appointments.list({})).toEqual([]);
      expect(await s.handoffs.list({})).toEqual([]);
      expect(await s.handoffs.messages('h1')).toEqual([]);
      expect(await s.jobs.claimDue(T0, 10)).toEqual([]);
      expect(await s.deliveries.find('telegram', ['7001'], T0)).toEqual(new Map());

      expect(await s.transaction(async (tx) => (await work(tx), 'stored'))).toBe('stored');
      expect(await s.conversations.load('telegram:42')).toEqual(state('2026-11-01T08:00:00.000Z'));
      expect(await s.appointments.list({ conversationId: 'telegram:42' })).toHaveLength(1);
      expect(await s.handoffs.messages('h1')).toHaveLength(1);
      expect((await s.jobs.claimDue(T0, 10)).map((j) => j.id)).toEqual(['send:1']);
      expect(await s.deliveries.find('telegram', ['7001'], T0)).toEqual(new Map([['7001', 'Booked']]));
    });

    it('shows nothing of an unfinished transaction to statements outside it', async () => {
      let saved!: () => void;
      let finish!: () => void;
      const wasSaved = new Promise<void>((resolve) => (saved = resolve));
      const finished = new Promise<void>((resolve) => (finish = resolve));
      const unit = s.transaction(async (tx) => {
        await tx.conversations.save('telegram:42', state('2026-11-01T08:00:00.000Z'));
        saved();
        await finished;
        throw new Error('rolled back');
      });
      await wasSaved;
      const outside = s.conversations.load('telegram:42');
      finish();
      await expect(unit).rejects.toThrow('rolled back');
      expect(await outside).toBeNull();
    });

    it('forgets a conversation in every table in one call, and inside a unit of work that fails, not at all', async () => {
      await s.conversations.save('telegram:42', state('2026-11-01T08:00:00.000Z'));
      await s.conversations.save('telegram:7', state('2026-11-01T08:00:00.000Z'));
      const mine = await book();
      const theirs = await book({ conversationId: 'telegram:7' });
      await s.handoffs.open({ id: 'h1', conversationId: 'telegram:42', centreId: 'gh-accra', lang: 'en', urgent: false, reason: 'r', createdAt: T0.toISOString() }, [{ sender: 'person', text: 'hello', at: T0.toISOString() }]);
      await s.jobs.schedule(job('send:1', T0.toISOString(), JSON.stringify({ conversationId: 'telegram:42' }), 'send'), T0);
      await s.deliveries.record('telegram', '7001', 'Your booking, Kwesi', 'telegram:42', T0);
      const before = await s.inspect();

      await expect(s.transaction(async (tx) => {
        await tx.forgetConversation('telegram:42');
        throw new Error('not now');
      })).rejects.toThrow('not now');
      expect(await s.inspect()).toEqual(before);

      await s.forgetConversation('telegram:42');
      expect(await s.conversations.load('telegram:42')).toBeNull();
      expect(await s.appointments.get(mine.id)).toEqual({ ...mine, status: 'cancelled', name: null, contact: null, conversationId: null, lang: null });
      expect(await s.handoffs.get('h1')).toBeUndefined();
      expect(await s.handoffs.messages('h1')).toEqual([]);
      expect(await s.jobs.claimDue(T0, 10)).toEqual([]);
      expect(await s.deliveries.find('telegram', ['7001'], at(1000))).toEqual(new Map());
      expect(await s.conversations.load('telegram:7')).not.toBeNull();
      expect(await s.appointments.get(theirs.id)).toEqual(theirs);
    });
  });

  describe('curation', () => {
    it('keeps masked questions under a keyed link, decides each once, counts what was taught, and forgets by conversation', async () => {
      const add = (id: string, conversationId: string, lang = 'en') =>
        s.curation.add({ id, conversationId, lang, country: 'GH', reason: 'declined', text: `q ${id}`, topics: [{ id: 'work-seasonal', score: 0.2 }], at: T0.toISOString() });
      await add('c1', 'whatsapp:233241112223');
      await add('c2', 'whatsapp:233241112223', 'fr');
      await add('c3', 'telegram:9');
      expect(JSON.stringify(await s.inspect())).not.toContain('233241112223');
      expect((await s.curation.list({ lang: 'fr' })).map((i) => i.id)).toEqual(['c2']);
      expect(await s.curation.get('c1')).toMatchObject({ status: 'open', topics: [{ id: 'work-seasonal', score: 0.2 }], country: 'GH' });
      const v0 = await s.curation.taughtVersion();
      expect(await s.curation.decide('c1', { status: 'assigned', topic: 'work-seasonal', staffId: 's1' }, T0)).toBe(true);
      expect(await s.curation.decide('c1', { status: 'out-of-scope', topic: null, staffId: 's1' }, T0)).toBe(false);
      await s.curation.teach({ text: 'q c1', lang: 'en', topic: 'work-seasonal' }, T0);
      expect(await s.curation.taughtVersion()).not.toBe(v0);
      expect((await s.curation.list({ status: 'open' })).map((i) => i.id).sort()).toEqual(['c2', 'c3']);
      await s.transaction((tx) => tx.forgetConversation('whatsapp:233241112223'));
      expect((await s.curation.list({})).map((i) => i.id)).toEqual(['c3']);
      expect(await s.curation.taught()).toMatchObject([{ text: 'q c1', topic: 'work-seasonal' }]);
    });
  });

  describe('retention', () => {
    it('purges what is older than the cutoff and says how many rows each part touched', async () => {
      const cutoff = at(90 * DAY);
      const before = at(90 * DAY - 1).toISOString();
      const after = at(90 * DAY + 1).toISOString();
      await s.conversations.save('telegram:old', state(before));
      await s.conversations.save('telegram:new', state(after));

      await s.handoffs.open({ id: 'h-old', conversationId: 'telegram:old', centreId: 'gh-accra', lang: 'en', urgent: false, reason: 'r', createdAt: T0.toISOString() }, [
        { sender: 'person', text: 'one', at: T0.toISOString() },
        { sender: 'bot', text: 'two', at: T0.toISOString() },
      ]);
      await s.media.add({ id: 'm-old', conversationId: 'telegram:old', handoffId: 'h-old', direction: 'in', kind: 'audio', contentType: 'audio/ogg', size: 3, createdAt: T0.toISOString() }, Buffer.from([1, 2, 3]));
      const withFile = await s.handoffs.addMessage('h-old', { sender: 'staff', staffId: 's1', text: 'three', at: T0.toISOString(), mediaId: 'm-old' });
      expect((await s.handoffs.messages('h-old')).at(-1)).toEqual({ id: withFile, sender: 'staff', staffId: 's1', text: 'three', at: T0.toISOString(), media: { id: 'm-old', kind: 'audio', contentType: 'audio/ogg', size: 3 } });
      expect((await s.media.get('m-old'))?.content).toEqual(Buffer.from([1, 2, 3]));
      await s.handoffs.close('h-old', new Date(before));
      await s.handoffs.open({ id: 'h-new', conversationId: 'telegram:new', centreId: 'gh-accra', lang: 'en', urgent: false, reason: 'r', createdAt: T0.toISOString() }, [{ sender: 'person', text: 'kept', at: T0.toISOString() }]);
      await s.media.add({ id: 'm-new', conversationId: 'telegram:new', handoffId: 'h-new', direction: 'out', kind: 'document', contentType: 'application/pdf', name: 'a.pdf', size: 1, createdAt: T0.toISOString() }, Buffer.from([9]));
      await s.handoffs.close('h-new', new Date(after));
      await s.handoffs.open({ id: 'h-open', conversationId: 'telegram:open', centreId: null, lang: 'fr', urgent: true, reason: 'r', createdAt: T0.toISOString() }, []);

      const past = await book({ start: '2026-11-23T10:00:00Z' });
      const future = await book({ start: '2027-03-01T10:00:00Z' });
      const forgotten = await book({ start: '2026-11-24T10:00:00Z' });
      await s.appointments.forgetConversation('telegram:42');
      const pastAgain = await book({ start: '2026-11-23T10:00:00Z', conversationId: 'telegram:43' });
      const futureAgain = await book({ start: '2027-03-01T10:00:00Z', conversationId: 'telegram:43' });

      await s.jobs.schedule(job('done-old', T0.toISOString()), T0);
      await s.jobs.schedule(job('failed-old', T0.toISOString()), T0);
      await s.jobs.schedule(job('pending-old', at(200 * DAY).toISOString()), T0);
      await s.jobs.schedule(job('done-new', T0.toISOString()), T0);
      await s.jobs.claimDue(T0, 10);
      await s.jobs.finish('done-old', 'done', null, new Date(before));
      await s.jobs.finish('failed-old', 'failed', 'gave up', new Date(before));
      await s.jobs.finish('done-new', 'done', null, new Date(after));
      await s.deliveries.record('whatsapp', 'SM-old', 'old', null, new Date(before));
      await s.deliveries.record('whatsapp', 'SM-new', 'new', null, new Date(after));
      const outbound = (id: string) => ({ id, conversationId: 'whatsapp:233201234567', channel: 'whatsapp', handoffMessageId: null, purpose: null, outbox: '[]', status: 'queued' as const });
      await s.outbound.add(outbound('o-old'), ['SM-o-old'], new Date(before));
      await s.outbound.add(outbound('o-new'), ['SM-o-new'], new Date(after));

      await s.reports.add({ kind: 'turn', at: before, day: before.slice(0, 10), centreId: null, channel: 'telegram', lang: 'en', conversationId: 'telegram:old' });
      await s.reports.add({ kind: 'turn', at: after, day: after.slice(0, 10), centreId: null, channel: 'telegram', lang: 'en', conversationId: 'telegram:new' });

      const item = (id: string, when: string) => ({ id, conversationId: 'telegram:old', lang: 'en', country: null, reason: 'declined' as const, text: `question ${id}`, topics: [], at: when });
      await s.curation.add(item('c-old', at(30 * DAY - 1).toISOString()));
      await s.curation.add(item('c-new', at(30 * DAY + 1).toISOString()));

      expect(await s.purgeOlderThan(cutoff, { curationCutoff: at(30 * DAY) })).toEqual({ conversations: 1, media: 1, handoffMessages: 3, handoffs: 1, appointments: 1, jobs: 2, deliveries: 1, outbound: 1, outboundReceipts: 1, reportPeople: 1, curation: 1 });
      expect(await s.media.get('m-old')).toBeUndefined();
      expect(await s.media.get('m-new')).toMatchObject({ name: 'a.pdf', direction: 'out', size: 1 });
      expect(await s.outbound.get('o-old')).toBeUndefined();
      expect(await s.outbound.report('whatsapp', 'SM-o-old', 'delivered', null, new Date(after))).toBeUndefined();
      expect(await s.outbound.get('o-new')).toMatchObject({ status: 'queued' });
      expect((await s.curation.list({})).map((i) => i.id)).toEqual(['c-new']);
      expect(await s.conversations.load('telegram:old')).toBeNull();
      expect(await s.conversations.load('telegram:new')).toEqual(state(after));
      expect(await s.handoffs.get('h-old')).toBeUndefined();
      expect(await s.handoffs.messages('h-old')).toEqual([]);
      expect(await s.handoffs.messages('h-new')).toHaveLength(1);
      expect((await s.handoffs.list({})).map((h) => h.id)).toEqual(['h-open', 'h-new']);
      // the reference and the seat stay: only the person goes
      expect(await s.appointments.get(pastAgain.id)).toEqual({ ...pastAgain, name: null, contact: null, conversationId: null });
      expect(await s.appointments.get(futureAgain.id)).toEqual(futureAgain);
      expect((await s.appointments.get(past.id))?.status).toBe('cancelled');
      expect((await s.appointments.get(future.id))?.name).toBeNull();
      expect((await s.appointments.get(forgotten.id))?.reference).toBe(forgotten.reference);
      expect((await s.jobs.claimDue(at(300 * DAY), 10)).map((j) => j.id)).toEqual(['pending-old']);
      expect(await s.deliveries.find('whatsapp', ['SM-old', 'SM-new'], new Date(after))).toEqual(new Map([['SM-new', 'new']]));
      // the report's counts stay; only the old person's pseudonym is gone
      const reported = await s.reports.rows({ from: before.slice(0, 10), to: after.slice(0, 10) });
      expect(reported.turns.reduce((n, t) => n + t.n, 0)).toBe(2);
      expect(reported.visits.map((v) => v.day)).toEqual([after.slice(0, 10)]);
      expect(await s.purgeOlderThan(cutoff, { curationCutoff: at(30 * DAY) })).toEqual({ conversations: 0, media: 0, handoffMessages: 0, handoffs: 0, appointments: 0, jobs: 0, deliveries: 0, outbound: 0, outboundReceipts: 0, reportPeople: 0, curation: 0 });
    });
  });

  describe('messages from our side and their delivery statuses', () => {
    const message = (id: string, conversationId = 'whatsapp:212600000001', status: 'queued' | 'waiting' = 'queued', handoffMessageId: number | null = null) => ({
      id, conversationId, channel: 'whatsapp', handoffMessageId, purpose: null, outbox: JSON.stringify([{ kind: 'text', text: id }]), status,
    });

    it('moves each status forward only, keeps the error code, and takes a failure of any part', async () => {
      await s.outbound.add(message('m1'), ['SM-a', 'SM-b'], T0);
      expect(await s.outbound.report('whatsapp', 'SM-a', 'delivered', null, at(1000))).toMatchObject({ moved: true, outbound: { status: 'queued' } }); // SM-b still queued
      expect(await s.outbound.report('whatsapp', 'SM-b', 'read', null, at(2000))).toMatchObject({ moved: true, outbound: { status: 'delivered' } });
      expect(await s.outbound.report('whatsapp', 'SM-a', 'sent', null, at(3000))).toMatchObject({ moved: false, outbound: { status: 'delivered' } }); // late: no step back
      await s.outbound.add(message('m2'), ['SM-c'], T0);
      expect(await s.outbound.report('whatsapp', 'SM-c', 'undelivered', '30003', at(1000))).toMatchObject({ moved: true, outbound: { status: 'undelivered', errorCode: '30003' } });
      expect(await s.outbound.report('whatsapp', 'SM-unknown', 'sent', null, at(1000))).toBeUndefined();
      expect(await s.outbound.report('telegram', 'SM-c', 'read', null, at(1000))).toBeUndefined(); // ids are per channel
    });

    it('releases held messages once, oldest first, and sends again only a new attempt', async () => {
      await s.outbound.add(message('w1', 'whatsapp:1', 'waiting', 11), [], T0);
      await s.outbound.add(message('w2', 'whatsapp:1', 'waiting', 12), [], at(1000));
      await s.outbound.add(message('w3', 'whatsapp:1', 'waiting', 13), [], at(1000));
      await s.outbound.add(message('other', 'whatsapp:2', 'waiting'), [], T0);
      expect(await s.outbound.hasWaiting('whatsapp:1')).toBe(true);
      const released = await s.outbound.releaseWaiting('whatsapp:1', at(5000));
      expect(released).toEqual(['w1', 'w2', 'w3']);
      expect(await s.outbound.releaseWaiting('whatsapp:1', at(6000))).toEqual([]);
      expect(await s.outbound.hasWaiting('whatsapp:1')).toBe(false);
      expect(await s.outbound.hasWaiting('whatsapp:2')).toBe(true);
      expect((await s.outbound.toSend(['w3', 'w1', 'w2'])).map((m) => m.id)).toEqual(['w3', 'w1', 'w2']); // the order asked for
      await s.outbound.handedOver('w1', ['SM-w1'], 'queued', at(7000));
      expect((await s.outbound.toSend(released)).map((m) => m.id)).toEqual(['w2', 'w3']);
      expect(await s.outbound.statusOfHandoffMessages([11, 12, 99])).toEqual(new Map([[11, 'queued'], [12, 'queued']]));
      await s.outbound.report('whatsapp', 'SM-w1', 'failed', '30008', at(8000));
      await s.outbound.queueAgain('w1', at(9000));
      expect(await s.outbound.get('w1')).toMatchObject({ status: 'queued', attempts: 2 });
      expect((await s.outbound.toSend(['w1'])).map((m) => m.id)).toEqual(['w1']);
      await s.outbound.handedOver('w1', ['SM-w1-again'], 'queued', at(10_000));
      expect(await s.outbound.report('whatsapp', 'SM-w1-again', 'delivered', null, at(11_000))).toMatchObject({ outbound: { status: 'delivered', errorCode: null } });
      expect(await s.outbound.report('whatsapp', 'SM-w1', 'undelivered', '30008', at(12_000))).toMatchObject({ outbound: { status: 'delivered' } }); // the old attempt's news changes nothing
    });

    it('forgets a conversation’s messages and statuses with delete my data', async () => {
      await s.outbound.add(message('f1', 'whatsapp:9'), ['SM-f1'], T0);
      await s.outbound.add(message('f2', 'whatsapp:9', 'waiting'), [], T0);
      await s.outbound.add(message('k1', 'whatsapp:8'), ['SM-k1'], T0);
      await s.forgetConversation('whatsapp:9');
      const rows = await s.inspect();
      expect(rows.outbound_messages!.map((r) => r.id)).toEqual(['k1']);
      expect(rows.outbound_receipts!.map((r) => r.message_id)).toEqual(['SM-k1']);
    });
  });

  describe('reports', () => {
    const turn = (conversationId: string, day: string, extra: Record<string, string | null> = {}) =>
      s.reports.add({ kind: 'turn', at: `${day}T10:00:00.000Z`, day, centreId: 'gh-accra', channel: 'whatsapp', lang: 'en', country: 'GH', topic: null, outcome: null, safety: null, conversationId, ...extra });

    it('groups turns and events by day, counts distinct people, and keeps the range and centre', async () => {
      await turn('whatsapp:1', '2026-11-23', { topic: 'visa-work', outcome: 'answered' });
      await turn('whatsapp:1', '2026-11-23', { topic: 'visa-work', outcome: 'answered' });
      await turn('whatsapp:2', '2026-11-23', { outcome: 'declined' });
      await turn('whatsapp:2', '2026-11-24', { centreId: 'eg-cairo' });
      await turn('whatsapp:3', '2026-11-25');
      await s.reports.add({ kind: 'handoff.replied', at: '2026-11-23T10:05:00.000Z', day: '2026-11-23', centreId: 'gh-accra', seconds: 300 });
      await s.reports.add({ kind: 'booking.made', at: '2026-11-23T10:05:00.000Z', day: '2026-11-23', centreId: 'gh-accra' });
      const rows = await s.reports.rows({ from: '2026-11-23', to: '2026-11-24', centreId: 'gh-accra' });
      expect(rows.turns.map((t) => [t.day, t.topic, t.outcome, t.n]).sort()).toEqual([['2026-11-23', 'visa-work', 'answered', 2], ['2026-11-23', null, 'declined', 1]].sort());
      expect(new Set(rows.visits.map((v) => v.person)).size).toBe(2);
      expect(rows.visits.every((v) => /^[0-9a-f]{32}$/.test(v.person))).toBe(true); // a pseudonym, not the address
      expect(rows.events.sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([{ day: '2026-11-23', kind: 'booking.made', n: 1 }, { day: '2026-11-23', kind: 'handoff.replied', n: 1 }]);
      expect(rows.firstReplies).toEqual([300]);
      expect((await s.reports.rows({ from: '2026-11-23', to: '2026-11-25' })).visits).toHaveLength(4);
    });

    it('forgets a person: their turns stay counted, without the pseudonym', async () => {
      await turn('whatsapp:1', '2026-11-23');
      await turn('whatsapp:2', '2026-11-23');
      expect(await s.reports.forgetConversation('whatsapp:1')).toBe(1);
      await s.forgetConversation('whatsapp:2');
      const rows = await s.reports.rows({ from: '2026-11-23', to: '2026-11-23' });
      expect(rows.turns[0]!.n).toBe(2);
      expect(rows.visits).toEqual([]);
    });

    it('forgets a person whose last turn is still being written', async () => {
      await turn('whatsapp:3', '2026-11-23');
      const writing = s.inspect(); // writes what was gathered
      await s.forgetConversation('whatsapp:3');
      await writing;
      const rows = await s.reports.rows({ from: '2026-11-23', to: '2026-11-23' });
      expect(rows.turns[0]!.n).toBe(1);
      expect(rows.visits).toEqual([]);
    });
  });
}

const stores = pgAnswers ? [sqlite, sqliteFile, postgres] : [sqlite, sqliteFile];
describe.each(stores)('Storage contract on $name', (store) => contract(store));
if (!pgAnswers) describe.skip(`PostgreSQL not reachable at ${redact(PG_URL)} — skipped`, () => contract(postgres));
