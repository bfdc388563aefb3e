/**
 * What several instances must share, on Redis (ioredis): the per-conversation turn lock, the
 * window counters behind rate limits and login lockouts, the Direct Line transcripts with their
 * fan-out, and shared secrets. Every key and channel carries a namespace, so tests (and several
 * deployments on one Redis) never see each other's keys.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { ServiceUnavailableError, WegweiserError } from '../core/errors.js';
import { redactUrl } from '../core/redact.js';
import { createKeyedLock, type TurnLock } from './keyed-lock.js';
import { LOG_IDLE_MS, LOG_MAX_BYTES, LOG_MAX_ITEMS, type ConversationLogs } from './conversation-logs.js';
import type { WindowCounters } from './counters.js';
import type { Coordination } from './types.js';

/** A lock holder that stops renewing (a crashed instance) loses the lock after this long. */
const LEASE_MS = 15_000;
/** A turn that cannot get its conversation's lock in this long fails (and the channel retries). */
const LOCK_WAIT_MS = 30_000;

const LUA = {
  // Joins the conversation's queue (when asked) and says whether this token is at its head; heads
  // whose lease ran out (their instance died) are dropped, so the queue never sticks.
  lockTry: `
    local lease = KEYS[1] .. ':lease:' .. ARGV[1]
    if ARGV[4] == '1' then
      redis.call('SET', lease, '1', 'PX', ARGV[2])
      redis.call('RPUSH', KEYS[1], ARGV[1])
      redis.call('PEXPIRE', KEYS[1], ARGV[3])
    elseif redis.call('PEXPIRE', lease, ARGV[2]) == 0 then
      return -1
    end
    local head = redis.call('LINDEX', KEYS[1], 0)
    while head and head ~= ARGV[1] and redis.call('EXISTS', KEYS[1] .. ':lease:' .. head) == 0 do
      redis.call('LPOP', KEYS[1])
      head = redis.call('LINDEX', KEYS[1], 0)
    end
    if head == ARGV[1] then return 1 end
    if not head then return -1 end
    return 0`,
  lockRelease: `
    redis.call('DEL', KEYS[1] .. ':lease:' .. ARGV[1])
    if redis.call('LINDEX', KEYS[1], 0) == ARGV[1] then redis.call('LPOP', KEYS[1]) else redis.call('LREM', KEYS[1], 1, ARGV[1]) end
    return 1`,
  // The window starts at the first event; the caller's clock decides (tests move it).
  counterHit: `
    local now = tonumber(ARGV[1])
    local since = tonumber(redis.call('HGET', KEYS[1], 's'))
    if not since or now - since > tonumber(ARGV[2]) then
      redis.call('HSET', KEYS[1], 's', ARGV[1], 'c', 1)
      redis.call('PEXPIRE', KEYS[1], ARGV[3])
      return {1, ARGV[1]}
    end
    return {redis.call('HINCRBY', KEYS[1], 'c', 1), tostring(since)}`,
  // Adds a log item, then drops the oldest while the log holds too many items or too many bytes
  // (the newest stays); the log and its watermark expire when idle; the listeners are told.
  logAppend: `
    redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
    local n = redis.call('ZCARD', KEYS[1])
    if n > tonumber(ARGV[3]) then redis.call('ZREMRANGEBYRANK', KEYS[1], 0, n - tonumber(ARGV[3]) - 1) end
    local items = redis.call('ZRANGE', KEYS[1], 0, -1)
    local total = 0
    for i = 1, #items do total = total + string.len(items[i]) end
    local drop = 0
    while total > tonumber(ARGV[4]) and drop < #items - 1 do
      drop = drop + 1
      total = total - string.len(items[drop])
    end
    if drop > 0 then redis.call('ZREMRANGEBYRANK', KEYS[1], 0, drop - 1) end
    redis.call('PEXPIRE', KEYS[1], ARGV[5])
    redis.call('PEXPIRE', KEYS[2], ARGV[5])
    redis.call('PUBLISH', ARGV[6], ARGV[7])
    return drop`,
  // As counterHit, but counts only below the limit (ARGV[4]): the check and the count are one step.
  counterTake: `
    local now = tonumber(ARGV[1])
    local since = redis.call('HGET', KEYS[1], 's')
    if not since or now - tonumber(since) > tonumber(ARGV[2]) then
      redis.call('HSET', KEYS[1], 's', ARGV[1], 'c', 1)
      redis.call('PEXPIRE', KEYS[1], ARGV[3])
      return {1, 1, ARGV[1]}
    end
    local count = tonumber(redis.call('HGET', KEYS[1], 'c'))
    if count >= tonumber(ARGV[4]) then return {0, count, since} end
    return {1, redis.call('HINCRBY', KEYS[1], 'c', 1), since}`,
};

