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

export interface Storage {
  conversations: ConversationStore;
  close(): Promise<void>;
}
