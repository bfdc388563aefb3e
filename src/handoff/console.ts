/**
 * GET /staff: the staff console, served by this server (no CDN), with headers that keep it from
 * being framed or running scripts from elsewhere. It talks to the JSON API with a bearer token
 * kept in the tab's session storage (no cookie, so no cross-site request can act for the advisor).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';

const DIR = join(import.meta.dirname, 'console');
const FILES = {
  '/staff': ['index.html', 'text/html; charset=utf-8'],
  '/staff/app.js': ['app.js', 'application/javascript; charset=utf-8'],
  '/staff/app.css': ['app.css', 'text/css; charset=utf-8'],
} as const;

function secure(reply: FastifyReply): FastifyReply {
  return reply
    .header('content-security-policy', "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .header('x-frame-options', 'DENY')
    .header('cache-control', 'no-store');
}

export function registerStaffConsole(app: FastifyInstance): void {
  for (const [path, [file, type]] of Object.entries(FILES)) {
    const body = readFileSync(join(DIR, file));
    app.get(path, async (_req, reply) => secure(reply).type(type).send(body));
  }
}
