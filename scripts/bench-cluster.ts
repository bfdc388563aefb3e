/**
 * `npm run bench:cluster`: three instances on one PostgreSQL + Redis, driven through the WhatsApp
 * webhook round-robin (as a load balancer would) by many simulated people, while a booking driver
 * asks for every slot twice on two instances. Halfway through, one instance is killed (SIGKILL);
 * the driver treats a refused connection as the load balancer's health check does and sends the
 * delivery again elsewhere, as Twilio retries. Afterwards the database is checked: every message
 * handled exactly once (turns counted in each person's state), every reply received, each
 * person's messages handled in the order sent, no slot booked beyond its capacity.
 *
 *   npm run bench:cluster                           30 s, 90 people at once
 *   npm run bench:cluster -- --seconds 20 --people 60 --no-kill
 *
 * PostgreSQL: BENCH_DATABASE_URL or TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test);
 * the run creates and drops its own database `wegweiser_bench`. Redis: BENCH_REDIS_URL or
 * TEST_REDIS_URL (default redis://127.0.0.1:6379), under a key prefix of its own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadCentres } from '../src/booking/centres.js';
import { PATHS } from '../src/paths.js';
import { freePort } from '../tests/support/free-port.js';
import { deleteKeys } from '../tests/support/services.js';
import { twilioSignature } from '../tests/support/twilio-signature.js';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '30' }, people: { type: 'string', default: '90' }, 'no-kill': { type: 'boolean', default: false } } });
const SECONDS = Number(values.seconds);
const PEOPLE = Number(values.people);
const ROOT = join(import.meta.dirname, '..');
const TWILIO_TOKEN = 'bench-cluster-token';
/** All instances sit behind one public URL: Twilio signs against it. */
const PUBLIC_URL = 'https://lb.bench.example';
const ADMIN_URL = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.BENCH_REDIS_URL || process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
const BENCH_DB = 'wegweiser_bench';
const PREFIX = `bench${Date.now()}`;
/** A person's conversation: menu turns and knowledge turns. */
const SCRIPT = ['hello', '1', 'what is the EU Blue Card?', 'menu', '2', 'is it safe to cross the sea by boat from libya'];
/** A person writing again a second later, before the reply came (a quick double message). */
const BURST_GAP_MS = 1000;
/** A delivery is given up after this long (Twilio gives up too). */
const GIVE_UP_MS = 120_000;

