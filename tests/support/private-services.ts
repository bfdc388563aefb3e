/**
 * Throwaway Redis and PostgreSQL servers of a test's own, on free ports, that the test may kill
 * and start again (the shared servers on 6379 and 5432 are used by other test runs at the same
 * time and must never be restarted). Skipped, and said so, where the binaries are missing.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresAnswers, redisAnswers } from './services.js';
import { freePort } from './free-port.js';

const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
const hasRedis = spawnSync('redis-server', ['--version']).status === 0;
const hasPostgres = existsSync(join(PG_BIN, 'initdb')) && existsSync(join(PG_BIN, 'pg_ctl'));
/** Why private servers cannot run here, or null when they can. */
export const privateServicesMissing: string | null = !hasRedis ? 'redis-server not found' : !hasPostgres ? `PostgreSQL binaries not found in ${PG_BIN} (set PG_BIN)` : null;

export interface PrivateService {
  url: string;
  /** Kills the server at once, as a crash would. */
  kill(): Promise<void>;
  /** Starts it again on the same port (and, for PostgreSQL, the same data). */
  start(): Promise<void>;
  /** Stops it and removes everything it stored. */
  remove(): Promise<void>;
}

async function until(what: string, ok: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`${what} did not come up within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function startPrivateRedis(): Promise<PrivateService> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'], { stdio: 'ignore' });
    await until(`redis-server on ${port}`, () => redisAnswers(url));
  };
  const kill = async () => {
    const c = child;
    if (!c || c.exitCode !== null) return;
    await new Promise((r) => {
      c.once('exit', r);
      c.kill('SIGKILL');
    });
  };
  await start();
  return { url, kill, start, remove: kill };
}

/** As root, PostgreSQL's tools run as the postgres user (the server refuses to run as root). */
function pgTool(tool: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const r = asRoot ? spawnSync('runuser', ['-u', 'postgres', '--', join(PG_BIN, tool), ...args], { encoding: 'utf8' }) : spawnSync(join(PG_BIN, tool), args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${tool} failed: ${r.stderr || r.stdout}`);
}

export async function startPrivatePostgres(): Promise<PrivateService> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'wegweiser-pg-'));
  if (process.getuid?.() === 0) chownSync(dir, Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim()), Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim()));
  const data = join(dir, 'data');
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  pgTool('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  const start = async () => {
    pgTool('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, '-w', 'start']);
    await until(`PostgreSQL on ${port}`, () => postgresAnswers(url));
  };
  // immediate: no clean shutdown, as when the server (or its machine) dies
  const kill = async () => pgTool('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
  await start();
  return {
    url,
    kill,
    start,
    remove: async () => {
      await kill().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
