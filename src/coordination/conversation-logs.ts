/**
 * A short log of items per conversation with a watermark, and live fan-out to whoever listens
 * (the Direct Line transcript and its WebSocket streams). In memory for one instance; Redis stands
 * behind the same interface so a web chat connected to one instance hears replies made on another.
 * Every log is bounded (items and bytes), and so is the memory of all logs together: one visitor
 * cannot fill the server's memory.
 */
export interface ConversationLogs<T> {
  /** Creates the log if it is missing; keeps it from expiring. */
  open(id: string): Promise<void>;
  exists(id: string): Promise<boolean>;
  /** Appends the item made for the next watermark, and tells the listeners. */
  append(id: string, make: (watermark: number) => T): Promise<T>;
  /** Items from `watermark` on (those still kept), and the watermark after the last. */
  since(id: string, watermark: number): Promise<{ items: { item: T; watermark: number }[]; next: number }>;
  /** Drops the items before `watermark` (delete my data); the watermarks go on from where they were. */
  forgetBefore(id: string, watermark: number): Promise<void>;
  /** Listens to new items; resolves once listening, with the function that stops it. */
  subscribe(id: string, listener: (item: T, watermark: number) => void): Promise<() => void>;
}

/** How many items a log keeps: enough for a reconnecting page. */
export const LOG_MAX_ITEMS = 200;
/** How many bytes (as JSON) a log keeps: the oldest items go first. */
export const LOG_MAX_BYTES = 256 * 1024;
/** A log idle this long is forgotten. */
export const LOG_IDLE_MS = 2 * 3600_000;

export interface MemoryLogLimits {
  maxItems: number;
  maxBytes: number;
  /** Logs kept at once; the least recently used go first, those nobody listens to before the others. */
  maxConversations: number;
  /** Bytes of all logs together, likewise. */
  maxTotalBytes: number;
}

export const MEMORY_LOG_LIMITS: MemoryLogLimits = { maxItems: LOG_MAX_ITEMS, maxBytes: LOG_MAX_BYTES, maxConversations: 10_000, maxTotalBytes: 64 * 1024 * 1024 };

export const itemBytes = (item: unknown): number => Buffer.byteLength(JSON.stringify(item) ?? '');

interface MemoryLog<T> {
  items: { item: T; bytes: number }[];
  /** The watermark of items[0]: items before it were dropped. */
  offset: number;
  bytes: number;
  listeners: Set<(item: T, watermark: number) => void>;
  lastUsed: number;
}

export function createMemoryLogs<T>(now: () => number = Date.now, limits: MemoryLogLimits = MEMORY_LOG_LIMITS): ConversationLogs<T> & { sweep(): void } {
  // A Map keeps insertion order: a log used again moves to the end, so the front is the least recently used.
  const logs = new Map<string, MemoryLog<T>>();
  let totalBytes = 0;
  const remove = (id: string, log: MemoryLog<T>) => {
    logs.delete(id);
    totalBytes -= log.bytes;
  };
  const dropOldest = (log: MemoryLog<T>) => {
    const dropped = log.items.shift()!;
    log.offset += 1;
    log.bytes -= dropped.bytes;
    totalBytes -= dropped.bytes;
  };
  const overFull = () => logs.size > limits.maxConversations || totalBytes > limits.maxTotalBytes;
  const evict = (keep: string) => {
    for (const quietOnly of [true, false]) {
      for (const [id, log] of logs) {
        if (!overFull()) return;
        if (id !== keep && (!quietOnly || log.listeners.size === 0)) remove(id, log);
      }
    }
  };
  const open = (id: string): MemoryLog<T> => {
    let log = logs.get(id);
    if (log) logs.delete(id);
    else log = { items: [], offset: 0, bytes: 0, listeners: new Set(), lastUsed: 0 };
    logs.set(id, log);
    log.lastUsed = now();
    evict(id);
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
      const bytes = itemBytes(item);
      log.items.push({ item, bytes });
      log.bytes += bytes;
      totalBytes += bytes;
      while (log.items.length > 1 && (log.items.length > limits.maxItems || log.bytes > limits.maxBytes)) dropOldest(log);
      evict(id);
      for (const l of log.listeners) l(item, watermark);
      return item;
    },
    async since(id, watermark) {
      const log = open(id);
      const from = Math.max(watermark, log.offset);
      return { items: log.items.slice(from - log.offset).map(({ item }, i) => ({ item, watermark: from + i })), next: log.offset + log.items.length };
    },
    async forgetBefore(id, watermark) {
      const log = logs.get(id);
      while (log && log.items.length && log.offset < watermark) dropOldest(log);
    },
    async subscribe(id, listener) {
      const log = open(id);
      log.listeners.add(listener);
      return () => void log.listeners.delete(listener);
    },
    sweep() {
      const t = now();
      for (const [id, log] of logs) if (t - log.lastUsed > LOG_IDLE_MS && log.listeners.size === 0) remove(id, log);
    },
  };
}
