/**
 * Where a channel hands in a person's message: the turn runs under the conversation's lock, the
 * state is loaded and saved around it, and effects (delete my data) are carried out. An
 * unexpected error is caught here, once per turn: it is logged with a short conversation
 * reference (never the message text), the person gets an apology, and the previous state stays.
 */
import { createHash } from 'node:crypto';
import type { Storage } from '../storage/types.js';
import { handleTurn, type EngineDeps } from './engine.js';
import { langFromLocale, DEFAULT_LANG, type Lang } from './lang.js';
import type { TurnLock } from './keyed-lock.js';
import type { ChannelHints, Effect, Inbound, Outbound } from './messages.js';

export interface TurnLogger {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface ConversationRef {
  channel: string;
  /** The channel's id for the person (a phone number, a chat id): personal data, never logged. */
  user: string;
}

export interface Delivered {
  outbox: Outbound[];
  effects: Effect[];
  /** The conversation's language after the turn, for channels that label their messages. */
  lang: Lang;
}

/** A stable, non-reversible reference for logs. */
export function logRef(conversationId: string): string {
  return createHash('sha256').update(conversationId).digest('hex').slice(0, 12);
}

export function conversationId(ref: ConversationRef): string {
  return `${ref.channel}:${ref.user}`;
}

export class Conversations {
  constructor(
    private readonly engine: EngineDeps,
    private readonly storage: Storage,
    private readonly lock: TurnLock,
    private readonly log: TurnLogger,
    private readonly observe: (channel: string, seconds: number, outcome: 'ok' | 'error') => void = () => {},
  ) {}

  receive(ref: ConversationRef, inbound: Inbound, hints: ChannelHints = {}): Promise<Delivered> {
    const id = conversationId(ref);
    return this.lock.withLock(id, async () => {
      const started = performance.now();
      const state = await this.storage.conversations.load(id);
      try {
        const result = await handleTurn(this.engine, state, inbound, hints, id);
        if (result.nextState) await this.storage.conversations.save(id, result.nextState);
        else {
          await this.storage.conversations.delete(id);
          await this.storage.appointments.forgetConversation(id);
        }
        const ms = performance.now() - started;
        this.observe(ref.channel, ms / 1000, 'ok');
        this.log.info({ conv: logRef(id), channel: ref.channel, inbound: inbound.kind, replies: result.outbox.length, ms: Math.round(ms) }, 'turn');
        return { outbox: result.outbox, effects: result.effects, lang: result.nextState?.lang ?? state?.lang ?? DEFAULT_LANG };
      } catch (err) {
        this.observe(ref.channel, (performance.now() - started) / 1000, 'error');
        this.log.error({ conv: logRef(id), channel: ref.channel, err: (err as Error).message }, 'turn failed');
        const lang = state?.lang ?? langFromLocale(hints.locale) ?? DEFAULT_LANG;
        return { outbox: [{ kind: 'text', text: this.engine.t(lang, 'system.error') }], effects: [], lang };
      }
    });
  }
}
