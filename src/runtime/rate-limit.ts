/**
 * Messages per person per minute: a person (or a script) sending faster than anyone types gets
 * one polite answer per minute and is otherwise not processed. The counts live in the shared
 * counters (memory, or Redis for several instances).
 */
import { createMemoryCounters, type WindowCounters } from '../coordination/counters.js';

export interface PersonRateLimit {
  /** 'ok' to go on, 'tell' the first time over the limit in a window, 'quiet' after that. */
  check(key: string, nowMs: number): Promise<'ok' | 'tell' | 'quiet'>;
}

const WINDOW_MS = 60_000;

export function createPersonRateLimit(perMinute: number, counters: WindowCounters = createMemoryCounters()): PersonRateLimit {
  return {
    async check(key, nowMs) {
      const { count } = await counters.hit(`person:${key}`, nowMs, WINDOW_MS);
      if (count <= perMinute) return 'ok';
      return count === perMinute + 1 ? 'tell' : 'quiet';
    },
  };
}
