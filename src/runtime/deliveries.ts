/**
 * Exactly once, one mechanism: a webhook delivery is handled once, on whichever instance it
 * reaches. Under the conversation's turn lock the turn runs, and its state, its effects (a
 * booking, a handoff) and the delivery with the channel's rendered reply are stored in one
 * transaction: all of it or none of it. Recording a delivery that was recorded before fails, so
 * a retry's turn is rolled back and the stored reply answers it; the log is asked first where
 * that would cost more (a render that writes elsewhere, files that would be fetched again). A
 * crash mid-turn leaves nothing, so the retry runs the turn afresh; a retry on another instance
 * waits for the lock and finds the reply.
 */
import type { TurnMeta } from '../core/turn-meta.js';
import type { Effect } from '../core/effects.js';
import type { Lang } from '../core/lang.js';
import type { Outbound } from '../core/messages.js';

/** What a turn gives the channel to answer. */
export interface Delivered {
  outbox: Outbound[];
  effects: Effect[];
  /** The conversation's language after the turn, for channels that label their messages. */
  lang: Lang;
  /**
   * Set when the person was over the message limit and no turn ran: 'tell' the first time in a
   * window (the outbox asks them to slow down), 'quiet' after that (the outbox is empty).
   */
  limited?: 'tell' | 'quiet';
  /** What happened in the turn (topic, booking, what is asked next...): for the terminal's JSON mode and tests, not for channels. */
  meta: TurnMeta;
  /** Messages from our side that waited for the person's message (WhatsApp's window) and are now in the outbox. */
  released?: number;
}

/** A channel's delivery of a message. */
export interface DeliveryTicket {
  /** The channel's id of this delivery (a MessageSid, an update_id): a retry with it is answered once. */
  id?: string;
  /** Signed content recorded once with the delivery (WhatsApp's): recorded before, under another id, means a replay. */
  replayKey?: string;
  /**
   * The channel's answer to the turn, stored with the delivery for a retry. Called inside the
   * turn's transaction; undefined keeps nothing (the turn is rolled back, the channel refuses).
   */
  render(delivered: Delivered): Promise<string | undefined> | string | undefined;
  /**
   * render only computes the answer (it writes nothing elsewhere): a retry may then run the turn
   * again and be found when it is recorded, instead of asking the delivery log first.
   */
  pureRender?: boolean;
}

export type DeliveryOutcome =
  /** `delivered` is there when this call ran the turn (the channel may send it on its own). */
  | { status: 'answered'; answer: string; delivered?: Delivered }
  /** render kept nothing: nothing of the turn is stored. */
  | { status: 'unkept'; delivered: Delivered }
  /** Still being handled by a handler that has not answered yet. */
  | { status: 'busy' }
  /** The same signed content, already received under another delivery id. */
  | { status: 'replay' };
