/**
 * A channel adapter: verify the channel's requests, turn its updates into inbound messages, render
 * outbound messages with what the channel can show, and register its routes. SDK types never
 * leave the adapter's folder; adapters never import each other.
 */
import type { FastifyInstance } from 'fastify';
import type { Outbound } from '../core/messages.js';
import type { Core } from '../server/app.js';
import type { Config } from '../server/config.js';

export interface ChannelAdapter {
  name: string;
  /** The environment variables still missing for this channel; empty when it can start. */
  missingConfig(config: Config): string[];
  register(app: FastifyInstance, core: Core): Promise<void>;
}

export type SendResult = { status: 'sent' } | { status: 'refused'; reason: string } | { status: 'failed'; reason: string };

/**
 * Messages that start on our side (an advisor's reply): a channel that can send them registers a
 * sender under its name (`core.senders`) when it starts.
 */
export interface ChannelSender {
  send(user: string, outbox: readonly Outbound[]): Promise<SendResult>;
}
