/**
 * Where a channel hands in a person's message: the turn runs under the conversation's lock, the
 * state is loaded before it, and the turn's effects (a booking, a cancellation, a handoff, delete
 * my data), its state and the delivery with its answer are stored in one transaction. An
 * unexpected error is caught here, once per turn: it is logged with a short conversation
 * reference (never the message text), the person gets an apology, and the previous state stays.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Repositories, Storage } from '../storage/types.js';
import { ServiceUnavailableError } from '../core/errors.js';
import type { ActionResult, EffectPerformers } from '../core/actions.js';
import { awaitsResult, type Effect, type RequestEffect } from '../core/effects.js';
import { countryOfCentre } from '../booking/centres.js';
import { handleTurn, type EngineDeps, type TurnResult } from '../flows/turn.js';
import { numberedChoice, optionLabel } from '../flows/render.js';
import { langFromLocale, DEFAULT_LANG } from '../core/lang.js';
import type { TurnLock } from '../coordination/keyed-lock.js';
import { createPersonRateLimit, type PersonRateLimit } from './rate-limit.js';
import type { ChannelHints, Inbound, Outbound } from '../core/messages.js';
import type { ConversationState, RecentMessage } from '../core/state.js';
import { emptyMeta, mergeMeta } from '../core/turn-meta.js';
import { recogniseRequest, withdrawsRequest } from '../understanding/requests.js';
import { recogniseCourtesy } from '../understanding/courtesy.js';
import type { Delivered, DeliveryOutcome, DeliveryTicket } from './deliveries.js';
import { releaseWaiting } from './outbound.js';
import { TurnObservers, type ObservedTurn, type TurnObserver } from './turn-observers.js';
import { describeMedia, MediaChannels, newMediaId, safeContentType, safeFileName, type FetchedMedia } from './media.js';

export type { Delivered } from './deliveries.js';

export interface TurnLogger {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
  /** pino's: a line that would not be written is not prepared (its keyed reference costs a hash). */
  isLevelEnabled?(level: string): boolean;
}

export interface ConversationRef {
  channel: string;
  /** The channel's id for the person (a phone number, a chat id): personal data, never logged. */
  user: string;
}


const RECENT_MESSAGES = 12;
const RECENT_CHARS = 500;
/** Effects one message may lead to (a flow asks one at a time); more means a flow loops. */
const MAX_EFFECTS_PER_TURN = 5;

/** Thrown inside the turn's transaction to roll it back, with what to answer instead. */
class Unstored {
  constructor(readonly outcome: DeliveryOutcome | 'recorded-elsewhere') {}
}

/** A turn with no delivery to record: the channel keeps nothing. */
const NO_TICKET: DeliveryTicket = { render: () => '' };

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
    case 'media': {
      const files = inbound.media.map((m) => describeMedia(m.kind, m.name)).join(' ');
      return inbound.text ? `${files} ${inbound.text.slice(0, 4000)}` : files;
    }
    case 'unsupported':
      return '[attachment]';
  }
}

