/**
 * `npm run bench:turns`: turns per second and latency through the real webhooks, on 127.0.0.1.
 * Starts the server as `npm start` does (embedded SQLite) in its own process, then drives it
 * with autocannon and many distinct simulated people: menu turns and knowledge turns through the
 * WhatsApp webhook (signed as Twilio signs), the Telegram webhook (against a fake Bot API) and
 * Direct Line. In the same run, the baseline (scripts/bench-baseline-server.ts, in its own
 * process) does the unavoidable work of a persisted turn — verify the signature, parse the form,
 * read and write one row in SQLite in one transaction, answer TwiML — and throughput is reported
 * as a ratio to it; a bare Fastify route answering a constant shows the framework's ceiling.
 * Memory is the server's peak RSS over the whole run; start is a warm start (the caches built by
 * a first start, which also names a place once: the towns index) to the first answer.
 *
 *   npm run bench:turns                 10 s per scenario, 20 connections
 *   npm run bench:turns -- --seconds 3  shorter
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { startFakeTelegram } from '../tests/support/fake-telegram.js';
import { twilioSignature } from '../tests/support/twilio-signature.js';
import { freePort } from '../tests/support/free-port.js';
import { npmStartArgs } from '../tests/support/npm-start.js';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '20' } } });
const duration = Number(values.seconds);
const connections = Number(values.connections);
const ROOT = join(import.meta.dirname, '..');
const TWILIO_TOKEN = 'bench-twilio-token';
const TG_TOKEN = '7000000009:AAbench';
const TG_SECRET = 'bench-secret';

interface Row {
  name: string;
  rps: number;
  /** CPU time (all threads) of the serving process per request, in microseconds: steadier than req/s on a busy machine. */
  cpuUs: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function run(name: string, opts: autocannon.Options, pid?: number): Promise<Row> {
  const cpuBefore = pid ? cpuMs(pid) : 0;
  const result = await autocannon({ duration, connections, ...opts });
  const cpuUs = pid ? ((cpuMs(pid) - cpuBefore) * 1000) / Math.max(1, result.requests.total) : NaN;
  const l = result.latency as unknown as Record<string, number>;
  // autocannon reports p97.5, not p95: the column is p97.5, a slightly stricter figure.
  return { name, rps: result.requests.average, cpuUs, p50: l.p50!, p95: l.p97_5!, p99: l.p99!, errors: result.errors + result.timeouts, non2xx: result.non2xx };
}

/** CPU time used so far by a process and its children (tsx runs the baseline in a child node), in ms, from /proc (Linux). */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    const own = ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 10 ms
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    return own + children.reduce((sum, child) => sum + cpuMs(child), 0);
  } catch {
    return NaN;
  }
}

