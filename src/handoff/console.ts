/**
 * GET /staff: the staff console, served by this server (no CDN), with headers that keep it from
 * being framed or running scripts from elsewhere. It talks to the JSON API with a bearer token
 * kept in the tab's session storage (no cookie, so no cross-site request can act for the advisor).
 *
 * Every file under `console/` is served at `/staff/<its path>` (read once at start); a page
 * `console/<name>.html` is also served at `/staff/<name>`, and `index.html` at `/staff`. The
 * console's texts are `console/locales/<lang>/<namespace>.json`, loaded by `console/i18n.js`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { PATHS } from '../paths.js';

const DIR = PATHS.staffConsole;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
};

function secure(reply: FastifyReply): FastifyReply {
  return reply
    .header('content-security-policy', "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; media-src 'self' blob:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .header('x-frame-options', 'DENY')
    .header('cache-control', 'no-store');
}

/** Every servable file under `dir`, as [path relative to dir with '/', absolute path]. */
function filesUnder(dir: string): [string, string][] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && TYPES[extname(d.name)])
    .map((d) => {
      const full = join(d.parentPath, d.name);
      return [relative(dir, full).split(sep).join('/'), full];
    });
}

/** The URL paths a console file is served at. */
function routesFor(file: string): string[] {
  if (file === 'index.html') return ['/staff', '/staff/'];
  if (!file.includes('/') && file.endsWith('.html')) return [`/staff/${file}`, `/staff/${file.slice(0, -'.html'.length)}`];
  return [`/staff/${file}`];
}

export function registerStaffConsole(app: FastifyInstance): void {
  for (const [file, full] of filesUnder(DIR)) {
    const body = readFileSync(full);
    const type = TYPES[extname(file)]!;
    for (const path of routesFor(file)) app.get(path, async (_req, reply) => secure(reply).type(type).send(body));
  }
}
