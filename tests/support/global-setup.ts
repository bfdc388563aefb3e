/**
 * Before any test file: trains the knowledge index and the danger recogniser once and leaves them in
 * .cache/ (a clean clone has none), so that test files and the command-line runs they start load them
 * in a fraction of a second instead of each training its own copy at once.
 *
 * With TEST_STORE=postgres: clears what earlier runs left on the shared servers (the schemas and
 * Redis keys of test cores, all named wt_...), so every run starts clean.
 */
import pg from 'pg';
import { loadKnowledge } from '../../src/knowledge/open.js';
import { loadDangerForKnowledge } from '../../src/knowledge/safety.js';
import { PATHS } from '../../src/paths.js';
import { deleteKeys } from './services.js';
import { TEST_DATABASE_URL, TEST_REDIS_URL, TEST_STORE } from './test-core.js';

export async function setup(): Promise<void> {
  const { kb } = await loadKnowledge();
  loadDangerForKnowledge(kb, PATHS.safety, { cacheDir: PATHS.cache });
  if (TEST_STORE !== 'postgres') return;
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  const { rows } = await client.query<{ nspname: string }>("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'wt\\_%'");
  for (const r of rows) await client.query(`DROP SCHEMA "${r.nspname}" CASCADE`);
  await client.end();
  await deleteKeys(TEST_REDIS_URL, 'wt_*');
}
