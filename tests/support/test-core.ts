/**
 * A core for tests: the real flows, texts and engine, in-memory or temporary SQLite storage, a
 * clock the test moves. With TEST_STORE=postgres every core runs on PostgreSQL + Redis instead
 * (TEST_DATABASE_URL, TEST_REDIS_URL), each in its own schema and key prefix: the same suites
 * prove both stores.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { Actions } from '../../src/core/actions.js';
import { createCore, type Core } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { createLogger } from '../../src/server/logger.js';
import type { Texts } from '../../src/i18n/index.js';

export const TEST_STORE = process.env.TEST_STORE === 'postgres' ? 'postgres' : 'sqlite';
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';

/** The environment and namespace that put a core's data on the shared servers, apart from every other core's. */
export function storeSettings(dataDir: string): { env: Record<string, string>; namespace?: string } {
  if (TEST_STORE !== 'postgres') return { env: {} };
  // From the data folder: a core restarted on the same folder finds its data again.
  const namespace = `wt_${createHash('sha256').update(dataDir).digest('hex').slice(0, 16)}`;
  return { env: { DATABASE_URL: TEST_DATABASE_URL, REDIS_URL: TEST_REDIS_URL }, namespace };
}

export const TEST_START = '2026-11-23T10:00:00Z';

export interface TestClock {
  now: () => Date;
  advance(ms: number): void;
  reset(): void;
}

export function testClock(start = TEST_START): TestClock {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms) => void (t += ms), reset: () => void (t = Date.parse(start)) };
}

export interface TestCore extends Core {
  clock: TestClock;
  logLines: string[];
  dataDir: string;
}

export interface TestCoreOptions {
  storage?: 'memory' | 'database';
  actions?: (texts: Texts) => Actions;
  env?: Record<string, string>;
  /** Several cores as instances of one deployment: PostgreSQL + Redis under this namespace. */
  shared?: string;
}

export async function createTestCore(opts: TestCoreOptions = {}): Promise<TestCore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'wegweiser-test-'));
  const dir = opts.env?.DATA_DIR ?? dataDir;
  const store = opts.shared ? { env: { DATABASE_URL: TEST_DATABASE_URL, REDIS_URL: TEST_REDIS_URL }, namespace: opts.shared } : storeSettings(dir);
  const config = loadConfig({ DATA_DIR: dataDir, PUBLIC_BASE_URL: 'https://chat.example.org', ...opts.env, ...store.env });
  const logLines: string[] = [];
  const sink = new Writable({ write(chunk, _enc, cb) { logLines.push(String(chunk)); cb(); } });
  const clock = testClock();
  const core = await createCore(config, createLogger('info', sink), {
    storage: store.namespace ? 'database' : (opts.storage ?? 'memory'),
    namespace: store.namespace,
    now: clock.now,
    actions: opts.actions,
  });
  return { ...core, clock, logLines, dataDir: dir };
}