/** As describeInbound, with a tapped option's label as the person saw it (the advisor reads labels, not ids). */
function describeForAdvisor(engine: EngineDeps, state: ConversationState | null, inbound: Inbound): string {
  if (inbound.kind === 'choice' && !inbound.label && state) {
    const label = optionLabel(engine, state, inbound.id);
    if (label) return describeInbound({ ...inbound, label });
  }
  // "1" typed where WhatsApp showed a numbered list: the option it chose.
  const chosen = inbound.kind === 'text' && state ? numberedChoice(engine, state, inbound.text) : undefined;
  if (chosen) return describeInbound({ kind: 'choice', id: chosen.id, label: chosen.label });
  return describeInbound(inbound);
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
/** The last messages, for an advisor should the person ask for one; `said` is the person's message as the advisor reads it. */
function remember(recent: readonly RecentMessage[] | undefined, said: string, outbox: readonly Outbound[]): RecentMessage[] {
  const added: RecentMessage[] = [{ from: 'person', text: said }, ...outbox.map((m) => ({ from: 'bot' as const, text: describeOutbound(m) }))];
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
  const request = recogniseRequest(inbound.text);
  // "please help" while waiting is for the advisor, not a way out to the menu.
  if (request?.kind === 'menu' && request.help) return undefined;
  if (request?.kind === 'cancel' || (!request && withdrawsRequest(inbound.text))) return 'cancel';
  return request?.kind === 'menu' ? 'menu' : undefined;
}

/** No advisor has written to the person in this handoff yet (a note between staff does not count). */
async function awaitsFirstAnswer(tx: Pick<Storage, 'handoffs'>, handoffId: string): Promise<boolean> {
  return !(await tx.handoffs.messages(handoffId)).some((m) => m.sender === 'staff' && !m.internal);
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
    /** Carries out bookings, cancellations and handoffs the turn asks for, through the turn's transaction. */
    private readonly performers: (tx: Repositories) => EffectPerformers,
    private readonly storage: Storage,
    private readonly lock: TurnLock,
    private readonly log: TurnLogger,
    private readonly observe: (channel: string, seconds: number, outcome: 'ok' | 'error') => void = () => {},
    private readonly rateLimit: PersonRateLimit = createPersonRateLimit(30),
    /** The key of the log references; a random one serves a process that keeps nothing. */
    private readonly logKey: Buffer = randomBytes(32),
  ) {}

  private readonly observers = new TurnObservers((err) => this.log.error({ err: err.message }, 'turn observer failed'));

  /** How files sent during a handoff are fetched (none registered: the advisor is told they could not be). */
  private media = new MediaChannels();

  /** The channels' file fetchers and the size limit, for files sent during a handoff. */
  takeMediaWith(media: MediaChannels): void {
    this.media = media;
  }

  /** Tells `observer` of every stored turn (after its transaction), e.g. for reports or curation. */
  onTurn(observer: TurnObserver): void {
    this.observers.add(observer);
  }

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
   * The rest of the turn, inside its transaction: each booking, cancellation or handoff it asks
   * for is carried out through `tx` and its result handed back to the turn, which carries on from
   * the step that asked. What the person gets is every part's replies, in order.
   */
  private async performEffects(tx: Repositories, first: TurnResult, hints: ChannelHints, id: string): Promise<TurnResult> {
    let result = first;
    const outbox = [...result.outbox];
    const effects: Effect[] = [...result.effects];
    let meta = result.meta;
    let performers: EffectPerformers | undefined;
    for (let i = 0; result.nextState; i++) {
      const request = result.effects.find(awaitsResult);
      if (!request) break;
      if (i >= MAX_EFFECTS_PER_TURN) throw new Error(`more than ${MAX_EFFECTS_PER_TURN} effects in one turn: a flow loops`);
      performers ??= this.performers(tx);
      const performed = await perform(performers, request);
      result = await handleTurn(this.engine, result.nextState, { kind: 'effectResult', effect: request.kind, result: performed }, hints, id);
      outbox.push(...result.outbox);
      effects.push(...result.effects);
      meta = mergeMeta(meta, result.meta);
    }
    return { outbox, nextState: result.nextState, effects, meta };
  }

  /** A turn with no delivery id: nothing is recorded for a retry (the terminal, tests, a channel without ids). */
  async receive(ref: ConversationRef, inbound: Inbound, hints: ChannelHints = {}): Promise<Delivered> {
    const outcome = await this.deliver(ref, inbound, hints, NO_TICKET);
    if ('delivered' in outcome && outcome.delivered) return outcome.delivered;
    throw new Error(`a turn without a delivery id ended ${outcome.status}`);
  }

  /**
   * A channel's delivery: answered once (see deliveries.ts). The turn's state, its effects and
   * the delivery with its rendered answer are stored together, in one transaction.
   */
  async deliver(ref: ConversationRef, inbound: Inbound, hints: ChannelHints, ticket: DeliveryTicket): Promise<DeliveryOutcome> {
    const id = conversationId(ref);
    const allowed = await this.rateLimit.check(id, this.engine.now().getTime());
    if (allowed !== 'ok') return answerOnly(await this.slowDown(id, hints, allowed), ticket); // no turn ran: nothing to keep
    return this.lock.withLock(id, async () => {
      // A retried delivery is found when its turn is recorded (one statement with the turn, see
      // recordDelivery): the turn is pure until then, so it runs again, is rolled back, and the
      // stored answer goes out. The log is asked first when the channel's render writes elsewhere,
      // or files would be fetched again.
      const lookFirst = !ticket.pureRender || inbound.kind === 'media';
      const keys = lookFirst ? [ticket.id, ticket.replayKey].filter((k): k is string => k !== undefined) : [];
      const [handled, state] = await Promise.all([
        keys.length ? this.storage.deliveries.find(ref.channel, keys, this.engine.now()) : undefined,
        this.storage.conversations.load(id),
      ]);
      const kept = ticket.id === undefined ? undefined : handled?.get(ticket.id);
      if (kept !== undefined) return kept === null ? { status: 'busy' } : { status: 'answered', answer: kept };
      if (ticket.replayKey !== undefined && handled?.has(ticket.replayKey)) return { status: 'replay' };
      const started = performance.now();
      try {
        const { outcome, observed } = await this.turn(ref, id, state, inbound, hints, ticket);
        const ms = performance.now() - started;
        this.observe(ref.channel, ms / 1000, 'ok');
        if (outcome.status === 'answered' && outcome.delivered) {
          if (this.log.isLevelEnabled?.('info') ?? true) this.log.info({ conv: this.ref(id), channel: ref.channel, inbound: inbound.kind, replies: outcome.delivered.outbox.length, ms: Math.round(ms) }, 'turn');
          if (observed) await this.observers.notify({ ...observed, channel: ref.channel, conversationId: id, inbound, at: this.engine.now() });
        }
        return outcome;
      } catch (err) {
        if (err instanceof Unstored) {
          if (err.outcome !== 'recorded-elsewhere') return err.outcome;
          // Another instance ran this delivery meanwhile (its lock lapsed): its answer is the one.
          const answer = (await this.storage.deliveries.find(ref.channel, [ticket.id!], this.engine.now())).get(ticket.id!);
          return answer ? { status: 'answered', answer } : { status: 'busy' };
        }
        // The database or Redis is away: nothing was stored, so the channel must deliver it again (503), not get an apology.
        if (err instanceof ServiceUnavailableError) throw err;
        this.observe(ref.channel, (performance.now() - started) / 1000, 'error');
        this.log.error({ conv: this.ref(id), channel: ref.channel, err: (err as Error).message }, 'turn failed');
        const lang = state?.lang ?? langFromLocale(hints.locale) ?? DEFAULT_LANG;
        return this.apologise(ref.channel, { outbox: [{ kind: 'text', text: this.engine.t(lang, 'system.error') }], effects: [], lang, meta: { ...emptyMeta(state?.at.flow ?? null), understood: false } }, ticket);
      }
    });
  }

  /**
   * The turn, stored. The delivery is first recorded as new, sent with the commit (one trip for a
   * turn that only writes); if it was recorded before (a retry, a replay), that commit fails on
   * its key, nothing is kept, and the turn is stored again, checking the log as it writes.
   */
  private async turn(ref: ConversationRef, id: string, state: ConversationState | null, inbound: Inbound, hints: ChannelHints, ticket: DeliveryTicket): Promise<{ outcome: DeliveryOutcome; observed?: TurnSummary }> {
    try {
      return await this.storeTurn(ref, id, state, inbound, hints, ticket, 'new');
    } catch (err) {
      if (!this.storage.isUniqueViolation(err)) throw err;
      return this.storeTurn(ref, id, state, inbound, hints, ticket, 'checked');
    }
  }

  /** The pure part first, then its effects, its state and the delivery in one transaction. */
  private async storeTurn(ref: ConversationRef, id: string, state: ConversationState | null, inbound: Inbound, hints: ChannelHints, ticket: DeliveryTicket, record: 'new' | 'checked'): Promise<{ outcome: DeliveryOutcome; observed?: TurnSummary }> {
    const now = this.engine.now();
    // While waiting for an advisor the person can still reach the menu, or cancel the request.
    const release = state?.handoff ? releasesHandoff(this.engine, inbound) : undefined;
    // A person holds this conversation: the message goes to the advisor, the assistant stays quiet.
    const held = state?.handoff && !release && !state.confirming && !isPrivacyCommand(this.engine, inbound) ? state : undefined;
    // A file for the advisor is fetched before the transaction (with the channel's credentials) and stored in it.
    const files = held && inbound.kind === 'media' ? await this.media.fetchAll(ref.channel, inbound.media) : undefined;
    // Danger said while an advisor holds the conversation still gets the safety guidance at once, and the request turns urgent.
    // Where they are: the phone's country, else the country of the centre they were handed to.
    const centreId = held?.vars.centreId;
    const heldCountry = held?.country ?? (centreId ? countryOfCentre(centreId) : undefined);
    const danger = held && inbound.kind === 'text' ? await this.engine.actions.dangerCheck?.({ lang: held.lang, country: heldCountry, text: inbound.text, afterDanger: held.dangerSaid }) : undefined;
    const first = held
      ? undefined
      : release
        ? await handleTurn(this.engine, { ...state!, handoff: undefined, stopped: undefined }, { kind: 'command', name: 'menu' }, hints, id)
        : await handleTurn(this.engine, state, inbound, hints, id);
    return this.storage.transaction(async (tx) => {
      let delivered: Delivered;
      let kept = true;
      let country: string | null = state?.country ?? null;
      let handoffId: string | undefined;
      if (held) {
        handoffId = held.handoff!.id;
        const outbox: Outbound[] = [];
        if (files && inbound.kind === 'media') outbox.push(...(await this.keepFiles(tx, id, held, inbound, files, now)));
        else await tx.handoffs.addMessage(held.handoff!.id, { sender: 'person', staffId: null, text: describeForAdvisor(this.engine, state, inbound), at: now.toISOString() });
        if (danger?.urgent) {
          outbox.push(...danger.outbox);
          for (const m of danger.outbox) await tx.handoffs.addMessage(held.handoff!.id, { sender: 'bot', staffId: null, text: describeOutbound(m), at: now.toISOString() });
          await tx.handoffs.markUrgent(held.handoff!.id);
        }
        // Nobody has answered yet ("when will they answer?"): said once, so the person knows the message arrived and how to get the assistant back.
        // A file is for the advisor (its failures are told above); a question in words is what waits for an answer.
        // Told already, "allo?? wach kayn chi wa7ed?" (anyone there?) still waiting: that the messages arrived, never silence.
        const awaited = inbound.kind === 'text' && (!held.handoff!.waitTold || recogniseCourtesy(inbound.text) === 'greeting') && (await awaitsFirstAnswer(tx, held.handoff!.id));
        const waiting = awaited && !held.handoff!.waitTold;
        if (awaited) {
          const told: Outbound = { kind: 'text', text: this.engine.t(held.lang, waiting ? 'advisor.waiting' : 'advisor.stillWaiting') };
          outbox.push(told);
          await tx.handoffs.addMessage(held.handoff!.id, { sender: 'bot', staffId: null, text: describeOutbound(told), at: now.toISOString() });
        }
        const handoff = waiting ? { ...held.handoff!, waitTold: true as const } : held.handoff;
        await tx.conversations.save(id, { ...held, handoff, stopped: undefined, advisorWaiting: undefined, updatedAt: now.toISOString(), turns: held.turns + 1 }); // writing again ends a stop
        const meta = emptyMeta('handoff');
        if (danger?.urgent) meta.safety = danger.facts?.safety ?? null;
        delivered = { outbox, effects: [], lang: held.lang, meta };
      } else {
        if (release && state?.handoff) {
          handoffId = state.handoff.id;
          await tx.handoffs.addMessage(state.handoff.id, { sender: 'person', staffId: null, text: describeForAdvisor(this.engine, state, inbound), at: now.toISOString() });
          // Only a cancelled request leaves the advisor's queue; after "menu" the request stays open for the advisor.
          if (release === 'cancel') await tx.handoffs.close(state.handoff.id, now);
        }
        const cancelled: Outbound[] = release === 'cancel' && state?.handoff ? [{ kind: 'text', text: this.engine.t(state.lang, 'handoff.cancelled') }] : [];
        const performed = await this.performEffects(tx, first!, hints, id);
        const result = cancelled.length ? { ...performed, outbox: [...cancelled, ...performed.outbox], meta: { ...performed.meta, handoffCancelled: state!.handoff!.id } } : performed;
        const opened = result.nextState?.handoff && result.nextState.handoff.id !== state?.handoff?.id ? result.nextState.handoff : undefined;
        if (opened) {
          handoffId = opened.id;
          // The turn that opened the handoff belongs to its transcript too.
          const at = this.engine.now().toISOString();
          await tx.handoffs.addMessage(opened.id, { sender: 'person', staffId: null, text: describeForAdvisor(this.engine, state, inbound), at });
          for (const m of result.outbox) await tx.handoffs.addMessage(opened.id, { sender: 'bot', staffId: null, text: describeOutbound(m), at });
        }
        if (result.nextState) {
          // a copy: the turn's own result stays as it was, should the transaction run again
          const { advisorWaiting: _released, ...next } = result.nextState; // released below, with this turn
          country = next.country ?? null;
          next.recent = remember(next.recent, describeForAdvisor(this.engine, state, inbound), result.outbox);
          await tx.conversations.save(id, next);
        } else {
          await tx.forgetConversation(id); // delete my data: the delivery below is kept without the person
          kept = false;
        }
        delivered = { outbox: result.outbox, effects: result.effects, lang: result.nextState?.lang ?? state?.lang ?? DEFAULT_LANG, meta: result.meta };
      }
      // The person wrote, so WhatsApp's window is open again: what an advisor wrote meanwhile goes
      // to the outbox now, with this turn (a retry of this delivery finds it done and queues nothing).
      // Only a conversation an advisor wrote to can have any (the mark is set with the waiting message, under this lock).
      const released = kept && (state?.advisorWaiting || state?.handoff) ? await releaseWaiting(tx, id, now) : 0;
      if (released) delivered = { ...delivered, released };
      const answer = await ticket.render(delivered);
      if (answer === undefined) throw new Unstored({ status: 'unkept', delivered });
      await recordDelivery(tx, ref.channel, ticket, answer, kept ? id : null, now, record);
      const observed: TurnSummary = { lang: delivered.lang, country, meta: delivered.meta, held: held !== undefined, forgotten: !kept, ...(handoffId ? { handoffId } : {}) };
      return { outcome: { status: 'answered', answer, delivered }, observed };
    });
  }

  /**
   * The files of a message sent during a handoff, each stored and linked to a message of the
   * advisor's transcript; a file that is too large or could not be fetched leaves a message that
   * says so, and the person is told (the caption reaches the advisor in any case).
   */
  private async keepFiles(tx: Repositories, id: string, held: ConversationState, inbound: Extract<Inbound, { kind: 'media' }>, files: readonly FetchedMedia[], now: Date): Promise<Outbound[]> {
    const handoffId = held.handoff!.id;
    const at = now.toISOString();
    const problems = new Set<'tooLarge' | 'failed'>();
    for (const [i, item] of inbound.media.entries()) {
      const file = files[i] ?? { status: 'failed', reason: 'not fetched' };
      const caption = i === 0 && inbound.text ? ` ${inbound.text.slice(0, 4000)}` : '';
      if (file.status !== 'ok') {
        problems.add(file.status === 'too-large' ? 'tooLarge' : 'failed');
        const why = file.status === 'too-large' ? `too large (over ${Math.round(this.media.maxBytes / 1048576)} MB)` : 'could not be fetched';
        if (file.status === 'failed') this.log.error({ conv: this.ref(id), err: file.reason }, 'a file sent during a handoff could not be fetched');
        await tx.handoffs.addMessage(handoffId, { sender: 'person', staffId: null, text: `${describeMedia(item.kind, item.name)} ${why}${caption}`, at });
        continue;
      }
      const name = safeFileName(file.name ?? item.name);
      const mediaId = newMediaId();
      const contentType = safeContentType(file.contentType && file.contentType !== 'application/octet-stream' ? file.contentType : item.contentType);
      await tx.media.add({ id: mediaId, conversationId: id, handoffId, direction: 'in', kind: item.kind, contentType, ...(name ? { name } : {}), size: file.bytes.length, createdAt: at }, file.bytes);
      await tx.handoffs.addMessage(handoffId, { sender: 'person', staffId: null, text: `${describeMedia(item.kind, name)}${caption}`, at, mediaId });
    }
    const limit = Math.round(this.media.maxBytes / 1048576);
    return [...problems].map((p) => ({ kind: 'text', text: this.engine.t(held.lang, p === 'tooLarge' ? 'media.tooLarge' : 'media.failed', { limit }) }));
  }

  /** A turn that failed gets an apology, kept for a retry like any answer (best effort: the apology is sent anyway). */
  private async apologise(channel: string, delivered: Delivered, ticket: DeliveryTicket): Promise<DeliveryOutcome> {
    const outcome = await answerOnly(delivered, ticket);
    if (outcome.status === 'answered' && (ticket.id !== undefined || ticket.replayKey !== undefined)) {
      await this.storage.transaction((tx) => recordDelivery(tx, channel, ticket, outcome.answer, null, this.engine.now(), 'checked')).catch(() => undefined);
    }
    return outcome;
  }
}

