/**
 * Files in handoffs over HTTP:
 *   GET  /api/media/{id}              a file of a handoff, for staff who may read its transcript
 *                                     (401 without a token, 403 for another centre's advisor);
 *   POST /api/handoffs/{id}/media     an advisor's photo or document for the person: the raw file
 *                                     as the body, its type as Content-Type, its name (URI-encoded)
 *                                     in X-Filename; 201 with the file's description;
 *   GET  /media/out/{id}?exp=&sig=    an advisor's file behind a signed link that expires (for
 *                                     Twilio, which fetches WhatsApp media itself, and the web chat).
 * Every file is served with its stored type, `nosniff`, a sandboxing CSP, and as an attachment
 * when it is a document, so that nothing a person sent can run as a page of this server.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { requireStaff } from '../staff/http.js';
import type { StaffAuth } from '../staff/auth.js';
import type { StoredMedia } from '../storage/types.js';
import type { HandoffMedia, MediaResult } from './media.js';

function serveFile(reply: FastifyReply, media: StoredMedia & { content: Buffer }, cache: string): FastifyReply {
  void reply
    .header('content-type', media.contentType)
    .header('content-length', String(media.content.length))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "sandbox; default-src 'none'")
    .header('cache-control', cache);
  if (media.kind === 'document') {
    const name = media.name ?? 'document';
    const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    void reply.header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`);
  }
  return reply.send(media.content);
}

function refuse(reply: FastifyReply, result: Exclude<MediaResult<unknown>, { status: 'ok' }>): FastifyReply {
  switch (result.status) {
    case 'not-found':
      return reply.code(404).send({ error: 'no such file or handoff' });
    case 'forbidden':
      return reply.code(403).send({ error: 'you act on your own centre only' });
    case 'closed':
      return reply.code(409).send({ error: 'this handoff is closed' });
    case 'refused':
      return reply.code(409).send({ error: result.reason });
    case 'failed':
      return reply.code(502).send({ error: `not sent (${result.reason}); nothing was kept, try again` });
  }
}

export function registerMediaApi(app: FastifyInstance, media: HandoffMedia, auth: StaffAuth, maxBytes: number): void {
  app.get<{ Params: { id: string } }>('/api/media/:id', async (req, reply) => {
    const member = await requireStaff(req, reply, auth);
    if (!member) return reply;
    const result = await media.read(member, req.params.id);
    if (result.status !== 'ok') return refuse(reply, result);
    return serveFile(reply, result.value, 'private, no-store');
  });

  app.get<{ Params: { id: string }; Querystring: { exp?: unknown; sig?: unknown } }>('/media/out/:id', async (req, reply) => {
    const file = await media.published(req.params.id, req.query.exp, req.query.sig);
    if (!file) return reply.code(404).send({ error: 'no such file, or the link has expired' });
    return serveFile(reply, file, 'private, max-age=3600');
  });

  // The file is the body itself, whatever its type (no JSON, no form), up to the media limit.
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: maxBytes }, (_req, body, done) => done(null, body));
    scope.post<{ Params: { id: string }; Body: Buffer }>('/api/handoffs/:id/media', { bodyLimit: maxBytes }, async (req, reply) => {
      const member = await requireStaff(req, reply, auth);
      if (!member) return reply;
      const contentType = req.headers['content-type'];
      if (!Buffer.isBuffer(req.body) || req.body.length === 0 || typeof contentType !== 'string') {
        return reply.code(400).send({ error: 'send the file as the body, with its Content-Type and its name in X-Filename' });
      }
      let name: string | undefined;
      try {
        const header = req.headers['x-filename'];
        name = typeof header === 'string' ? decodeURIComponent(header) : undefined;
      } catch {
        return reply.code(400).send({ error: 'X-Filename must be URI-encoded (encodeURIComponent)' });
      }
      const result = await media.send(member, req.params.id, { bytes: req.body, contentType, ...(name ? { name } : {}) });
      if (result.status !== 'ok') return refuse(reply, result);
      return reply.code(201).send({ status: 'ok', media: result.value });
    });
  });
}
