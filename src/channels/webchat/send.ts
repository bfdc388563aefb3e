/**
 * Web chat sends on its own into an open page: messages from our side (an advisor's reply) are
 * pushed into the conversation's Direct Line transcript, which reaches the page's stream.
 */
import type { ChannelSender } from '../adapter.js';
import type { DirectLine } from './directline.js';
import { outboxToActivities } from './render.js';

export function directLineSender(directLine: DirectLine): ChannelSender {
  return {
    async send(user, outbox, conversation) {
      return (await directLine.push(user, outboxToActivities(outbox, 'user', conversation?.lang ?? 'en')))
        ? { status: 'sent' }
        : { status: 'refused', why: 'gone', reason: 'the web chat page was closed: the conversation is no longer open' };
    },
  };
}
