/**
 * Where a channel hands in a person's message: the turn runs under the conversation's lock, the
 * state is loaded and saved around it, and the turn's effects (a booking, a cancellation, a
 * handoff, delete my data) are carried out before the state is stored. An
 * unexpected error is caught here, once per turn: it is logged with a short conversation
 * reference (never the message text), the person gets an apology, and the previous state stays.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Storage } from '../storage/types.js';
import { ServiceUnavailableError } from '../core/errors.js';
import type { ActionResult, EffectPerformers } from '../core/actions.js';
import { awaitsResult, type Effect, type RequestEffect } from '../core/effects.js';
import { handleTurn, type EngineDeps, type TurnResult } from '../flows/turn.js';
import { langFromLocale, DEFAULT_LANG, type Lang } from '../core/lang.js';
import type { TurnLock } from '../coordination/keyed-lock.js';
import { createPersonRateLimit, type PersonRateLimit } from './rate-limit.js';
import type { ChannelHints, Inbound, Outbound } from '../core/messages.js';
import type { ConversationState, RecentMessage } from '../core/state.js';
import { emptyMeta, mergeMeta, type TurnMeta } from '../core/turn-meta.js';
import { recogniseRequest } from '../understanding/requests.js';

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
  /**
   * Set when the person was over the message limit and no turn ran: 'tell' the first time in a
   * window (the outbox asks them to slow down), 'quiet' after that (the outbox is empty).
   */
  limited?: 'tell' | 'quiet';
  /** What happened in the turn (topic, booking, what is asked next...): for the terminal's JSON mode and tests, not for channels. */
  meta: TurnMeta;
}

const RECENT_MESSAGES = 12;
const RECENT_CHARS = 500;
/**
 * Deliveries remembered per conversation, so a retry never runs a turn twice: ids of the last 20,
 * and the replies of the last 5 (a retry of an older message finds the person has moved on and
 * gets no reply, rather than a second turn). A retry after a crash comes within a minute.
 */
const HANDLED_IDS = 20;
const HANDLED_REPLIES = 5;
/** Effects one message may lead to (a flow asks one at a time); more means a flow loops. */
const MAX_EFFECTS_PER_TURN = 5;

function markHandled(state: ConversationState, deliveryId: string | undefined, outbox: Outbound[]): ConversationState {
  if (!deliveryId) return state;
  const handled = [...(state.handled ?? []), { id: deliveryId, outbox }].slice(-HANDLED_IDS);
  return { ...state, handled: handled.map((h, i) => (i < handled.length - HANDLED_REPLIES ? { id: h.id } : h)) };
}

/** What a message said, as text for an advisor's transcript. */
export function describeInbound(inbound: Inbound): string {
  switch (inbound.kind) {
    case 'text':
      return inbound.text.slice(0, 4000);
    case 'choice':
      return `[${inbound.label ?? inbound.id}]`;
    case 'location':
      return `[location ${inbound.lat.toFixed(3)}, ${inbound.lon.toFixed(3)}]`;
    case 'command':
      return `/${inbound.name}`;
    case 'unsupported':
      return '[attachment]';
  }
}

export function describeOutbound(m: Outbound): string {
  switch (m.kind) {
    case 'options':
      return `${m.text} ${m.options.map((o) => `[${o.label}]`).join(' ')}`;
    case 'card':
      return `${m.title}: ${m.text}`;
    case 'link':
      return `${m.text} ${m.url}`;
    default:
      return m.text;
  }
}

/** The last messages, for an advisor who may take over; bounded, and deleted with the conversation. */
function remember(recent: readonly RecentMessage[] | undefined, inbound: Inbound, outbox: readonly Outbound[]): RecentMessage[] {
  const added: RecentMessage[] = [{ from: 'person', text: describeInbound(inbound) }, ...outbox.map((m) => ({ from: 'bot' as const, text: describeOutbound(m) }))];
  return [...(recent ?? []), ...added].slice(-RECENT_MESSAGES).map((m) => ({ ...m, text: m.text.slice(0, RECENT_CHARS) }));
}

/**
 * While waiting for an advisor the person can still reach the menu, or cancel the request:
 * "menu", "cancel", "rehne do bhai cancel karo", "olvidalo, cancela por favor".
 */
function releasesHandoff(engine: EngineDeps, inbound: Inbound): 'menu' | 'cancel' | undefined {
  if (inbound.kind === 'command') return inbound.name === 'menu' || inbound.name === 'start' ? 'menu' : undefined;
  if (inbound.kind !== 'text') return undefined;
  const command = engine.vocabulary.command(inbound.text);
  if (command === 'menu' || command === 'start') return 'menu';
  const request = recogniseRequest(inbound.text)?.kind;
  return request === 'menu' ? 'menu' : request === 'cancel' ? 'cancel' : undefined;
}

