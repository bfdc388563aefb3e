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
  /**
   * Counts one more event only while the window holds fewer than `limit` (at least 1), in one
   * atomic step: of many concurrent callers, exactly `limit` are allowed. For a check that must
   * hold under concurrency (wrong passwords), where hit-then-compare or peek-then-hit would not.
   */
  take(key: string, nowMs: number, windowMs: number, limit: number): Promise<WindowCount & { allowed: boolean }>;
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
  const open = (key: string, nowMs: number, windowMs: number) => {
    const w = windows.get(key);
    return w && nowMs - w.since <= windowMs ? w : undefined;
  };
  // Synchronous, so no other caller runs between the check and the count (no await in between).
  const hit = (key: string, nowMs: number, windowMs: number): WindowCount => {
    sweep(nowMs);
    let w = open(key, nowMs, windowMs);
    if (!w) {
      w = { count: 0, since: nowMs, windowMs };
      windows.set(key, w);
    }
    w.count += 1;
    return { count: w.count, since: w.since };
  };
  return {
    async hit(key, nowMs, windowMs) {
      return hit(key, nowMs, windowMs);
    },
    async take(key, nowMs, windowMs, limit) {
      const w = open(key, nowMs, windowMs);
      if (w && w.count >= limit) return { allowed: false, count: w.count, since: w.since };
      return { allowed: true, ...hit(key, nowMs, windowMs) };
    },
    async peek(key, nowMs, windowMs) {
      const w = open(key, nowMs, windowMs);
      return w && { count: w.count, since: w.since };
    },
    async reset(key) {
      windows.delete(key);
    },
  };
}
