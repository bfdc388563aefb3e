/**
 * What instances share: one process keeps it in memory; with REDIS_URL every instance shares it
 * through Redis. Callers get the same interfaces either way.
 */
import { randomBytes } from 'node:crypto';
import { createKeyedLock } from './keyed-lock.js';
import type { Coordination } from './types.js';
import { createMemoryLogs, type ConversationLogs } from './conversation-logs.js';
import { createMemoryCounters, type WindowCounters } from './counters.js';


export function createLocalCoordination(now: () => Date = () => new Date()): Coordination {
  const secrets = new Map<string, Buffer>();
  const allLogs = new Map<string, ReturnType<typeof createMemoryLogs>>();
  const sweep = setInterval(() => allLogs.forEach((l) => l.sweep()), 60_000);
  sweep.unref();
  return {
    lock: createKeyedLock(),
    counters: createMemoryCounters(),
    logs<T>(name: string) {
      if (!allLogs.has(name)) allLogs.set(name, createMemoryLogs<unknown>(() => now().getTime()));
      return allLogs.get(name) as ConversationLogs<T>;
    },
    async sharedSecret(name) {
      if (!secrets.has(name)) secrets.set(name, randomBytes(32));
      return secrets.get(name)!;
    },
    async ping() {},
    async close() {
      clearInterval(sweep);
    },
  };
}

/** Redis behind the same interfaces, for several instances; its client is loaded only when Redis is used. */
export async function createRedisCoordination(url: string, namespace?: string): Promise<Coordination> {
  return (await import('./redis.js')).connectRedis(url, namespace);
}

export type { ConversationLogs, Coordination, WindowCounters };
