/**
 * A webhook delivery is handled once, on whichever instance it reaches. A retry that arrives
 * while the first is still being handled waits a little for its reply rather than answering
 * empty: if the first handler's instance died, the retry must not swallow the message. A claim
 * left without a reply (its handler died) is taken over by the store after a while.
 */
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
