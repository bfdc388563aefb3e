/**
 * A channel adapter: verify the channel's requests, turn its updates into inbound messages, render
 * outbound messages with what the channel can show, and register its routes. SDK types never
 * leave the adapter's folder; adapters never import each other.
 */
import type { FastifyInstance } from 'fastify';
import type { Core } from '../server/app.js';
import type { Config } from '../server/config.js';

/**
 * How a switched-on channel is doing, for /healthz: `starting` until its service first answered,
 * `down` while it does not (it keeps trying in the background), `ok` otherwise.
 */
export type ChannelState = 'starting' | 'ok' | 'down';

export interface ChannelAdapter {
  name: string;
  /** The environment variables still missing for this channel; empty when it can start. */
  missingConfig(config: Config): string[];
  /**
   * Mounts the channel's routes. It must not wait for the channel's service: one that is down sets
   * its state in `core.channelStates` and keeps trying in the background; one that sets nothing is `ok`.
   */
  register(app: FastifyInstance, core: Core): Promise<void>;
}

/** Messages that start on our side: the interface lives in the core, beside the outbox. */
export type { ChannelSender, SendResult } from '../runtime/outbox.js';
