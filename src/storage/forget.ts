/** Delete my data, table by table: the same for every database. */
import type { Storage } from './types.js';

type Stores = Pick<Storage, 'conversations' | 'deliveries' | 'appointments' | 'handoffs' | 'jobs'>;

export async function forgetInEveryTable(stores: Stores, conversationId: string): Promise<void> {
  await stores.conversations.delete(conversationId);
  await stores.appointments.forgetConversation(conversationId);
  await stores.handoffs.forgetConversation(conversationId);
  await stores.jobs.forgetConversation(conversationId);
  await stores.deliveries.forgetConversation(conversationId);
}
