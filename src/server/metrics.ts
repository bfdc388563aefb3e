import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics of this process: Node's defaults, turns by channel and outcome, delivery statuses reported by channel and status. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const turns = new Counter({ name: 'wegweiser_turns_total', help: 'Conversation turns handled', labelNames: ['channel', 'outcome'], registers: [registry] });
  const turnSeconds = new Histogram({
    name: 'wegweiser_turn_seconds',
    help: 'Time to handle one turn',
    labelNames: ['channel'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [registry],
  });
  const statuses = new Counter({
    name: 'wegweiser_message_statuses_total',
    help: 'Delivery statuses the channels reported for messages from our side (Twilio status callbacks)',
    labelNames: ['channel', 'status'],
    registers: [registry],
  });
  return {
    registry,
    /** `channel` and `status` come from fixed sets (the channels' names, DeliveryStatus): the labels stay bounded. */
    countStatus(channel: string, status: string) {
      statuses.inc({ channel, status });
    },
    observeTurn(channel: string, seconds: number, outcome: 'ok' | 'error') {
      turns.inc({ channel, outcome });
      turnSeconds.observe({ channel }, seconds);
    },
  };
}
export type Metrics = ReturnType<typeof createMetrics>;

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * The onRequest hook of GET /metrics: with METRICS_TOKEN set, only `Authorization: Bearer <token>`
 * gets through (401 otherwise); unset, the metrics stay public. Compared in constant time.
 */
export function metricsGuard(token: string | undefined) {
  const expected = token === undefined ? undefined : digest(`Bearer ${token}`);
  return async (req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    if (!expected || timingSafeEqual(digest(req.headers.authorization ?? ''), expected)) return undefined;
    return reply.code(401).header('www-authenticate', 'Bearer').send({ error: 'send Authorization: Bearer <METRICS_TOKEN>' });
  };
}
