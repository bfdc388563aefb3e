/**
 * The turn: one inbound message in, the replies, the next state and the effects out. The turn
 * sends nothing, stores nothing, books nothing and reads no clock of its own, so every flow can be
 * tested without a network, a database or time passing:
 * `handleTurn(deps, state, inbound)` -> `{ outbox, nextState, effects }`.
 *
 * Bookings, cancellations and handoffs leave as effects; the turn stops at the step that asked,
 * and the runtime performs the effect and calls `handleTurn` again on that `nextState` with an
 * `effectResult`, so "the slot was just taken" still reaches the person. Delete my data is an
 * effect with `nextState: null`.
 *
 * @example
 *   const { outbox, nextState } = await handleTurn(deps, null, { kind: 'text', text: 'bonjour' });
 *   // outbox: the French welcome, the privacy notice and the main menu
 */
import type { EffectResult } from '../core/actions.js';
import type { Effect } from '../core/effects.js';
import { DEFAULT_LANG, langFromLocale } from '../core/lang.js';
import type { ChannelHints, Inbound, MediaKind, Outbound } from '../core/messages.js';
import { STATE_VERSION, type ConversationState } from '../core/state.js';
import { emptyMeta, type TurnMeta } from '../core/turn-meta.js';
import { recogniseCourtesy } from '../understanding/courtesy.js';
import { recogniseRequest } from '../understanding/requests.js';
import { findStep } from './loader.js';
import { answerInputStep, answerOptionsStep } from './answers.js';
import { answerDeleteConfirmation, runCommand } from './commands.js';
import { isGreetingOrEmpty, MENU, missed, positionRef, refOf, rememberContext, request, say, takeResult, type EngineDeps, type Turn } from './context.js';
import { currentAsk, renderAsk } from './render.js';
import { askingOf, noteLanguage, understandText } from './understand.js';
import { noteSaidPlace } from './place-said.js';
import { languageEvidence, shortMessageLanguage } from '../understanding/language.js';
import { advance, keepResultValues, offerHumanNow, resumeAfterEffect } from './runner.js';

export type { EngineDeps } from './context.js';

export interface TurnResult {
  outbox: Outbound[];
  /** null: the conversation is to be forgotten (delete my data). */
  nextState: ConversationState | null;
  effects: Effect[];
  /** What happened in the turn and what the conversation now waits for (for tests and the simulator). */
  meta: TurnMeta;
}

/** What a turn takes in: the person's message, or the result of an effect the turn asked for. */
export type TurnInput = Inbound | EffectResult;

/** Text longer than this is cut before it is matched or searched: nobody's question is that long. */
export const MAX_INPUT_CHARS = 1000;

export async function handleTurn(
  deps: EngineDeps,
  previous: ConversationState | null,
  inbound: TurnInput,
  hints: ChannelHints = {},
  conversationId = '',
): Promise<TurnResult> {
  if (inbound.kind === 'effectResult') {
    if (!previous) throw new Error('an effect result needs the state of the turn that asked for it');
    const turn: Turn = { deps, conversationId, state: structuredClone(previous), outbox: [], effects: [], meta: emptyMeta() };
    await resumeAfterEffect(turn, inbound);
    return finish(turn);
  }
  const input = clip(inbound);
  const now = deps.now();
  const turn: Turn = { deps, conversationId, state: previous ? structuredClone(previous) : newState(deps, input, hints, now), outbox: [], effects: [], meta: emptyMeta() };
  turn.state.turns += 1;
  turn.state.updatedAt = now.toISOString();
  if (hints.country && !turn.state.country) turn.state.country = hints.country;
  // Only that there is a number to offer is kept ("this number" at the contact step), never the number itself.
  if (hints.phone) {
    turn.replyPhone = hints.phone;
    turn.state.vars.canUseThisNumber = 'yes';
  } else delete turn.state.vars.canUseThisNumber;

  const expired = previous && now.getTime() - Date.parse(previous.updatedAt) > deps.sessionTtlMs;
  const asked = turn.state.asked;
  if (!previous || expired || previous.stopped) {
    await greet(turn, previous ? 'returning' : 'new', input);
  } else {
    await handleInput(turn, input);
  }
  // "Did this help?" and "did you mean" wait one turn only: another message simply moves on.
  if (!turn.askedNow) delete turn.state.asked;
  if (asked?.awaiting === 'choice' && !turn.tookChoice) turn.meta.review.push({ reason: 'choices', question: asked.question, topics: asked.topics });
  const name = turn.state.vars.name;
  if (name) for (const review of turn.meta.review) review.names = [name];
  return finish(turn);
}

