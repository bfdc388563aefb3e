/**
 * What a staff member sees comes from their token, whatever the query says: an Accra advisor
 * asking with odd filters (empty, blank, other case, repeated, unknown) never gets another
 * centre's appointments or handoffs, and acts on none of them; an admin sees all. Handoffs reach
 * the console with an opaque id, never the person's conversation id (their phone number).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type RunningServer } from './support/server.js';

let server: RunningServer;
const tokens: Record<string, string> = {};
const ACCRA = 'ama@accra.example';
const TUNIS = 'hedi@tunis.example';
const ADMIN = 'root@example.org';
/** A Tunis booking with the person's name and number: what must never reach Accra. */
const TUNIS_BOOKING = { centreId: 'tn-tunis', start: '2026-11-26T09:00:00Z', name: 'Salma Ben Ali', contact: '+216 20 123 456' };
let tunisAppointmentId = '';
let tunisHandoffId = '';
let accraHandoffId = '';

beforeAll(async () => {
  server = await startTestServer({});
  const { core } = server;
  for (const [email, centreId, role] of [[ACCRA, 'gh-accra', 'advisor'], [TUNIS, 'tn-tunis', 'advisor'], [ADMIN, 'gh-accra', 'admin']] as const) {
    await core.auth.create({ email, password: 'correct horse battery', centreId, role });
    const session = await core.auth.login(email, 'correct horse battery');
    if (session.status !== 'ok') throw new Error('sign-in failed');
    tokens[email] = session.token;
  }
  const booked = await api('/api/appointments', { method: 'POST', as: TUNIS, body: JSON.stringify(TUNIS_BOOKING) });
  tunisAppointmentId = ((await booked.json()) as { id: string }).id;
  await api('/api/appointments', { method: 'POST', as: ACCRA, body: JSON.stringify({ centreId: 'gh-accra', start: '2026-11-26T10:00:00Z', name: 'Kofi', contact: '+233 20 000 0000' }) });

  // Two people on WhatsApp ask for an advisor: one near Tunis, one near Accra.
  core.senders.set('whatsapp', { send: async () => ({ status: 'sent' }) });
  for (const [user, place] of [['+21620111222', 'Tunis'], ['+233201112222', 'Accra']] as const) {
    for (const text of ['hello', 'talk to a person', place, '1']) await core.conversations.receive({ channel: 'whatsapp', user }, { kind: 'text', text });
  }
  const all = await core.handoffs.list({ id: 'x', email: 'x@example.org', centreId: 'gh-accra', role: 'admin' });
  tunisHandoffId = all.find((h) => h.centreId === 'tn-tunis')!.id;
  accraHandoffId = all.find((h) => h.centreId === 'gh-accra')!.id;
});
afterAll(async () => server.close());

function api(path: string, init: RequestInit & { as?: string } = {}) {
  return fetch(`${server.base}${path}`, {
    ...init,
    headers: { ...(init.body ? { 'content-type': 'application/json' } : {}), ...(init.as ? { authorization: `Bearer ${tokens[init.as]}` } : {}) },
  });
}

/** The odd ways a filter can be written; none may widen what an advisor sees. */
const ODD_FILTERS = ['centreId=', 'centreId=%20%20', 'centreId=', 'centreId=&date=2026-11-26', 'centreId=%20&date=2026-11-26', 'centreId', 'centreId=&centreId=', 'centreId[]=tn-tunis', 'centre_id=tn-tunis'];

