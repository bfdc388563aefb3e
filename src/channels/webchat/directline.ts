/**
 * A self-hosted Direct Line 3.0 compatible endpoint, so the official Web Chat talks to Wegweiser
 * with no cloud account: tokens, conversations, activities with a watermark, and the WebSocket
 * stream. Transcripts live in memory for a while (the conversation's state is in the database);
 * a token opens only its own conversation.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import websocket from '@fastify/websocket';
import type { WebSocket } from 'ws';
import type { Activity } from './activities.js';
import { bearer, TokenSigner, type TokenClaims } from './tokens.js';

export const DIRECT_LINE_PREFIX = '/v3/directline';
/** A transcript keeps this many recent activities: enough for a reconnecting page. */
const MAX_ACTIVITIES = 200;
/** Conversations idle this long are forgotten (their state stays in the database until it expires). */
const IDLE_MS = 2 * 3600_000;

interface DirectLineConversation {
  id: string;
  activities: Activity[];
  /** The watermark of activities[0]: activities before it were dropped. */
  offset: number;
  sockets: Set<WebSocket>;
  lastUsed: number;
}

export interface DirectLineOptions {
  /** The URL the browser reaches this server at, for the stream URL. */
  publicBaseUrl: string;
  now: () => Date;
  /** A user's activity arrived: return the bot's replies. */
  onUserActivity: (conversationId: string, activity: Activity) => Promise<Activity[]>;
  tokensPerMinute?: number;
}

export interface DirectLine {
  /** Sends bot activities into a conversation (an advisor's reply); false when it is gone. */
  push(conversationId: string, activities: readonly Activity[]): boolean;
}