function finish(turn: Turn): TurnResult {
  if (turn.state.confirming === undefined) delete turn.state.confirming;
  // "Two misses in a row" offer a person: a turn understood in between starts the count again.
  if (turn.meta.understood) turn.state.misses = 0;
  rememberContext(turn);
  const deleted = turn.effects.some((e) => e.kind === 'deleteData');
  const nextState = deleted ? null : turn.state;
  return { outbox: turn.outbox, nextState, effects: turn.effects, meta: { ...turn.meta, ...restingPlace(turn, nextState) } };
}

/** The flow the conversation is in and what it waits for; an advisor's conversation waits for nothing of ours. */
function restingPlace(turn: Turn, state: ConversationState | null): Pick<TurnMeta, 'flow' | 'asking'> {
  if (!state) return { flow: null, asking: null };
  if (state.handoff) return { flow: 'handoff', asking: null };
  if (state.stopped) return { flow: state.at.flow, asking: null };
  if (state.confirming === 'delete') return { flow: state.at.flow, asking: 'confirm' };
  if (turn.ended) return { flow: state.at.flow, asking: null };
  const found = findStep(turn.deps.flows, state.at.flow, state.at.step);
  return { flow: state.at.flow, asking: found?.step.type === 'ask' ? askingOf(found.step) : null };
}

function newState(deps: EngineDeps, input: Inbound, hints: ChannelHints, now: Date): ConversationState {
  const text = input.kind === 'text' ? input.text : input.kind === 'media' ? input.text : undefined;
  const locale = langFromLocale(hints.locale);
  const lang = locale ?? (text ? (languageEvidence(text)?.lang ?? shortMessageLanguage(text) ?? deps.detectLanguage(text)) : undefined);
  // A greeting alone ("salam", "hello") is a guess: the first sentence that shows the language still sets it.
  const guessed = !lang || (!locale && text !== undefined && (recogniseCourtesy(text) === 'greeting' || deps.vocabulary.isGreeting(text)));
  return { v: STATE_VERSION, lang: lang ?? DEFAULT_LANG, ...(guessed ? { langFrom: 'unknown' as const } : {}), at: MENU, vars: {}, misses: 0, turns: 0, updatedAt: now.toISOString() };
}

/** A first message, or one after a long silence or a "stop": greet, then take up what was said. */
async function greet(turn: Turn, who: 'new' | 'returning', input: Inbound): Promise<void> {
  const { state } = turn;
  state.vars = {};
  delete state.choices;
  state.misses = 0;
  delete state.stopped;
  delete state.lastTopic;
  delete state.alsoOffered;
  delete state.context;
  delete state.confirming;
  // A first "assalam o alaikum bhai" or "hello o, good morning" is a greeting with a word of warmth, not a question.
  // A greeting with a request ("bjr rdv svp", "salam bghit maw3id") is the request: it is taken up after the welcome.
  const warmGreeting = input.kind === 'text' && recogniseCourtesy(input.text) === 'greeting' && !recogniseRequest(input.text);
  const greetingOnly = isGreetingOrEmpty(turn, input) || warmGreeting || (input.kind === 'command' && (input.name === 'start' || input.name === 'menu'));
  if (who === 'new') {
    await advance(turn, 'welcome.start', { render: greetingOnly });
  } else {
    say(turn, 'system.welcomeBack');
    await advance(turn, 'main.menu', { render: greetingOnly });
  }
  // "good morning, i dey benin city": the welcome, and the town kept for a booking or a person asked for later.
  if (warmGreeting) await noteSaidPlace(turn, undefined, input.text);
  if (!greetingOnly && !turn.effects.length) await handleInput(turn, input);
}

/** What the person hears about a file they sent, by its kind (the assistant reads only text). */
const MEDIA_RECEIVED: Record<MediaKind, string> = {
  audio: 'media.received.audio',
  image: 'media.received.image',
  video: 'media.received.video',
  document: 'media.received.document',
};

