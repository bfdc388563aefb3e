/**
 * GET /api/reports on a seeded day: people on WhatsApp and Telegram, in English and French, ask
 * questions (answered, declined, one describing exploitation), one is handed to an advisor who
 * replies five minutes later and closes, two book in the chat (one cancels), an advisor books one
 * in the console, and a reminder goes out. The report's counts are exact, scoped like every staff
 * route, the CSV holds the same numbers, and nothing anyone wrote appears in either.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelHints } from '../src/core/messages.js';
import { emptyMeta } from '../src/core/turn-meta.js';
import { questionOutcome } from '../src/reports/record.js';
import type { Report } from '../src/reports/report.js';
import { startTestServer, type RunningServer } from './support/server.js';

const A = { channel: 'whatsapp', user: '233241110001' };
const B = { channel: 'telegram', user: '5550002' };
const C = { channel: 'whatsapp', user: '233241110003' };
const D = { channel: 'telegram', user: '5550004' };
const E = { channel: 'telegram', user: '5550005' };

const SAID: [typeof A, ChannelHints, string[]][] = [
  [A, { country: 'GH' }, ['hello', 'how can I apply for the German national visa?', 'what is the best pizza recipe in town', 'talk to a person', 'Accra', '1']],
  [B, { country: 'GH', locale: 'fr' }, ['Bonjour', 'comment demander le visa national allemand en ligne ?', 'je suis enfermée dans une chambre et mon employeur a pris mon passeport']],
  [C, { country: 'GH' }, ['hello', '4', '1', 'I live in Kumasi', '1', '2', '3', 'Kofi Boateng', '+233 20 111 2222', '1']],
  [D, { country: 'GH', locale: 'en' }, ['hello', '4', '1', 'I live in Kumasi', '1', '2', '4', 'Yaa Asantewaa', '+233 20 333 4444', '1', '4', 'My appointment', '1']],
  [E, { country: 'EG', locale: 'en' }, ['hello', 'how can I apply for the German national visa?']],
];
const ADVISOR_REPLY = 'Hello from Accra, how can we help with the visa?';
const STAFF_BOOKED_NAME = 'Kwame Staffbooked';

describe('GET /api/reports', () => {
  let server: RunningServer;
  let admin: string;
  let accra: string;
  let cairo: string;
  const get = (token: string, query: string) => fetch(`${server.base}/api/reports?${query}`, { headers: { authorization: `Bearer ${token}` } });
  const report = async (token: string, query: string) => {
    const res = await get(token, query);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as Report;
  };

  beforeAll(async () => {
    server = await startTestServer({});
    const { core } = server;
    for (const channel of ['whatsapp', 'telegram']) core.senders.set(channel, { send: async () => ({ status: 'sent' }) });
    for (const [person, hints, texts] of SAID) for (const text of texts) await core.conversations.receive(person, { kind: 'text', text }, hints);

    const advisor = await core.auth.create({ email: 'efua@accra.example', password: 'correct horse battery', centreId: 'gh-accra', role: 'advisor' });
    const [handoff] = await core.handoffs.list(advisor);
    core.clock.advance(5 * 60_000);
    expect((await core.handoffs.reply(advisor, handoff!.id, ADVISOR_REPLY)).status).toBe('ok');
    core.clock.advance(60_000);
    expect((await core.handoffs.reply(advisor, handoff!.id, 'A second reply is no first reply')).status).toBe('ok');
    expect((await core.handoffs.close(advisor, handoff!.id)).status).toBe('ok');

    await core.auth.create({ email: 'admin@example.org', password: 'correct horse battery', centreId: 'gh-accra', role: 'admin' });
    await core.auth.create({ email: 'nour@cairo.example', password: 'correct horse battery', centreId: 'eg-cairo', role: 'advisor' });
    const login = async (email: string) =>
      ((await (await fetch(`${server.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'correct horse battery' }) })).json()) as { token: string }).token;
    accra = await login('efua@accra.example');
    const slots = (await (await fetch(`${server.base}/api/centres/gh-accra/slots?date=2026-11-25`)).json()) as { slots: { start: string; free: number }[] };
    const free = slots.slots.filter((s) => s.free > 0).at(-1)!;
    const booked = await fetch(`${server.base}/api/appointments`, { method: 'POST', headers: { authorization: `Bearer ${accra}`, 'content-type': 'application/json' }, body: JSON.stringify({ start: free.start, name: STAFF_BOOKED_NAME, contact: '+233 20 999 8888' }) });
    expect(booked.status).toBe(201);

    // The day before the appointments: C's reminder goes out (D cancelled; the staff booking has no chat to remind).
    core.clock.advance(Date.parse('2026-11-24T10:00:30Z') - core.clock.now().getTime());
    await core.jobs.tick();
    admin = await login('admin@example.org');
    accra = await login('efua@accra.example');
    cairo = await login('nour@cairo.example');
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  const turnsOf = (...people: (typeof A)[]) => SAID.filter(([p]) => people.includes(p)).reduce((n, [, , texts]) => n + texts.length, 0);

  it('counts the seeded day exactly', async () => {
    const r = await report(admin, 'from=2026-11-23&to=2026-11-24');
    expect(r.centreId).toBeNull();
    expect(r.days.map((d) => d.day)).toEqual(['2026-11-23', '2026-11-24']);
    expect(r.totals).toEqual({
      turns: turnsOf(A, B, C, D, E), conversations: 5, people: 5,
      questions: 5, answered: 4, declined: 1, choices: 0, danger: 1,
      handoffsOpened: 1, handoffsReplied: 1, handoffsClosed: 1, firstReplyMedianSeconds: 300,
      bookingsMade: 3, bookingsCancelled: 1, remindersSent: 1,
    });
    const [first, second] = r.days;
    expect(first).toMatchObject({ turns: turnsOf(A, B, C, D, E), people: 5, bookingsMade: 3, remindersSent: 0 });
    expect(second).toMatchObject({ turns: 0, people: 0, remindersSent: 1, bookingsMade: 0 });
    expect(r.weeks).toEqual([{ week: '2026-W48', from: '2026-11-23', to: '2026-11-24', turns: turnsOf(A, B, C, D, E), conversations: 5, people: 5 }]);
    expect(r.byChannel).toEqual([
      { channel: 'telegram', turns: turnsOf(B, D, E), conversations: 3, people: 3 },
      { channel: 'whatsapp', turns: turnsOf(A, C), conversations: 2, people: 2 },
    ]);
    expect(r.byLanguage).toEqual([
      { lang: 'en', turns: turnsOf(A, C, D, E), conversations: 4, people: 4 },
      { lang: 'fr', turns: turnsOf(B), conversations: 1, people: 1 },
    ]);
    expect(r.byCountry).toEqual([
      { country: 'GH', turns: turnsOf(A, B, C, D), conversations: 4, people: 4 },
      { country: 'EG', turns: turnsOf(E), conversations: 1, people: 1 },
    ]);
    expect(r.topics).toEqual([
      { topic: 'visa-application', count: 3 },
      { topic: 'risks-trafficking', count: 1 },
    ]);
    expect(r.danger).toEqual([{ category: 'exploitation', count: 1 }]);
  });

  it('shows an advisor their own centre only, and an admin one centre or all', async () => {
    const own = await report(accra, 'from=2026-11-23&to=2026-11-24');
    expect(own.centreId).toBe('gh-accra');
    expect(own.totals).toMatchObject({ turns: turnsOf(A, B, C, D), people: 4, handoffsOpened: 1, handoffsClosed: 1, bookingsMade: 3, bookingsCancelled: 1, remindersSent: 1 });
    expect(own.byCountry.map((c) => c.country)).toEqual(['GH']);
    expect(await report(accra, 'from=2026-11-23&to=2026-11-24&centreId=gh-accra')).toEqual(own);
    expect((await get(accra, 'from=2026-11-23&to=2026-11-24&centreId=eg-cairo')).status).toBe(403);
    expect((await get(cairo, 'from=2026-11-23&to=2026-11-24&centreId=gh-accra')).status).toBe(403);

    const cairoOwn = await report(cairo, 'from=2026-11-23&to=2026-11-24');
    expect(cairoOwn.totals).toMatchObject({ turns: turnsOf(E), people: 1, questions: 1, answered: 1, handoffsOpened: 0, bookingsMade: 0 });
    expect(await report(admin, 'from=2026-11-23&to=2026-11-24&centreId=eg-cairo')).toEqual({ ...cairoOwn });
    expect((await report(admin, 'from=2026-11-23&to=2026-11-24&centreId=gh-accra')).totals).toEqual(own.totals);
  });

  it('refuses what is not a report request, with what to send', async () => {
    const bad = ['', 'from=2026-11-23', 'from=2026-11-24&to=2026-11-23', 'from=2026-02-30&to=2026-03-01', 'from=2025-01-01&to=2026-11-23', 'from=2026-11-23&to=2026-11-24&format=xml', 'from=2026-11-23&to=2026-11-24&centreId=xx-nowhere'];
    for (const query of bad) {
      const res = await get(admin, query);
      expect(res.status, query).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(/\w/);
    }
    expect((await fetch(`${server.base}/api/reports?from=2026-11-23&to=2026-11-24`)).status).toBe(401);
  });

  it('exports the same numbers as CSV', async () => {
    const json = await report(admin, 'from=2026-11-23&to=2026-11-24');
    const res = await get(admin, 'from=2026-11-23&to=2026-11-24&format=csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="wegweiser-report-all-2026-11-23-2026-11-24\.csv"/);
    const [header, ...lines] = (await res.text()).trimEnd().split('\r\n');
    expect(header).toBe('section,key,measure,value');
    const fromCsv = lines.map((l) => l.split(','));
    const expected: string[][] = [];
    const add = (section: string, key: string, counts: object) => {
      for (const [measure, value] of Object.entries(counts)) expected.push([section, key, measure, value === null ? '' : String(value)]);
    };
    add('total', '', json.totals);
    for (const { day, ...counts } of json.days) add('day', day, counts);
    for (const { week, from: _f, to: _t, ...counts } of json.weeks) add('week', week, counts);
    for (const { channel, ...counts } of json.byChannel) add('channel', channel, counts);
    for (const { lang, ...counts } of json.byLanguage) add('language', lang, counts);
    for (const { country, ...counts } of json.byCountry) add('country', country, counts);
    for (const { topic, count } of json.topics) add('topic', topic, { count });
    for (const { category, count } of json.danger) add('danger', category, { count });
    expect(fromCsv).toEqual(expected);
  });

  it('holds no text, name or address of anyone, in the JSON, the CSV or the table behind them', async () => {
    const outputs = [await (await get(admin, 'from=2026-11-23&to=2026-11-24')).text(), await (await get(admin, 'from=2026-11-23&to=2026-11-24&format=csv')).text()];
    const rows = JSON.stringify((await server.core.storage.inspect()).report_events);
    const traces = [...SAID.flatMap(([p, , texts]) => [p.user, ...texts.filter((t) => t.length > 4)]), ADVISOR_REPLY, STAFF_BOOKED_NAME, 'Kofi', 'Yaa Asantewaa', '111 2222', '999 8888'];
    for (const out of [...outputs, rows]) for (const trace of traces) expect(out.includes(trace), `holds "${trace}"`).toBe(false);
  });
});

describe('how a question went, for reports', () => {
  const meta = (extra: object) => ({ ...emptyMeta('main'), ...extra });
  it('reads the knowledge outcome where a turn carries one, and derives it where not', () => {
    expect(questionOutcome(meta({ knowledge: { outcome: 'choices', topics: [] } }))).toBe('choices');
    expect(questionOutcome(meta({ knowledge: { outcome: 'low', topics: [] }, topic: 'visa-work' }))).toBe('answered');
    expect(questionOutcome(meta({ knowledge: { outcome: 'declined', topics: [] }, understood: false }))).toBe('declined');
    expect(questionOutcome(meta({ knowledge: null, understood: false }))).toBeNull(); // a miss that was no question
    // A turn from before TurnMeta carried `knowledge` (no such key): derived from the topic and understood.
    const older = (extra: object) => {
      const { knowledge: _knowledge, ...rest } = meta(extra) as ReturnType<typeof meta> & { knowledge?: unknown };
      return rest as Parameters<typeof questionOutcome>[0];
    };
    expect(questionOutcome(older({ topic: 'visa-work' }))).toBe('answered');
    expect(questionOutcome(older({ understood: false }))).toBe('declined');
    expect(questionOutcome(older({}))).toBeNull();
  });
});
