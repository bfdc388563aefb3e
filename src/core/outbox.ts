/**
 * The outbox: replies that could not be sent (a channel's API down) are stored as jobs in the
 * database and retried with backoff by the job runner, so nothing is lost across a restart.
 */
import { randomUUID } from 'node:crypto';
import type { JobQueue } from '../storage/types.js';
import type { Outbound } from './messages.js';

export const OUTBOX_KIND = 'send';
const FIRST_RETRY_MS = 60_000;

export interface OutboxItem {
  conversationId: string;
  outbox: Outbound[];
}

export async function enqueueReply(jobs: JobQueue, item: OutboxItem, now: Date): Promise<void> {
  await jobs.schedule(
    { id: `${OUTBOX_KIND}:${randomUUID()}`, kind: OUTBOX_KIND, runAt: new Date(now.getTime() + FIRST_RETRY_MS).toISOString(), payload: JSON.stringify(item) },
    now,
  );
}

export function parseOutboxItem(payload: string): OutboxItem {
  const item = JSON.parse(payload) as Partial<OutboxItem> & { text?: string };
  return { conversationId: item.conversationId ?? '', outbox: item.outbox ?? (item.text ? [{ kind: 'text', text: item.text }] : []) };
}