describe('appointments are scoped by the token', () => {
  it('an advisor with an empty, blank or odd filter sees their own centre only', async () => {
    for (const query of ['', ...ODD_FILTERS, 'centreId=GH-ACCRA', 'centreId=%20gh-accra%20', 'centreId=gh-accra&centreId=gh-accra']) {
      const res = await api(`/api/appointments?${query}`, { as: ACCRA });
      expect(res.status, query).toBe(200);
      const text = await res.text();
      expect(text, query).not.toContain('Salma');
      expect(text, query).not.toContain('+216');
      const { appointments } = JSON.parse(text) as { appointments: { centreId: string }[] };
      expect(appointments.length, query).toBeGreaterThan(0);
      expect(new Set(appointments.map((a) => a.centreId)), query).toEqual(new Set(['gh-accra']));
    }
  });

  it('an advisor naming another centre, several centres or an unknown one gets no rows', async () => {
    for (const query of ['centreId=tn-tunis', 'centreId=TN-TUNIS', 'centreId=%20tn-tunis', 'centreId=tn-tunis&date=2026-11-26', 'centreId=gh-accra&centreId=tn-tunis', 'centreId=tn-tunis&centreId=gh-accra', 'centreId=xx-nowhere']) {
      const res = await api(`/api/appointments?${query}`, { as: ACCRA });
      expect([400, 403], query).toContain(res.status);
      expect(await res.text(), query).not.toContain('Salma');
    }
    expect((await api('/api/appointments?centreId=tn-tunis', { as: ACCRA })).status).toBe(403);
    expect((await api('/api/appointments?date=2026-11-26&date=2026-11-27', { as: ACCRA })).status).toBe(400);
  });

  it('an admin sees every centre, or the one asked for', async () => {
    const all = (await (await api('/api/appointments?centreId=', { as: ADMIN })).json()) as { appointments: { centreId: string }[] };
    expect(new Set(all.appointments.map((a) => a.centreId))).toEqual(new Set(['gh-accra', 'tn-tunis']));
    const tunis = (await (await api('/api/appointments?centreId=%20TN-Tunis', { as: ADMIN })).json()) as { appointments: { centreId: string }[] };
    expect(tunis.appointments.map((a) => a.centreId)).toEqual(['tn-tunis']);
    expect(await (await api('/api/appointments?centreId=xx-nowhere', { as: ADMIN })).json()).toEqual({ appointments: [] });
  });

  it('an advisor books for their own centre only, however the centre is written', async () => {
    const book = (centreId: unknown, start: string) =>
      api('/api/appointments', { method: 'POST', as: ACCRA, body: JSON.stringify({ centreId, start, name: 'Efua', contact: '+233 24 000 0000' }) });
    for (const centreId of ['tn-tunis', 'TN-TUNIS', ' tn-tunis ']) expect((await book(centreId, '2026-11-26T09:00:00Z')).status, centreId).toBe(403);
    for (const centreId of [['gh-accra', 'tn-tunis'], 42, 'xx-nowhere']) expect([400, 403], String(centreId)).toContain((await book(centreId, '2026-11-26T09:00:00Z')).status);
    const own = await book(' GH-Accra ', '2026-11-26T11:00:00Z');
    expect(own.status).toBe(201);
    expect(((await own.json()) as { centreId: string }).centreId).toBe('gh-accra');
    const tunis = (await (await api('/api/appointments', { as: TUNIS })).json()) as { appointments: { name: string }[] };
    expect(tunis.appointments.map((a) => a.name)).toEqual(['Salma Ben Ali']);
  });

  it("an advisor cannot cancel another centre's appointment, whatever the query says", async () => {
    for (const query of ['', '?centreId=', '?centreId=tn-tunis', '?centreId=gh-accra']) {
      expect((await api(`/api/appointments/${tunisAppointmentId}${query}`, { method: 'DELETE', as: ACCRA })).status, query).toBe(403);
    }
    expect((await api('/api/appointments/%20', { method: 'DELETE', as: ACCRA })).status).toBe(404);
    const still = await server.core.storage.appointments.get(tunisAppointmentId);
    expect(still?.status).toBe('booked');
  });

  it('the public calendar file goes by reference only, and shows no personal details however it is asked for', async () => {
    const { reference } = (await server.core.storage.appointments.get(tunisAppointmentId))!;
    for (const path of [`${reference}.ics`, `${reference.toLowerCase()}.ics?centreId=`, `${reference}.ics?centreId=gh-accra&centreId=tn-tunis`]) {
      const res = await fetch(`${server.base}/appointments/${path}`);
      expect(res.status, path).toBe(200);
      const ics = await res.text();
      expect(ics, path).not.toContain('Salma');
      expect(ics, path).not.toContain('+216');
    }
    for (const path of ['%20.ics', `${reference}.ics.ics`, `${reference}X.ics`]) expect((await fetch(`${server.base}/appointments/${path}`)).status, path).toBe(404);
  });

  it('public slots answer odd centre ids and dates plainly', async () => {
    expect((await api('/api/centres/GH-ACCRA/slots?date=2026-11-26')).status).toBe(200);
    expect((await api('/api/centres/%20/slots?date=2026-11-26')).status).toBe(404);
    expect((await api('/api/centres/xx-nowhere/slots?date=2026-11-26')).status).toBe(404);
    expect((await api('/api/centres/gh-accra/slots?date=2026-11-26&date=2026-11-27')).status).toBe(400);
    const slots = await (await api('/api/centres/gh-accra/slots?date=2026-11-26')).text();
    expect(slots).not.toContain('Kofi');
  });
});

