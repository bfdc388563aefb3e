/**
 * Direct Line tokens: signed (HMAC-SHA256), bound to one conversation, expiring. A token opens only
 * its own conversation. Stateless, so a token can be checked without a lookup.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const TOKEN_TTL_SECONDS = 3600;

export interface TokenClaims {
  conversationId: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

export class TokenSigner {
  constructor(private readonly secret: Buffer = randomBytes(32)) {}

  issue(conversationId: string, nowMs: number): { token: string; expires_in: number } {
    const payload = Buffer.from(JSON.stringify({ conversationId, exp: Math.floor(nowMs / 1000) + TOKEN_TTL_SECONDS })).toString('base64url');
    return { token: `${payload}.${this.mac(payload)}`, expires_in: TOKEN_TTL_SECONDS };
  }

  verify(token: string | undefined, nowMs: number): TokenClaims | undefined {
    if (!token) return undefined;
    const [payload, mac] = token.split('.');
    if (!payload || !mac) return undefined;
    const expected = Buffer.from(this.mac(payload));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    try {
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenClaims;
      return typeof claims.conversationId === 'string' && claims.exp * 1000 > nowMs ? claims : undefined;
    } catch {
      return undefined;
    }
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}

export function bearer(header: string | undefined): string | undefined {
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
}
