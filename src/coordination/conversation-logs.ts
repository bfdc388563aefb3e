/**
 * A short log of items per conversation with a watermark, and live fan-out to whoever listens
 * (the Direct Line transcript and its WebSocket streams). In memory for one instance; Redis stands
 * behind the same interface so a web chat connected to one instance hears replies made on another.
 */
export interface ConversationLogs<T> {
  /** Creates the log if it is missing; keeps it from expiring. */
  open(id: string): Promise<void>;
  exists(id: string): Promise<boolean>;
  /** Appends the item made for the next watermark, and tells the listeners. */
  append(id: string, make: (watermark: number) => T): Promise<T>;
  /** Items from `watermark` on (those still kept), and the watermark after the last. */
  since(id: string, watermark: number): Promise<{ items: { item: T; watermark: number }[]; next: number }>;
  /** Listens to new items; resolves once listening, with the function that stops it. */
  subscribe(id: string, listener: (item: T, watermark: number) => void): Promise<() => void>;
}

/** How many items a log keeps: enough for a reconnecting page. */
export const LOG_MAX_ITEMS = 200;
/** A log idle this long is forgotten. */
export const LOG_IDLE_MS = 2 * 3600_000;

interface MemoryLog<T> {
  items: T[];
  /** The watermark of items[0]: items before it were dropped. */
  offset: number;
  listeners: Set<(item: T, watermark: number) => void>;
  lastUsed: number;
}

export function createMemoryLogs<T>(now: () => number = Date.now): ConversationLogs<T> & { sweep(): void } {
  const logs = new Map<string, MemoryLog<T>>();
  const open = (id: string): MemoryLog<T> => {
    let log = logs.get(id);
    if (!log) {
      log = { items: [], offset: 0, listeners: new Set(), lastUsed: now() };
      logs.set(id, log);
    }
    log.lastUsed = now();
    return log;
  };
  return {
    async open(id) {
      open(id);
    },
    async exists(id) {
      return logs.has(id);
    },
    async append(id, make) {
      const log = open(id);
      const watermark = log.offset + log.items.length;
      const item = make(watermark);
      log.items.push(item);
      if (log.items.length > LOG_MAX_ITEMS) {
        log.items.shift();
        log.offset += 1;
      }
      for (const l of log.listeners) l(item, watermark);
      return item;
    },
    async since(id, watermark) {
      const log = open(id);
      const from = Math.max(watermark, log.offset);
      return { items: log.items.slice(from - log.offset).map((item, i) => ({ item, watermark: from + i })), next: log.offset + log.items.length };
    },
    async subscribe(id, listener) {
      const log = open(id);
      log.listeners.add(listener);
      return () => void log.listeners.delete(listener);
    },
    sweep() {
      const t = now();
      for (const [id, log] of logs) if (t - log.lastUsed > LOG_IDLE_MS && log.listeners.size === 0) logs.delete(id);
    },
  };
}
