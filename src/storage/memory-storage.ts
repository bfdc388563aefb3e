import type { ConversationState } from '../core/state.js';
import type { Storage } from './types.js';

/** Keeps conversations in memory only: for the terminal chat and for tests of the engine. */
export function createMemoryStorage(): Storage {
  const rows = new Map<string, string>();
  const deliveries = new Map<string, string | null>();
  return {
    deliveries: {
      claim: async (channel, id) => {
        const key = `${channel}:${id}`;
        if (!deliveries.has(key)) {
          deliveries.set(key, null);
          return { status: 'new' };
        }
        return { status: 'seen', reply: deliveries.get(key) ?? null };
      },
      complete: async (channel, id, reply) => void deliveries.set(`${channel}:${id}`, reply),
      release: async (channel, id) => void deliveries.delete(`${channel}:${id}`),
    },
    conversations: {
      load: async (id) => (rows.has(id) ? (JSON.parse(rows.get(id)!) as ConversationState) : null),
      save: async (id, state) => void rows.set(id, JSON.stringify(state)),
      delete: async (id) => void rows.delete(id),
    },
    close: async () => {
      rows.clear();
      deliveries.clear();
    },
  };
}
