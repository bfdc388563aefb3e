/**
 * The staff console's API on the running server: claims (one advisor wins, the other is told who
 * has it and cannot reply over them), internal notes that never reach the person, hand-over to a
 * colleague or another centre, scope (another centre's handoff is 403, and its live events never
 * arrive), the live event stream (401 without a token), cancellations told to the person in their
 * language, centre settings the chat's booking uses at once, accounts managed by an admin, and live
 * events across two instances on PostgreSQL + Redis.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Outbound } from '../src/core/messages.js';
import { startTestServer, type RunningServer } from './support/server.js';
import { postgresAnswers, redisAnswers } from './support/services.js';
import { runCli } from './support/run-cli.js';
import { openStorage } from '../src/storage/open.js';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from './support/test-core.js';

const PASSWORD = 'correct horse battery';

interface HandoffView {
  id: string;
  centreId: string;
  claimedBy: string | null;
  claimedByEmail: string | null;
  timezone: string;
  messages: { sender: string; text: string; internal?: boolean; author?: string }[];
  conversationId?: string;
}

async function signIn(server: RunningServer, email: string): Promise<string> {
  const res = await fetch(`${server.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
  return ((await res.json()) as { token: string }).token;
}

function client(server: RunningServer, token: string) {
  return async (path: string, method = 'GET', body?: unknown) => {
    const res = await fetch(`${server.base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
  };
}

/** Reads the event stream until `count` events arrived or `ms` passed; returns their types and data. */
function listen(server: RunningServer, token: string) {
  const events: { type: string; data: Record<string, unknown> }[] = [];
  const controller = new AbortController();
  const ready = (async () => {
    const res = await fetch(`${server.base}/api/staff/events`, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    let resolveReady!: () => void;
    const isReady = new Promise<void>((r) => (resolveReady = r));
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffer += decoder.decode(value, { stream: true });
          const blocks = buffer.split('\n\n');
          buffer = blocks.pop()!;
          for (const block of blocks) {
            const type = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (type === 'ready') resolveReady();
            else if (type && data) events.push({ type, data: JSON.parse(data) as Record<string, unknown> });
          }
        }
      } catch {
        /* aborted */
      }
    })();
    await isReady;
  })();
  const until = async (predicate: () => boolean, ms = 5000) => {
    const end = Date.now() + ms;
    while (!predicate() && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
    return predicate();
  };
  return { events, ready, until, stop: () => controller.abort() };
}

