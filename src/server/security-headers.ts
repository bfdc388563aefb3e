/**
 * Headers every response carries: no content sniffing, and no referrer sent to the sites that a
 * chat's links lead to. Pages set their own Content-Security-Policy beside the HTML they serve.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

const DEFAULTS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_req, reply, payload) => {
    for (const [name, value] of Object.entries(DEFAULTS)) if (!reply.hasHeader(name)) reply.header(name, value);
    return payload;
  });
}

/** A CSP source that allows exactly this inline script or style. */
export function cspHash(inline: string): string {
  return `'sha256-${createHash('sha256').update(inline, 'utf8').digest('base64')}'`;
}
