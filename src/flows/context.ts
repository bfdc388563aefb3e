/**
 * What every part of the step runner shares: the turn under way (its state, replies and effects)
 * and the small helpers that read it.
 */
import { APPOINTMENT_TOPIC, CENTRES_TOPIC } from '../core/topics.js';
import type { ActionResult, Queries, Translate } from '../core/actions.js';
import type { Effect } from '../core/effects.js';
import type { Lang } from '../core/lang.js';
import type { Inbound, Outbound } from '../core/messages.js';
import type { ConversationState, Position } from '../core/state.js';
import { addFacts, type TurnMeta } from '../core/turn-meta.js';
import type { Vocabulary } from '../core/vocabulary.js';
import { resolveRef, type FlowSet } from './loader.js';

export interface EngineDeps {
  flows: FlowSet;
  t: Translate;
  vocabulary: Vocabulary;
  /** Read-only lookups; bookings, cancellations and handoffs leave the turn as effects instead. */
  actions: Queries;
  /** Guesses the language of a first message; undefined when unsure. */
  detectLanguage: (text: string) => Lang | undefined;
  now: () => Date;
  /** A conversation silent for longer starts again at the menu (default 24 h). */
  sessionTtlMs: number;
  /** Where the full privacy notice is, for the one-line notice in the first reply. */
  privacyUrl: string;
}

export interface Turn {
  deps: EngineDeps;
  /** The conversation's stable id, for lookups and effects about this person (a booking). */
  conversationId: string;
  state: ConversationState;
  outbox: Outbound[];
  effects: Effect[];
  /** What happened in the turn; its flow and asking are filled when the turn ends. */
  meta: TurnMeta;
  /** A question was answered or offered "did you mean" in this turn: `state.asked` is kept for the next. */
  askedNow?: boolean;
  /** The person picked one of the "did you mean" topics. */
  tookChoice?: boolean;
  /** The nearest centres were shown in this turn: what follows may ask about them ("open on Saturday?"). */
  showedCentres?: boolean;
  /** The town said earlier answered a "where are you?" in this turn (not again, so a town that finds nothing cannot loop). */
  usedSaidPlace?: boolean;
  /** A place typed was not found for the second time in a row: a person is offered instead of "where are you?" once more. */
  placeMissedTwice?: boolean;
  /** The number the person writes from (WhatsApp), for "this number" at the contact step; never kept in the state. */
  replyPhone?: string;
  /** A flow ended in this turn: the conversation rests at the main menu without showing it, asking nothing. */
  ended?: boolean;
}

export const MENU: Position = { flow: 'main', step: 'menu' };

/** An action's replies join the turn's, and what it reports joins the turn's metadata. */
export function takeResult(turn: Turn, result: ActionResult): void {
  turn.outbox.push(...result.outbox);
  if (result.outcome === 'ok' && result.topic) turn.meta.topic = result.topic;
  if (result.outcome === 'ok' && result.choices?.centreChoices?.length) turn.showedCentres = true;
  addFacts(turn.meta, result.facts);
  const knowledge = result.facts?.knowledge;
  if (knowledge && knowledge.outcome !== 'declined') {
    // Answered: "did this help?" goes with the next options; "did you mean": a pick is awaited.
    turn.state.asked = { question: knowledge.question, topics: knowledge.topics, awaiting: knowledge.outcome === 'choices' ? 'choice' : 'rating' };
    turn.askedNow = true;
  }
}

/** What is said to each kind of courtesy (a greeting or a bare ok: nothing of its own, the question again). */
export const COURTESY_KEYS = { thanks: 'courtesy.thanks', howAreYou: 'courtesy.howAreYou', whoAreYou: 'courtesy.whoAreYou', bye: 'courtesy.bye', complaint: 'courtesy.complaint', afraid: 'courtesy.afraid' } as const;

/** Not understood this many times in a row at a step: a person is offered. */
export const MISSES_BEFORE_HUMAN = 2;

/** In danger, the line to call first: with the coast guard only when the danger told is at sea or unknown, not for a worker in Riyadh. */
export function urgentLine(state: Turn['state']): string {
  return state.dangerSaid && state.dangerSaid !== 'stranded' ? 'handoff.urgentNotPlaceLand' : 'handoff.urgentNotPlace';
}

/** The turn ends in "not sure" or "did not understand". */
export function missed(turn: Turn): void {
  turn.meta.understood = false;
}

/** `values` beside the flow's variables: what a turn found that the conversation need not keep. */
export function say(turn: Turn, key: string, values: Record<string, string> = {}): void {
  turn.outbox.push({ kind: 'text', text: tr(turn, key, values) });
}

/** A text in the conversation's language; the flow's variables (and `values`) can be interpolated ({{name}}). */
export function tr(turn: Turn, key: string, values: Record<string, string> = {}): string {
  // The notice opens in the conversation's language.
  return turn.deps.t(turn.state.lang, key, { ...turn.state.vars, ...values, privacyUrl: `${turn.deps.privacyUrl}?lang=${turn.state.lang}` });
}

export function request(turn: Turn): { lang: Lang; country?: string } {
  return turn.state.country ? { lang: turn.state.lang, country: turn.state.country } : { lang: turn.state.lang };
}

export function refOf(turn: Turn, ref: string): string {
  const { flow, step } = resolveRef(ref, turn.state.at.flow);
  return `${flow}.${step}`;
}

export function positionRef(p: Position): string {
  return `${p.flow}.${p.step}`;
}

export function isGreetingOrEmpty(turn: Turn, input: Inbound): boolean {
  return input.kind === 'text' && (input.text.trim() === '' || turn.deps.vocabulary.isGreeting(input.text));
}

/** How many turns after an answer a question may still follow up on its topic ("thanks" may come between). */
const FOLLOW_UP_TURNS = 3;

/** The topic a question in this turn may follow up on: the one answered a moment ago, if any. */
export function followedTopic(turn: Turn): string | undefined {
  const { context, turns } = turn.state;
  return context?.topic && context.topicTurn !== undefined && turns - context.topicTurn <= FOLLOW_UP_TURNS ? context.topic : undefined;
}

/** At the end of a turn: the topic answered and the centre named in it become what the conversation is about. */
export function rememberContext(turn: Turn): void {
  const { meta, state } = turn;
  // Centres shown make the conversation about them, so "il est ouvert le samedi?" is read in their light.
  // An appointment booked or shown makes it about the appointment: "what should i bring along?" is asked of it.
  const topic = meta.topic ?? (meta.appointment ? APPOINTMENT_TOPIC : turn.showedCentres ? CENTRES_TOPIC : undefined);
  if (topic) state.context = { ...state.context, topic, topicTurn: state.turns };
  if (meta.topic) state.context = { ...state.context, answered: meta.topic };
  if (meta.centre) state.context = { ...state.context, centre: meta.centre, centreTurn: state.turns };
}

/** How many turns after a centre was named or shown "there" still points at it. */
const THERE_TURNS = 6;

/** The centre named or shown a moment ago, that "there" points at. */
export function centreNamedBefore(turn: Turn): string | undefined {
  const { context, turns } = turn.state;
  return context?.centre && context.centreTurn !== undefined && turns - context.centreTurn <= THERE_TURNS ? context.centre : undefined;
}

export function rememberTopic(turn: Turn, result: ActionResult): void {
  if (result.topic && result.hasDetails) turn.state.lastTopic = result.topic;
  else delete turn.state.lastTopic;
  if (result.topic && result.alsoOffered) turn.state.alsoOffered = result.alsoOffered;
  else delete turn.state.alsoOffered;
}
