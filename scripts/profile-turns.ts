/**
 * Where a WhatsApp menu turn spends its CPU: starts the server under `node --cpu-prof`, sends
 * menu turns from many people for a few seconds, stops it, and prints the functions and the
 * packages with the most self time.
 *
 *   tsx scripts/profile-turns.ts [--seconds 8] [--top 25]
 *   tsx scripts/profile-turns.ts --startup     the start to the first answer instead
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { twilioSignature } from '../tests/support/twilio-signature.js';
import { freePort } from '../tests/support/free-port.js';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '8' }, top: { type: 'string', default: '25' }, startup: { type: 'boolean', default: false } } });
const ROOT = join(import.meta.dirname, '..');
const TOKEN = 'profile-twilio-token';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const profDir = mkdtempSync(join(tmpdir(), 'wegweiser-prof-'));
const spawned = performance.now();
const child = spawn(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${profDir}`, '--import', 'tsx', join(ROOT, 'src/server/main.ts')], {
  cwd: ROOT,
  env: {
    ...process.env, PORT: String(port), HOST: '127.0.0.1', PUBLIC_BASE_URL: base, DATA_DIR: mkdtempSync(join(tmpdir(), 'prof-')), LOG_LEVEL: 'warn',
    TWILIO_ACCOUNT_SID: 'AC' + '9'.repeat(32), TWILIO_AUTH_TOKEN: TOKEN, TWILIO_WHATSAPP_FROM: 'whatsapp:+14155238886',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
for (;;) {
  try {
    if ((await fetch(`${base}/healthz`)).ok) break;
  } catch {
    /* not up yet */
  }
  await new Promise((r) => setTimeout(r, 50));
}
// Start-up (loading the knowledge, compiling) is not a turn's cost: samples before the load are left out.
const readyMs = performance.now() - spawned;
let sid = 0;
const url = `${base}/webhooks/whatsapp`;
const result = await autocannon({
  url,
  duration: Number(values.seconds),
  connections: 20,
  requests: [
    {
      method: 'POST',
      setupRequest: (req) => {
        sid += 1;
        const params: Record<string, string> = { MessageSid: `SM${String(sid).padStart(32, '0')}`, AccountSid: 'AC' + '9'.repeat(32), From: `whatsapp:+${233200000000 + (sid % 5000)}`, To: 'whatsapp:+14155238886', Body: sid % 3 === 0 ? 'hello' : String((sid % 6) + 1), NumMedia: '0' };
        return { ...req, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilioSignature(TOKEN, url, params) }, body: new URLSearchParams(params).toString() };
      },
    },
  ],
});
const exited = new Promise((r) => child.once('exit', r));
child.kill('SIGTERM');
await exited;

const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
if (!file) throw new Error('no profile written (did the server exit cleanly?)');
const profile = JSON.parse(readFileSync(join(profDir, file), 'utf8')) as Profile;
const self = new Map<number, number>();
let elapsedUs = 0;
profile.samples.forEach((id, i) => {
  elapsedUs += profile.timeDeltas[i] ?? 0;
  if (elapsedUs > (readyMs + 300) * 1000 !== values.startup) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const byFunction = new Map<string, number>();
const byPackage = new Map<string, number>();
let total = 0;
for (const node of profile.nodes) {
  const us = self.get(node.id) ?? 0;
  if (!us) continue;
  total += us;
  const { functionName, url: src, lineNumber } = node.callFrame;
  const where = src.replace(/^file:\/\//, '').replace(ROOT + '/', '');
  const pkg = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(where)?.[1] ?? (where.startsWith('src/') ? where.split('/').slice(0, 2).join('/') : where || `(${functionName})`);
  const key = `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
}
const top = Number(values.top);
const pct = (us: number) => `${((us / total) * 100).toFixed(1).padStart(5)}%`;
if (values.startup) console.log(`start to ready: ${(readyMs / 1000).toFixed(2)} s (wall clock)`);
console.log(`${result.requests.total} menu turns, ${result.requests.average.toFixed(0)} req/s; profile: ${join(profDir, file)}\n`);
console.log('self time by package or folder');
for (const [k, us] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(us)}  ${k}`);
console.log('\nself time by function');
for (const [k, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(us)}  ${k}`);
