/**
 * Direct Line tokens: signed (HMAC-SHA256), bound to one conversation, expiring. A token opens only
 * its own conversation. Stateless, so a token can be checked without a lookup. A refreshed token
 * keeps the first token's issue time, so refreshing cannot keep a stolen token alive for ever.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const TOKEN_TTL_SECONDS = 3600;
/** No token of a conversation, however often refreshed, lives longer than this after the first. */
export const TOKEN_MAX_LIFETIME_SECONDS = 24 * 3600;

export interface TokenClaims {
  conversationId: string;
  /** When the conversation's first token was issued, seconds since the epoch. */
  iat: number;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

/** base64url payload, a dot, and the 43 base64url characters of an HMAC-SHA256: nothing before, after or between. */
const TOKEN_SHAPE = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{43})$/;

export class TokenSigner {
  constructor(private readonly secret: Buffer = randomBytes(32)) {}

  /** A new token; `issuedAt` (seconds) carries a refreshed token's origin. */
  issue(conversationId: string, nowMs: number, issuedAt = Math.floor(nowMs / 1000)): { token: string; expires_in: number } {
    const now = Math.floor(nowMs / 1000);
    const exp = Math.min(now + TOKEN_TTL_SECONDS, issuedAt + TOKEN_MAX_LIFETIME_SECONDS);
    const payload = Buffer.from(JSON.stringify({ conversationId, iat: issuedAt, exp })).toString('base64url');
    return { token: `${payload}.${this.mac(payload)}`, expires_in: exp - now };
  }

  /** A fresh token for the same conversation, within the first token's maximum lifetime. */
  refresh(claims: TokenClaims, nowMs: number): { token: string; expires_in: number } {
    return this.issue(claims.conversationId, nowMs, claims.iat);
  }

  verify(token: string | undefined, nowMs: number): TokenClaims | undefined {
    const match = token ? TOKEN_SHAPE.exec(token) : null;
    if (!match) return undefined;
    const [, payload, mac] = match as unknown as [string, string, string];
    const expected = Buffer.from(this.mac(payload));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    // Canonical base64url only: a payload that decodes the same with other bits is refused.
    const json = Buffer.from(payload, 'base64url');
    if (json.toString('base64url') !== payload) return undefined;
    try {
      const claims = JSON.parse(json.toString('utf8')) as Partial<TokenClaims>;
      if (typeof claims.conversationId !== 'string' || typeof claims.exp !== 'number' || claims.exp * 1000 <= nowMs) return undefined;
      // Tokens signed before issue times were carried count from their own issue.
      return { conversationId: claims.conversationId, exp: claims.exp, iat: typeof claims.iat === 'number' ? claims.iat : claims.exp - TOKEN_TTL_SECONDS };
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
