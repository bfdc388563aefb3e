/**
 * The channel contract. Every adapter has the same parts, in the same file names: `verify.ts`
 * (the channel's signature or secret), `parse.ts` (its update as an inbound message, hints, the
 * delivery id and the person), `render.ts` (outbound messages as the channel shows them),
 * `send.ts` (where the channel sends on its own), `index.ts` (its routes), and `fixtures/`
 * (captured real payloads). Adapters receive a small `ChannelContext`, never the whole app; SDK
 * types never leave the adapter's folder; adapters never import each other.
 */
import type { FastifyInstance } from 'fastify';
import type { Lang } from '../core/lang.js';
import type { ChannelHints, Inbound, Outbound } from '../core/messages.js';
import type { ConversationLogs } from '../coordination/index.js';
import type { DeliveryOutcome, DeliveryTicket } from '../runtime/deliveries.js';
import type { ChannelSender } from '../runtime/outbox.js';
import type { ChannelMedia } from '../runtime/media.js';
import type { StatusReport } from '../runtime/outbound.js';

export type { ChannelSender, PurposeKind, Reach, SendPurpose, SendResult, SendingTo } from '../runtime/outbox.js';
export { PURPOSES } from '../runtime/outbox.js';
export type { StatusReport } from '../runtime/outbound.js';
export type { ChannelMedia, FetchedMedia, OutgoingFile } from '../runtime/media.js';
export { readLimited } from '../runtime/media.js';
export type { Delivered } from '../runtime/conversations.js';

/**
 * How a switched-on channel is doing, for /healthz: `starting` until its service first answered,
 * `down` while it does not (it keeps trying in the background), `ok` otherwise.
 */
export type ChannelState = 'starting' | 'ok' | 'down';

/** The person behind a turn: the channel (Bot Framework names one per Azure channel) and its id for them. */
export interface TurnRef {
  channel: string;
  user: string;
}

export interface ChannelLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** What instances share, for channels that keep something between requests (web chat's transcripts). */
export interface ChannelShared {
  logs<T>(name: string): ConversationLogs<T>;
  /** A secret every instance behind one load balancer shares (token signing). */
  secret(name: string): Promise<Buffer>;
  /** The store for per-address limits, shared when Redis is configured. */
  rateLimitStore?: object;
}

/** Everything an adapter may use: its own settings and these few services, nothing else. */
export interface ChannelContext<S> {
  /** The channel's own settings, picked from the configuration by its adapter. */
  settings: S;
  /**
   * Runs a person's turn (under their conversation's lock) for one delivery, exactly once: a retry
   * gets the stored answer; the turn, its effects and the rendered answer are stored together.
   */
  deliver(ref: TurnRef, inbound: Inbound, hints: ChannelHints, ticket: DeliveryTicket): Promise<DeliveryOutcome>;
  /** Keeps a reply the channel did not take now; the job runner sends it later (not before `retryAfterMs`). */
  queueReply(user: string, outbox: readonly Outbound[], retryAfterMs?: number): Promise<void>;
  /** Messages that start on our side (an advisor's reply, a reminder) go through this sender. */
  registerSender(sender: ChannelSender): void;
  /** How the channel fetches the files people send (for an advisor) and sends an advisor's files. */
  registerMedia(media: ChannelMedia): void;
  /**
   * A delivery status the channel reported for one of its message ids (stored, counted, a
   * transient failure tried again): 'unknown' for an id we never sent or forgot.
   */
  reportStatus(report: StatusReport): Promise<'recorded' | 'unknown'>;
  /** The channel's state for /healthz; a channel that never sets one is `ok`. */
  setState(state: ChannelState): void;
  shared: ChannelShared;
  now(): Date;
  log: ChannelLogger;
  /** Translations: the text of `key` in `lang`. */
  t(lang: Lang, key: string): string;
}

export type Missing = { missing: string[] };

/**
 * An adapter: `settings` reads what it needs from the configuration (`C`, the few fields it
 * reads), or names the environment variables still missing; `register` mounts its routes with
 * those settings. `register` must not wait for the channel's service: one that is down sets its
 * state and keeps trying in the background.
 */
export interface ChannelAdapter<C, S> {
  name: string;
  settings(config: C): S | Missing;
  register(app: FastifyInstance, ctx: ChannelContext<S>): Promise<void>;
}

/** The services of a context, without settings: what the server builds for each channel. */
export type ChannelServices = Omit<ChannelContext<never>, 'settings'>;

/** A channel as the server sees it: its settings' type stays inside. */
export interface Channel<C> {
  name: string;
  /** The variables still missing, or how to mount the channel with its settings. */
  open(config: C): Missing | { register(app: FastifyInstance, services: ChannelServices): Promise<void> };
}

export function isMissing(x: unknown): x is Missing {
  return typeof x === 'object' && x !== null && Array.isArray((x as Missing).missing);
}

export function defineChannel<C, S>(adapter: ChannelAdapter<C, S>): Channel<C> {
  return {
    name: adapter.name,
    open(config) {
      const settings = adapter.settings(config);
      if (isMissing(settings)) return settings;
      return { register: (app, services) => adapter.register(app, { ...services, settings }) };
    },
  };
}
