/**
 * `npm run --silent chat -- --jsonl`: conversations tested from outside, one JSON line in and one
 * out per turn, with the turn's metadata (what is asked next, the topic, the danger, the booking).
 * Driven as a simulator drives it: the command held open, a line at a time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startJsonChat, type JsonChat } from './support/run-cli.js';

const NOW = '2026-12-07T09:00:00Z'; // a Monday

type Result = Record<string, unknown> & { options: { id: string; label: string }[]; texts: string[] };

describe('chat --jsonl', () => {
  let chat: JsonChat;
  const send = async (input: object) => (await chat.send(input)) as Result;

  beforeAll(() => {
    chat = startJsonChat(['--now', NOW, '--channel', 'whatsapp']);
  });
  afterAll(async () => {
    expect(await chat.close()).toBe(0);
  });

  it('answers a menu tap with the next menu, numbered as WhatsApp shows it and listed in options', async () => {
    const r = await send({ person: 'menu', tap: 'main.menu:regular' });
    expect(r).toMatchObject({ person: 'menu', flow: 'regular', asking: 'choice', lang: 'en', understood: true, topic: null, safety: null, centre: null, handoff: null, appointment: null, cancelled: null });
    expect(r.options.map((o) => o.id)).toContain('regular.menu:work');
    expect(r.texts.at(-1)).toMatch(/^1\. /m);
  }, 120_000); // the first answer waits for the knowledge base to load

  it('names the topic a question was answered with', async () => {
    const r = await send({ person: 'question', text: 'What is the EU Blue Card?' });
    expect(r).toMatchObject({ flow: 'main', asking: 'choice', understood: true, topic: 'work-eu-blue-card' });
  });

  it('names the danger a message describes and offers a person: where first', async () => {
    const r = await send({ person: 'danger', text: 'My employer took my passport and locks me in at night' });
    expect(r).toMatchObject({ safety: 'exploitation', flow: 'handoff', asking: 'place', handoff: null });
  });

  it('books at Accra through taps: the reference and the local time in the centre’s zone', async () => {
    const p = 'accra';
    expect(await send({ person: p, tap: 'main.menu:centre' })).toMatchObject({ flow: 'centres', asking: 'choice' });
    expect(await send({ person: p, tap: 'centres.menu:find' })).toMatchObject({ asking: 'place' });
    const offer = await send({ person: p, text: 'Accra' });
    expect(offer).toMatchObject({ asking: 'choice', centre: 'gh-accra' });
    const days = await send({ person: p, tap: 'centres.offer:gh-accra' });
    expect(days).toMatchObject({ flow: 'booking', asking: 'day', centre: 'gh-accra' });
    expect(days.options[0]!.id).toBe('booking.choose-day:2026-12-08');
    const times = await send({ person: p, tap: days.options[0]!.id });
    expect(times).toMatchObject({ asking: 'time' });
    const start = times.options[0]!.id.slice('booking.choose-time:'.length);
    expect(await send({ person: p, tap: times.options[0]!.id })).toMatchObject({ asking: 'name' });
    expect(await send({ person: p, text: 'Abena Mensah' })).toMatchObject({ asking: 'contact' });
    expect(await send({ person: p, text: '+233 24 123 4567' })).toMatchObject({ asking: 'confirm' });
    const booked = await send({ person: p, tap: 'booking.confirm:yes' });
    const appointment = booked.appointment as { reference: string; centre: string; local: string };
    expect(appointment.centre).toBe('gh-accra');
    expect(appointment.reference).toMatch(/^[A-Z0-9]{4,}$/);
    expect(booked.texts.join('\n')).toContain(appointment.reference);
    // Accra keeps UTC all year: the local time is the slot's start.
    expect(appointment.local).toBe(start.slice(0, 16));
    expect(appointment.local).toMatch(/^2026-12-08T\d\d:\d\d$/);
    expect(booked).toMatchObject({ flow: 'main', asking: null, understood: true }); // ends on the confirmation: nothing asked
  });

  it('gives the local time of a booking in the centre’s own zone (Lahore, UTC+5)', async () => {
    const p = 'lahore';
    await send({ person: p, tap: 'main.menu:centre' });
    await send({ person: p, tap: 'centres.menu:find' });
    await send({ person: p, text: 'Lahore' });
    const days = await send({ person: p, tap: 'centres.offer:pk-lahore' });
    const times = await send({ person: p, tap: days.options[0]!.id });
    const start = new Date(times.options[0]!.id.slice('booking.choose-time:'.length));
    await send({ person: p, tap: times.options[0]!.id });
    await send({ person: p, text: 'Usman Ghani' });
    await send({ person: p, text: '0300 1234567' });
    const booked = await send({ person: p, tap: 'booking.confirm:yes' });
    const inLahore = new Date(start.getTime() + 5 * 3600_000).toISOString().slice(0, 16);
    expect(booked.appointment).toMatchObject({ centre: 'pk-lahore', local: inLahore });
    const reference = (booked.appointment as { reference: string }).reference;
    await send({ person: p, tap: 'main.menu:centre' });
    expect(await send({ person: p, tap: 'centres.menu:mine' })).toMatchObject({ asking: 'choice', cancelled: null });
    expect(await send({ person: p, tap: 'centres.mine-options:cancel' })).toMatchObject({ cancelled: reference, flow: 'main' });
  });

  it('fills the appointment of a request at a centre whose hours are not confirmed, with requested: true (Amman, UTC+3)', async () => {
    const p = 'amman';
    const name = await send({ person: p, text: 'I would like an appointment at the Amman centre on Tuesday at 1pm' });
    expect(name).toMatchObject({ flow: 'booking', asking: 'name', centre: 'jo-amman' });
    expect(name.texts.join('\n')).toContain('this is an appointment request');
    await send({ person: p, text: 'Rami Haddad' });
    const confirm = await send({ person: p, text: '+962 79 555 1234' });
    expect(confirm).toMatchObject({ asking: 'confirm' });
    expect(confirm.texts.join('\n')).toContain('This is a request');
    const requested = await send({ person: p, tap: 'booking.confirm:yes' });
    expect(requested.appointment).toMatchObject({ centre: 'jo-amman', local: '2026-12-08T13:00', requested: true });
    expect(requested.texts.join('\n')).toContain('Your appointment request is sent');
  });

  it('names the centre a handoff was opened to; then nothing of ours is asked', async () => {
    const p = 'human';
    expect(await send({ person: p, tap: 'main.menu:human' })).toMatchObject({ flow: 'handoff', asking: 'place' });
    expect(await send({ person: p, text: 'Accra' })).toMatchObject({ asking: 'confirm', centre: 'gh-accra', handoff: null });
    expect(await send({ person: p, tap: 'handoff.confirm:yes' })).toMatchObject({ handoff: 'gh-accra', flow: 'handoff', asking: null });
  });

  it('names the advisor request withdrawn while waiting as what was cancelled', async () => {
    const p = 'human-withdrawn';
    expect(await send({ person: p, tap: 'main.menu:human' })).toMatchObject({ asking: 'place' });
    expect(await send({ person: p, text: 'Accra' })).toMatchObject({ asking: 'confirm' });
    expect(await send({ person: p, tap: 'handoff.confirm:yes' })).toMatchObject({ handoff: 'gh-accra', cancelled: null });
    const r = await send({ person: p, text: 'never mind, cancel it please' });
    expect(r).toMatchObject({ flow: 'main', asking: 'choice', handoff: null });
    expect(typeof r.cancelled).toBe('string');
  });

  it('takes an advisor request back when the person says so in words while waiting', async () => {
    const p = 'human-taken-back';
    await send({ person: p, tap: 'main.menu:human' });
    await send({ person: p, text: 'Accra' });
    expect(await send({ person: p, tap: 'handoff.confirm:yes' })).toMatchObject({ handoff: 'gh-accra' });
    const r = await send({ person: p, text: 'no wahala, I no need am again. I found the answer' });
    expect(r).toMatchObject({ flow: 'main', handoff: null });
    expect(typeof r.cancelled).toBe('string');
  });

  it('says when it did not understand', async () => {
    expect(await send({ person: 'question', text: 'zqxj vbnm plok' })).toMatchObject({ understood: false, topic: null, asking: 'choice' });
  });

  it('holds two persons apart in one process', async () => {
    await send({ person: 'ama', text: 'bonjour' });
    await send({ person: 'kofi', text: 'hello' });
    expect(await send({ person: 'ama', tap: 'main.menu:centre' })).toMatchObject({ person: 'ama', lang: 'fr', flow: 'centres' });
    expect(await send({ person: 'kofi', tap: 'main.menu:risks' })).toMatchObject({ person: 'kofi', lang: 'en', flow: 'risks' });
    expect(await send({ person: 'ama', tap: 'centres.menu:find' })).toMatchObject({ person: 'ama', asking: 'place' });
  });

  it('answers a line it cannot read with an error and carries on', async () => {
    expect(await chat.send({ tap: 'x', text: 'y' })).toEqual({ error: 'give exactly one of "text", "tap" or "location"' });
    expect(await send({ person: 'question', location: { lat: 5.6, lon: -0.19 } })).toMatchObject({ centre: 'gh-accra', asking: 'choice' });
  });
});

describe('chat --jsonl options', () => {
  it('refuses an unknown channel and a --now that is no time', async () => {
    expect((await runCli(['chat', '--jsonl', '--channel', 'fax'])).code).toBe(2);
    expect((await runCli(['chat', '--jsonl', '--now', 'tuesday'])).stderr).toContain('--now');
  });
});
