/**
 * What a turn asks the world to do: book, cancel, hand off, forget. The turn only describes it;
 * the runtime performs it before it stores the conversation's state. Book, cancel and hand off
 * can fail in a way the person must hear about (the slot was taken meanwhile), so the runtime
 * hands their result back to the turn, which carries on from the step that asked.
 */
import type { Lang } from './lang.js';
import type { RecentMessage } from './state.js';

interface ForPerson {
  /** The conversation's stable id ("channel:user"): whose booking or handoff it is. */
  conversationId: string;
  lang: Lang;
}

export type BookEffect = ForPerson & { kind: 'book'; centreId: string; start: string; name: string; contact: string };
/** `replaced`: cancelled because a move booked its successor (said so, with its day and hour). */
export type CancelAppointmentEffect = ForPerson & { kind: 'cancelAppointment'; appointmentId: string; replaced?: boolean };
export type HandOffEffect = ForPerson & {
  kind: 'handOff';
  country?: string;
  reason: 'asked' | 'misunderstood';
  urgent: boolean;
  /** The centre the person chose, if any. */
  centreId?: string;
  /** Where the person said they are: "lat,lon" or a town. */
  place?: string;
  /** The last messages, for the advisor. */
  recent: readonly RecentMessage[];
};
export type DeleteDataEffect = { kind: 'deleteData' };

export type Effect = BookEffect | CancelAppointmentEffect | HandOffEffect | DeleteDataEffect;

/** The effects whose result the turn waits for (it stops at the step that asked). */
export type RequestEffect = Exclude<Effect, DeleteDataEffect>;

export function awaitsResult(effect: Effect): effect is RequestEffect {
  return effect.kind !== 'deleteData';
}
