/**
 * A self-hosted Direct Line 3.0 compatible endpoint, so the official Web Chat talks to Wegweiser
 * with no cloud account: tokens, conversations, activities with a watermark, and the WebSocket
 * stream. Transcripts are kept a while in the conversation logs (memory, or Redis so that a page
 * connected to one instance hears replies made on another; the conversation's state is in the
 * database); a token opens only its own conversation. Of what a browser posts only what the bot
 * reads is kept (typing not at all), and a person over the message limit is refused.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import websocket from '@fastify/websocket';
import type { ConversationLogs } from '../../coordination/index.js';
import { keptFromUser, type Activity } from './parse.js';
import { bearer, TokenSigner, type TokenClaims } from './tokens.js';

export const DIRECT_LINE_PREFIX = '/v3/directline';

export interface DirectLineOptions {
  /** The URL the browser reaches this server at, for the stream URL. */
  publicBaseUrl: string;
  now: () => Date;
  /**
   * A user's activity arrived (what is kept of it): the bot's answer, after it recorded the
   * activity and its replies in the transcript (or refused it, recording nothing).
   */
  onUserActivity: (conversationId: string, activity: Activity, transcript: Transcript) => Promise<{ code: number; body: unknown }>;
  /** Where transcripts live and how new activities reach the open streams. */
  logs: ConversationLogs<Activity>;
  /** Signs the tokens; every instance behind one load balancer needs the same. */
  tokenSecret: Buffer;
  /** Per-IP limits; the store is shared between instances when Redis is configured. */
  rateLimitStore?: object;
  tokensPerMinute?: number;
}

export interface Transcript {
  /**
   * Appends the person's activity and the bot's replies to it; `forget` (the person's data was
   * deleted): the transcript before this activity goes too. The person's activity's id.
   */
  record(conversationId: string, activity: Activity, replies: readonly Activity[], forget: boolean): Promise<string>;
}

export interface DirectLine {
  /** Sends bot activities into a conversation (an advisor's reply); false when it is gone. */
  push(conversationId: string, activities: readonly Activity[]): Promise<boolean>;
  /** True when the Authorization header holds a valid token for this conversation (uploads). */
  opens(authorization: string | undefined, conversationId: string): boolean;
  /** A person's activity that arrived another way (an upload with its files): kept and answered as a posted one. */
  receive(conversationId: string, activity: Activity): Promise<{ code: number; body: unknown }>;
}

/** A client's watermark: absent or empty is 0; anything but a whole number is undefined. */
function parseWatermark(raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '' || raw === 'undefined' || raw === 'null') return 0;
  return /^\d{1,15}$/.test(raw) ? Number(raw) : undefined;
}

const frame = (activities: readonly Activity[], next: number) => JSON.stringify({ activities, watermark: String(next) });

