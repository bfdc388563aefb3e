/**
 * What happened in a turn, as data: the flow and the kind of answer the conversation now waits
 * for, whether the assistant understood, and the topic, danger, centre, handoff, booking or
 * cancellation the turn brought about. Filled where each thing happens (an action, the step
 * runner); read by the terminal's JSON mode and the conversation benchmark, never by a channel.
 */

/** What an ask step waits for; flows name it with `expects:` where the step's kind does not say it. */
export const ASKING_KINDS = ['choice', 'text', 'location', 'day', 'time', 'name', 'contact', 'place', 'confirm'] as const;
export type Asking = (typeof ASKING_KINDS)[number];

export interface BookedFact {
  reference: string;
  /** The centre's id. */
  centre: string;
  /** "YYYY-MM-DDTHH:MM" in the centre's time zone. */
  local: string;
  /** A request at a centre whose hours are not confirmed: the centre confirms the time with the person. */
  requested?: true;
}

/** A topic the retriever ranked for a question, with its fused score. */
export interface RankedFact {
  id: string;
  score: number;
}

/** How a knowledge question went: answered, answered with low confidence, declined, or "did you mean". */
export type KnowledgeOutcome = 'answered' | 'low' | 'declined' | 'choices';

/** Why a question is worth a curator's look (see the curator's queue). */
export type ReviewReason = 'declined' | 'low' | 'unhelpful' | 'choices';

/** A question the assistant did not answer well, as the person typed it (the curator's queue masks it before storing). */
export interface ReviewFact {
  reason: ReviewReason;
  question: string;
  /** The retriever's top three topics for it, best first. */
  topics: RankedFact[];
  /** Names the person gave the assistant (a booking's name), to be masked wherever they appear. */
  names?: string[];
}

/** What a knowledge question gave: its outcome and the top three topics, for reports and the curator's queue. */
export interface KnowledgeFact {
  outcome: KnowledgeOutcome;
  question: string;
  topics: RankedFact[];
}

/** What an action can report about what it did. */
export interface TurnFacts {
  /** The knowledge topic answered. */
  topic?: string;
  /** The danger the message described (exploitation, stranded, violence, selfharm). */
  safety?: string;
  /** The centre chosen or proposed (its id). */
  centre?: string;
  /** The centre a handoff was opened to (its id; "" when no centre could be chosen). */
  handoff?: string;
  appointment?: BookedFact;
  /** The reference of the appointment cancelled. */
  cancelled?: string;
  /** false: the action could not make sense of what the person said (no answer, no such place). */
  understood?: false;
  /** A question went to the knowledge base (not a topic tapped from a menu). */
  knowledge?: KnowledgeFact;
}

export interface TurnMeta {
  /** The flow the conversation is in after the turn (null once its data is deleted). */
  flow: string | null;
  asking: Asking | null;
  /** false when the turn ended in "not sure" or "did not understand". */
  understood: boolean;
  topic: string | null;
  safety: string | null;
  centre: string | null;
  handoff: string | null;
  appointment: BookedFact | null;
  cancelled: string | null;
  /** The advisor request the person withdrew in this turn (its id), apart from appointments so that bookings are counted right. */
  handoffCancelled?: string;
  /** How the turn's knowledge question went (null: no question was looked up). */
  knowledge: { outcome: KnowledgeOutcome; topics: RankedFact[] } | null;
  /** The person's answer to "did this help?" in this turn. */
  feedback: 'yes' | 'no' | null;
  /** Questions for the curator's queue (declined, low confidence, rated "no", "did you mean" left). */
  review: ReviewFact[];
}

export function emptyMeta(flow: string | null = null): TurnMeta {
  return { flow, asking: null, understood: true, topic: null, safety: null, centre: null, handoff: null, appointment: null, cancelled: null, knowledge: null, feedback: null, review: [] };
}

/** Answered, but with a fused score below this: worth a curator's look. */
export const LOW_CONFIDENCE_BELOW = 0.4;

/** Adds an action's facts to the turn's: later facts win, a miss stays a miss. */
export function addFacts(meta: TurnMeta, facts: TurnFacts | undefined): void {
  if (!facts) return;
  if (facts.understood === false) meta.understood = false;
  if (facts.topic !== undefined) meta.topic = facts.topic;
  if (facts.safety !== undefined) meta.safety = facts.safety;
  if (facts.centre !== undefined) meta.centre = facts.centre;
  if (facts.handoff !== undefined) meta.handoff = facts.handoff;
  if (facts.appointment !== undefined) meta.appointment = facts.appointment;
  if (facts.cancelled !== undefined) meta.cancelled = facts.cancelled;
  if (facts.knowledge !== undefined) {
    const { outcome, question, topics } = facts.knowledge;
    meta.knowledge = { outcome, topics };
    // "Did you mean" is reviewed only when the person leaves the choices (see the step runner).
    if (outcome === 'declined' || outcome === 'low') meta.review.push({ reason: outcome, question, topics });
  }
}

/** The meta of two parts of one turn (before and after an effect): the later part says where it rests. */
export function mergeMeta(first: TurnMeta, then: TurnMeta): TurnMeta {
  const merged: TurnMeta = { ...first, flow: then.flow, asking: then.asking, understood: first.understood && then.understood, review: [...first.review, ...then.review] };
  addFacts(merged, {
    ...(then.topic !== null ? { topic: then.topic } : {}),
    ...(then.safety !== null ? { safety: then.safety } : {}),
    ...(then.centre !== null ? { centre: then.centre } : {}),
    ...(then.handoff !== null ? { handoff: then.handoff } : {}),
    ...(then.appointment !== null ? { appointment: then.appointment } : {}),
    ...(then.cancelled !== null ? { cancelled: then.cancelled } : {}),
  });
  if (then.knowledge) merged.knowledge = then.knowledge;
  if (then.feedback) merged.feedback = then.feedback;
  return merged;
}
