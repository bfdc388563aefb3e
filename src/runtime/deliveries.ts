/**
 * A webhook delivery is handled once, on whichever instance it reaches. A retry that arrives
 * while the first is still being handled waits a little for its reply rather than answering
 * empty: if the first handler's instance died, the retry must not swallow the message. A claim
 * left without a reply (its handler died) is taken over by the store after a while.
 */
import { keepTrying } from '../core/backoff.js';
import type { DeliveryLog } from '../storage/types.js';

export type DeliveryTurn = { status: 'new' } | { status: 'answered'; reply: string } | { status: 'busy' };

const POLL_MS = 100;

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