export async function registerDirectLine(app: FastifyInstance, opts: DirectLineOptions): Promise<DirectLine> {
  const signer = new TokenSigner(opts.tokenSecret);
  const { logs } = opts;

  const append = async (conversationId: string, activity: Activity): Promise<{ activity: Activity; watermark: number }> => {
    let at = 0;
    const stored = await logs.append(conversationId, (watermark) => {
      at = watermark;
      return {
        ...activity,
        id: `${conversationId}|${String(watermark).padStart(7, '0')}`,
        timestamp: opts.now().toISOString(),
        channelId: 'directline',
        conversation: { id: conversationId },
      };
    });
    return { activity: stored, watermark: at };
  };

  const transcript: Transcript = {
    async record(conversationId, activity, replies, forget) {
      const { activity: stored, watermark } = await append(conversationId, activity);
      if (forget) await logs.forgetBefore(conversationId, watermark);
      for (const bot of replies) await append(conversationId, { ...bot, replyToId: stored.id });
      return stored.id!;
    },
  };

  /** The stream of a conversation; with a watermark it starts after what the client already has. */
  const streamUrl = (conversationId: string, token: string, watermark?: number) =>
    `${opts.publicBaseUrl.replace(/^http/, 'ws')}${DIRECT_LINE_PREFIX}/conversations/${encodeURIComponent(conversationId)}/stream?t=${encodeURIComponent(token)}` +
    (watermark ? `&watermark=${watermark}` : '');

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
  await app.register(rateLimit, { global: false, ...(opts.rateLimitStore ? { redis: opts.rateLimitStore } : {}) });
  const sockets = new Set<{ close(): void }>();
  app.addHook('onClose', async () => {
    for (const s of sockets) s.close();
  });

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
        return { conversationId: claims.conversationId, ...signer.refresh(claims, opts.now().getTime()) };
      });

      dl.post('/conversations', async (req, reply) => {
        const claims = authorise(req, reply);
        if (!claims) return reply;
        await logs.open(claims.conversationId);
        const token = bearer(req.headers.authorization)!;
        return reply.code(201).send({ conversationId: claims.conversationId, token, expires_in: signer.verify(token, 0)!.exp - Math.floor(opts.now().getTime() / 1000), streamUrl: streamUrl(claims.conversationId, token) });
      });

      // Reconnect to a conversation (a page reloaded, a stream dropped): a new stream URL that
      // starts after the client's watermark, so what arrived meanwhile comes and nothing twice.
      dl.get<{ Params: { id: string }; Querystring: { watermark?: string } }>('/conversations/:id', async (req, reply) => {
        const claims = authorise(req, reply, req.params.id);
        if (!claims) return reply;
        const watermark = parseWatermark(req.query.watermark);
        if (watermark === undefined) return reply.code(400).send({ error: { code: 'BadArgument', message: 'watermark must be a whole number' } });
        if (!(await logs.exists(claims.conversationId))) return reply.code(404).send({ error: { code: 'BadArgument', message: 'this conversation is no longer kept: start a new one' } });
        const token = bearer(req.headers.authorization)!;
        return { conversationId: claims.conversationId, token, expires_in: claims.exp - Math.floor(opts.now().getTime() / 1000), streamUrl: streamUrl(claims.conversationId, token, watermark) };
      });

      dl.post<{ Params: { id: string }; Body: Activity }>('/conversations/:id/activities', async (req, reply) => {
        if (!authorise(req, reply, req.params.id)) return reply;
        const activity = req.body;
        if (!activity || typeof activity !== 'object' || typeof activity.type !== 'string') {
          return reply.code(400).send({ error: { code: 'BadArgument', message: 'the body must be an activity with a type' } });
        }
        const id = req.params.id;
        const kept = keptFromUser(activity);
        if (!kept) return { id: `${id}|not-kept` }; // typing and the like: nothing for the bot
        const answer = await opts.onUserActivity(id, kept, transcript);
        return reply.code(answer.code).send(answer.body);
      });

      dl.get<{ Params: { id: string }; Querystring: { watermark?: string } }>('/conversations/:id/activities', async (req, reply) => {
        if (!authorise(req, reply, req.params.id)) return reply;
        await logs.open(req.params.id);
        const { items, next } = await logs.since(req.params.id, Number.parseInt(req.query.watermark ?? '0', 10) || 0);
        return { activities: items.map((i) => i.item), watermark: String(next) };
      });

      dl.get<{ Params: { id: string }; Querystring: { t?: string; watermark?: string } }>('/conversations/:id/stream', { websocket: true }, (socket, req) => {
        const claims = signer.verify(req.query.t, opts.now().getTime());
        if (!claims || claims.conversationId !== req.params.id) {
          socket.close(1008, 'invalid token');
          return;
        }
        const id = req.params.id;
        sockets.add(socket);
        // Listen first, then send what was missed; what arrives meanwhile waits, so nothing is
        // lost or sent twice, and the order holds.
        let next = Infinity;
        const waiting: { item: Activity; watermark: number }[] = [];
        const deliver = (item: Activity, watermark: number) => {
          if (watermark < next) return;
          next = watermark + 1;
          socket.send(frame([item], next));
        };
        let stop = () => {};
        socket.on('close', () => {
          sockets.delete(socket);
          stop();
        });
        void (async () => {
          await logs.open(id);
          stop = await logs.subscribe(id, (item, watermark) => (next === Infinity ? waiting.push({ item, watermark }) : deliver(item, watermark)));
          if (socket.readyState !== socket.OPEN) return stop();
          // No watermark: all that is kept. Web Chat posts its first activity while the stream
          // opens and waits for its echo; it drops what it already has by activity id.
          const from = Number(req.query.watermark ?? 0) || 0;
          const missed = await logs.since(id, from);
          if (missed.items.length) socket.send(frame(missed.items.map((i) => i.item), missed.items.at(-1)!.watermark + 1));
          next = missed.items.length ? missed.items.at(-1)!.watermark + 1 : from;
          for (const w of waiting.splice(0)) deliver(w.item, w.watermark);
        })().catch(() => socket.close(1011, 'stream unavailable'));
      });
    },
    { prefix: DIRECT_LINE_PREFIX },
  );

  return {
    async push(conversationId, activities) {
      if (!(await logs.exists(conversationId))) return false;
      for (const a of activities) await append(conversationId, a);
      return true;
    },
    opens(authorization, conversationId) {
      return signer.verify(bearer(authorization), opts.now().getTime())?.conversationId === conversationId;
    },
    async receive(conversationId, activity) {
      const kept = keptFromUser(activity);
      return kept ? opts.onUserActivity(conversationId, kept, transcript) : { code: 200, body: { id: `${conversationId}|not-kept` } };
    },
  };
}
