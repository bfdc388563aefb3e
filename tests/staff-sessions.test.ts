/**
 * Staff sessions on the running server: the sign-in lockout holds when wrong passwords arrive all
 * at once (the attempt is counted before the password is checked), a token can be signed out, all
 * tokens of an account can be revoked (by the account itself, or from the command line), and a
 * new password ends every session.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaffAuth } from '../src/staff/auth.js';
import { openStorage } from '../src/storage/open.js';
import { runCli } from './support/run-cli.js';
import { startTestServer, type RunningServer } from './support/server.js';

let server: RunningServer;
const PASSWORD = 'correct horse battery';

beforeAll(async () => {
  server = await startTestServer({});
});
afterAll(async () => server.close());

const login = (email: string, password: string) =>
  fetch(`${server.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
const as = (token: string | undefined, path: string, method = 'GET') =>
  fetch(`${server.base}${path}`, { method, headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });
async function signIn(email: string): Promise<string> {
  const session = await server.core.auth.login(email, PASSWORD);
  if (session.status !== 'ok') throw new Error(`sign-in failed: ${session.status}`);
  return session.token;
}

describe('sign-in lockout under concurrency', () => {
  it('checks at most five of 15 wrong passwords sent at once; the rest, and then the right one, get 429', async () => {
    await server.core.auth.create({ email: 'rush@accra.example', password: PASSWORD, centreId: 'gh-accra', role: 'advisor' });
    const statuses = (await Promise.all(Array.from({ length: 15 }, (_, i) => login('rush@accra.example', `guess ${i}`)))).map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(10);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    expect((await server.core.auth.login('rush@accra.example', PASSWORD)).status).toBe('locked');
  });

  it('counts exactly five wrong attempts of 15 at once on the account, whatever address they come from', async () => {
    await server.core.auth.create({ email: 'spray@accra.example', password: PASSWORD, centreId: 'gh-accra', role: 'advisor' });
    const results = await Promise.all(Array.from({ length: 15 }, (_, i) => server.core.auth.login('SPRAY@accra.example', `guess ${i}`)));
    expect(results.filter((r) => r.status === 'wrong')).toHaveLength(5);
    expect(results.filter((r) => r.status === 'locked')).toHaveLength(10);
    expect((await server.core.auth.login('spray@accra.example', PASSWORD)).status).toBe('locked');
  });

  it('a right password within the limit signs in and starts the count afresh', async () => {
    await server.core.auth.create({ email: 'fresh@accra.example', password: PASSWORD, centreId: 'gh-accra', role: 'advisor' });
    for (let i = 0; i < 4; i++) expect((await server.core.auth.login('fresh@accra.example', 'guess')).status).toBe('wrong');
    expect((await server.core.auth.login('fresh@accra.example', PASSWORD)).status).toBe('ok');
    for (let i = 0; i < 4; i++) expect((await server.core.auth.login('fresh@accra.example', 'guess')).status).toBe('wrong');
    expect((await server.core.auth.login('fresh@accra.example', PASSWORD)).status).toBe('ok');
  });
});

describe('signing out', () => {
  it('POST /api/auth/logout revokes the caller’s token only', async () => {
    await server.core.auth.create({ email: 'out@accra.example', password: PASSWORD, centreId: 'gh-accra', role: 'advisor' });
    const [first, second] = [await signIn('out@accra.example'), await signIn('out@accra.example')];
    expect((await as(first, '/api/appointments')).status).toBe(200);
    expect((await as(first, '/api/auth/logout', 'POST')).status).toBe(204);
    expect((await as(first, '/api/appointments')).status).toBe(401);
    expect((await as(first, '/api/handoffs')).status).toBe(401);
    expect((await as(first, '/api/auth/logout', 'POST')).status).toBe(401);
    expect((await as(second, '/api/appointments')).status).toBe(200);
    expect((await as(undefined, '/api/auth/logout', 'POST')).status).toBe(401);
    expect((await as('not-a-token', '/api/auth/logout', 'POST')).status).toBe(401);
    expect((await server.core.storage.staff.auditLog(50)).map((e) => e.action)).toContain('logout');
  });

  it('POST /api/auth/logout?all=true revokes every token of the caller’s account, and no one else’s', async () => {
    await server.core.auth.create({ email: 'all@accra.example', password: PASSWORD, centreId: 'gh-accra', role: 'advisor' });
    await server.core.auth.create({ email: 'other@accra.example', password: PASSWORD, centreId: 'gh-accra', role: 'advisor' });
    const mine = [await signIn('all@accra.example'), await signIn('all@accra.example'), await signIn('all@accra.example')];
    const theirs = await signIn('other@accra.example');
    expect((await as(mine[0], '/api/auth/logout?all=true', 'POST')).status).toBe(204);
    for (const token of mine) expect((await as(token, '/api/appointments')).status).toBe(401);
    expect((await as(theirs, '/api/appointments')).status).toBe(200);
    expect((await as(theirs, '/api/auth/logout?all=maybe', 'POST')).status).toBe(400);
    expect((await as(theirs, '/api/appointments')).status).toBe(200);
  });
});

describe('revoking from the command line', () => {
  it('`staff revoke-tokens --email` and `staff reset-password` end every session of the account', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'wegweiser-revoke-'));
    const env = { DATA_DIR: dataDir, DATABASE_URL: '' };
    expect((await runCli(['staff', 'add', '--email', 'cli@accra.example', '--password', PASSWORD, '--centre', 'gh-accra', '--role', 'advisor'], '', env)).code).toBe(0);
    const tokens = async () => {
      const storage = await openStorage(`sqlite:${join(dataDir, 'wegweiser.sqlite')}`);
      try {
        const auth = new StaffAuth(storage.staff, () => new Date());
        const made: string[] = [];
        for (let i = 0; i < 2; i++) {
          const session = await auth.login('cli@accra.example', PASSWORD);
          if (session.status === 'ok') made.push(session.token);
        }
        return made;
      } finally {
        await storage.close();
      }
    };
    const valid = async (list: string[]) => {
      const storage = await openStorage(`sqlite:${join(dataDir, 'wegweiser.sqlite')}`);
      try {
        const auth = new StaffAuth(storage.staff, () => new Date());
        return (await Promise.all(list.map((t) => auth.memberFor(t)))).filter(Boolean).length;
      } finally {
        await storage.close();
      }
    };

    const before = await tokens();
    expect(await valid(before)).toBe(2);
    const revoked = await runCli(['staff', 'revoke-tokens', '--email', 'CLI@accra.example'], '', env);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toContain('2 sessions of cli@accra.example signed out');
    expect(await valid(before)).toBe(0);
    expect((await runCli(['staff', 'revoke-tokens', '--email', 'nobody@accra.example'], '', env)).code).not.toBe(0);

    const again = await tokens();
    expect((await runCli(['staff', 'reset-password', '--email', 'cli@accra.example', '--password', 'another long password'], '', env)).code).toBe(0);
    expect(await valid(again)).toBe(0);
  }, 60_000);
});
