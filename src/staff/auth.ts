/**
 * Staff accounts: passwords hashed with scrypt (memory-hard, in Node's own crypto), bearer tokens
 * that expire (only their hash is stored), and who may act on which centre.
 */
import { randomBytes, randomUUID, scrypt, timingSafeEqual, createHash } from 'node:crypto';
import { createMemoryCounters, type WindowCounters } from '../coordination/counters.js';
import type { StaffMember, StaffRole, StaffStore } from '../storage/types.js';

const SCRYPT = { N: 2 ** 15, r: 8, p: 1, keylen: 32, maxmem: 64 * 1024 * 1024 };
export const TOKEN_TTL_MS = 12 * 3600_000;
export const MIN_PASSWORD_LENGTH = 10;

function derive(password: string, salt: Buffer, params = SCRYPT): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, params.keylen, { N: params.N, r: params.r, p: params.p, maxmem: params.maxmem }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** `scrypt$N$r$p$salt$hash`, so the cost can be raised later without breaking old hashes. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(password, Buffer.from(salt, 'base64'), { ...SCRYPT, N: Number(n), r: Number(r), p: Number(p), keylen: expected.length });
  return timingSafeEqual(key, expected);
}

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** After this many wrong passwords for one account within the window, it is locked for the window. */
export const LOCKOUT = { failures: 5, windowMs: 15 * 60_000 };

export type LoginResult = { status: 'ok'; token: string; member: StaffMember } | { status: 'wrong' } | { status: 'locked'; retryAfterSeconds: number };

export class StaffAuth {
  constructor(
    private readonly staff: StaffStore,
    private readonly now: () => Date,
    /** Wrong passwords per account; shared between instances when Redis is configured. */
    private readonly failures: WindowCounters = createMemoryCounters(),
  ) {}

  async create(input: { email: string; password: string; centreId: string; role: StaffRole; lang?: string }): Promise<StaffMember> {
    if (input.password.length < MIN_PASSWORD_LENGTH) throw new Error(`the password needs at least ${MIN_PASSWORD_LENGTH} characters`);
    const member: StaffMember = { id: randomUUID(), email: input.email.toLowerCase(), centreId: input.centreId, role: input.role, lang: input.lang ?? null };
    await this.staff.add({ ...member, passwordHash: await hashPassword(input.password) }, this.now());
    await this.staff.audit({ staffId: null, action: 'staff.add', target: member.email }, this.now());
    return member;
  }

  /**
   * A bearer token for the right email and password; 'wrong' otherwise (the same answer for an
   * unknown email); 'locked' after repeated wrong passwords for the account. Each attempt takes
   * its place in the count before the password is checked, so attempts sent all at once get no
   * more checks than attempts sent one by one; a right password starts the count afresh.
   */
  async login(email: string, password: string): Promise<LoginResult> {
    const key = `login:${email.toLowerCase()}`;
    const nowMs = this.now().getTime();
    const attempt = await this.failures.take(key, nowMs, LOCKOUT.windowMs, LOCKOUT.failures);
    if (!attempt.allowed) return { status: 'locked', retryAfterSeconds: Math.ceil((attempt.since + LOCKOUT.windowMs - nowMs) / 1000) };
    const member = await this.staff.byEmail(email);
    // Hash even for an unknown email, so the answer takes as long either way.
    const ok = member ? await verifyPassword(password, member.passwordHash) : (await hashPassword(password), false);
    if (!member || !ok || member.disabled) {
      if (member) await this.staff.audit({ staffId: member.id, action: 'login.failed' }, this.now());
      return { status: 'wrong' };
    }
    await this.failures.reset(key);
    const token = randomBytes(32).toString('base64url');
    await this.staff.saveToken(tokenHash(token), member.id, new Date(this.now().getTime() + TOKEN_TTL_MS).toISOString());
    await this.staff.audit({ staffId: member.id, action: 'login' }, this.now());
    const { passwordHash: _hash, ...plain } = member;
    return { status: 'ok', token, member: plain };
  }

  async memberFor(token: string | undefined): Promise<StaffMember | undefined> {
    return token ? this.staff.byToken(tokenHash(token), this.now()) : undefined;
  }

  /** Signs out: this token (`everywhere`: every token of its account) stops working at once. */
  async logout(token: string, member: StaffMember, everywhere = false): Promise<void> {
    if (everywhere) await this.staff.revokeTokens(member.id);
    else await this.staff.revokeToken(tokenHash(token));
    await this.staff.audit({ staffId: member.id, action: everywhere ? 'logout.all' : 'logout' }, this.now());
  }

  /** Every session of the account ends (a lost laptop, a person who left); undefined for an unknown email. */
  async revokeAll(email: string): Promise<number | undefined> {
    const member = await this.staff.byEmail(email);
    if (!member) return undefined;
    const count = await this.staff.revokeTokens(member.id);
    await this.staff.audit({ staffId: null, action: 'staff.revoke-tokens', target: member.email }, this.now());
    return count;
  }
}

/** Curators and admins work the curator's queue (questions from every centre, masked). */
export function mayCurate(member: StaffMember): boolean {
  return member.role === 'curator' || member.role === 'admin';
}

/** Advisors act on their own centre only; admins on all. */
export function mayActOn(member: StaffMember, centreId: string): boolean {
  return member.role === 'admin' || member.centreId === centreId;
}
