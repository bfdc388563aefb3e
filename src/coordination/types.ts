/** What instances share, the same interface in memory and on Redis. */
import type { Redis } from 'ioredis';
import type { ConversationLogs } from './conversation-logs.js';
import type { WindowCounters } from './counters.js';
import type { TurnLock } from './keyed-lock.js';

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
