/** Whether the shared services answer (so suites that need them run, or say they were skipped), and cleaning up after them. */
import { Redis } from 'ioredis';
import pg from 'pg';

export async function postgresAnswers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  let connected = false;
  try {
    await client.connect();
    connected = true;
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    if (connected) await client.end().catch(() => undefined);
  }
}

export async function redisAnswers(url: string): Promise<boolean> {
  const probe = new Redis(url, { lazyConnect: true, connectTimeout: 1000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on('error', () => undefined); // the answer is the boolean
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

/** Deletes the keys matching `pattern` (e.g. "wt_*"), a batch at a time. */
export async function deleteKeys(url: string, pattern: string): Promise<void> {
  const redis = new Redis(url);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  await redis.quit();
}
