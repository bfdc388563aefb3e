/**
 * Crash safety: the server is killed with SIGKILL in the middle of concurrent bookings and
 * conversations, then started again on the same database. Every booking confirmed to someone
 * (a 201 that reached the client) is there, none is doubled, and every conversation's state is
 * whole and carries on.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrateState } from '../src/core/state.js';
import { ROOT } from '../src/paths.js';
import { SqliteDatabase } from '../src/storage/sqlite/driver.js';
import { runCli } from './support/run-cli.js';
import { twilioSignature } from './support/twilio-signature.js';
import { freePort } from './support/free-port.js';

const TOKEN = 'crash-twilio-token';

function start(dataDir: string, port: number): { child: ChildProcess; ready: Promise<void> } {
  // node itself runs the server (tsx as a loader): SIGKILL must reach the server, not a wrapper
  // process that would leave it running.
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/server/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
      TWILIO_ACCOUNT_SID: 'AC' + '4'.repeat(32), TWILIO_AUTH_TOKEN: TOKEN, TWILIO_WHATSAPP_FROM: 'whatsapp:+14155238886',
    },
    stdio: 'ignore',
  });
  const ready = (async () => {
    for (let i = 0; i < 600; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return;
      } catch {
        /* not yet */
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the server did not start');
  })();
  return { child, ready };
}

function whatsapp(base: string, n: number, person: number, body: string): Promise<Response> {
  const params: Record<string, string> = { MessageSid: `SM${String(n).padStart(32, '0')}`, AccountSid: 'AC' + '4'.repeat(32), From: `whatsapp:+2332000${String(person).padStart(5, '0')}`, To: 'whatsapp:+14155238886', Body: body, NumMedia: '0' };
  const url = `${base}/webhooks/whatsapp`;
  const signature = twilioSignature(TOKEN, url, params);
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature }, body: new URLSearchParams(params) });
}

describe('crash safety', () => {
  it('keeps every confirmed booking, doubles none, and keeps conversations whole across a SIGKILL', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'wegweiser-crash-'));
    expect((await runCli(['staff', 'add', '--email', 'crash@accra.example', '--password', 'correct horse battery', '--centre', 'gh-accra', '--role', 'advisor'], '', { DATA_DIR: dataDir })).code).toBe(0);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const first = start(dataDir, port);
    await first.ready;
    const { token } = (await (await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'crash@accra.example', password: 'correct horse battery' }) })).json()) as { token: string };

    // Free slots over the next days, from the server itself.
    const slots: string[] = [];
    for (let d = 2; slots.length < 40 && d < 20; d++) {
      const date = new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);
      const body = (await (await fetch(`${base}/api/centres/gh-accra/slots?date=${date}`)).json()) as { slots: { start: string }[] };
      slots.push(...body.slots.map((s) => s.start));
    }
    const confirmed: string[] = [];
    // Each slot is asked for twice, so doubling would show.
    const bookings = [...slots, ...slots].map((start, i) =>
      fetch(`${base}/api/appointments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ centreId: 'gh-accra', start, name: `Person ${i}`, contact: `+233 20 000 ${String(i).padStart(4, '0')}` }),
      })
        .then(async (res) => {
          if (res.status === 201) confirmed.push(((await res.json()) as { id: string }).id);
        })
        .catch(() => undefined),
    );
    let answered = 0;
    const turns = Array.from({ length: 60 }, (_, i) =>
      whatsapp(base, i, i % 15, i % 15 === i ? 'hello' : String((i % 5) + 1))
        .then(() => void (answered += 1))
        .catch(() => undefined),
    );
    // The kill comes while both are under way: some answered, others still in flight.
    for (let t = 0; t < 100 && (answered < 5 || confirmed.length < 5); t++) await new Promise((r) => setTimeout(r, 20));
    const exited = new Promise((r) => first.child.once('exit', r));
    first.child.kill('SIGKILL');
    await exited;
    await Promise.all([...bookings, ...turns]);
    await expect(fetch(`${base}/healthz`)).rejects.toThrow(); // really gone: nothing answers on its port

    const second = start(dataDir, port);
    await second.ready;
    try {
      const listed = (await (await fetch(`${base}/api/appointments`, { headers: { authorization: `Bearer ${token}` } })).json()) as { appointments: { id: string; start: string; status: string }[] };
      const booked = listed.appointments.filter((a) => a.status === 'booked');
      for (const id of confirmed) expect(booked.map((a) => a.id)).toContain(id);
      expect(new Set(booked.map((a) => a.start)).size).toBe(booked.length); // capacity 1: one booking per slot
      const db = await SqliteDatabase.open(join(dataDir, 'wegweiser.sqlite'));
      expect(await db.get<{ journal_mode: string }>('PRAGMA journal_mode')).toEqual({ journal_mode: 'wal' });
      const states = await db.all<{ id: string; state: string }>('SELECT id, state FROM conversations');
      for (const row of states) expect(migrateState(JSON.parse(row.state)), row.id).not.toBeNull();
      await db.close();
      const after = await whatsapp(base, 1000, 1, 'hello');
      expect(await after.text()).toContain('What would you like to know?');
      console.log(`crash test: ${confirmed.length} bookings confirmed before the kill, ${booked.length} booked after the restart, ${states.length} conversations whole`);
    } finally {
      second.child.kill('SIGTERM');
    }
  }, 120_000);
});
