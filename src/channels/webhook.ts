/**
 * The one pipeline every channel's deliveries run through, as grammY's `webhookCallback` serves
 * every framework: verify → parse → (under the conversation's lock) look up → turn → render →
 * store the turn with its answer in one transaction (→ what the channel sends on its own). An
 * adapter gives only its parts; the order, exactly-once and the answers to a retry, a replay or a
 * delivery still being handled live here, once.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ChannelHints, Inbound } from '../core/messages.js';
import type { ChannelServices, Delivered, TurnRef } from './adapter.js';

/** A request the channel refuses: status, body, and headers (retry-after). */
export interface Refusal {
  code: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** A delivery that runs a turn. */
export interface Delivery<X> {
  ref: TurnRef;
  inbound: Inbound;
  hints: ChannelHints;
  /** The channel's id of this delivery: a retry with it is answered once, with the stored reply. */
  id: string | undefined;
  /** Claimed once with the delivery (WhatsApp's signed content): claimed before means a replay. */
  replayKey?: string;
  /** What render and send need besides the turn (a chat id, the activity). */
  extra: X;
}

/** What `parse` makes of a request: a turn, nothing for the bot (answered with `body`), or a refusal. */
export type Parsed<X> =
  | { status: 'turn'; delivery: Delivery<X> }
  | { status: 'ignore'; body: unknown }
  /** `problem`: one of a few fixed sentences, safe to log (it never quotes the request). */
  | { status: 'refuse'; refusal: Refusal; problem?: string };

/** The turn's side of the pipeline, also run by channels whose SDK drives the request (Bot Framework, polling). */
export interface DeliveryParts<X> {
  /** The turn's answer as the response body (kept for retries), or a refusal (nothing kept, the claim released). */
  render(delivered: Delivered, delivery: Delivery<X>): Promise<string | Refusal> | string | Refusal;
  /** After the claim is complete: what the channel sends on its own. A failure here never runs the turn again. */
  send?(delivered: Delivered, delivery: Delivery<X>): Promise<void>;
  /** render writes nothing outside the turn (see DeliveryTicket.pureRender). */
  pureRender?: boolean;
  /** What a retry gets while the first is still being handled. */
  busy: Refusal;
  /** What the same signed content under another delivery id gets. */
  replay?: Refusal;
}

export type DeliveryOutcome = { status: 'answered'; body: string } | { status: 'refused'; refusal: Refusal };

export async function runDelivery<X>(ctx: ChannelServices, delivery: Delivery<X>, parts: DeliveryParts<X>): Promise<DeliveryOutcome> {
  const { channel } = delivery.ref;
  // render runs inside the turn's transaction: its answer is stored with the turn, for a retry.
  let refused: Refusal | undefined;
  const outcome = await ctx.deliver(delivery.ref, delivery.inbound, delivery.hints, {
    ...(delivery.id === undefined ? {} : { id: delivery.id }),
    ...(delivery.replayKey === undefined ? {} : { replayKey: delivery.replayKey }),
    ...(parts.pureRender ? { pureRender: true } : {}),
    render: async (delivered) => {
      const body = await parts.render(delivered, delivery);
      if (typeof body === 'string') return body;
      refused = body;
      return undefined;
    },
  });
  switch (outcome.status) {
    case 'busy':
      return { status: 'refused', refusal: parts.busy };
    case 'replay':
      ctx.log.warn({ channel }, `${channel}: signed content already received under another delivery id; refused as a replay`);
      return { status: 'refused', refusal: parts.replay ?? { code: 409, body: { error: 'this signed content was already delivered' } } };
    case 'unkept':
      return { status: 'refused', refusal: refused! };
    case 'answered':
      // The turn is done and stored: from here a failed send goes to the outbox, never a second turn.
      if (outcome.delivered && parts.send) await parts.send(outcome.delivered, delivery);
      return { status: 'answered', body: outcome.answer };
  }
}

export interface WebhookParts<X> extends DeliveryParts<X> {
  /** The channel's name, for log lines. */
  channel: string;
  path: string;
  /**
   * The channel's signature or secret, checked once. `on: 'request'` checks it before the body is
   * even parsed (a header secret); `'body'` after (a signature over the form).
   */
  verify: { on: 'request' | 'body'; check(req: FastifyRequest): Refusal | undefined };
  /** The channel is not ready to run turns yet (still connecting): the refusal makes it retry. */
  ready?(): Promise<Refusal | undefined>;
  parse(req: FastifyRequest): Parsed<X>;
  /** The content type of the rendered answer. */
  type: string;
}

function refuse(reply: FastifyReply, r: Refusal): FastifyReply {
  if (r.headers) for (const [k, v] of Object.entries(r.headers)) void reply.header(k, v);
  return reply.code(r.code).type('application/json; charset=utf-8').send(r.body);
}

/** Mounts one webhook route that runs the whole pipeline. */
export function mountWebhook<X>(app: FastifyInstance, ctx: ChannelServices, parts: WebhookParts<X>): void {
  const early = parts.verify.on === 'request';
  app.post(
    parts.path,
    {
      ...(early
        ? {
            onRequest: async (req: FastifyRequest, reply: FastifyReply) => {
              const refused = parts.verify.check(req);
              if (refused) await refuse(reply, refused);
            },
          }
        : {}),
    },
    async (req, reply) => {
      if (!early) {
        const refused = parts.verify.check(req);
        if (refused) return refuse(reply, refused);
      }
      const parsed = parts.parse(req);
      if (parsed.status === 'refuse') {
        if (parsed.problem) ctx.log.warn({ channel: parts.channel, problem: parsed.problem }, `${parts.channel}: malformed delivery refused`);
        return refuse(reply, parsed.refusal);
      }
      if (parsed.status === 'ignore') return reply.send(parsed.body);
      const notReady = await parts.ready?.();
      if (notReady) return refuse(reply, notReady);
      const outcome = await runDelivery(ctx, parsed.delivery, parts);
      if (outcome.status === 'refused') return refuse(reply, outcome.refusal);
      return reply.type(parts.type).send(outcome.body);
    },
  );
}
