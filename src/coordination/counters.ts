/**
 * Counters over a time window that starts at the first event (messages per person per minute,
 * wrong passwords per account). The caller passes the time, so a test's clock moves them. In
 * memory for one instance; Redis stands behind the same interface when several instances share
 * the counts.
 */
export interface WindowCount {
  count: number;
  /** When the window began, ms since the epoch. */
  since: number;
}

export interface WindowCounters {
  /** Counts one more event; a window older than `windowMs` starts afresh. */
  hit(key: string, nowMs: number, windowMs: number): Promise<WindowCount>;
  /** The current window's count, if one is open. */
  peek(key: string, nowMs: number, windowMs: number): Promise<WindowCount | undefined>;
  reset(key: string): Promise<void>;
}

export function createMemoryCounters(): WindowCounters {
  const windows = new Map<string, WindowCount & { windowMs: number }>();
  let lastSweep = 0;
  const sweep = (nowMs: number) => {
    if (nowMs - lastSweep < 60_000) return;
    lastSweep = nowMs;
    for (const [k, w] of windows) if (nowMs - w.since > w.windowMs) windows.delete(k);
  };
  return {
    async hit(key, nowMs, windowMs) {
      sweep(nowMs);
      let w = windows.get(key);
      if (!w || nowMs - w.since > windowMs) {
        w = { count: 0, since: nowMs, windowMs };
        windows.set(key, w);
      }
      w.count += 1;
      return { count: w.count, since: w.since };
    },
    async peek(key, nowMs, windowMs) {
      const w = windows.get(key);
      return w && nowMs - w.since <= windowMs ? { count: w.count, since: w.since } : undefined;
    },
    async reset(key) {
      windows.delete(key);
    },
  };
}
