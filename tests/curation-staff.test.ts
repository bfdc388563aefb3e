/**
 * The curator role: `staff add --role curator` (no centre needed) makes an account that opens the
 * curator's queue; bad roles are refused. Migration 11 rebuilds the staff table for the new role
 * and keeps every account and session of a database made before it (SQLite, and PostgreSQL with
 * TEST_STORE=postgres).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StaffAuth } from '../src/staff/auth.js';
import { MIGRATIONS, migrate } from '../src/storage/migrations.js';
import type { Database } from '../src/storage/sql.js';
import { SqliteDatabase } from '../src/storage/sqlite/driver.js';
import { createStorage } from '../src/storage/storage.js';
import { runCli } from './support/run-cli.js';
import { startTestServer } from './support/server.js';
import { TEST_DATABASE_URL, TEST_STORE } from './support/test-core.js';

const PASSWORD = 'correct horse battery';

describe('the curator role', () => {
  it('`staff add --role curator` creates a curator who opens the queue; a wrong role is refused', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'wegweiser-curator-'));
    const env = { DATA_DIR: dataDir, DATABASE_URL: '' };
    const added = await runCli(['staff', 'add', '--email', 'curator@cli.example', '--password', PASSWORD, '--role', 'curator'], '', env);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain('curator');
    expect((await runCli(['staff', 'add', '--email', 'x@cli.example', '--password', PASSWORD, '--role', 'boss'], '', env)).code).not.toBe(0);
    expect((await runCli(['staff', 'add', '--email', 'y@cli.example', '--password', PASSWORD, '--role', 'advisor'], '', env)).code).not.toBe(0); // advisors need a centre
    const listed = await runCli(['staff', 'list'], '', env);
    expect(listed.stdout).toMatch(/curator@cli\.example\tcurator/);
    expect(listed.stdout).not.toContain('x@cli.example');

    // The command line wrote to the SQLite file of DATA_DIR (TEST_STORE=postgres would move the server elsewhere).
    if (TEST_STORE !== 'sqlite') return;
    const server = await startTestServer({ DATABASE_URL: `sqlite:${join(dataDir, 'wegweiser.sqlite')}` });
    try {
      const login = await fetch(`${server.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'curator@cli.example', password: PASSWORD }) });
      const { token, staff } = (await login.json()) as { token: string; staff: { role: string } };
      expect(staff.role).toBe('curator');
      const res = await fetch(`${server.base}/api/curation`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ items: [], groups: [] });
    } finally {
      await server.close();
    }
  }, 60_000);

  it('migration 11 keeps the accounts and sessions of an older database', async () => {
    let db: Database;
    if (TEST_STORE === 'postgres') {
      const { connectPostgres } = await import('../src/storage/postgres/driver.js');
      db = await connectPostgres(TEST_DATABASE_URL, { schema: `wt_${randomUUID().replaceAll('-', '').slice(0, 16)}` });
    } else {
      db = await SqliteDatabase.open(join(mkdtempSync(join(tmpdir(), 'wegweiser-m11-')), 'old.sqlite'));
    }
    try {
      await migrate(db, MIGRATIONS.filter((m) => m.version < 11));
      const before = createStorage(db);
      const auth = new StaffAuth(before.staff, () => new Date());
      await auth.create({ email: 'old@accra.example', password: PASSWORD, centreId: 'gh-accra', role: 'advisor' });
      const session = await auth.login('old@accra.example', PASSWORD);
      expect(session.status).toBe('ok');

      expect(await migrate(db)).toContain(11);
      const after = createStorage(db);
      const member = await new StaffAuth(after.staff, () => new Date()).memberFor(session.status === 'ok' ? session.token : '');
      expect(member).toMatchObject({ email: 'old@accra.example', role: 'advisor', centreId: 'gh-accra' });
      await new StaffAuth(after.staff, () => new Date()).create({ email: 'new@curation.example', password: PASSWORD, centreId: '', role: 'curator' });
      expect((await after.staff.list()).map((m) => m.role).sort()).toEqual(['advisor', 'curator']);
      // Removing an account still ends its sessions (the rebuilt table keeps ON DELETE CASCADE).
      await after.staff.remove('old@accra.example');
      expect(await new StaffAuth(after.staff, () => new Date()).memberFor(session.status === 'ok' ? session.token : '')).toBeUndefined();
      expect(await db.all('SELECT * FROM staff_tokens')).toEqual([]);
    } finally {
      await db.close();
    }
  }, 60_000);
});
