/**
 * Per-IP limits on the webhooks. Twilio and Telegram send every person's messages from a few
 * addresses, so counting all requests per IP would throttle a campaign; instead an address that
 * keeps sending rejected requests (wrong signature or secret, malformed body) is refused for a
 * while. Only requests that are rejected anyway are refused: a delivery that passes verification
 * is always answered, so nobody can lock a channel out by sending bad requests "from" its
 * address. The counts live in the shared counters, so every instance refuses the same address.
 */
import type { FastifyInstance } from 'fastify';
import type { WindowCounters } from '../coordination/counters.js';

export const WEBHOOK_PATHS = ['/webhooks/', '/api/messages'];
const WINDOW_MS = 10 * 60_000;
const REJECTED = new Set([400, 401, 403, 404, 405, 409, 413, 415]);

/** `maxRejects`: rejected requests an address may send per 10 minutes before its rejections become 429s. */
export function registerWebhookGuard(app: FastifyInstance, counters: WindowCounters, now: () => Date, maxRejects: number): void {
  const guarded = (url: string) => WEBHOOK_PATHS.some((p) => url.startsWith(p));
  app.addHook('onSend', async (req, reply, payload) => {
    if (!guarded(req.url) || !REJECTED.has(reply.statusCode)) return payload;
    const rejects = await counters.hit(`webhook-ip:${req.ip}`, now().getTime(), WINDOW_MS);
    if (rejects.count <= maxRejects) return payload;
    const retryAfter = Math.max(1, Math.ceil((rejects.since + WINDOW_MS - now().getTime()) / 1000));
    reply.code(429).header('retry-after', String(retryAfter)).type('application/json; charset=utf-8');
    return JSON.stringify({ error: 'too many rejected requests from this address; try again later' });
  });
}
