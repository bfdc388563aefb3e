/**
 * Twilio signs every webhook: X-Twilio-Signature over PUBLIC_BASE_URL + path and every form
 * parameter. A request without a valid signature gets 403 and changes nothing.
 */
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
// the signature check alone, not the whole SDK (loaded only when a message is sent, see send.ts)
import { validateRequest } from 'twilio/lib/webhooks/webhooks.js';
import type { Refusal } from '../webhook.js';

export function verifyTwilio(authToken: string, publicBaseUrl: string) {
  return (req: FastifyRequest): Refusal | undefined => {
    const signature = req.headers['x-twilio-signature'];
    const form = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
    if (typeof signature === 'string' && validateRequest(authToken, signature, `${publicBaseUrl}${req.url}`, form)) return undefined;
    return { code: 403, body: { error: 'invalid or missing X-Twilio-Signature (is PUBLIC_BASE_URL the URL Twilio calls?)' } };
  };
}

/**
 * The delivery log's key for what Twilio signed: the signature covers the URL and every
 * parameter, so two requests with one signature carry the same signed content.
 */
export function signedContentId(signature: string): string {
  return `signed:${createHash('sha256').update(signature).digest('hex').slice(0, 32)}`;
}
