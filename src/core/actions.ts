/**
 * What flows can ask for beyond saying and asking: a knowledge answer, the nearest centre, free
 * slots, a booking, a handoff. The engine only knows these interfaces; `src/server/app.ts` plugs
 * in the real services. Until a service exists, `unavailableActions` says so honestly.
 */
import type { ActionOutcome } from '../flows/schema.js';
import type { Lang } from './lang.js';
import type { Outbound } from './messages.js';
import type { RecentMessage } from './state.js';

export interface ActionResult {
  outcome: ActionOutcome;
  outbox: Outbound[];
  /** The knowledge topic answered, for "more details". */
  topic?: string;
  /** The knowledge answer has details beyond the short answer. */
  hasDetails?: boolean;
  /** The message signalled danger: the person is offered a human at once, and a handoff is marked urgent. */
  urgent?: boolean;
  /** A handoff was opened: the conversation now belongs to a human until it is closed. */
  handoff?: { id: string };
  /** Conversation variables to set (null removes one): choices for the next ask, what to confirm. */
  vars?: Record<string, string | null>;
}

export interface ActionRequest {
  lang: Lang;
  country?: string;
}

export interface Actions {
  knowledgeAnswer(req: ActionRequest & { question?: string; topic?: string }): Promise<ActionResult>;
  knowledgeDetails(req: ActionRequest & { topic: string }): Promise<ActionResult>;
  /** Safety guidance when a message signals danger (then `urgent`), else undefined; asked of every text first. */
  dangerCheck?(req: ActionRequest & { text: string }): Promise<ActionResult | undefined>;
  nearestCentre(req: ActionRequest & { query?: string; location?: { lat: number; lon: number } }): Promise<ActionResult>;
  freeSlots(req: ActionRequest & { vars: Readonly<Record<string, string>> }): Promise<ActionResult>;
  freeTimes(req: ActionRequest & { vars: Readonly<Record<string, string>> }): Promise<ActionResult>;
  book(req: ActionRequest & { vars: Readonly<Record<string, string>>; conversationId: string }): Promise<ActionResult>;
  myAppointment(req: ActionRequest & { conversationId: string }): Promise<ActionResult>;
  cancelAppointment(req: ActionRequest & { vars: Readonly<Record<string, string>>; conversationId: string }): Promise<ActionResult>;
  handOff(
    req: ActionRequest & {
      reason: 'asked' | 'misunderstood';
      conversationId: string;
      urgent: boolean;
      vars: Readonly<Record<string, string>>;
      recent: readonly RecentMessage[];
    },
  ): Promise<ActionResult>;
}

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