interface Instance {
  port: number;
  child: ChildProcess;
  up: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function databaseUrl(name: string): string {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Drops the bench's database, and creates it empty again unless `recreate` is false. */
async function resetDatabase(recreate = true): Promise<void> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
  if (recreate) await admin.query(`CREATE DATABASE ${BENCH_DB}`);
  await admin.end();
}

const env = (extra: Record<string, string>): NodeJS.ProcessEnv => ({
  ...process.env,
  DATABASE_URL: databaseUrl(BENCH_DB), REDIS_URL, REDIS_PREFIX: PREFIX, DATA_DIR: mkdtempSync(join(tmpdir(), 'bench-cluster-')), LOG_LEVEL: 'warn',
  PUBLIC_BASE_URL: PUBLIC_URL, TWILIO_ACCOUNT_SID: 'AC' + '7'.repeat(32), TWILIO_AUTH_TOKEN: TWILIO_TOKEN, TWILIO_WHATSAPP_FROM: 'whatsapp:+14155238886',
  TWILIO_API_BASE: 'http://127.0.0.1:9', // nothing starts on our side in this run; a send would fail fast
  ...extra,
});

function run(args: string[], extra: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), args, { cwd: ROOT, env: env(extra), stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}`))));
  });
}

async function startInstance(): Promise<Instance> {
  const port = await freePort();
  // node itself runs the server (tsx as a loader), so a kill reaches the server, not a wrapper.
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/server/main.ts')], { cwd: ROOT, env: env({ PORT: String(port), HOST: '127.0.0.1' }), stdio: ['ignore', 'ignore', 'inherit'] });
  const instance = { port, child, up: false };
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; await sleep(100)) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return { ...instance, up: true };
    } catch {
      /* not up yet */
    }
  }
  throw new Error(`instance on port ${port} did not start`);
}

// ---- the load balancer: round-robin over instances that are up; a refused connection marks one down

let next = 0;
function pick(instances: Instance[], not?: Instance): Instance {
  const up = instances.filter((i) => i.up && i !== not);
  const chosen = up.length ? up : instances.filter((i) => i.up);
  return chosen[next++ % chosen.length]!;
}

interface Delivery {
  person: number;
  index: number;
  text: string;
  sentAt: number;
  latencyMs?: number;
  attempts: number;
  reply?: string;
}

const stats = { attempts: 0, failedAttempts: 0, duplicatesSent: 0, duplicateMismatch: 0, latencies: [] as number[], done: [] as { at: number }[] };

function waId(person: number): string {
  return `2332${String(person).padStart(8, '0')}`;
}

async function deliver(instances: Instance[], d: Delivery, params: Record<string, string>, not?: Instance): Promise<{ body: string; via: Instance } | undefined> {
  const body = new URLSearchParams(params).toString();
  const signature = twilioSignature(TWILIO_TOKEN, `${PUBLIC_URL}/webhooks/whatsapp`, params);
  for (const deadline = Date.now() + GIVE_UP_MS; Date.now() < deadline; ) {
    const via = pick(instances, not);
    stats.attempts += 1;
    d.attempts += 1;
    try {
      const res = await fetch(`http://127.0.0.1:${via.port}/webhooks/whatsapp`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature }, body });
      const text = await res.text();
      if (res.status === 200) return { body: text, via };
      stats.failedAttempts += 1;
      await sleep(res.status === 503 ? 2000 : 200); // still being handled elsewhere: Twilio would wait too
    } catch {
      stats.failedAttempts += 1;
      via.up = false; // the load balancer's health check takes it out
      await sleep(50);
    }
  }
  return undefined;
}

async function send(instances: Instance[], d: Delivery): Promise<void> {
  const params = {
    MessageSid: `SM${String(d.person).padStart(8, '0')}${String(d.index).padStart(24, '0')}`, AccountSid: 'AC' + '7'.repeat(32),
    From: `whatsapp:+${waId(d.person)}`, To: 'whatsapp:+14155238886', WaId: waId(d.person), NumMedia: '0', Body: d.text,
  };
  const result = await deliver(instances, d, params);
  if (!result) return;
  d.reply = result.body;
  d.latencyMs = performance.now() - d.sentAt;
  stats.latencies.push(d.latencyMs);
  stats.done.push({ at: Date.now() });
  // Now and then Twilio delivers the same message again, to another instance: same answer, no new turn.
  if (Math.random() < 0.05) {
    stats.duplicatesSent += 1;
    const again = await deliver(instances, { ...d, attempts: 0 }, params, result.via);
    if (again && again.body !== result.body) stats.duplicateMismatch += 1;
  }
}

async function person(instances: Instance[], id: number, deliveries: Delivery[]): Promise<void> {
  const pending: Promise<void>[] = [];
  for (const [index, text] of SCRIPT.entries()) {
    const d: Delivery = { person: id, index, text, sentAt: performance.now(), attempts: 0 };
    deliveries.push(d);
    const sent = send(instances, d);
    pending.push(sent);
    // One message in five is followed soon by the next, without waiting for the reply.
    if (Math.random() < 0.2 && index < SCRIPT.length - 1) await sleep(BURST_GAP_MS);
    else await sent;
  }
  await Promise.all(pending);
}

// ---- bookings: every slot asked for twice, on two instances at once

async function bookings(instances: Instance[], token: string, until: number): Promise<{ asked: number; confirmed: string[] }> {
  const confirmed: string[] = [];
  let asked = 0;
  for (let day = 2; Date.now() < until && day < 40; day++) {
    const date = new Date(Date.now() + day * 86_400_000).toISOString().slice(0, 10);
    let slots: { start: string }[];
    try {
      slots = ((await (await fetch(`http://127.0.0.1:${pick(instances).port}/api/centres/gh-accra/slots?date=${date}`)).json()) as { slots: { start: string }[] }).slots;
    } catch {
      continue;
    }
    for (const slot of slots) {
      if (Date.now() >= until) break;
      const first = pick(instances);
      const both = [first, pick(instances, first)].map(async (via, i) => {
        asked += 1;
        try {
          const res = await fetch(`http://127.0.0.1:${via.port}/api/appointments`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ centreId: 'gh-accra', start: slot.start, name: `Bench person ${asked}`, contact: `+233 20 ${String(asked).padStart(7, '0')}${i}` }),
          });
          if (res.status === 201) confirmed.push(((await res.json()) as { id: string }).id);
        } catch {
          via.up = false;
        }
      });
      await Promise.all(both);
    }
  }
  return { asked, confirmed };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : NaN;
};

