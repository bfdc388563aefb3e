/**
 * Who learns of a turn once it is stored: reports count it, the curator's queue keeps a question
 * the assistant could not answer well, metrics observe it. Observers run after the turn's
 * transaction has committed and still inside the conversation's lock, so that what they store
 * about the person is there before the person's next turn (a "delete my data" finds it); one that
 * fails is logged and never changes what the person got.
 */
import type { Inbound } from '../core/messages.js';
import type { TurnMeta } from '../core/turn-meta.js';

export interface ObservedTurn {
  channel: string;
  /** The conversation's id (`channel:user`): the person's address. Never log it or store it in clear. */
  conversationId: string;
  inbound: Inbound;
  /** The conversation's language and country after the turn. */
  lang: string;
  country: string | null;
  /** What the turn did (topic, safety, handoff, booking, ...). */
  meta: TurnMeta;
  /** The message went to an advisor (the conversation was handed off); the assistant said nothing. */
  held: boolean;
  /** The person asked to delete their data in this turn: nothing of theirs may be kept. */
  forgotten: boolean;
  /** The handoff this turn added to, opened or cancelled (the staff console's queue changes). */
  handoffId?: string;
  at: Date;
}

export type TurnObserver = (turn: ObservedTurn) => void | Promise<void>;

export class TurnObservers {
  private readonly observers: TurnObserver[] = [];

  constructor(private readonly onError: (err: Error) => void) {}

  add(observer: TurnObserver): void {
    this.observers.push(observer);
  }

  async notify(turn: ObservedTurn): Promise<void> {
    for (const observer of this.observers) {
      try {
        await observer(turn);
      } catch (err) {
        this.onError(err as Error);
      }
    }
  }
}
