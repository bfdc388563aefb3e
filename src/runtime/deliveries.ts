/**
 * A webhook delivery is handled once, on whichever instance it reaches: every channel claims its
 * deliveries here, through the one pipeline (src/channels/webhook.ts). A retry that arrives while
 * the first is still being handled waits a little for its reply rather than answering empty: if
 * the first handler's instance died, the retry must not swallow the message. A claim left without
 * a reply (its handler died) is taken over by the store after a while.
 */
import { keepTrying } from '../core/backoff.js';
import type { DeliveryLog } from '../storage/types.js';

export type DeliveryTurn = { status: 'new' } | { status: 'answered'; reply: string } | { status: 'busy' };

const POLL_MS = 100;

export interface DeliveryClaims {
  /** Claims a delivery; a retry of one being handled waits up to `waitMs` for its reply. */
  claim(channel: string, deliveryId: string, waitMs?: number): Promise<DeliveryTurn>;
  /** Claims a key once, without waiting: false when it was claimed before (a replay). */
  claimOnce(channel: string, key: string): Promise<boolean>;
  /** The turn is stored: later retries get `reply`. */
  complete(channel: string, deliveryId: string, reply: string): Promise<void>;
  /** The turn failed: a retry runs it afresh (tried again in the background while the database is away). */
  release(channel: string, deliveryId: string): Promise<void>;
}

export function deliveryClaims(log: DeliveryLog, now: () => Date): DeliveryClaims {
  return {
    claim: (channel, deliveryId, waitMs) => claimDelivery(log, channel, deliveryId, now, waitMs),
    claimOnce: async (channel, key) => (await log.claim(channel, key, now())).status === 'new',
    complete: (channel, deliveryId, reply) => log.complete(channel, deliveryId, reply),
    release: (channel, deliveryId) => releaseClaim(log, channel, deliveryId),
  };
}

export async function claimDelivery(log: DeliveryLog, channel: string, deliveryId: string, now: () => Date, waitMs = 10_000): Promise<DeliveryTurn> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const claim = await log.claim(channel, deliveryId, now());
    if (claim.status === 'new') return claim;
    if (claim.reply !== null) return { status: 'answered', reply: claim.reply };
    if (Date.now() >= deadline) return { status: 'busy' };
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/**
 * Gives a claim back after its turn failed, so the channel's retry runs the turn. When the
 * database is itself the reason (an outage), the release is tried again in the background until it
 * is back, so the retry need not wait for the claim to go stale.
 */
export async function releaseClaim(log: DeliveryLog, channel: string, deliveryId: string): Promise<void> {
  try {
    await log.release(channel, deliveryId);
  } catch {
    void keepTrying(() => log.release(channel, deliveryId), { firstMs: 500, maxMs: 5000, attempts: 12 }).catch(() => undefined);
  }
}
