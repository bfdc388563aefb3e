import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { LANGS } from '../core/lang.js';
import type { TurnMeta } from '../core/turn-meta.js';
import { questionOutcome } from '../reports/record.js';

/** The danger categories (see the danger recogniser); anything else is counted as `other`. */
const DANGER_CATEGORIES = ['exploitation', 'stranded', 'violence', 'selfharm'];
const QUESTION_OUTCOMES = ['answered', 'declined', 'choices'] as const;
/** The stored sends (see the outbox and the reminders). */
const JOB_KINDS = ['send', 'reminder'];

export interface MetricsOptions {
  /** The knowledge topics: the only values of the `topic` label (anything else is `other`), so the label stays bounded. */
  topics?: readonly string[];
}

/** What the metrics learn of a stored turn (see the turn observers). */
export interface MeteredTurn {
  channel: string;
  lang: string;
  meta: TurnMeta;
  forgotten: boolean;
}

/**
 * Prometheus metrics of this process: Node's defaults, turns by channel and outcome, and what the
 * operators watch: questions by outcome, topics, danger categories, handoff and booking events,
 * and the outbox. Every label has a bounded set of values (ids and codes, never text).
 */
export function createMetrics(opts: MetricsOptions = {}) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const bounded = (values: readonly string[]) => {
    const known = new Set(values);
    return (value: string | null | undefined) => (value && known.has(value) ? value : 'other');
  };
  const topicLabel = bounded(opts.topics ?? []);
  const langLabel = bounded(LANGS);
  const dangerLabel = bounded(DANGER_CATEGORIES);
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
  const messages = new Counter({ name: 'wegweiser_messages_total', help: 'Stored turns by channel and conversation language', labelNames: ['channel', 'lang'], registers: [registry] });
  const questions = new Counter({ name: 'wegweiser_questions_total', help: 'Knowledge questions by outcome (answered, declined, choices: "did you mean")', labelNames: ['channel', 'lang', 'outcome'], registers: [registry] });
  const topics = new Counter({ name: 'wegweiser_topic_answers_total', help: 'Knowledge answers by topic', labelNames: ['topic'], registers: [registry] });
  const danger = new Counter({ name: 'wegweiser_danger_messages_total', help: 'Messages that described a danger, by category', labelNames: ['category'], registers: [registry] });
  const handoffs = new Counter({ name: 'wegweiser_handoff_events_total', help: 'Handoffs opened, replied to for the first time, closed', labelNames: ['event'], registers: [registry] });
  const firstReply = new Histogram({
    name: 'wegweiser_handoff_first_reply_seconds',
    help: 'Time from a handoff to its first advisor reply',
    buckets: [60, 300, 900, 1800, 3600, 2 * 3600, 4 * 3600, 8 * 3600, 24 * 3600, 72 * 3600],
    registers: [registry],
  });
  const bookings = new Counter({ name: 'wegweiser_booking_events_total', help: 'Appointments made, cancelled, reminded', labelNames: ['event', 'via'], registers: [registry] });
  const jobs = new Counter({ name: 'wegweiser_outbox_jobs_total', help: 'Stored sends (replies to retry, reminders) by outcome', labelNames: ['kind', 'outcome'], registers: [registry] });
  const outboxFailures = new Counter({ name: 'wegweiser_outbox_failures_total', help: 'Stored sends that failed (retried with backoff until the last attempt)', labelNames: ['kind'], registers: [registry] });
  // Every known label value starts at 0, so a rate shows 0 rather than no data.
  for (const category of DANGER_CATEGORIES) danger.inc({ category }, 0);
  for (const event of ['opened', 'replied', 'closed']) handoffs.inc({ event }, 0);
  for (const [event, via] of [['made', 'chat'], ['made', 'staff'], ['cancelled', 'chat'], ['cancelled', 'staff'], ['reminded', 'job']] as const) bookings.inc({ event, via }, 0);
  for (const kind of JOB_KINDS) {
    outboxFailures.inc({ kind }, 0);
    for (const outcome of ['done', 'skipped', 'failed']) jobs.inc({ kind, outcome }, 0);
  }
  const seen = new Set<string>();
  return {
    registry,
    /** `channel` and `status` come from fixed sets (the channels' names, DeliveryStatus): the labels stay bounded. */
    countStatus(channel: string, status: string) {
      statuses.inc({ channel, status });
    },
    observeTurn(channel: string, seconds: number, outcome: 'ok' | 'error') {
      if (!seen.has(channel)) {
        seen.add(channel);
        turns.inc({ channel, outcome: 'error' }, 0);
      }
      turns.inc({ channel, outcome });
      turnSeconds.observe({ channel }, seconds);
    },
    /** The turn observer: what a stored turn did. */
    observeTurnMeta(turn: MeteredTurn) {
      if (turn.forgotten) return;
      const { meta } = turn;
      const lang = langLabel(turn.lang);
      messages.inc({ channel: turn.channel, lang });
      const outcome = questionOutcome(meta);
      if (outcome) {
        const key = `${turn.channel}|${lang}`;
        if (!seen.has(key)) {
          seen.add(key);
          for (const each of QUESTION_OUTCOMES) questions.inc({ channel: turn.channel, lang, outcome: each }, 0);
        }
        questions.inc({ channel: turn.channel, lang, outcome });
      }
      if (meta.topic) topics.inc({ topic: topicLabel(meta.topic) });
      if (meta.safety) danger.inc({ category: dangerLabel(meta.safety) });
      if (meta.handoff !== null) handoffs.inc({ event: 'opened' });
      if (meta.appointment) bookings.inc({ event: 'made', via: 'chat' });
      if (meta.cancelled) bookings.inc({ event: 'cancelled', via: 'chat' });
    },
    handoffEvent(event: 'firstReply' | 'closed', seconds?: number) {
      handoffs.inc({ event: event === 'firstReply' ? 'replied' : 'closed' });
      if (event === 'firstReply' && seconds !== undefined) firstReply.observe(seconds);
    },
    bookingEvent(event: 'made' | 'cancelled' | 'reminded', via: 'chat' | 'staff' | 'job') {
      bookings.inc({ event, via });
    },
    /** A stored send's outcome (done, skipped: refused for good, failed: tried again later). */
    observeJob(kind: string, outcome: 'done' | 'skipped' | 'failed') {
      jobs.inc({ kind, outcome });
      if (outcome === 'failed') outboxFailures.inc({ kind });
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
