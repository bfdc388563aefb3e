/**
 * Files from the web chat: Direct Line's upload, `POST /v3/directline/conversations/{id}/upload`
 * (multipart: an `activity` part, the message without its files, and one `file` part per file), as
 * Web Chat sends an attached file. The token must open the conversation. The files wait in memory
 * while the turn runs (during a handoff it stores them for the advisor), then they are dropped: the
 * transcript keeps their names only. Advisors' files reach the page as attachments whose address
 * is a signed link that expires.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ChannelMedia, OutgoingFile } from '../adapter.js';
import type { DirectLine } from './directline.js';
import { DIRECT_LINE_PREFIX } from './directline.js';
import type { Activity } from './parse.js';

interface Waiting {
  bytes: Buffer;
  contentType: string;
  name?: string;
}

const MAX_FILES = 10;

/** Files of uploads whose turn is running, by their `upload:<id>` reference. */
export class PendingUploads {
  private readonly files = new Map<string, Waiting>();

  hold(file: Waiting): string {
    const ref = `upload:${randomBytes(18).toString('base64url')}`;
    this.files.set(ref, file);
    return ref;
  }

  drop(refs: readonly string[]): void {
    for (const ref of refs) this.files.delete(ref);
  }

  get(ref: string): Waiting | undefined {
    return this.files.get(ref);
  }
}

/** The web chat's files: an upload's, while its turn runs; an advisor's, as an attachment with a signed link. */
export function webchatMedia(pending: PendingUploads, directLine: DirectLine): ChannelMedia {
  return {
    fetch: async (media, maxBytes) => {
      const file = pending.get(media.ref);
      if (!file) return { status: 'failed', reason: 'the upload is no longer held' };
      if (file.bytes.length > maxBytes) return { status: 'too-large' };
      return { status: 'ok', bytes: file.bytes, contentType: file.contentType, ...(file.name ? { name: file.name } : {}) };
    },
    sendFile: async (user, file: OutgoingFile, conversation) => {
      const activity: Activity = {
        type: 'message',
        from: { id: 'wegweiser', name: 'Wegweiser', role: 'bot' },
        locale: conversation?.lang ?? 'en',
        attachments: [{ contentType: file.contentType, contentUrl: file.url, name: file.name }],
      };
      return (await directLine.push(user, [activity]))
        ? { status: 'sent' }
        : { status: 'refused', why: 'gone', reason: 'the web chat page was closed: the conversation is no longer open' };
    },
  };
}

/** Mounts the upload route; `maxBytes` per file (a bigger one reaches the turn as too large), the request at most twice that. */
export async function registerUpload(app: FastifyInstance, directLine: DirectLine, pending: PendingUploads, maxBytes: number): Promise<void> {
  await app.register(async (scope) => {
    scope.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: 2 * maxBytes + 65_536 }, (_req, body, done) => done(null, body));
    scope.post<{ Params: { id: string }; Body: Buffer }>(`${DIRECT_LINE_PREFIX}/conversations/:id/upload`, { bodyLimit: 2 * maxBytes + 65_536 }, async (req, reply) => {
      const id = req.params.id;
      if (!directLine.opens(req.headers.authorization, id)) return reply.code(403).send({ error: { code: 'TokenInvalid', message: 'missing, invalid or expired token, or not for this conversation' } });
      const type = req.headers['content-type'];
      if (!Buffer.isBuffer(req.body) || typeof type !== 'string' || !type.startsWith('multipart/form-data')) {
        return reply.code(400).send({ error: { code: 'BadArgument', message: 'send multipart/form-data: an "activity" part and "file" parts' } });
      }
      let form: FormData;
      try {
        form = await new Response(new Uint8Array(req.body), { headers: { 'content-type': type } }).formData();
      } catch {
        return reply.code(400).send({ error: { code: 'BadArgument', message: 'the multipart body could not be read' } });
      }
      let activity: Activity;
      try {
        const part = form.get('activity');
        activity = part === null ? { type: 'message' } : (JSON.parse(typeof part === 'string' ? part : await part.text()) as Activity);
      } catch {
        return reply.code(400).send({ error: { code: 'BadArgument', message: 'the "activity" part must be an activity in JSON' } });
      }
      if (!activity || typeof activity !== 'object' || activity.type !== 'message') return reply.code(400).send({ error: { code: 'BadArgument', message: 'the "activity" part must be a message' } });
      const files = form.getAll('file').filter((f): f is File => typeof f !== 'string');
      if (!files.length || files.length > MAX_FILES) return reply.code(400).send({ error: { code: 'BadArgument', message: `send 1 to ${MAX_FILES} "file" parts` } });
      const refs: string[] = [];
      try {
        const attachments = [];
        for (const f of files) {
          const contentType = f.type || 'application/octet-stream';
          const ref = pending.hold({ bytes: Buffer.from(await f.arrayBuffer()), contentType, ...(f.name && f.name !== 'blob' ? { name: f.name } : {}) });
          refs.push(ref);
          attachments.push({ contentType, contentUrl: ref, ...(f.name ? { name: f.name } : {}) });
        }
        const answer = await directLine.receive(id, { ...activity, attachments });
        return reply.code(answer.code).send(answer.body);
      } finally {
        pending.drop(refs);
      }
    });
  });
}