async function main(): Promise<void> {
  // The baseline: the same framework answering a constant.
  const bare = Fastify();
  bare.post('/', async () => 'ok');
  const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });

  const telegram = await startFakeTelegram(TG_TOKEN);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-'));
  const startServer = (): ChildProcess =>
    spawn(process.execPath, npmStartArgs(), { // as `npm start` runs it, with its heap limits
      cwd: ROOT,
      env: {
        ...process.env, PORT: String(port), HOST: '127.0.0.1', PUBLIC_BASE_URL: base, DATA_DIR: dataDir, LOG_LEVEL: 'warn',
        MESSAGES_PER_MINUTE: '10000', // the Direct Line scenario is one conversation: measure it, not the limit
        TWILIO_ACCOUNT_SID: 'AC' + '9'.repeat(32), TWILIO_AUTH_TOKEN: TWILIO_TOKEN, TWILIO_WHATSAPP_FROM: 'whatsapp:+14155238886',
        TELEGRAM_BOT_TOKEN: TG_TOKEN, TELEGRAM_WEBHOOK_SECRET: TG_SECRET, TELEGRAM_API_ROOT: telegram.apiRoot,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
  // Start to first answer: until a greeting through the WhatsApp webhook is answered.
  const firstAnswer = async (started: number) => {
    for (;;) {
      try {
        if ((await whatsapp(base, 'hello')).ok) return performance.now() - started;
      } catch {
        /* not up yet */
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  // A first start builds what is cached on disk; the second, on the same data, is the warm start measured.
  let started = performance.now();
  let child = startServer();
  const coldMs = await firstAnswer(started);
  // A place named once: the towns index is built and kept too, as on any server that has run before.
  await whatsapp(base, 'i am in accra');
  await stop(child);
  started = performance.now();
  child = startServer();
  const firstAnswerMs = await firstAnswer(started);

  const baselinePort = await freePort();
  const baselineBase = `http://127.0.0.1:${baselinePort}`;
  const baselineServer = spawn(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/bench-baseline-server.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(baselinePort), DATA_DIR: dataDir, TWILIO_AUTH_TOKEN: TWILIO_TOKEN, PUBLIC_BASE_URL: baselineBase },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve) => baselineServer.stdout!.once('data', resolve));

  let sid = 0;
  const waRequest = (text: (n: number) => string, target = base): autocannon.Options => ({
    url: `${target}/webhooks/whatsapp`,
    requests: [
      {
        method: 'POST',
        setupRequest: (req: autocannon.Request) => {
          sid += 1;
          const person = 233200000000 + (sid % 5000);
          const params: Record<string, string> = { MessageSid: `SM${String(sid).padStart(32, '0')}`, AccountSid: 'AC' + '9'.repeat(32), From: `whatsapp:+${person}`, To: 'whatsapp:+14155238886', Body: text(sid), NumMedia: '0' };
          const url = `${target}/webhooks/whatsapp`;
          const signature = twilioSignature(TWILIO_TOKEN, url, params);
          return { ...req, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature }, body: new URLSearchParams(params).toString() };
        },
      },
    ],
  });
  let update = 0;
  const tgRequest = (text: (n: number) => string): autocannon.Options => ({
    url: `${base}/webhooks/telegram`,
    requests: [
      {
        method: 'POST',
        setupRequest: (req: autocannon.Request) => {
          update += 1;
          const chat = 100000 + (update % 5000);
          const body = { update_id: update, message: { message_id: update, date: 1763900000, chat: { id: chat, type: 'private' }, from: { id: chat, is_bot: false, first_name: 'B', language_code: 'en' }, text: text(update) } };
          return { ...req, headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TG_SECRET }, body: JSON.stringify(body) };
        },
      },
    ],
  });
  const questions = ['how much salary for the blue card', 'is the boat from libya safe', 'what help is there when I go home', 'can I work with my diploma', 'chancenkarte punkte', 'ausbildung in deutschland'];
  const menu = (n: number) => (n % 3 === 0 ? 'hello' : String((n % 6) + 1));
  const knowledge = (n: number) => questions[n % questions.length]!;

  // Direct Line: a few conversations taken in turn, each with its token (one alone would soon be
  // slowed down by MESSAGES_PER_MINUTE, and the row would measure the polite refusal).
  const directLine: { token: string; conversationId: string }[] = [];
  for (let i = 0; i < 8; i++) directLine.push((await (await fetch(`${base}/v3/directline/tokens/generate`, { method: 'POST' })).json()) as { token: string; conversationId: string });
  let activity = 0;

  const rows: Row[] = [];
  const server = child.pid!;
  rows.push(await run('baseline persisted turn', waRequest(menu, baselineBase), baselineServer.pid!));
  rows.push(await run('whatsapp menu turn', waRequest(menu), server));
  rows.push(await run('whatsapp knowledge turn', waRequest(knowledge), server));
  rows.push(await run('telegram menu turn', tgRequest(menu), server));
  rows.push(await run('telegram knowledge turn', tgRequest(knowledge), server));
  rows.push(
    await run('direct line, 8 conversations', {
      url: `${base}/v3/directline/conversations/${directLine[0]!.conversationId}/activities`,
      requests: [
        {
          method: 'POST',
          setupRequest: (req: autocannon.Request) => {
            const { token, conversationId } = directLine[activity++ % directLine.length]!;
            return { ...req, path: `/v3/directline/conversations/${conversationId}/activities`, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ type: 'message', from: { id: 'u' }, text: 'hello', locale: 'en-US' }) };
          },
        },
      ],
    }, server),
  );
  rows.push(await run('bare fastify (constant)', { url: bareUrl, method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } }));

  const rss = await serverRss(child.pid!);
  child.kill('SIGTERM');
  baselineServer.kill('SIGTERM');
  await bare.close();
  await telegram.close();

  const baseline = rows[0]!.rps;
  console.log(`bench:turns — ${duration}s per scenario, ${connections} connections, 5,000 distinct people per channel, 2 cores`);
  console.log(`warm start to first answer: ${(firstAnswerMs / 1000).toFixed(2)} s (first start: ${(coldMs / 1000).toFixed(2)} s); server peak RSS over the run: ${rss} MB`);
  console.log(`whatsapp menu turn / baseline persisted turn: ${((rows[1]!.rps / baseline) * 100).toFixed(0)}% of its turns per second; ${((rows[0]!.cpuUs / rows[1]!.cpuUs) * 100).toFixed(0)}% by CPU time per turn\n`);
  console.log('scenario                     req/s   ratio  CPU µs/turn   p50 ms p97.5 ms p99 ms  errors  non-2xx');
  for (const r of rows) {
    console.log(`${r.name.padEnd(26)} ${r.rps.toFixed(0).padStart(7)} ${(r.rps / baseline).toFixed(3).padStart(7)} ${(Number.isNaN(r.cpuUs) ? '–' : r.cpuUs.toFixed(0)).padStart(12)} ${r.p50.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(7)} ${r.p99.toFixed(1).padStart(7)} ${String(r.errors).padStart(7)} ${String(r.non2xx).padStart(8)}`);
  }
}

async function whatsapp(base: string, text: string): Promise<Response> {
  const params: Record<string, string> = { MessageSid: `SM${randomBytes(16).toString('hex')}`, AccountSid: 'AC' + '9'.repeat(32), From: 'whatsapp:+233209999999', To: 'whatsapp:+14155238886', Body: text, NumMedia: '0' };
  const url = `${base}/webhooks/whatsapp`;
  const signature = twilioSignature(TWILIO_TOKEN, url, params);
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature }, body: new URLSearchParams(params) });
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** The server process's peak resident memory (VmHWM), from /proc (Linux). */
async function serverRss(pid: number): Promise<number> {
  const { readFileSync } = await import('node:fs');
  try {
    // tsx runs the server in a child node process: sum the process tree.
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    const pids = [pid, ...children];
    const kb = pids.map((p) => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0));
    return Math.round(Math.max(...kb) / 1024);
  } catch {
    return -1;
  }
}

await main();