export async function registerDirectLine(app: FastifyInstance, opts: DirectLineOptions): Promise<DirectLine> {
  const signer = new TokenSigner();
  const conversations = new Map<string, DirectLineConversation>();

  const sweep = setInterval(() => {
    const now = opts.now().getTime();
    for (const [id, c] of conversations) if (now - c.lastUsed > IDLE_MS && c.sockets.size === 0) conversations.delete(id);
  }, 60_000);
  sweep.unref();
  app.addHook('onClose', async () => {
    clearInterval(sweep);
    for (const c of conversations.values()) for (const s of c.sockets) s.close();
  });

  const open = (id: string): DirectLineConversation => {
    let c = conversations.get(id);
    if (!c) {
      c = { id, activities: [], offset: 0, sockets: new Set(), lastUsed: opts.now().getTime() };
      conversations.set(id, c);
    }
    c.lastUsed = opts.now().getTime();
    return c;
  };

  const append = (c: DirectLineConversation, activity: Activity): Activity => {
    const watermark = c.offset + c.activities.length;
    const stored = { ...activity, id: `${c.id}|${String(watermark).padStart(7, '0')}`, timestamp: opts.now().toISOString(), channelId: 'directline', conversation: { id: c.id } };
    c.activities.push(stored);
    if (c.activities.length > MAX_ACTIVITIES) {
      c.activities.shift();
      c.offset += 1;
    }
    const message = JSON.stringify({ activities: [stored], watermark: String(watermark + 1) });
    for (const s of c.sockets) s.send(message);
    return stored;
  };

  const streamUrl = (conversationId: string, token: string) =>
    `${opts.publicBaseUrl.replace(/^http/, 'ws')}${DIRECT_LINE_PREFIX}/conversations/${encodeURIComponent(conversationId)}/stream?t=${encodeURIComponent(token)}`;

  /** The token's claims, when it is valid and (where a conversation is named) for that conversation. */
  const authorise = (req: FastifyRequest, reply: FastifyReply, conversationId?: string): TokenClaims | undefined => {
    const claims = signer.verify(bearer(req.headers.authorization), opts.now().getTime());
    if (!claims) {
      void reply.code(403).send({ error: { code: 'TokenInvalid', message: 'missing, invalid or expired token' } });
      return undefined;
    }
    if (conversationId !== undefined && claims.conversationId !== conversationId) {
      void reply.code(403).send({ error: { code: 'BadArgument', message: 'this token does not open that conversation' } });
      return undefined;
    }
    return claims;
  };

  await app.register(websocket);
  await app.register(rateLimit, { global: false });

  await app.register(
    async (dl) => {
      // Direct Line clients POST /conversations with no body; an empty JSON body is an empty object here.
      dl.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
        if (body === '') return done(null, {});
        try {
          done(null, JSON.parse(body as string));
        } catch {
          done(Object.assign(new Error('the body is not valid JSON'), { statusCode: 400 }), undefined);
        }
      });
      dl.post(
        '/tokens/generate',
        { config: { rateLimit: { max: opts.tokensPerMinute ?? 30, timeWindow: '1 minute' } } },
        async (_req, reply) => {
          const conversationId = randomUUID();
          return reply.code(200).send({ conversationId, ...signer.issue(conversationId, opts.now().getTime()) });
        },
      );

      dl.post('/tokens/refresh', async (req, reply) => {
        const claims = authorise(req, reply);
        if (!claims) return reply;
        return { conversationId: claims.conversationId, ...signer.issue(claims.conversationId, opts.now().getTime()) };
      });

      dl.post('/conversations', async (req, reply) => {
        const claims = authorise(req, reply);
        if (!claims) return reply;
        open(claims.conversationId);
        const token = bearer(req.headers.authorization)!;
        return reply.code(201).send({ conversationId: claims.conversationId, token, expires_in: signer.verify(token, 0)!.exp - Math.floor(opts.now().getTime() / 1000), streamUrl: streamUrl(claims.conversationId, token) });
      });

      dl.get<{ Params: { id: string } }>('/conversations/:id', async (req, reply) => {
        const claims = authorise(req, reply, req.params.id);
        if (!claims) return reply;
        const token = bearer(req.headers.authorization)!;
        return { conversationId: claims.conversationId, token, streamUrl: streamUrl(claims.conversationId, token) };
      });

      dl.post<{ Params: { id: string }; Body: Activity }>('/conversations/:id/activities', async (req, reply) => {
        if (!authorise(req, reply, req.params.id)) return reply;
        const activity = req.body;
        if (!activity || typeof activity !== 'object' || typeof activity.type !== 'string') {
          return reply.code(400).send({ error: { code: 'BadArgument', message: 'the body must be an activity with a type' } });
        }
        const c = open(req.params.id);
        const stored = append(c, { ...activity, from: { id: activity.from?.id ?? 'user', name: activity.from?.name, role: 'user' } });
        for (const bot of await opts.onUserActivity(c.id, stored)) append(c, { ...bot, replyToId: stored.id });
        return { id: stored.id };
      });

      dl.get<{ Params: { id: string }; Querystring: { watermark?: string } }>('/conversations/:id/activities', async (req, reply) => {
        if (!authorise(req, reply, req.params.id)) return reply;
        const c = open(req.params.id);
        const from = Math.max(Number.parseInt(req.query.watermark ?? '0', 10) || 0, c.offset);
        return { activities: c.activities.slice(from - c.offset), watermark: String(c.offset + c.activities.length) };
      });

      dl.get<{ Params: { id: string }; Querystring: { t?: string; watermark?: string } }>('/conversations/:id/stream', { websocket: true }, (socket, req) => {
        const claims = signer.verify(req.query.t, opts.now().getTime());
        if (!claims || claims.conversationId !== req.params.id) {
          socket.close(1008, 'invalid token');
          return;
        }
        const c = open(req.params.id);
        c.sockets.add(socket);
        const from = req.query.watermark === undefined ? c.offset + c.activities.length : Math.max(Number(req.query.watermark) || 0, c.offset);
        const missed = c.activities.slice(from - c.offset);
        if (missed.length) socket.send(JSON.stringify({ activities: missed, watermark: String(c.offset + c.activities.length) }));
        socket.on('close', () => c.sockets.delete(socket));
      });
    },
    { prefix: DIRECT_LINE_PREFIX },
  );

  return {
    push(conversationId, activities) {
      const c = conversations.get(conversationId);
      if (!c) return false;
      for (const a of activities) append(c, a);
      return true;
    },
  };
}
