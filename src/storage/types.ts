/**
 * The storage interfaces. Callers depend on these only; SQLite is the embedded default and a
 * server database can stand behind the same interfaces (no SQLite-only assumptions in callers).
 */
import type { ConversationState } from '../core/state.js';

export interface ConversationStore {
  load(conversationId: string): Promise<ConversationState | null>;
  save(conversationId: string, state: ConversationState): Promise<void>;
  /** Forgets the conversation entirely (delete my data). */
  delete(conversationId: string): Promise<void>;
}

export type DeliveryClaim = { status: 'new' } | { status: 'seen'; reply: string | null };

/**
 * Deliveries already received (a Twilio MessageSid, a Telegram update_id): a webhook delivered
 * twice is handled once. The first claim wins atomically; a retry gets the stored reply, or null
 * while the first is still being handled.
 */
export interface DeliveryLog {
  claim(channel: string, deliveryId: string, now: Date): Promise<DeliveryClaim>;
  complete(channel: string, deliveryId: string, reply: string): Promise<void>;
  /** The turn failed: let a retry of this delivery be handled afresh. */
  release(channel: string, deliveryId: string): Promise<void>;
}

export interface Storage {
  conversations: ConversationStore;
  deliveries: DeliveryLog;
  close(): Promise<void>;
}
