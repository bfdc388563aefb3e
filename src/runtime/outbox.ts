/**
 * The outbox: replies that could not be sent (a channel's API down) are stored as jobs in the
 * database and retried with backoff by the job runner, so nothing is lost across a restart.
 */
import { randomUUID } from 'node:crypto';
import type { ConversationStore, JobQueue } from '../storage/types.js';
import type { JobOutcome } from './job-runner.js';
import type { Outbound } from '../core/messages.js';
import type { ConversationState } from '../core/state.js';

/**
 * What became of a message from our side, for every channel. `sent`: with the channel's message
 * ids where it gives them. `refused`: sending again will not help (`why`: the person wrote stop,
 * WhatsApp's 24-hour window is over, the channel rejected the message, the conversation is gone).
 * `failed`: try again later, not before `retryAfterMs` when the channel said so (a 429).
 */
export type SendResult =
  | { status: 'sent'; ids?: string[] }
  | { status: 'refused'; reason: string; why?: 'opted-out' | 'outside-window' | 'rejected' | 'gone' }
  | { status: 'failed'; reason: string; retryAfterMs?: number };

/** What a sender may know of the conversation it sends into (none yet: `undefined`). */
export type SendingTo = Pick<ConversationState, 'lang' | 'updatedAt' | 'stopped'> | undefined;

/**
 * Messages that start on our side (an advisor's reply, a reminder): a channel that can send them
 * registers a sender under its name when it starts.
 */
export interface ChannelSender {
  send(user: string, outbox: readonly Outbound[], conversation: SendingTo): Promise<SendResult>;
}

/**
 * Sends to the person behind a conversation id ("telegram:12345") through their channel's sender;
 * refused, with the reason, for a person who wrote stop or a channel that cannot send.
 */
export async function sendToConversation(
  conversations: ConversationStore,
  senders: ReadonlyMap<string, ChannelSender>,
  conversationId: string,
  outbox: readonly Outbound[],
): Promise<SendResult> {
  const split = conversationId.indexOf(':');
  const channel = conversationId.slice(0, split);
  const state = await conversations.load(conversationId);
  if (state?.stopped) return { status: 'refused', why: 'opted-out', reason: 'the person wrote stop: nothing is sent until they write again' };
  const sender = senders.get(channel);
  if (!sender) return { status: 'refused', reason: `the ${channel} channel cannot send messages from our side` };
  return sender.send(conversationId.slice(split + 1), outbox, state ? { lang: state.lang, updatedAt: state.updatedAt } : undefined);
}

/** A send as a job's outcome: refused is final (skipped), a failure is retried. */
export function sendOutcome(sent: SendResult): JobOutcome {
  if (sent.status === 'sent') return { status: 'done', note: null };
  if (sent.status === 'refused') return { status: 'skipped', note: sent.reason };
  return { status: 'failed', note: sent.reason, ...(sent.retryAfterMs === undefined ? {} : { retryAfterMs: sent.retryAfterMs }) };
}

export const OUTBOX_KIND = 'send';
const FIRST_RETRY_MS = 60_000;

export interface OutboxItem {
  conversationId: string;
  outbox: Outbound[];
}

/** Stores a reply to try again in a minute, or later when the channel asked to wait longer (`retryAfterMs`). */
export async function enqueueReply(jobs: JobQueue, item: OutboxItem, now: Date, retryAfterMs = 0): Promise<void> {
  const runAt = new Date(now.getTime() + Math.max(FIRST_RETRY_MS, retryAfterMs)).toISOString();
  await jobs.schedule(
    { id: `${OUTBOX_KIND}:${randomUUID()}`, kind: OUTBOX_KIND, runAt, payload: JSON.stringify(item) },
    now,
  );
}

export function parseOutboxItem(payload: string): OutboxItem {
  const item = JSON.parse(payload) as Partial<OutboxItem> & { text?: string };
  return { conversationId: item.conversationId ?? '', outbox: item.outbox ?? (item.text ? [{ kind: 'text', text: item.text }] : []) };
}
