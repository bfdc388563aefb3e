/** A core for tests: the real flows, texts and engine, in-memory or temporary SQLite storage, a clock the test moves. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { Actions } from '../../src/core/actions.js';
import { createCore, type Core } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { createLogger } from '../../src/server/logger.js';
import type { Texts } from '../../src/i18n/index.js';

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

export async function createTestCore(opts: { storage?: 'memory' | 'database'; actions?: (texts: Texts) => Actions; env?: Record<string, string> } = {}): Promise<TestCore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'wegweiser-test-'));
  const config = loadConfig({ DATA_DIR: dataDir, PUBLIC_BASE_URL: 'https://chat.example.org', ...opts.env });
  const logLines: string[] = [];
  const sink = new Writable({ write(chunk, _enc, cb) { logLines.push(String(chunk)); cb(); } });
  const clock = testClock();
  const core = await createCore(config, createLogger('info', sink), { storage: opts.storage ?? 'memory', now: clock.now, actions: opts.actions });
  return { ...core, clock, logLines, dataDir };
}
