/**
 * What instances share: one process keeps it in memory; with REDIS_URL every instance shares it
 * through Redis. Callers get the same interfaces either way.
 */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { createKeyedLock, type TurnLock } from '../core/keyed-lock.js';
import { createMemoryLogs, type ConversationLogs } from './conversation-logs.js';
import { createMemoryCounters, type WindowCounters } from './counters.js';
import { connectRedis } from './redis.js';

export interface Coordination {
  /** The per-conversation turn lock: one turn at a time per person, in arrival order. */
  lock: TurnLock;
  counters: WindowCounters;
  logs<T>(name: string): ConversationLogs<T>;
  sharedSecret(name: string): Promise<Buffer>;
  /** Set when Redis is used: @fastify/rate-limit keeps its per-IP counters there too. */
  redis?: Redis;
  /** Throws when Redis does not answer (the health check); nothing to check in memory. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

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

/** `namespace` keeps deployments (and tests) that share one Redis apart. */
export async function createRedisCoordination(url: string, namespace: string): Promise<Coordination> {
  const redis = await connectRedis(url, namespace);
  // The local lock in front keeps this instance's own turns in order and asks Redis once per turn.
  const local = createKeyedLock();
  return {
    lock: { withLock: (key, task) => local.withLock(key, () => redis.lock.withLock(key, task)) },
    counters: redis.counters,
    logs: (name) => redis.logs(name),
    sharedSecret: (name) => redis.sharedSecret(name),
    redis: redis.client,
    ping: async () => void (await redis.client.ping()),
    close: () => redis.close(),
  };
}

export type { ConversationLogs, WindowCounters };
