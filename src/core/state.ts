import type { Lang } from './lang.js';
import type { Option } from './messages.js';
import type { RankedFact } from './turn-meta.js';

/** Bump when the shape changes; `migrateState` upgrades older stored states. */
export const STATE_VERSION = 2;

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
  /**
   * 'chosen' once the person picked or asked for the language: evidence no longer changes it.
   * 'unknown' while nothing said it ("buenaaas" was the first message): the next message that
   * shows its language sets it.
   */
  langFrom?: 'chosen' | 'unknown';
  country?: string;
  /** The ask step the conversation waits at. */
  at: Position;
  /** Values collected by ask steps (a town, a name), by variable name. */
  vars: Record<string, string>;
  /** Choices an action offered for a later question (centres, days, times), by name (`optionsVar`). */
  choices?: Record<string, Option[]>;
  /** Messages in a row the assistant did not understand. */
  misses: number;
  /** The topic last answered, for the "more details" option. */
  lastTopic?: string;
  /** The runner-up offered beside the last answer ("or did you mean"): its topic id and title, while that answer's options stand. */
  alsoOffered?: Option;
  /**
   * What the conversation was last about, so that what follows can lean on it: the topic last
   * answered and the turn it was answered in ("and can my wife come too?"), the centre last named
   * or shown ("book for there"), the question that last named a town with a centre near it ("which
   * office should I visit?" later); `answered`: the knowledge topic last answered, for the advisor.
   */
  context?: { topic?: string; topicTurn?: number; centre?: string; centreTurn?: number; place?: string; placeTurn?: number; answered?: string };
  /**
   * The question just answered (waiting for "did this help?") or offered "did you mean" for
   * (waiting for a pick): kept for one turn only, so a "no" or a left choice can reach the
   * curator's queue. Deleted with the conversation.
   */
  asked?: { question: string; topics: RankedFact[]; awaiting: 'rating' | 'choice' };
  /** The last option chosen, so a double-tapped button is recognised and ignored. */
  lastChoice?: string;
  /** A question waiting for yes or no before something irreversible (delete my data). */
  confirming?: 'delete';
  /** A message signalled danger: a handoff from this conversation is urgent. */
  urgent?: boolean;
  /** The kind of danger told (exploitation, stranded...), so "who do I call?" later gets its guidance again. */
  dangerSaid?: string;
  /** A human advisor holds the conversation: the assistant stays quiet until it is closed. */
  handoff?: {
    id: string;
    /** The person was told once, before any advisor answered, that the centre answers in its opening hours and "menu" brings the assistant back. */
    waitTold?: true;
  };
  /** The last messages, kept only so an advisor can read them if the person asks for one. */
  recent?: RecentMessage[];
  /** An advisor's messages wait for the person's next message (WhatsApp's window): that turn releases them. */
  advisorWaiting?: true;
  /** The person wrote "stop": nothing is sent to them until they write again. */
  stopped?: boolean;
  turns: number;
  updatedAt: string;
}

/** Upgrades a stored state to this version; null for what cannot be read (the person starts again). */
export function migrateState(raw: unknown): ConversationState | null {
  if (!raw || typeof raw !== 'object') return null;
  const s = raw as Omit<Partial<ConversationState>, 'v'> & { v?: number };
  if (!s.at || !s.lang || typeof s.vars !== 'object' || !s.vars) return null;
  // Older states kept the deliveries they handled; the delivery log alone does that now.
  if ('handled' in s) delete (s as { handled?: unknown }).handled;
  if (s.v === 1) return fromVersion1(s as unknown as ConversationState);
  if (s.v !== STATE_VERSION) return null;
  return s as ConversationState;
}

/** Version 1 kept choices as JSON text in variables named …Choices. */
function fromVersion1(s: ConversationState): ConversationState {
  const vars: Record<string, string> = {};
  const choices: Record<string, Option[]> = {};
  for (const [name, value] of Object.entries(s.vars)) {
    const options = name.endsWith('Choices') ? parseChoices(value) : undefined;
    if (options) choices[name] = options;
    else vars[name] = value;
  }
  return { ...s, v: STATE_VERSION, vars, ...(Object.keys(choices).length ? { choices } : {}) };
}

function parseChoices(value: string): Option[] | undefined {
  try {
    const parsed = JSON.parse(value) as unknown;
    return Array.isArray(parsed) ? parsed.filter((o): o is Option => typeof o?.id === 'string' && typeof o?.label === 'string') : undefined;
  } catch {
    return undefined;
  }
}
