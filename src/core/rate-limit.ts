/**
 * Messages per person per minute: a person (or a script) sending faster than anyone types gets
 * one polite answer per minute and is otherwise not processed. In memory, per instance; a shared
 * counter can stand behind the same interface when several instances serve one campaign.
 */
export interface PersonRateLimit {
  /** 'ok' to go on, 'tell' the first time over the limit in a window, 'quiet' after that. */
  check(key: string, nowMs: number): 'ok' | 'tell' | 'quiet';
}

export function createPersonRateLimit(perMinute: number): PersonRateLimit {
  const windows = new Map<string, { start: number; count: number }>();
  let lastSweep = 0;
  return {
    check(key, nowMs) {
      if (nowMs - lastSweep > 60_000) {
        lastSweep = nowMs;
        for (const [k, w] of windows) if (nowMs - w.start > 60_000) windows.delete(k);
      }
      let w = windows.get(key);
      if (!w || nowMs - w.start > 60_000) {
        w = { start: nowMs, count: 0 };
        windows.set(key, w);
      }
      w.count += 1;
      if (w.count <= perMinute) return 'ok';
      return w.count === perMinute + 1 ? 'tell' : 'quiet';
    },
  };
}
