/**
 * Messages from our side, followed to the person's phone. Each is stored with what the channel
 * said: its message ids (whose delivery statuses the channel reports later: sent, delivered,
 * read, failed, undelivered), `waiting` while held for WhatsApp's window, `queued` while in the
 * outbox. Held messages are released, in order and once, by the person's next message: the turn
 * that re-opens the window queues them in its own transaction (see Conversations). A transient
 * failure the channel reports is tried again a few times; anything else is shown to the advisor.
 */
import { randomUUID } from 'node:crypto';
import type { Outbound } from '../core/messages.js';
import type { DeliveryStatus, JobQueue, OutboundMessage, Repositories, StatusReported } from '../storage/types.js';
import type { JobOutcome } from './job-runner.js';
import { OUTBOX_KIND, sendToConversation, type ChannelSender, type SendPurpose, type SendResult } from './outbox.js';

type Repos = Pick<Repositories, 'conversations' | 'outbound' | 'jobs'>;

/** What to store with a message from our side. */
export interface OutboundRecord {
  conversationId: string;
  outbox: readonly Outbound[];
  purpose?: SendPurpose;
  /** The advisor's transcript message it carries. */
  handoffMessageId?: number;
}

const channelOf = (conversationId: string) => conversationId.slice(0, conversationId.indexOf(':'));

/** Stores a message the channel took (`sent`): queued until the channel reports on it, or sent where it never does. */
export async function recordSent(repos: Pick<Repos, 'outbound'>, m: OutboundRecord, sent: Extract<SendResult, { status: 'sent' }>, now: Date): Promise<string> {
  const id = randomUUID();
  const ids = sent.tracked ? (sent.ids ?? []) : [];
  await repos.outbound.add(row(id, m, ids.length ? 'queued' : 'sent'), ids, now);
  return id;
}

/** Stores a message to send later: `waiting` for the window, or `queued` for the outbox. */
export async function storeUnsent(repos: Pick<Repos, 'outbound'>, m: OutboundRecord, status: 'waiting' | 'queued', now: Date): Promise<string> {
  const id = randomUUID();
  await repos.outbound.add(row(id, m, status), [], now);
  return id;
}

function row(id: string, m: OutboundRecord, status: DeliveryStatus): Omit<OutboundMessage, 'errorCode' | 'attempts' | 'createdAt'> {
  return {
    id, conversationId: m.conversationId, channel: channelOf(m.conversationId), handoffMessageId: m.handoffMessageId ?? null,
    purpose: m.purpose ? JSON.stringify(m.purpose) : null, outbox: JSON.stringify(m.outbox), status,
  };
}

/** Puts stored messages in the outbox, to be sent in this order from `runAt`. */
export async function queueOutbound(jobs: JobQueue, conversationId: string, outboundIds: readonly string[], runAt: Date, now: Date): Promise<void> {
  await jobs.schedule(
    { id: `${OUTBOX_KIND}:${randomUUID()}`, kind: OUTBOX_KIND, runAt: runAt.toISOString(), payload: JSON.stringify({ conversationId, outbox: [], outboundIds }) },
    now,
  );
}

/** The person wrote: their held messages go to the outbox, due now, in order (inside the turn's transaction: once). */
export async function releaseWaiting(repos: Pick<Repos, 'outbound' | 'jobs'>, conversationId: string, now: Date): Promise<number> {
  const released = await repos.outbound.releaseWaiting(conversationId, now);
  if (released.length) await queueOutbound(repos.jobs, conversationId, released, now, now);
  return released.length;
}

/**
 * The outbox job for stored messages: each still to send is handed to the channel, in order. A
 * passing failure stops there (the job is tried again, and what was sent is not sent twice); a
 * window closed again puts the message back to wait; any other refusal marks it failed.
 */
export async function sendStored(repos: Repos, senders: ReadonlyMap<string, ChannelSender>, conversationId: string, ids: readonly string[], now: () => Date): Promise<JobOutcome> {
  for (const m of await repos.outbound.toSend(ids)) {
    const purpose = m.purpose ? (JSON.parse(m.purpose) as SendPurpose) : undefined;
    const sent = await sendToConversation(repos.conversations, senders, conversationId, JSON.parse(m.outbox) as Outbound[], purpose);
    if (sent.status === 'sent') {
      const tracked = sent.tracked ? (sent.ids ?? []) : [];
      await repos.outbound.handedOver(m.id, tracked, tracked.length ? 'queued' : 'sent', now());
    } else if (sent.status === 'refused') {
      await repos.outbound.setStatus(m.id, sent.why === 'outside-window' && m.handoffMessageId !== null ? 'waiting' : 'failed', null, now());
    } else {
      return { status: 'failed', note: sent.reason, ...(sent.retryAfterMs === undefined ? {} : { retryAfterMs: sent.retryAfterMs }) };
    }
  }
  return { status: 'done', note: null };
}

/**
 * Twilio's error codes for a failure that may pass (queue overflow, handset unreachable, unknown
 * error, a missing segment, WhatsApp's rate limit): such a message is tried again.
 * https://www.twilio.com/docs/api/errors
 */
export const TRANSIENT_ERROR_CODES: ReadonlySet<string> = new Set(['30001', '30003', '30008', '30009', '63018']);
export const MAX_DELIVERY_ATTEMPTS = 3;
const RETRY_AFTER_MS = 5 * 60_000;

/** One status report of the channel. */
export interface StatusReport {
  channel: string;
  messageId: string;
  status: Exclude<DeliveryStatus, 'waiting'>;
  errorCode: string | null;
}

/**
 * Stores a status the channel reported; a transient failure of a message tried fewer than
 * MAX_DELIVERY_ATTEMPTS times is queued again (after a few minutes). Undefined for an unknown id.
 */
export async function recordStatus(repos: Pick<Repos, 'outbound' | 'jobs'>, report: StatusReport, now: Date): Promise<StatusReported | undefined> {
  const reported = await repos.outbound.report(report.channel, report.messageId, report.status, report.errorCode, now);
  if (!reported?.moved) return reported;
  const m = reported.outbound;
  const failed = m.status === 'failed' || m.status === 'undelivered';
  if (failed && m.errorCode !== null && TRANSIENT_ERROR_CODES.has(m.errorCode) && m.attempts < MAX_DELIVERY_ATTEMPTS) {
    await repos.outbound.queueAgain(m.id, now);
    await queueOutbound(repos.jobs, m.conversationId, [m.id], new Date(now.getTime() + RETRY_AFTER_MS * m.attempts), now);
    return { moved: true, outbound: { ...m, status: 'queued', attempts: m.attempts + 1 } };
  }
  return reported;
}