function perform(performers: EffectPerformers, effect: RequestEffect): Promise<ActionResult> {
  switch (effect.kind) {
    case 'book':
      return performers.book(effect);
    case 'cancelAppointment':
      return performers.cancelAppointment(effect);
    case 'handOff':
      return performers.handOff(effect);
  }
}

/** What observers learn of a stored turn besides its channel, conversation, message and time. */
type TurnSummary = Pick<ObservedTurn, 'lang' | 'country' | 'meta' | 'held' | 'forgotten' | 'handoffId'>;

/** The delivery and its signed content, recorded once; recorded before means another handler stored this turn. */
async function recordDelivery(tx: Repositories, channel: string, ticket: DeliveryTicket, answer: string, conversation: string | null, now: Date, record: 'new' | 'checked'): Promise<void> {
  const deliveries = [
    ...(ticket.id === undefined ? [] : [{ id: ticket.id, reply: answer, conversationId: conversation }]),
    ...(ticket.replayKey === undefined ? [] : [{ id: ticket.replayKey, reply: 'handled', conversationId: null }]),
  ];
  if (!deliveries.length) return;
  if (record === 'new') return tx.deliveries.recordNew(channel, deliveries, now);
  const recorded = await tx.deliveries.recordAll(channel, deliveries, now);
  if (ticket.id !== undefined && !recorded.has(ticket.id)) throw new Unstored('recorded-elsewhere');
  if (ticket.replayKey !== undefined && !recorded.has(ticket.replayKey)) throw new Unstored({ status: 'replay' });
}

/** An answer that is not stored (no turn ran, or its turn failed). */
async function answerOnly(delivered: Delivered, ticket: DeliveryTicket): Promise<DeliveryOutcome> {
  const answer = await ticket.render(delivered);
  return answer === undefined ? { status: 'unkept', delivered } : { status: 'answered', answer, delivered };
}