/** Delete my data and stop work even while an advisor holds the conversation. */
function isPrivacyCommand(engine: EngineDeps, inbound: Inbound): boolean {
  const name = inbound.kind === 'command' ? inbound.name : inbound.kind === 'text' ? engine.vocabulary.command(inbound.text) : undefined;
  return name === 'delete' || name === 'stop';
}

/**
 * A stable reference for logs: a keyed hash, so that hashing every phone number of a country
 * does not reverse it without the key.
 */
export function logRef(conversationId: string, key: Buffer): string {
  return createHmac('sha256', key).update(conversationId).digest('hex').slice(0, 12);
}

export function conversationId(ref: ConversationRef): string {
  return `${ref.channel}:${ref.user}`;
}

export class Conversations {
  constructor(
    private readonly engine: EngineDeps,
    /** Carries out bookings, cancellations and handoffs the turn asks for. */
    private readonly performers: EffectPerformers,
    private readonly storage: Storage,
    private readonly lock: TurnLock,
    private readonly log: TurnLogger,
    private readonly observe: (channel: string, seconds: number, outcome: 'ok' | 'error') => void = () => {},
    private readonly rateLimit: PersonRateLimit = createPersonRateLimit(30),
    /** The key of the log references; a random one serves a process that keeps nothing. */
    private readonly logKey: Buffer = randomBytes(32),
  ) {}

  private ref(id: string): string {
    return logRef(id, this.logKey);
  }

  private async slowDown(id: string, hints: ChannelHints, allowed: 'tell' | 'quiet'): Promise<Delivered> {
    this.log.info({ conv: this.ref(id) }, 'rate limited');
    const lang = (await this.storage.conversations.load(id))?.lang ?? langFromLocale(hints.locale) ?? DEFAULT_LANG;
    return { outbox: allowed === 'tell' ? [{ kind: 'text', text: this.engine.t(lang, 'system.slowDown') }] : [], effects: [], lang, limited: allowed, meta: emptyMeta() };
  }

  /** Runs `task` while no turn of this conversation runs (a staff reply, closing a handoff). */
  withConversation<T>(id: string, task: () => Promise<T>): Promise<T> {
    return this.lock.withLock(id, task);
  }

  /**
   * The turn, with its effects performed: each booking, cancellation or handoff it asks for is
   * carried out here and its result handed back to the turn, which carries on from the step that
   * asked. What the person gets is every part's replies, in order.
   */
  private async runTurn(state: ConversationState | null, inbound: Inbound, hints: ChannelHints, id: string): Promise<TurnResult> {
    let result = await handleTurn(this.engine, state, inbound, hints, id);
    const outbox = [...result.outbox];
    const effects: Effect[] = [...result.effects];
    let meta = result.meta;
    for (let i = 0; result.nextState; i++) {
      const request = result.effects.find(awaitsResult);
      if (!request) break;
      if (i >= MAX_EFFECTS_PER_TURN) throw new Error(`more than ${MAX_EFFECTS_PER_TURN} effects in one turn: a flow loops`);
      const performed = await this.perform(request);
      result = await handleTurn(this.engine, result.nextState, { kind: 'effectResult', effect: request.kind, result: performed }, hints, id);
      outbox.push(...result.outbox);
      effects.push(...result.effects);
      meta = mergeMeta(meta, result.meta);
    }
    return { outbox, nextState: result.nextState, effects, meta };
  }

  private perform(effect: RequestEffect): Promise<ActionResult> {
    switch (effect.kind) {
      case 'book':
        return this.performers.book(effect);
      case 'cancelAppointment':
        return this.performers.cancelAppointment(effect);
      case 'handOff':
        return this.performers.handOff(effect);
    }
  }

