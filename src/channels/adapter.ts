/**
 * A channel adapter: verify the channel's requests, turn its updates into inbound messages, render
 * outbound messages with what the channel can show, and register its routes. SDK types never
 * leave the adapter's folder; adapters never import each other.
 */
import type { FastifyInstance } from 'fastify';
import type { Core } from '../server/app.js';
import type { Config } from '../server/config.js';

export interface ChannelAdapter {
  name: string;
  /** The environment variables still missing for this channel; empty when it can start. */
  missingConfig(config: Config): string[];
  register(app: FastifyInstance, core: Core): Promise<void>;
}

/** Messages that start on our side: the interface lives in the core, beside the outbox. */
export type { ChannelSender, SendResult } from '../core/outbox.js';
