import type { ConversationState } from '../core/state.js';
import type { Storage } from './types.js';

/** Keeps conversations in memory only: for the terminal chat and for tests of the engine. */
export function createMemoryStorage(): Storage {
  const rows = new Map<string, string>();
  return {
    conversations: {
      load: async (id) => (rows.has(id) ? (JSON.parse(rows.get(id)!) as ConversationState) : null),
      save: async (id, state) => void rows.set(id, JSON.stringify(state)),
      delete: async (id) => void rows.delete(id),
    },
    close: async () => rows.clear(),
  };
}