describe('handoffs are scoped by the token and carry no phone number', () => {
  it('an advisor sees their own centre, with odd filters too, and 403 for another', async () => {
    for (const query of ['', ...ODD_FILTERS, 'centreId=GH-ACCRA', 'status=', 'status=closed&status=open']) {
      const res = await api(`/api/handoffs?${query}`, { as: ACCRA });
      expect(res.status, query).toBe(200);
      const text = await res.text();
      expect(text, query).not.toContain('+216');
      expect(text, query).not.toContain(tunisHandoffId);
    }
    for (const query of ['centreId=tn-tunis', 'centreId=%20TN-TUNIS', 'centreId=gh-accra&centreId=tn-tunis']) {
      const res = await api(`/api/handoffs?${query}`, { as: ACCRA });
      expect([400, 403], query).toContain(res.status);
      expect(await res.text(), query).not.toContain('+216');
    }
  });

  it('never shows the conversation id (the phone number), to advisors or admins', async () => {
    for (const who of [ACCRA, ADMIN]) {
      const text = await (await api('/api/handoffs', { as: who })).text();
      expect(text).not.toMatch(/whatsapp:|\+233|\+216|conversationId/);
      const { handoffs } = JSON.parse(text) as { handoffs: { id: string }[] };
      expect(handoffs.map((h) => h.id)).toContain(accraHandoffId);
    }
  });

  it("an advisor can neither answer nor close another centre's handoff, by any id", async () => {
    const tunisHandoff = await server.core.storage.handoffs.get(tunisHandoffId);
    for (const id of [tunisHandoffId, encodeURIComponent(tunisHandoff!.conversationId), '%20', 'x'.repeat(90)]) {
      const reply = await api(`/api/handoffs/${id}/messages?centreId=`, { method: 'POST', as: ACCRA, body: JSON.stringify({ text: 'hi' }) });
      expect([403, 404], id).toContain(reply.status);
      const close = await api(`/api/handoffs/${id}/close?centreId=tn-tunis`, { method: 'POST', as: ACCRA, body: '{}' });
      expect([403, 404], id).toContain(close.status);
    }
    expect((await server.core.storage.handoffs.get(tunisHandoffId))?.status).toBe('open');
    expect((await server.core.storage.handoffs.messages(tunisHandoffId)).some((m) => m.sender === 'staff')).toBe(false);
  });

  it('answers and closes the own centre’s handoff by its opaque id', async () => {
    expect((await api(`/api/handoffs/${accraHandoffId}/messages`, { method: 'POST', as: ACCRA, body: JSON.stringify({ text: 'Hello from Accra' }) })).status).toBe(201);
    expect((await api(`/api/handoffs/${accraHandoffId}/close`, { method: 'POST', as: ACCRA, body: '{}' })).status).toBe(200);
    const closed = (await (await api('/api/handoffs?status=closed', { as: ACCRA })).json()) as { handoffs: { id: string }[] };
    expect(closed.handoffs.map((h) => h.id)).toEqual([accraHandoffId]);
  });
});