type Scripted = Redis & {
  lockTry(queue: string, token: string, leaseMs: number, queueTtlMs: number, enqueue: '0' | '1'): Promise<number>;
  lockRelease(queue: string, token: string): Promise<number>;
  counterHit(key: string, nowMs: number, windowMs: number, ttlMs: number): Promise<[number, string]>;
  logAppend(items: string, seq: string, watermark: number, json: string, maxItems: number, maxBytes: number, ttlMs: number, channel: string, message: string): Promise<number>;
  counterTake(key: string, nowMs: number, windowMs: number, ttlMs: number, limit: number): Promise<[number, number, string]>;
};

/** A command that failed while Redis is away (ioredis gave up waiting for it): an outage, 503. */
function outage(err: unknown): never {
  throw err instanceof Error && /turn lock:/.test(err.message) ? err : new ServiceUnavailableError('Redis', err);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `namespace` keeps deployments (and tests) that share one Redis apart. */
export async function connectRedis(url: string, namespace = 'wegweiser', leaseMs = LEASE_MS): Promise<Coordination> {
  const prefix = `${namespace}:`;
  const client = new Redis(url, { keyPrefix: prefix, lazyConnect: true, maxRetriesPerRequest: 3 }) as Scripted;
  for (const [name, lua] of Object.entries(LUA)) client.defineCommand(name, { numberOfKeys: name === 'logAppend' ? 2 : 1, lua });
  // ioredis reconnects by itself after an outage, and each command fails while Redis is away
  // (the health check says so): its error events need no handler of their own.
  let lastError: Error | undefined;
  client.on('error', (err: Error) => void (lastError = err));
  try {
    await client.connect();
  } catch (err) {
    client.disconnect();
    throw new WegweiserError('SERVICE_UNREACHABLE', [`Redis at ${redactUrl(url, 'Redis')} does not answer: ${(lastError ?? (err as Error)).message}`]);
  }
  // Pub/sub needs its own connection; channel names are not keys, so they get the prefix by hand.
  const subscriber = client.duplicate({ keyPrefix: '' });
  subscriber.on('error', () => undefined);
  const listeners = new Map<string, Set<(message: string) => void>>();
  const subscribed = new Map<string, Promise<unknown>>();
  subscriber.on('message', (channel: string, message: string) => {
    for (const l of listeners.get(channel) ?? []) l(message);
  });

  const acquire = async (queue: string, token: string): Promise<void> => {
    const deadline = Date.now() + LOCK_WAIT_MS;
    let enqueue: '0' | '1' = '1';
    for (let wait = 1; ; wait = Math.min(wait * 2, 20)) {
      const got = await client.lockTry(queue, token, leaseMs, LOCK_WAIT_MS * 2, enqueue);
      if (got === 1) return;
      enqueue = got === -1 ? '1' : '0';
      if (Date.now() > deadline) {
        await client.lockRelease(queue, token);
        throw new Error('turn lock: the conversation stayed busy too long');
      }
      await sleep(wait);
    }
  };

  const redisLock: TurnLock = {
    async withLock(key, task) {
      const queue = `lock:${key}`;
      const token = randomUUID();
      await acquire(queue, token).catch(outage);
      const renew = setInterval(() => void client.pexpire(`${queue}:lease:${token}`, leaseMs).catch(() => undefined), leaseMs / 3);
      try {
        return await task();
      } finally {
        clearInterval(renew);
        await client.lockRelease(queue, token).catch(() => undefined);
      }
    },
  };

  const counters: WindowCounters = {
    async hit(key, nowMs, windowMs) {
      const [count, since] = await client.counterHit(`count:${key}`, nowMs, windowMs, windowMs * 2).catch(outage);
      return { count: Number(count), since: Number(since) };
    },
    async take(key, nowMs, windowMs, limit) {
      const [allowed, count, since] = await client.counterTake(`count:${key}`, nowMs, windowMs, windowMs * 2, limit).catch(outage);
      return { allowed: allowed === 1, count: Number(count), since: Number(since) };
    },
    async peek(key, nowMs, windowMs) {
      const w = await client.hgetall(`count:${key}`).catch(outage);
      if (w.s === undefined || nowMs - Number(w.s) > windowMs) return undefined;
      return { count: Number(w.c), since: Number(w.s) };
    },
    async reset(key) {
      await client.del(`count:${key}`);
    },
  };

  function logs<T>(name: string): ConversationLogs<T> {
    const seqKey = (id: string) => `${name}:${id}:seq`;
    const itemsKey = (id: string) => `${name}:${id}:items`;
    const channel = (id: string) => `${prefix}${name}:${id}`;
    return {
      async open(id) {
        await client.multi().set(seqKey(id), 0, 'PX', LOG_IDLE_MS, 'NX').pexpire(seqKey(id), LOG_IDLE_MS).pexpire(itemsKey(id), LOG_IDLE_MS).exec();
      },
      async exists(id) {
        return (await client.exists(seqKey(id))) === 1;
      },
      async append(id, make) {
        const watermark = (await client.incr(seqKey(id))) - 1;
        const item = make(watermark);
        const json = JSON.stringify(item);
        await client.logAppend(itemsKey(id), seqKey(id), watermark, json, LOG_MAX_ITEMS, LOG_MAX_BYTES, LOG_IDLE_MS, channel(id), JSON.stringify({ watermark, item }));
        return item;
      },
      async since(id, watermark) {
        const [[, seq], [, rows]] = (await client.multi().get(seqKey(id)).zrangebyscore(itemsKey(id), watermark, '+inf', 'WITHSCORES').exec()) as [[unknown, string | null], [unknown, string[]]];
        const items: { item: T; watermark: number }[] = [];
        for (let i = 0; i < rows.length; i += 2) items.push({ item: JSON.parse(rows[i]!) as T, watermark: Number(rows[i + 1]) });
        return { items, next: Number(seq ?? 0) };
      },
      async forgetBefore(id, watermark) {
        await client.zremrangebyscore(itemsKey(id), '-inf', `(${watermark}`);
      },
      async subscribe(id, listener) {
        const ch = channel(id);
        let set = listeners.get(ch);
        if (!set) {
          set = new Set();
          listeners.set(ch, set);
          subscribed.set(ch, subscriber.subscribe(ch));
        }
        await subscribed.get(ch);
        const onMessage = (message: string) => {
          const { watermark, item } = JSON.parse(message) as { watermark: number; item: T };
          listener(item, watermark);
        };
        set.add(onMessage);
        return () => {
          set.delete(onMessage);
          if (set.size === 0 && listeners.get(ch) === set) {
            listeners.delete(ch);
            subscribed.delete(ch);
            void subscriber.unsubscribe(ch).catch(() => undefined);
          }
        };
      },
    };
  }

  // The local lock in front keeps this instance's own turns in order and asks Redis once per turn.
  const local = createKeyedLock();
  return {
    redis: client,
    lock: { withLock: (key, task) => local.withLock(key, () => redisLock.withLock(key, task)) },
    counters,
    logs,
    ping: async () => void (await client.ping()),
    async sharedSecret(name) {
      await client.set(`secret:${name}`, randomBytes(32).toString('base64'), 'NX');
      return Buffer.from((await client.get(`secret:${name}`))!, 'base64');
    },
    async close() {
      subscriber.disconnect();
      await client.quit().catch(() => undefined);
    },
  };
}
