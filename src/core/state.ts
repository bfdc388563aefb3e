import type { Lang } from './lang.js';

/** Bump when the shape changes; `migrateState` upgrades older stored states. */
import type { Outbound } from './messages.js';

export const STATE_VERSION = 1;

export interface RecentMessage {
  from: 'person' | 'bot';
  text: string;
}

/** Where a conversation waits: the `ask` step of a flow. */
export interface Position {
  flow: string;
  step: string;
}

/**
 * A conversation's state: plain JSON, stored between turns. It holds what the flows need and no
 * more (no message text beyond the variables a flow asked for).
 */
export interface ConversationState {
  v: typeof STATE_VERSION;
  lang: Lang;
  country?: string;
  /** The ask step the conversation waits at. */
  at: Position;
  /** Values collected by ask steps (a town, a name), by variable name. */
  vars: Record<string, string>;
  /** Messages in a row the assistant did not understand. */
  misses: number;
  /** The topic last answered, for the "more details" option. */
  lastTopic?: string;
  /** The last option chosen, so a double-tapped button is recognised and ignored. */
  lastChoice?: string;
  /** A question waiting for yes or no before something irreversible (delete my data). */
  confirming?: 'delete';
  /** A message signalled danger: a handoff from this conversation is urgent. */
  urgent?: boolean;
  /** A human advisor holds the conversation: the assistant stays quiet until it is closed. */
  handoff?: { id: string };
  /** The last messages, kept only so an advisor can read them if the person asks for one. */
  recent?: RecentMessage[];
  /** The person wrote "stop": nothing is sent to them until they write again. */
  stopped?: boolean;
  /** The last deliveries handled (and the latest ones' replies), saved with the turn itself: exactly once. */
  handled?: { id: string; outbox?: Outbound[] }[];
  turns: number;
  updatedAt: string;
}

export function migrateState(raw: unknown): ConversationState | null {
  if (!raw || typeof raw !== 'object') return null;
  const s = raw as Partial<ConversationState>;
  if (s.v !== STATE_VERSION || !s.at || !s.lang) return null;
  return s as ConversationState;
}
