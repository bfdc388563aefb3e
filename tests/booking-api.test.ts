/**
 * The booking API on the running server: centres, nearest centre by coordinates and by a typed
 * town in several scripts, slots in the centre's time zone, staff sign-in, authorisation by
 * centre, and no double booking under 20 concurrent requests for one slot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type RunningServer } from './support/server.js';

let server: RunningServer;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer({});
  await server.core.auth.create({ email: 'ama@accra.example', password: 'correct horse battery', centreId: 'gh-accra', role: 'advisor' });
  await server.core.auth.create({ email: 'omar@cairo.example', password: 'correct horse battery', centreId: 'eg-cairo', role: 'advisor' });
  await server.core.auth.create({ email: 'admin@example.org', password: 'correct horse battery', centreId: 'gh-accra', role: 'admin' });
  for (const email of ['ama@accra.example', 'omar@cairo.example', 'admin@example.org']) {
    const res = await fetch(`${server.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'correct horse battery' }) });
    tokens[email] = ((await res.json()) as { token: string }).token;
  }
});
afterAll(async () => server.close());

const api = (path: string, init: RequestInit & { as?: string } = {}) =>
  fetch(`${server.base}${path}`, {
    ...init,
    headers: { ...(init.body ? { 'content-type': 'application/json' } : {}), ...(init.as ? { authorization: `Bearer ${tokens[init.as]}` } : {}) },
  });

describe('centres', () => {
  it('lists the centres with their status', async () => {
    const { centres } = (await (await api('/api/centres')).json()) as { centres: { id: string; status: string }[] };
    expect(centres.length).toBeGreaterThanOrEqual(17);
    expect(centres.find((c) => c.id === 'sn-dakar')?.status).toBe('handed-over');
    expect(centres.find((c) => c.id === 'gh-accra')?.status).toBe('active');
  });

  it('sorts the nearest active centres by distance from coordinates', async () => {
    const res = (await (await api('/api/centres/nearest?lat=6.69&lon=-1.62')).json()) as { centres: { id: string; distanceKm: number }[] };
    expect(res.centres[0]).toMatchObject({ id: 'gh-accra' });
    expect(res.centres[0]!.distanceKm).toBeGreaterThan(150);
    expect(res.centres[0]!.distanceKm).toBeLessThan(250);
    const d = res.centres.map((c) => c.distanceKm);
    expect([...d].sort((a, b) => a - b)).toEqual(d);
  });

  it('finds a typed town or country in several scripts', async () => {
    const nearest = async (q: string) => ((await (await api(`/api/centres/nearest?q=${encodeURIComponent(q)}`)).json()) as { centres: { id: string }[] }).centres[0]?.id;
    expect(await nearest('Kumasi')).toBe('gh-accra');
    expect(await nearest('القاهرة')).toBe('eg-cairo');
    expect(await nearest('Lahore')).toBe('pk-lahore');
    expect(await nearest('Pakistan')).toBe('pk-lahore');
    expect(await nearest('Benin City')).toBe('ng-benin-city');
    expect(await nearest('Sfax')).toBe('tn-sfax');
    // A town in a country without a centre leads to none across the border (Oran is 600 km from Rabat, the border closed).
    expect(await nearest('Oran')).toBeUndefined();
    expect((await api('/api/centres/nearest?q=Qwertzuiop')).status).toBe(404);
    expect((await api('/api/centres/nearest?lat=100&lon=0')).status).toBe(400);
  });

  it("gives slots in the centre's own time zone, after the lead time", async () => {
    const { slots } = (await (await api('/api/centres/pk-lahore/slots?date=2026-11-25')).json()) as { slots: { start: string; local: string }[] };
    expect(slots[0]).toEqual({ start: '2026-11-25T04:00:00Z', local: '09:00', free: 1 });
    expect(slots).toHaveLength(12);
    const today = (await (await api('/api/centres/gh-accra/slots?date=2026-11-23')).json()) as { slots: unknown[] };
    expect(today.slots).toEqual([]);
    expect((await api('/api/centres/gh-accra/slots?date=tomorrow')).status).toBe(400);
    expect((await api('/api/centres/xx-nowhere/slots?date=2026-11-25')).status).toBe(404);
  });
});

describe('appointments', () => {
  const slot = { centreId: 'gh-accra', start: '2026-11-26T10:00:00Z', name: 'Kofi', contact: '+233 20 000 0000' };

  it('books exactly one of 20 concurrent requests for one slot; 19 get 409', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => api('/api/appointments', { method: 'POST', as: 'ama@accra.example', body: JSON.stringify(slot) })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const { appointments } = (await (await api('/api/appointments?date=2026-11-26', { as: 'ama@accra.example' })).json()) as { appointments: { start: string; status: string }[] };
    expect(appointments.filter((a) => a.start === slot.start && a.status === 'booked')).toHaveLength(1);
  });

  it('offers the next free slots with a 409', async () => {
    const res = await api('/api/appointments', { method: 'POST', as: 'ama@accra.example', body: JSON.stringify(slot) });
    expect(res.status).toBe(409);
    const { alternatives } = (await res.json()) as { alternatives: { start: string }[] };
    expect(alternatives[0]!.start).toBe('2026-11-26T10:30:00Z');
  });

  it('lets advisors act on their own centre only, admins on all; no token is 401', async () => {
    const other = { ...slot, centreId: 'eg-cairo', start: '2026-11-25T07:00:00Z' };
    expect((await api('/api/appointments', { method: 'POST', as: 'ama@accra.example', body: JSON.stringify(other) })).status).toBe(403);
    expect((await api('/api/appointments?centreId=eg-cairo', { as: 'ama@accra.example' })).status).toBe(403);
    expect((await api('/api/appointments', { method: 'POST', body: JSON.stringify(other) })).status).toBe(401);
    const booked = await api('/api/appointments', { method: 'POST', as: 'admin@example.org', body: JSON.stringify(other) });
    expect(booked.status).toBe(201);
    const { id } = (await booked.json()) as { id: string };
    expect((await api(`/api/appointments/${id}`, { method: 'DELETE', as: 'ama@accra.example' })).status).toBe(403);
    expect((await api(`/api/appointments/${id}`, { method: 'DELETE', as: 'omar@cairo.example' })).status).toBe(204);
    const again = await api('/api/appointments', { method: 'POST', as: 'omar@cairo.example', body: JSON.stringify(other) });
    expect(again.status).toBe(201); // the cancelled slot is free again
  });

  it('rejects bad bookings with the reason', async () => {
    const bad = async (body: object) => (await api('/api/appointments', { method: 'POST', as: 'admin@example.org', body: JSON.stringify(body) })).json() as Promise<{ error: string }>;
    expect((await bad({ ...slot, start: '2026-11-26T10:10:00Z' })).error).toMatch(/not a bookable slot/);
    expect((await bad({ ...slot, centreId: 'af-kabul', start: '2026-11-26T10:00:00Z' })).error).toMatch(/does not take appointments/);
    expect((await bad({ ...slot, name: '' })).error).toMatch(/name/);
  });

  it('shows a request made in the chat as requested until staff confirm it; staff booking there book outright', async () => {
    const at = { centreId: 'xk-pristina', start: '2026-11-26T09:00:00Z', name: 'Arben', contact: '+383 44 000 000' };
    const chat = await server.core.booking.book({ ...at, conversationId: 'whatsapp:38344000000', createdBy: 'chat' });
    expect(chat).toMatchObject({ status: 'booked', appointment: { requested: true } });
    const id = chat.status === 'booked' ? chat.appointment.id : '';
    const list = async () => ((await (await api('/api/appointments?centreId=xk-pristina&date=2026-11-26', { as: 'admin@example.org' })).json()) as { appointments: { id: string; requested: boolean }[] }).appointments;
    expect((await list()).find((a) => a.id === id)?.requested).toBe(true);
    expect((await api(`/api/appointments/${id}/confirm`, { method: 'POST', as: 'ama@accra.example' })).status).toBe(403);
    expect((await api(`/api/appointments/${id}/confirm`, { method: 'POST', as: 'admin@example.org' })).status).toBe(200);
    expect((await list()).find((a) => a.id === id)?.requested).toBe(false);
    expect((await api(`/api/appointments/${id}/confirm`, { method: 'POST', as: 'admin@example.org' })).status).toBe(409);
    const staffMade = await api('/api/appointments', { method: 'POST', as: 'admin@example.org', body: JSON.stringify({ ...at, start: '2026-11-26T09:30:00Z' }) });
    expect(staffMade.status).toBe(201);
    expect(((await staffMade.json()) as { requested: boolean }).requested).toBe(false);
  });

  it('signs in with the right password only, and writes staff actions to the audit log', async () => {
    const wrong = await fetch(`${server.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'ama@accra.example', password: 'wrong' }) });
    expect(wrong.status).toBe(401);
    const log = await server.core.storage.staff.auditLog(50);
    expect(log.map((e) => e.action)).toEqual(expect.arrayContaining(['login', 'appointment.book', 'appointment.cancel', 'staff.add']));
  });
});

describe('calendar file', () => {
  it('gives an .ics for a booked appointment, without personal details', async () => {
    const booked = await api('/api/appointments', { method: 'POST', as: 'ama@accra.example', body: JSON.stringify({ centreId: 'gh-accra', start: '2026-11-27T09:00:00Z', name: 'Yaa', contact: 'yaa@example.org' }) });
    const { reference } = (await booked.json()) as { reference: string };
    const res = await fetch(`${server.base}/appointments/${reference}.ics`);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    const ics = await res.text();
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toContain('DTSTART:20261127T090000Z');
    expect(ics).not.toContain('Yaa');
    expect(ics).not.toContain('yaa@example.org');
    expect((await fetch(`${server.base}/appointments/ZZZZZZ.ics`)).status).toBe(404);
  });
});

describe('sign-in lockout', () => {
  it('locks an account after five wrong passwords, even for the right one, until the window passes', async () => {
    await server.core.auth.create({ email: 'lock@accra.example', password: 'correct horse battery', centreId: 'gh-accra', role: 'advisor' });
    const attempt = (password: string) => server.core.auth.login('lock@accra.example', password);
    for (let i = 0; i < 5; i++) expect((await attempt('guess')).status).toBe('wrong');
    expect(await attempt('correct horse battery')).toMatchObject({ status: 'locked', retryAfterSeconds: 900 });
    const res = await fetch(`${server.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'lock@accra.example', password: 'correct horse battery' }) });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('900');
    server.core.clock.advance(15 * 60_000 + 1000);
    expect((await attempt('correct horse battery')).status).toBe('ok');
  });
});
