/**
 * What instances share, as one contract for both implementations: in memory (one instance) and on
 * Redis (two connections stand for two instances). Skipped, and said so, when Redis does not answer.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createLocalCoordination, createRedisCoordination, type Coordination } from '../src/coordination/index.js';
import { createMemoryLogs, LOG_MAX_ITEMS } from '../src/coordination/conversation-logs.js';
import { connectRedis } from '../src/coordination/redis.js';
import { redisAnswers } from './support/services.js';
import { TEST_REDIS_URL } from './support/test-core.js';

const redis = await redisAnswers(TEST_REDIS_URL);

const opened: Coordination[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((c) => c.close()));
});

/** Two instances sharing one coordination. */
type Pair = () => Promise<[Coordination, Coordination]>;
const stores: [string, Pair | undefined][] = [
  ['in memory', async () => {
    const c = createLocalCoordination();
    opened.push(c);
    return [c, c];
  }],
  [`Redis at ${TEST_REDIS_URL}`, redis ? async () => {
    const ns = `wt_${randomUUID().slice(0, 8)}`;
    const pair = [await createRedisCoordination(TEST_REDIS_URL, ns), await createRedisCoordination(TEST_REDIS_URL, ns)] as [Coordination, Coordination];
    opened.push(...pair);
    return pair;
  } : undefined],
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (const [name, pair] of stores) {
  describe.skipIf(!pair)(pair ? `coordination: ${name}` : `coordination: ${name} — not reachable, skipped`, () => {
    it('runs one turn per conversation at a time across instances, in arrival order, and others in parallel', async () => {
      const [a, b] = await pair!();
      const log: string[] = [];
      let inside = 0;
      let most = 0;
      const turn = (c: Coordination, key: string, n: number) =>
        c.lock.withLock(key, async () => {
          inside += key === 'p1' ? 1 : 0;
          most = Math.max(most, inside);
          log.push(`${key}:${n}`);
          await sleep(3);
          inside -= key === 'p1' ? 1 : 0;
          return n;
        });
      const results: Promise<number>[] = [];
      for (let n = 0; n < 12; n++) {
        results.push(turn(n % 2 ? a : b, 'p1', n));
        results.push(turn(n % 2 ? b : a, 'p2', n));
        await sleep(1); // arrivals a moment apart, alternating instances
      }
      expect(await Promise.all(results)).toHaveLength(24);
      expect(most).toBe(1);
      expect(log.filter((l) => l.startsWith('p1:'))).toEqual(Array.from({ length: 12 }, (_, n) => `p1:${n}`));
    });

    it('releases the lock when a turn throws', async () => {
      const [a, b] = await pair!();
      await expect(a.lock.withLock('p', async () => { throw new Error('boom'); })).rejects.toThrow('boom');
      expect(await b.lock.withLock('p', async () => 'next')).toBe('next');
    });

    it('counts per window with the caller’s clock, shared by instances', async () => {
      const [a, b] = await pair!();
      const t = Date.parse('2026-11-23T10:00:00Z');
      expect(await a.counters.hit('k', t, 60_000)).toEqual({ count: 1, since: t });
      expect(await b.counters.hit('k', t + 1000, 60_000)).toEqual({ count: 2, since: t });
      expect(await a.counters.peek('k', t + 2000, 60_000)).toEqual({ count: 2, since: t });
      expect(await b.counters.peek('k', t + 61_000, 60_000)).toBeUndefined();
      expect(await b.counters.hit('k', t + 61_000, 60_000)).toEqual({ count: 1, since: t + 61_000 });
      await a.counters.reset('k');
      expect(await b.counters.peek('k', t + 62_000, 60_000)).toBeUndefined();
    });

    it('takes at most the limit of 30 concurrent attempts across instances, and only counts those it allows', async () => {
      const [a, b] = await pair!();
      const t = Date.parse('2026-11-23T10:00:00Z');
      const takes = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).counters.take('login:x', t, 60_000, 5)));
      expect(takes.filter((r) => r.allowed)).toHaveLength(5);
      expect(takes.filter((r) => !r.allowed).every((r) => r.count === 5 && r.since === t)).toBe(true);
      expect(await a.counters.peek('login:x', t + 1000, 60_000)).toEqual({ count: 5, since: t });
      expect(await b.counters.take('login:x', t + 61_000, 60_000, 5)).toEqual({ allowed: true, count: 1, since: t + 61_000 });
    });

    it('shares conversation logs: an item appended on one instance reaches a listener on the other, in order', async () => {
      const [a, b] = await pair!();
      const logA = a.logs<{ text: string; w: number }>('dl');
      const logB = b.logs<{ text: string; w: number }>('dl');
      expect(await logA.exists('c1')).toBe(false);
      await logA.open('c1');
      expect(await logB.exists('c1')).toBe(true);
      const heard: string[] = [];
      const stop = await logA.subscribe('c1', (item, w) => heard.push(`${w}:${item.text}`));
      await logB.append('c1', (w) => ({ text: 'one', w }));
      await logA.append('c1', (w) => ({ text: 'two', w }));
      await logB.append('c1', (w) => ({ text: 'three', w }));
      for (let i = 0; i < 100 && heard.length < 3; i++) await sleep(5);
      expect(heard).toEqual(['0:one', '1:two', '2:three']);
      stop();
      await logB.append('c1', (w) => ({ text: 'four', w }));
      await sleep(20);
      expect(heard).toHaveLength(3);
      expect(await logB.since('c1', 2)).toEqual({ items: [{ item: { text: 'three', w: 2 }, watermark: 2 }, { item: { text: 'four', w: 3 }, watermark: 3 }], next: 4 });
      expect((await logA.since('c1', 99)).items).toEqual([]);
    });

    it('keeps a log within its bytes and items, newest first kept, and forgets before a watermark', async () => {
      const [a, b] = await pair!();
      const log = a.logs<{ w: number; pad: string }>('dl');
      for (let w = 0; w < 12; w++) await log.append('big', (wm) => ({ w: wm, pad: 'p'.repeat(50_000) }));
      const kept = await b.logs<{ w: number; pad: string }>('dl').since('big', 0);
      expect(kept.next).toBe(12);
      expect(kept.items.map((i) => i.watermark)).toEqual([7, 8, 9, 10, 11]); // 5 × 50 kB fit in 256 kB
      for (let w = 0; w < 250; w++) await log.append('many', (wm) => ({ w: wm, pad: '' }));
      const many = await log.since('many', 0);
      expect(many.items).toHaveLength(LOG_MAX_ITEMS);
      expect(many.items[0]!.watermark).toBe(50);
      await log.forgetBefore('many', 240);
      expect((await b.logs('dl').since('many', 0)).items.map((i) => i.watermark)).toEqual([240, 241, 242, 243, 244, 245, 246, 247, 248, 249]);
      await log.append('many', (wm) => ({ w: wm, pad: '' }));
      expect((await log.since('many', 250)).items).toEqual([{ item: { w: 250, pad: '' }, watermark: 250 }]);
    });

    it('gives every instance the same secret', async () => {
      const [a, b] = await pair!();
      const secret = await a.sharedSecret('directline');
      expect(secret.length).toBe(32);
      expect((await b.sharedSecret('directline')).equals(secret)).toBe(true);
    });
  });
}

