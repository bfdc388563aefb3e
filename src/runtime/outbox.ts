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
  /** `tracked`: the channel reports each id's delivery later (Twilio's status callbacks); `template`: sent as an approved template. */
  | { status: 'sent'; ids?: string[]; tracked?: boolean; template?: boolean }
  | { status: 'refused'; reason: string; why?: 'opted-out' | 'outside-window' | 'rejected' | 'gone' }
  | { status: 'failed'; reason: string; retryAfterMs?: number };

/** What a sender may know of the conversation it sends into (none yet: `undefined`). */
export type SendingTo = Pick<ConversationState, 'lang' | 'updatedAt' | 'stopped'> | undefined;

/**
 * Why we write first. A channel that allows free-form messages only for a while after the
 * person's last message (WhatsApp's 24 hours) sends an approved template for the purpose after
 * that, filled with these values (already written in the person's language).
 */
export type SendPurpose =
  | { kind: 'appointment-reminder'; date: string; time: string; centre: string; reference: string }
  /** An advisor answered: the template invites the person to reply; the advisor's messages wait for that reply. */
  | { kind: 'advisor-replied'; centre: string }
  /** The centre cancelled or moved the booking. */
  | { kind: 'booking-changed'; date: string; time: string; centre: string; reference: string };
export type PurposeKind = SendPurpose['kind'];
export const PURPOSES: readonly PurposeKind[] = ['appointment-reminder', 'advisor-replied', 'booking-changed'];

/** How a message can reach the person now: free-form, only as the purpose's template, or not at all (no template configured). */
export type Reach = 'now' | 'template' | 'no-template';

/**
 * Messages that start on our side (an advisor's reply, a reminder): a channel that can send them
 * registers a sender under its name when it starts.
 */
export interface ChannelSender {
  /** Sends `outbox`; where the channel allows only a template now, the template for `purpose` instead (refused without one). */
  send(user: string, outbox: readonly Outbound[], conversation: SendingTo, purpose?: SendPurpose): Promise<SendResult>;
  /** How a message for `purpose` can reach the person now; a channel without this always sends (`now`). */
  reach?(conversation: SendingTo, purpose: PurposeKind): Reach;
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
  purpose?: SendPurpose,
): Promise<SendResult> {
  const split = conversationId.indexOf(':');
  const channel = conversationId.slice(0, split);
  const state = await conversations.load(conversationId);
  if (state?.stopped) return { status: 'refused', why: 'opted-out', reason: 'the person wrote stop: nothing is sent until they write again' };
  const sender = senders.get(channel);
  if (!sender) return { status: 'refused', reason: `the ${channel} channel cannot send messages from our side` };
  return sender.send(conversationId.slice(split + 1), outbox, state ? { lang: state.lang, updatedAt: state.updatedAt } : undefined, purpose);
}

/** How a message for `purpose` can reach the person behind the conversation now (see Reach). */
export async function reachOf(conversations: ConversationStore, senders: ReadonlyMap<string, ChannelSender>, conversationId: string, purpose: PurposeKind): Promise<Reach> {
  const channel = conversationId.slice(0, conversationId.indexOf(':'));
  const sender = senders.get(channel);
  if (!sender?.reach) return 'now';
  const state = await conversations.load(conversationId);
  return sender.reach(state ? { lang: state.lang, updatedAt: state.updatedAt, stopped: state.stopped } : undefined, purpose);
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
  /** Stored messages from our side to send, in this order (see outbound.ts); `outbox` is then empty. */
  outboundIds?: string[];
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
  return {
    conversationId: item.conversationId ?? '',
    outbox: item.outbox ?? (item.text ? [{ kind: 'text', text: item.text }] : []),
    ...(Array.isArray(item.outboundIds) ? { outboundIds: item.outboundIds.filter((id): id is string => typeof id === 'string') } : {}),
  };
}