async function main(): Promise<void> {
  await resetDatabase();
  const startedAll = performance.now();
  await run(['src/cli.ts', 'staff', 'add', '--email', 'bench@accra.example', '--password', 'correct horse battery', '--centre', 'gh-accra', '--role', 'admin']);
  const instances = await Promise.all([startInstance(), startInstance(), startInstance()]);
  console.log(`3 instances up on ports ${instances.map((i) => i.port).join(', ')} in ${((performance.now() - startedAll) / 1000).toFixed(1)} s (PostgreSQL ${BENCH_DB}, Redis prefix ${PREFIX})`);
  const login = await fetch(`http://127.0.0.1:${instances[0]!.port}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bench@accra.example', password: 'correct horse battery' }) });
  const { token } = (await login.json()) as { token: string };

  const deliveries: Delivery[] = [];
  const started = Date.now();
  const until = started + SECONDS * 1000;
  let killedAt: number | undefined;
  const killer = values['no-kill']
    ? Promise.resolve()
    : sleep((SECONDS * 1000) / 2).then(() => {
        killedAt = Date.now();
        instances[1]!.child.kill('SIGKILL');
        console.log(`killed instance 2 (port ${instances[1]!.port}) at ${((killedAt - started) / 1000).toFixed(1)} s`);
      });
  let nextPerson = 0;
  const workers = Array.from({ length: PEOPLE }, async () => {
    while (Date.now() < until) await person(instances, nextPerson++, deliveries);
  });
  const booked = bookings(instances, token, until);
  await Promise.all([...workers, killer]);
  const { asked, confirmed } = await booked;

  // ---- checks, from the database itself
  const db = new pg.Client({ connectionString: databaseUrl(BENCH_DB) });
  await db.connect();
  const states = new Map<string, { turns: number; recent?: { from: string; text: string }[] }>();
  for (const row of (await db.query<{ id: string; state: string }>('SELECT id, state FROM conversations')).rows) states.set(row.id, JSON.parse(row.state));
  const capacity = loadCentres(PATHS.centres).find((c) => c.id === 'gh-accra')!.capacity;
  const over = (await db.query<{ n: string }>(`SELECT COALESCE(SUM(n - $1), 0) AS n FROM (SELECT COUNT(*) AS n FROM appointments WHERE status = 'booked' GROUP BY centre_id, start HAVING COUNT(*) > $1) t`, [capacity])).rows[0]!.n;
  const bookedIds = new Set((await db.query<{ id: string }>("SELECT id FROM appointments WHERE status = 'booked'")).rows.map((r) => r.id));
  await db.end();

  const byPerson = new Map<number, Delivery[]>();
  for (const d of deliveries) byPerson.set(d.person, [...(byPerson.get(d.person) ?? []), d]);
  let lostReplies = 0;
  let staleWithheld = 0;
  let lostTurns = 0;
  let doubledTurns = 0;
  let orderViolations = 0;
  let reorderedByRetry = 0;
  for (const [p, ds] of byPerson) {
    for (const d of ds.filter((x) => !x.reply || !x.reply.includes('<Message>'))) {
      // Handled on the killed instance, its reply lost with it, and retried only after five newer
      // messages were answered: the turn ran once; the stale reply is no longer kept.
      if (d.reply !== undefined && d.attempts > 1 && ds.filter((x) => x.index > d.index && x.reply?.includes('<Message>')).length >= 5) {
        staleWithheld += 1;
        continue;
      }
      lostReplies += 1;
      if (lostReplies <= 3) console.log(`lost reply: person ${p} message ${d.index} "${d.text}" after ${d.attempts} attempts: ${d.reply === undefined ? 'no answer' : JSON.stringify(d.reply.slice(0, 120))}`);
    }
    const state = states.get(`whatsapp:${waId(p)}`);
    const turns = state?.turns ?? 0;
    if (turns > ds.length) doubledTurns += turns - ds.length;
    if (turns < ds.length) lostTurns += ds.length - turns;
    // The person's own messages, as the conversation recorded them, against the order they were sent in.
    const recorded = (state?.recent ?? []).filter((m) => m.from === 'person').map((m) => m.text);
    const sent = ds.map((d) => d.text).slice(-recorded.length);
    if (recorded.length && recorded.join('\u0001') !== sent.join('\u0001')) {
      // A message caught on the killed instance comes back with the retry, after the ones sent
      // later: its arrival order changed, as with any channel's retry. Anything else is a violation.
      if (ds.some((d) => d.attempts > 1)) reorderedByRetry += 1;
      else orderViolations += 1;
      if (orderViolations + reorderedByRetry <= 3) console.log(`order: person ${p} sent [${sent.join(' | ')}] (attempts ${ds.map((d) => d.attempts).join(',')}), handled [${recorded.join(' | ')}]`);
    }
  }
  const lostBookings = confirmed.filter((id) => !bookedIds.has(id)).length;
  const answered = stats.latencies.length;
  const inWindow = stats.done.filter((d) => d.at <= until).length;
  const afterKill = killedAt ? stats.done.filter((d) => d.at > killedAt! + 1000 && d.at <= until).length / Math.max(1, (until - killedAt - 1000) / 1000) : NaN;
  const beforeKill = killedAt ? stats.done.filter((d) => d.at <= killedAt!).length / ((killedAt - started) / 1000) : NaN;

  const rows: [string, string][] = [
    ['people (distinct conversations)', String(byPerson.size)],
    ['messages sent / answered', `${deliveries.length} / ${answered}`],
    ['throughput, turns/s during the run', (inWindow / SECONDS).toFixed(0)],
    ['  before the kill / after (2 left)', killedAt ? `${beforeKill.toFixed(0)} / ${afterKill.toFixed(0)}` : 'no kill'],
    ['latency p50 / p95 / p99 (ms, incl. retries)', `${pct(stats.latencies, 50).toFixed(0)} / ${pct(stats.latencies, 95).toFixed(0)} / ${pct(stats.latencies, 99).toFixed(0)}`],
    ['slowest answer (ms)', pct(stats.latencies, 100).toFixed(0)],
    ['failed attempts (sent again elsewhere)', `${stats.failedAttempts} of ${stats.attempts}`],
    ['duplicate deliveries sent / answered differently', `${stats.duplicatesSent} / ${stats.duplicateMismatch}`],
    ['lost replies (must be 0)', String(lostReplies)],
    ['  reply withheld: retried after 5 newer answers', String(staleWithheld)],
    ['lost turns (must be 0)', String(lostTurns)],
    ['doubled turns (must be 0)', String(doubledTurns)],
    ['ordering violations (must be 0)', String(orderViolations)],
    ['  order changed by a retry after the kill', String(reorderedByRetry)],
    ['bookings asked / confirmed', `${asked} / ${confirmed.length}`],
    ['doubled bookings (must be 0)', String(over)],
    ['confirmed bookings missing (must be 0)', String(lostBookings)],
    ['people per instance per second (before the kill)', ((killedAt ? beforeKill : inWindow / SECONDS) / 3 / SCRIPT.length).toFixed(1)],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`\nbench:cluster — ${SECONDS} s, ${PEOPLE} people at once, ${SCRIPT.length} messages each${killedAt ? ', one instance killed halfway' : ''}`);
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);

  for (const i of instances) i.child.kill('SIGTERM');
  await sleep(500);
  await resetDatabase(false);
  await deleteKeys(REDIS_URL, `${PREFIX}:*`);
  const bad = lostReplies + lostTurns + doubledTurns + orderViolations + Number(over) + lostBookings + stats.duplicateMismatch;
  process.exit(bad ? 1 : 0);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