describe.skipIf(!redis)('Redis turn lock after a crash', () => {
  it('passes the lock on when its holder stops renewing it (the instance died)', async () => {
    const ns = `wt_${randomUUID().slice(0, 8)}`;
    const dead = await connectRedis(TEST_REDIS_URL, ns, 300);
    const alive = await connectRedis(TEST_REDIS_URL, ns, 300);
    try {
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      const holding = dead.lock.withLock('p', () => held);
      await sleep(50);
      await dead.close(); // the process is gone: nothing renews its lease
      const started = Date.now();
      expect(await alive.lock.withLock('p', async () => 'took over')).toBe('took over');
      expect(Date.now() - started).toBeLessThan(5000);
      release();
      await holding.catch(() => undefined);
    } finally {
      await alive.close();
    }
  });
});

describe('conversation logs in memory', () => {
  it('keep a bounded number of conversations and bytes, dropping the least recently used, quiet ones first', async () => {
    const logs = createMemoryLogs<string>(Date.now, { maxItems: 10, maxBytes: 1000, maxConversations: 3, maxTotalBytes: 2500 });
    await logs.open('listened');
    const stop = await logs.subscribe('listened', () => {});
    for (const id of ['a', 'b', 'c']) await logs.open(id);
    expect(await logs.exists('listened')).toBe(true);
    expect(await logs.exists('a')).toBe(false);
    expect([await logs.exists('b'), await logs.exists('c')]).toEqual([true, true]);
    await logs.since('b', 0); // used again: now c is the least recently used
    await logs.open('d');
    expect([await logs.exists('b'), await logs.exists('c'), await logs.exists('d')]).toEqual([true, false, true]);
    // bytes of all logs together: 3 × ~900 bytes is too many
    for (const id of ['b', 'd', 'listened']) for (let i = 0; i < 3; i++) await logs.append(id, () => 'x'.repeat(290));
    expect(await logs.exists('b')).toBe(false);
    expect([await logs.exists('d'), await logs.exists('listened')]).toEqual([true, true]);
    stop();
  });
});