describe('staff console API', () => {
  let server: RunningServer;
  const sent: { user: string; outbox: readonly Outbound[] }[] = [];
  const tokens: Record<string, string> = {};
  let api: Record<string, ReturnType<typeof client>>;

  beforeAll(async () => {
    server = await startTestServer({});
    server.core.senders.set('test', { send: async (user, outbox) => (sent.push({ user, outbox }), { status: 'sent' }) });
    const accounts = [
      ['efua@accra.example', 'gh-accra', 'advisor'],
      ['kofi@accra.example', 'gh-accra', 'advisor'],
      ['leila@tunis.example', 'tn-tunis', 'advisor'],
      ['boss@accra.example', 'gh-accra', 'admin'],
      ['root@example.org', '', 'admin'],
    ] as const;
    for (const [email, centreId, role] of accounts) await server.core.auth.create({ email, password: PASSWORD, centreId, role });
    for (const [email] of accounts) tokens[email] = await signIn(server, email);
    api = Object.fromEntries(Object.entries(tokens).map(([email, token]) => [email, client(server, token)]));
  }, 60_000);
  afterAll(async () => server?.close());

  async function handOff(user: string, place = 'Accra'): Promise<HandoffView> {
    for (const text of ['hello', 'talk to a person', place, '1']) await server.core.conversations.receive({ channel: 'test', user }, { kind: 'text', text });
    const list = (await api['root@example.org']!('/api/handoffs')).body.handoffs as HandoffView[];
    const mine = list.filter((h) => h.messages.some((m) => m.text === place)).at(-1)!;
    expect(mine).toBeDefined();
    return mine;
  }

  it('lets one of two advisors claim; the other is told who has it and cannot reply over them', async () => {
    const h = await handOff('claim-1');
    expect(h).not.toHaveProperty('conversationId');
    const [a, b] = await Promise.all([api['efua@accra.example']!(`/api/handoffs/${h.id}/claim`, 'POST', {}), api['kofi@accra.example']!(`/api/handoffs/${h.id}/claim`, 'POST', {})]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const [winner, loser] = a.status === 200 ? ['efua@accra.example', 'kofi@accra.example'] : ['kofi@accra.example', 'efua@accra.example'];
    expect((a.status === 409 ? a : b).body.claimedBy).toBe(winner);

    const before = sent.length;
    const overTheirHead = await api[loser]!(`/api/handoffs/${h.id}/messages`, 'POST', { text: 'I answer too' });
    expect(overTheirHead).toMatchObject({ status: 409, body: { claimedBy: winner } });
    expect(sent.length).toBe(before);
    expect((await api[winner]!(`/api/handoffs/${h.id}/messages`, 'POST', { text: 'Hello from the centre' })).status).toBe(201);
    expect(sent.at(-1)).toEqual({ user: 'claim-1', outbox: [{ kind: 'text', text: 'Hello from the centre' }] });

    // Taking over is explicit, and then the first advisor is the one refused.
    expect((await api[loser]!(`/api/handoffs/${h.id}/claim`, 'POST', { steal: true })).status).toBe(200);
    expect((await api[winner]!(`/api/handoffs/${h.id}/messages`, 'POST', { text: 'still me?' })).status).toBe(409);
    const view = ((await api[loser]!('/api/handoffs')).body.handoffs as HandoffView[]).find((x) => x.id === h.id)!;
    expect(view).toMatchObject({ claimedByEmail: loser, timezone: 'Africa/Accra' });
    expect((await api[loser]!(`/api/handoffs/${h.id}/claim`, 'POST', { steal: 'yes' })).status).toBe(400);
  });

  it('shows the topic last answered before the person asked for someone', async () => {
    const user = 'topic-1';
    for (const text of ['how can i work in germany as a nurse?', 'talk to a person', 'Accra', '1']) await server.core.conversations.receive({ channel: 'test', user }, { kind: 'text', text });
    const view = ((await api['root@example.org']!('/api/handoffs')).body.handoffs as HandoffView[]).find((h) => h.messages.some((m) => m.text === 'how can i work in germany as a nurse?'));
    expect(view).toMatchObject({ topic: 'work-nursing-care' });
  });

  it('keeps internal notes from the person: stored with the transcript for colleagues, never sent', async () => {
    const h = await handOff('note-1');
    const before = sent.length;
    expect((await api['efua@accra.example']!(`/api/handoffs/${h.id}/notes`, 'POST', { text: 'Call her back after 4 pm' })).status).toBe(201);
    expect((await api['efua@accra.example']!(`/api/handoffs/${h.id}/notes`, 'POST', { text: '   ' })).status).toBe(400);
    expect(sent.length).toBe(before);
    const view = ((await api['kofi@accra.example']!('/api/handoffs')).body.handoffs as HandoffView[]).find((x) => x.id === h.id)!;
    expect(view.messages.at(-1)).toMatchObject({ sender: 'staff', text: 'Call her back after 4 pm', internal: true, author: 'efua@accra.example' });
    // Closing sends the person the closing notice only: the note is still not among what they got.
    expect((await api['efua@accra.example']!(`/api/handoffs/${h.id}/close`, 'POST', {})).status).toBe(200);
    const toPerson = sent.slice(before).flatMap((s) => s.outbox.map((o) => ('text' in o ? o.text : '')));
    expect(toPerson.join('\n')).not.toContain('4 pm');
  });

  it('keeps each centre to its own handoffs and live events; hands over to a colleague or another centre', async () => {
    const efuaHears = listen(server, tokens['efua@accra.example']!);
    const leilaHears = listen(server, tokens['leila@tunis.example']!);
    await Promise.all([efuaHears.ready, leilaHears.ready]);
    const h = await handOff('scope-1');
    expect(await efuaHears.until(() => efuaHears.events.some((e) => e.data.handoffId === h.id && e.type === 'opened'))).toBe(true);
    for (const [path, body] of [
      [`/api/handoffs/${h.id}/claim`, {}],
      [`/api/handoffs/${h.id}/notes`, { text: 'x' }],
      [`/api/handoffs/${h.id}/messages`, { text: 'x' }],
      [`/api/handoffs/${h.id}/handover`, { toCentreId: 'tn-tunis', note: 'x' }],
      [`/api/handoffs/${h.id}/close`, {}],
    ] as const) {
      expect((await api['leila@tunis.example']!(path, 'POST', body)).status, path).toBe(403);
    }
    expect((await api['leila@tunis.example']!('/api/handoffs?centreId=gh-accra')).status).toBe(403);

    // To a colleague: Kofi has it now, with the note.
    const kofiId = ((await api['efua@accra.example']!('/api/staff')).body.staff as { id: string; email: string }[]).find((m) => m.email === 'kofi@accra.example')!.id;
    expect((await api['efua@accra.example']!(`/api/handoffs/${h.id}/handover`, 'POST', { toStaffId: kofiId })).status).toBe(400); // a note is needed
    expect((await api['efua@accra.example']!(`/api/handoffs/${h.id}/handover`, 'POST', { toStaffId: kofiId, note: 'She asks about nursing' })).status).toBe(200);
    let view = ((await api['kofi@accra.example']!('/api/handoffs')).body.handoffs as HandoffView[]).find((x) => x.id === h.id)!;
    expect(view).toMatchObject({ claimedByEmail: 'kofi@accra.example' });
    expect(view.messages.at(-1)).toMatchObject({ internal: true, text: 'She asks about nursing' });

    // To another centre: Tunis sees it (and hears of it), Accra no longer may act on it.
    expect((await api['kofi@accra.example']!(`/api/handoffs/${h.id}/handover`, 'POST', { toCentreId: 'tn-tunis', note: 'Lives in Tunis now' })).status).toBe(200);
    expect(await leilaHears.until(() => leilaHears.events.some((e) => e.data.handoffId === h.id && e.type === 'moved'))).toBe(true);
    view = ((await api['leila@tunis.example']!('/api/handoffs')).body.handoffs as HandoffView[]).find((x) => x.id === h.id)!;
    expect(view).toMatchObject({ centreId: 'tn-tunis', claimedBy: null, timezone: 'Africa/Tunis' });
    expect((await api['kofi@accra.example']!(`/api/handoffs/${h.id}/claim`, 'POST', {})).status).toBe(403);
    // Tunis heard nothing of Accra's handoff before it came to Tunis.
    expect(leilaHears.events.filter((e) => e.data.handoffId === h.id).map((e) => e.type)).toEqual(['moved']);
    efuaHears.stop();
    leilaHears.stop();
  });

  it('streams events only with a valid token, and a person’s message arrives as an event', async () => {
    expect((await fetch(`${server.base}/api/staff/events`)).status).toBe(401);
    expect((await fetch(`${server.base}/api/staff/events`, { headers: { authorization: 'Bearer nope' } })).status).toBe(401);
    const h = await handOff('live-1');
    const hears = listen(server, tokens['kofi@accra.example']!);
    await hears.ready;
    await server.core.conversations.receive({ channel: 'test', user: 'live-1' }, { kind: 'text', text: 'are you there?' });
    expect(await hears.until(() => hears.events.some((e) => e.type === 'message' && e.data.handoffId === h.id))).toBe(true);
    // Events name what changed, never what was said or who said it.
    expect(JSON.stringify(hears.events)).not.toMatch(/are you there|live-1/);
    hears.stop();
  });

  it('tells the person on their channel, in their language, when the centre cancels their appointment', async () => {
    await server.core.conversations.receive({ channel: 'test', user: 'cancel-1' }, { kind: 'text', text: 'bonjour' });
    const slots = (await server.core.booking.slots('gh-accra', '2026-11-25'))!;
    const booked = await server.core.booking.book({ centreId: 'gh-accra', start: slots[0]!.start, name: 'Awa', contact: '+233 20 000', conversationId: 'test:cancel-1', lang: 'fr', createdBy: 'chat' });
    expect(booked.status).toBe('booked');
    const appointment = (booked as { appointment: { id: string; reference: string } }).appointment;
    // The day view lists it on the centre's own day.
    const day = await api['efua@accra.example']!('/api/appointments?date=2026-11-25');
    expect((day.body.appointments as { id: string }[]).map((a) => a.id)).toContain(appointment.id);
    expect((await api['leila@tunis.example']!(`/api/appointments/${appointment.id}`, 'DELETE')).status).toBe(403);
    expect((await api['efua@accra.example']!(`/api/appointments/${appointment.id}`, 'DELETE')).status).toBe(204);
    const told = sent.filter((s) => s.user === 'cancel-1').at(-1)!;
    expect(told.outbox).toEqual([{ kind: 'text', text: expect.stringMatching(new RegExp(`a dû annuler votre rendez-vous .*${appointment.reference}`)) }]);
    expect((await api['efua@accra.example']!(`/api/appointments/${appointment.id}`, 'DELETE')).status).toBe(409);
  });

  it('lets a centre admin set opening hours, holidays and seats, which the chat’s booking uses at once', async () => {
    const settings = { hours: { wed: ['14:00-15:00'] }, holidays: ['2026-11-26'], capacity: 2 };
    expect((await api['efua@accra.example']!('/api/centres/gh-accra/settings', 'PUT', settings)).status).toBe(403);
    expect((await api['boss@accra.example']!('/api/centres/tn-tunis/settings', 'PUT', settings)).status).toBe(200); // an admin acts on all centres
    expect((await api['boss@accra.example']!('/api/centres/gh-accra/settings', 'PUT', { ...settings, hours: { wed: ['15:00-14:00'] } })).status).toBe(400);
    expect((await api['boss@accra.example']!('/api/centres/gh-accra/settings', 'PUT', { ...settings, capacity: 0 })).status).toBe(400);
    expect((await api['boss@accra.example']!('/api/centres/gh-accra/settings', 'PUT', settings)).status).toBe(200);
    expect((await api['efua@accra.example']!('/api/centres/gh-accra/settings')).body).toMatchObject(settings);
    const slots = (await (await fetch(`${server.base}/api/centres/gh-accra/slots?date=2026-11-25`)).json()) as { slots: { local: string; free: number }[] };
    expect(slots.slots.map((s) => s.local)).toEqual(['14:00', '14:30']);
    expect(slots.slots[0]!.free).toBe(2);
    // The chat offers the same days: the holiday and the closed days are gone.
    expect((await server.core.booking.daysWithSlots('gh-accra', 3)).map((d) => d.date)).toEqual(['2026-11-25', '2026-12-02', '2026-12-09']);
  });

  it('lets an admin invite, change, disable and reset accounts; an advisor cannot', async () => {
    expect((await api['efua@accra.example']!('/api/staff', 'POST', { email: 'x@accra.example', role: 'advisor', centreId: 'gh-accra' })).status).toBe(403);
    expect((await api['root@example.org']!('/api/staff', 'POST', { email: 'x@accra.example', role: 'advisor', centreId: '' })).status).toBe(400);
    const invited = await api['root@example.org']!('/api/staff', 'POST', { email: 'ama@accra.example', role: 'advisor', centreId: 'gh-accra', lang: 'fr' });
    expect(invited).toMatchObject({ status: 201, body: { email: 'ama@accra.example', lang: 'fr', centreId: 'gh-accra' } });
    const login = await fetch(`${server.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'ama@accra.example', password: invited.body.temporaryPassword }) });
    const session = (await login.json()) as { token: string; staff: { lang: string } };
    expect(session.staff.lang).toBe('fr');
    const ama = client(server, session.token);
    expect((await ama('/api/me', 'PATCH', { lang: 'ar' })).body).toMatchObject({ lang: 'ar' });
    expect((await ama('/api/me', 'PATCH', { lang: 'xx' })).status).toBe(400);

    const id = invited.body.id as string;
    expect((await api['root@example.org']!(`/api/staff/${id}`, 'PATCH', { disabled: true })).status).toBe(200);
    expect((await ama('/api/handoffs')).status).toBe(401); // her sessions ended
    const again = await fetch(`${server.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'ama@accra.example', password: invited.body.temporaryPassword }) });
    expect(again.status).toBe(401);
    expect((await api['root@example.org']!(`/api/staff/${id}`, 'PATCH', { disabled: false, role: 'admin', centreId: '' })).body).toMatchObject({ role: 'admin', centreId: '', disabled: false });
    const reset = await api['root@example.org']!(`/api/staff/${id}/reset`, 'POST', {});
    expect(typeof reset.body.temporaryPassword).toBe('string');
    expect((await api['root@example.org']!(`/api/staff/${id}`, 'PATCH', { role: 'boss' })).status).toBe(400);
  });

  it('keeps ready answers per centre and language: admins write them, advisors read their centre’s', async () => {
    const answer = { lang: 'fr', title: 'Horaires', text: 'Le centre est ouvert de 9 h à 15 h.' };
    expect((await api['efua@accra.example']!('/api/canned-replies', 'POST', answer)).status).toBe(403);
    expect((await api['boss@accra.example']!('/api/canned-replies', 'POST', { ...answer, lang: 'xx' })).status).toBe(400);
    const made = await api['boss@accra.example']!('/api/canned-replies', 'POST', answer);
    expect(made).toMatchObject({ status: 201, body: { centreId: 'gh-accra', ...answer } });
    expect((await api['root@example.org']!('/api/canned-replies', 'POST', { ...answer, centreId: 'tn-tunis' })).status).toBe(201);
    expect(((await api['efua@accra.example']!('/api/canned-replies')).body.replies as { title: string; centreId: string }[]).map((r) => r.centreId)).toEqual(['gh-accra']);
    expect(((await api['leila@tunis.example']!('/api/canned-replies')).body.replies as { centreId: string }[]).map((r) => r.centreId)).toEqual(['tn-tunis']);
    expect((await api['leila@tunis.example']!('/api/canned-replies?centreId=gh-accra')).status).toBe(403);
    expect((await api['efua@accra.example']!(`/api/canned-replies/${made.body.id as string}`, 'DELETE')).status).toBe(403);
    expect((await api['boss@accra.example']!(`/api/canned-replies/${made.body.id as string}`, 'DELETE')).status).toBe(204);
    expect((await api['efua@accra.example']!('/api/canned-replies')).body.replies).toEqual([]);
  });

  it('an admin without a centre books for any centre', async () => {
    const slots = (await server.core.booking.slots('tn-tunis', '2026-11-25'))!;
    const res = await api['root@example.org']!('/api/appointments', 'POST', { centreId: 'tn-tunis', start: slots[0]!.start, name: 'Sami', contact: '+216 20 000 000' });
    expect(res.status).toBe(201);
  });
});