  async receive(ref: ConversationRef, inbound: Inbound, hints: ChannelHints = {}): Promise<Delivered> {
    const id = conversationId(ref);
    const allowed = await this.rateLimit.check(id, this.engine.now().getTime());
    if (allowed !== 'ok') return this.slowDown(id, hints, allowed);
    return this.lock.withLock(id, async () => {
      const started = performance.now();
      const state = await this.storage.conversations.load(id);
      const handled = hints.deliveryId ? state?.handled?.find((h) => h.id === hints.deliveryId) : undefined;
      if (state && handled) return { outbox: handled.outbox ?? [], effects: [], lang: state.lang, meta: emptyMeta(state.at.flow) }; // stored before a crash: not again
      try {
        const release = state?.handoff ? releasesHandoff(this.engine, inbound) : undefined;
        if (state?.handoff && release) {
          const held = state.handoff;
          await this.storage.handoffs.addMessage(held.id, { sender: 'person', staffId: null, text: describeInbound(inbound), at: this.engine.now().toISOString() });
          if (release === 'cancel') await this.storage.handoffs.close(held.id, this.engine.now());
          const result = await this.runTurn({ ...state, handoff: undefined, stopped: undefined }, { kind: 'command', name: 'menu' }, hints, id);
          if (release === 'cancel') result.outbox.unshift({ kind: 'text', text: this.engine.t(state.lang, 'handoff.cancelled') });
          // Only a cancelled request leaves the advisor's queue; after "menu" the request stays open for the advisor.
          if (result.nextState) await this.storage.conversations.save(id, markHandled({ ...result.nextState, recent: remember(result.nextState.recent, inbound, result.outbox) }, hints.deliveryId, result.outbox));
          if (hints.deliveryId) await this.storage.deliveries.assign(ref.channel, hints.deliveryId, id);
          this.observe(ref.channel, (performance.now() - started) / 1000, 'ok');
          return { outbox: result.outbox, effects: result.effects, lang: state.lang, meta: result.meta };
        }
        if (state?.handoff && !state.confirming && !isPrivacyCommand(this.engine, inbound)) {
          // A person holds this conversation: the message goes to the advisor, the assistant stays quiet.
          const now = this.engine.now();
          await this.storage.handoffs.addMessage(state.handoff.id, { sender: 'person', staffId: null, text: describeInbound(inbound), at: now.toISOString() });
          await this.storage.conversations.save(id, markHandled({ ...state, stopped: undefined, updatedAt: now.toISOString(), turns: state.turns + 1 }, hints.deliveryId, [])); // writing again ends a stop
          if (hints.deliveryId) await this.storage.deliveries.assign(ref.channel, hints.deliveryId, id);
          this.observe(ref.channel, (performance.now() - started) / 1000, 'ok');
          return { outbox: [], effects: [], lang: state.lang, meta: emptyMeta('handoff') };
        }
        const result = await this.runTurn(state, inbound, hints, id);
        const opened = result.nextState?.handoff && result.nextState.handoff.id !== state?.handoff?.id ? result.nextState.handoff : undefined;
        if (opened) {
          // The turn that opened the handoff belongs to its transcript too.
          const at = this.engine.now().toISOString();
          await this.storage.handoffs.addMessage(opened.id, { sender: 'person', staffId: null, text: describeInbound(inbound), at });
          for (const m of result.outbox) await this.storage.handoffs.addMessage(opened.id, { sender: 'bot', staffId: null, text: describeOutbound(m), at });
        }
        if (result.nextState) {
          result.nextState.recent = remember(result.nextState.recent, inbound, result.outbox);
          await this.storage.conversations.save(id, markHandled(result.nextState, hints.deliveryId, result.outbox));
          // The channel stores its reply with the delivery (for a retry): delete my data must find it.
          if (hints.deliveryId) await this.storage.deliveries.assign(ref.channel, hints.deliveryId, id);
        }
        else await this.storage.forgetConversation(id); // delete my data: one storage call
        const ms = performance.now() - started;
        this.observe(ref.channel, ms / 1000, 'ok');
        this.log.info({ conv: this.ref(id), channel: ref.channel, inbound: inbound.kind, replies: result.outbox.length, ms: Math.round(ms) }, 'turn');
        return { outbox: result.outbox, effects: result.effects, lang: result.nextState?.lang ?? state?.lang ?? DEFAULT_LANG, meta: result.meta };
      } catch (err) {
        // The database or Redis is away: nothing was stored, so the channel must deliver it again (503), not get an apology.
        if (err instanceof ServiceUnavailableError) throw err;
        this.observe(ref.channel, (performance.now() - started) / 1000, 'error');
        this.log.error({ conv: this.ref(id), channel: ref.channel, err: (err as Error).message }, 'turn failed');
        const lang = state?.lang ?? langFromLocale(hints.locale) ?? DEFAULT_LANG;
        return { outbox: [{ kind: 'text', text: this.engine.t(lang, 'system.error') }], effects: [], lang, meta: { ...emptyMeta(state?.at.flow ?? null), understood: false } };
      }
    });
  }
}
