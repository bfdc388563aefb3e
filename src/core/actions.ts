/**
 * What flows can ask for beyond saying and asking. Lookups (a knowledge answer, the nearest
 * centre, free slots, my appointment) are queries the turn calls; bookings, cancellations and
 * handoffs are effects the turn returns and the runtime performs (`EffectPerformers`). The turn
 * only knows these interfaces; `src/server/app.ts` plugs in the real services. Until a service
 * exists, `unavailableActions` says so honestly.
 */
import type { BookEffect, CancelAppointmentEffect, HandOffEffect, RequestEffect } from './effects.js';
import type { Lang } from './lang.js';
import type { Option, Outbound } from './messages.js';
import type { TurnFacts } from './turn-meta.js';

export const ACTION_OUTCOMES = ['ok', 'unsure', 'unavailable'] as const;
export type ActionOutcome = (typeof ACTION_OUTCOMES)[number];

export interface ActionResult {
  outcome: ActionOutcome;
  outbox: Outbound[];
  /** The knowledge topic answered, for "more details". */
  topic?: string;
  /** The knowledge answer has details beyond the short answer. */
  hasDetails?: boolean;
  /** A close runner-up offered beside the knowledge answer ("or did you mean"): its topic id and title. */
  alsoOffered?: Option;
  /** The message signalled danger: the person is offered a human at once, and a handoff is marked urgent. */
  urgent?: boolean;
  /** A handoff was opened: the conversation now belongs to a human until it is closed. */
  handoff?: { id: string };
  /** Conversation variables to set (null removes one): what to confirm. */
  vars?: Record<string, string | null>;
  /** Choices for a later ask (`optionsFrom: var`), by name (null removes them). */
  choices?: Record<string, Option[] | null>;
  /** What the action did, for the turn's metadata (the danger, the centre, the booking...). */
  facts?: TurnFacts;
}

export interface ActionRequest {
  lang: Lang;
  country?: string;
}

/** Read-only lookups the turn calls while it runs. */
export interface Queries {
  /**
   * `follows`: the topic the conversation was just about. A question with no topic of its own
   * ("und darf ich nebenher jobben?") is read in its light; one that names another topic is not.
   */
  knowledgeAnswer(req: ActionRequest & { question?: string; topic?: string; follows?: string }): Promise<ActionResult>;
  knowledgeDetails(req: ActionRequest & { topic: string }): Promise<ActionResult>;
  /**
   * Safety guidance when a message signals danger (then `urgent`), else undefined; asked of every text first.
   * `afterDanger`: the kind of danger the conversation already told of, so "who do I call?" asks for the emergency numbers.
   */
  dangerCheck?(req: ActionRequest & { text: string; afterDanger?: string }): Promise<ActionResult | undefined>;
  /** `urgent`: the person told of danger, so a place far from every centre still gets one (the nearest in their language). */
  nearestCentre(req: ActionRequest & { query?: string; location?: { lat: number; lon: number }; urgent?: boolean }): Promise<ActionResult>;
  freeSlots(req: ActionRequest & { vars: Readonly<Record<string, string>> }): Promise<ActionResult>;
  freeTimes(req: ActionRequest & { vars: Readonly<Record<string, string>> }): Promise<ActionResult>;
  /** `wantDay`: a day named to move it to (YYYY-MM-DD), returned as `wantDayLabel` in the person's words. */
  myAppointment(req: ActionRequest & { conversationId: string; reference?: string; wantDay?: string }): Promise<ActionResult>;
}

/** What the runtime calls to carry out a turn's effects; the result goes back to the turn. */
export interface EffectPerformers {
  book(effect: BookEffect): Promise<ActionResult>;
  cancelAppointment(effect: CancelAppointmentEffect): Promise<ActionResult>;
  handOff(effect: HandOffEffect): Promise<ActionResult>;
}

/** What the runtime hands back to the turn after performing a request: the turn carries on with it. */
export interface EffectResult {
  kind: 'effectResult';
  effect: RequestEffect['kind'];
  result: ActionResult;
}

/** Everything a deployment plugs in: the lookups for the turn, the performers for the runtime. */
export type Actions = Queries & EffectPerformers;

export type Translate = (lang: Lang, key: string, vars?: Record<string, unknown>) => string;

/** The honest stand-in for a service that is not built yet: it says the feature is coming. */
export function unavailableActions(t: Translate): Actions {
  const coming = (key: string) => async (req: ActionRequest): Promise<ActionResult> => ({
    outcome: 'unavailable',
    outbox: [{ kind: 'text', text: t(req.lang, key) }],
  });
  return {
    knowledgeAnswer: coming('unavailable.knowledge'),
    knowledgeDetails: coming('unavailable.knowledge'),
    nearestCentre: coming('unavailable.centres'),
    freeSlots: coming('unavailable.booking'),
    freeTimes: coming('unavailable.booking'),
    book: coming('unavailable.booking'),
    myAppointment: coming('unavailable.booking'),
    cancelAppointment: coming('unavailable.booking'),
    handOff: coming('unavailable.handoff'),
  };
}