const clustered = (await postgresAnswers(TEST_DATABASE_URL)) && (await redisAnswers(TEST_REDIS_URL));

describe.skipIf(!clustered)('staff console live events across two instances (PostgreSQL + Redis)', () => {
  let a: RunningServer;
  let b: RunningServer;
  beforeAll(async () => {
    const shared = `wt_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
    a = await startTestServer({}, undefined, shared);
    b = await startTestServer({}, undefined, shared);
    await a.core.auth.create({ email: 'efua@accra.example', password: PASSWORD, centreId: 'gh-accra', role: 'advisor' });
    await a.core.auth.create({ email: 'leila@tunis.example', password: PASSWORD, centreId: 'tn-tunis', role: 'advisor' });
  }, 60_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('a handoff opened on one instance reaches a console connected to the other; another centre hears nothing', async () => {
    const efua = listen(b, await signIn(b, 'efua@accra.example'));
    const leila = listen(b, await signIn(b, 'leila@tunis.example'));
    await Promise.all([efua.ready, leila.ready]);
    a.core.senders.set('test', { send: async () => ({ status: 'sent' }) });
    for (const text of ['hello', 'talk to a person', 'Accra', '1']) await a.core.conversations.receive({ channel: 'test', user: 'cluster-1' }, { kind: 'text', text });
    expect(await efua.until(() => efua.events.some((e) => e.type === 'opened' && e.data.centreId === 'gh-accra'))).toBe(true);
    const id = efua.events.find((e) => e.type === 'opened')!.data.handoffId as string;
    // A claim made on B is heard on A.
    const onA = listen(a, await signIn(a, 'efua@accra.example'));
    await onA.ready;
    expect((await client(b, await signIn(b, 'efua@accra.example'))(`/api/handoffs/${id}/claim`, 'POST', {})).status).toBe(200);
    expect(await onA.until(() => onA.events.some((e) => e.type === 'claimed' && e.data.handoffId === id))).toBe(true);
    expect(leila.events).toEqual([]);
    // Settings saved on one instance are used by the other's booking at once.
    await a.core.auth.create({ email: 'boss@accra.example', password: PASSWORD, centreId: 'gh-accra', role: 'admin' });
    expect((await client(a, await signIn(a, 'boss@accra.example'))('/api/centres/gh-accra/settings', 'PUT', { hours: { wed: ['10:00-11:00'] }, holidays: [], capacity: 1 })).status).toBe(200);
    const untilSlots = async () => {
      for (let i = 0; i < 100; i++) {
        const slots = (await b.core.booking.slots('gh-accra', '2026-11-25'))!.map((s) => s.local);
        if (slots.join() === '10:00,10:30') return slots;
        await new Promise((r) => setTimeout(r, 50));
      }
      return (await b.core.booking.slots('gh-accra', '2026-11-25'))!.map((s) => s.local);
    };
    expect(await untilSlots()).toEqual(['10:00', '10:30']);
    efua.stop();
    leila.stop();
    onA.stop();
  }, 60_000);
});

describe('staff accounts from the command line', () => {
  it('`staff add --lang` sets the console language; an admin may have no centre, an advisor may not', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'wegweiser-staff-lang-'));
    const env = { DATA_DIR: dataDir, DATABASE_URL: '' };
    expect((await runCli(['staff', 'add', '--email', 'nadia@tunis.example', '--password', PASSWORD, '--centre', 'tn-tunis', '--role', 'advisor', '--lang', 'ar'], '', env)).code).toBe(0);
    expect((await runCli(['staff', 'add', '--email', 'lead@example.org', '--password', PASSWORD, '--role', 'admin'], '', env)).code).toBe(0);
    const noCentre = await runCli(['staff', 'add', '--email', 'x@example.org', '--password', PASSWORD, '--role', 'advisor'], '', env);
    expect(noCentre.code).not.toBe(0);
    expect(noCentre.stderr).toContain('needs --centre');
    expect((await runCli(['staff', 'add', '--email', 'y@example.org', '--password', PASSWORD, '--centre', 'tn-tunis', '--role', 'advisor', '--lang', 'xx'], '', env)).code).not.toBe(0);
    const listed = await runCli(['staff', 'list'], '', env);
    expect(listed.stdout).toContain('nadia@tunis.example\tadvisor\ttn-tunis\tar');
    expect(listed.stdout).toContain('lead@example.org\tadmin\tall centres\ten');
    const storage = await openStorage(`sqlite:${join(dataDir, 'wegweiser.sqlite')}`);
    try {
      expect(await storage.staff.byEmail('nadia@tunis.example')).toMatchObject({ lang: 'ar', centreId: 'tn-tunis' });
      expect(await storage.staff.byEmail('x@example.org')).toBeUndefined();
    } finally {
      await storage.close();
    }
  }, 90_000);
});