/**
 * A voice note, photo or file outside a handoff: the person is told kindly that the assistant
 * reads text; a caption is then read as their message, else they are asked to write and offered a
 * person (who can listen and look).
 */
async function answerMedia(turn: Turn, input: Extract<Inbound, { kind: 'media' }>): Promise<void> {
  say(turn, MEDIA_RECEIVED[input.media[0]?.kind ?? 'document']);
  const caption = input.text?.trim();
  if (caption) return handleInput(turn, { kind: 'text', text: caption });
  missed(turn);
  // Already being asked whether a person should take over: ask that again rather than offer it twice.
  const ask = turn.state.at.flow === 'handoff' ? currentAsk(turn) : undefined;
  if (ask) return renderAsk(turn, ask);
  return advance(turn, 'media.offer');
}

async function handleInput(turn: Turn, input: Inbound): Promise<void> {
  if (input.kind === 'media') return answerMedia(turn, input);
  const command = input.kind === 'command' ? input.name : input.kind === 'text' ? turn.deps.vocabulary.command(input.text) : undefined;
  if (command) return runCommand(turn, command);
  if (turn.state.confirming === 'delete' && (await answerDeleteConfirmation(turn, input))) return;
  delete turn.state.confirming;
  const ask = currentAsk(turn);
  // The language first: help offered for danger said in Roman Urdu after a "salam" is in Urdu.
  if (input.kind === 'text' && !isGreetingOrEmpty(turn, input)) noteLanguage(turn, ask, input.text);
  // Danger first, at any step: a name, a town or a menu answer may be a cry for help.
  const danger = input.kind === 'text' ? await turn.deps.actions.dangerCheck?.({ ...request(turn), text: input.text, afterDanger: turn.state.dangerSaid }) : undefined;
  if (danger?.urgent) {
    if (danger.facts?.safety) turn.state.dangerSaid = danger.facts.safety;
    takeResult(turn, danger);
    return offerHumanNow(turn);
  }

  if (!ask) return advance(turn, 'main.menu');

  if (input.kind === 'location') {
    if (ask.input === 'location') {
      turn.state.vars[ask.var!] = `${input.lat},${input.lon}`;
      return advance(turn, refOf(turn, ask.next!));
    }
    const result = await turn.deps.actions.nearestCentre({ ...request(turn), location: { lat: input.lat, lon: input.lon } });
    takeResult(turn, result);
    // Choosing a centre, booking at one or asked "this centre?": the new place leads to the centres near it, never the old buttons.
    if (result.outcome === 'ok' && result.choices?.centreChoices && movesToNewCentres(turn)) {
      keepResultValues(turn, result);
      return advance(turn, positionRef(turn.state.at).startsWith('handoff.') ? 'handoff.confirm' : 'centres.offer');
    }
    return renderAsk(turn, ask);
  }
  if (input.kind === 'unsupported') {
    missed(turn);
    say(turn, 'system.unsupported');
    return renderAsk(turn, ask);
  }
  if (input.kind === 'text' && isGreetingOrEmpty(turn, input)) return renderAsk(turn, ask);
  if (input.kind === 'text') await noteSaidPlace(turn, ask, input.text);
  if (input.kind === 'text' && (await understandText(turn, ask, input.text))) return;
  if (ask.input) return answerInputStep(turn, ask, input);
  return answerOptionsStep(turn, ask, input);
}

/** Where a shared location replaces the centre under way: the centres offered, the booking steps, the "this centre?" question. */
function movesToNewCentres(turn: Turn): boolean {
  const at = positionRef(turn.state.at);
  return at === 'centres.offer' || turn.state.at.flow === 'booking' || at === 'handoff.confirm' || at === 'handoff.consent';
}

function clip(input: Inbound): Inbound {
  if (input.kind === 'media' && input.text && input.text.length > MAX_INPUT_CHARS) return { ...input, text: input.text.slice(0, MAX_INPUT_CHARS) };
  return input.kind === 'text' && input.text.length > MAX_INPUT_CHARS ? { kind: 'text', text: input.text.slice(0, MAX_INPUT_CHARS) } : input;
}
