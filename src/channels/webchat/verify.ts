/**
 * What web chat checks itself. Direct Line: its tokens (tokens.ts), per route in directline.ts.
 * Bot Framework: with MicrosoftAppId botbuilder checks the channel's JWT; without it (anonymous,
 * for development) no token proves who sent an activity, so its `serviceUrl` is the sender's word:
 * taken as it is, anyone could make this server post to any address (server-side request
 * forgery). In that mode only loopback (the Bot Framework Emulator) and the configured prefixes
 * are allowed.
 */
import type { FastifyRequest } from 'fastify';
import type { Refusal } from '../webhook.js';

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/** Whether `serviceUrl` is loopback or lies under one of `allowed` (same scheme, host and port, path below). */
export function serviceUrlAllowed(serviceUrl: unknown, allowed: readonly string[]): boolean {
  if (typeof serviceUrl !== 'string') return false;
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (url.username || url.password) return false;
  if (LOOPBACK.test(url.hostname)) return true;
  return allowed.some((prefix) => {
    const p = new URL(prefix);
    const base = p.pathname.endsWith('/') ? p.pathname : `${p.pathname}/`;
    return url.origin === p.origin && (url.pathname === p.pathname || url.pathname.startsWith(base));
  });
}

/** An anonymous activity whose serviceUrl is not allowed is refused before botbuilder sees it. */
export function verifyAnonymousActivity(allowed: readonly string[]) {
  return (req: FastifyRequest): Refusal | undefined =>
    serviceUrlAllowed((req.body as { serviceUrl?: unknown } | null)?.serviceUrl, allowed)
      ? undefined
      : { code: 403, body: { error: 'serviceUrl not allowed: without MicrosoftAppId only loopback and BOTFRAMEWORK_SERVICE_URLS are accepted' } };
}
