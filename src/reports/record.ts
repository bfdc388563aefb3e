/**
 * What reports learn of each turn and of each handoff and booking event, written as counts: the
 * day, the centre, the channel, the language and country, the topic, how a question went, the
 * danger category, and the handoff and booking events. Never a message's text, never an address:
 * a turn's person is stored only as a keyed hash (see the report repository).
 */
import type { TurnMeta } from '../core/turn-meta.js';
import type { ObservedTurn } from '../runtime/turn-observers.js';
import type { Centre } from '../booking/centres.js';
import type { AppointmentStore, ReportEvent, ReportOutcome, ReportStore } from '../storage/types.js';

/**
 * How a question went. The knowledge outcome when the turn carries one (answered with low
 * confidence counts as answered); without it: a topic answered, or "not understood" without one
 * is declined. null: the turn asked nothing of the knowledge base (a menu tap, a booking step).
 */
export function questionOutcome(meta: TurnMeta): ReportOutcome | null {
  const withKnowledge = meta as TurnMeta & { knowledge?: { outcome?: string } | null };
  const outcome = withKnowledge.knowledge?.outcome;
  if (outcome) return outcome === 'declined' ? 'declined' : outcome === 'choices' ? 'choices' : 'answered';
  if (meta.topic) return 'answered';
  // Where turns say how each question went, a miss without that is no question (a place not found).
  if ('knowledge' in withKnowledge) return null;
  return meta.understood ? null : 'declined';
}

export interface ReportRecorderDeps {
  store: ReportStore;
  centres: readonly Centre[];
  /** To find the centre of an appointment cancelled in the chat (the turn knows its reference). */
  appointments: Pick<AppointmentStore, 'byReference' | 'get'>;
}

export class ReportRecorder {
  private readonly byId: Map<string, Centre>;

  constructor(private readonly deps: ReportRecorderDeps) {
    this.byId = new Map(deps.centres.map((c) => [c.id, c]));
  }

  /** The day of `at` in the centre's time zone; UTC when the event belongs to no centre. */
  day(at: Date, centreId: string | null): string {
    const zone = (centreId && this.byId.get(centreId)?.timezone) || 'UTC';
    // Every offset is a multiple of a quarter hour, so the day is the same within each quarter hour.
    const quarter = Math.floor(at.getTime() / 900_000);
    let known = this.days.get(zone);
    if (known?.quarter !== quarter) {
      known ??= { format: new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }), quarter: NaN, day: '' };
      known.quarter = quarter;
      known.day = known.format.format(at); // en-CA writes YYYY-MM-DD
      this.days.set(zone, known);
    }
    return known.day;
  }

  /** Per time zone (a handful): its formatter and the last quarter hour's day — every turn asks. */
  private readonly days = new Map<string, { format: Intl.DateTimeFormat; quarter: number; day: string }>();

  /**
   * The centre a turn belongs to: the one the turn opened a handoff to, booked at or chose; else
   * the active centre of the person's country; else none (seen by admins only).
   */
  private centreOf(meta: TurnMeta, country: string | null): string | null {
    const named = meta.handoff || meta.appointment?.centre || meta.centre;
    if (named && this.byId.has(named)) return named;
    return (country && this.deps.centres.find((c) => c.status === 'active' && c.country === country)?.id) || null;
  }

  private event(kind: ReportEvent['kind'], at: Date, centreId: string | null, rest: Partial<ReportEvent> = {}): ReportEvent {
    return { kind, at: at.toISOString(), day: this.day(at, centreId), centreId, ...rest };
  }

  /** The turn observer (see Conversations.onTurn). A turn that deleted the person's data leaves nothing. */
  readonly onTurn = async (turn: ObservedTurn): Promise<void> => {
    if (turn.forgotten) return;
    const { meta, at } = turn;
    const centreId = this.centreOf(meta, turn.country);
    const { store } = this.deps;
    await store.add(
      this.event('turn', at, centreId, {
        channel: turn.channel, lang: turn.lang, country: turn.country, topic: meta.topic, outcome: questionOutcome(meta), safety: meta.safety, conversationId: turn.conversationId,
      }),
    );
    if (meta.handoff !== null) await store.add(this.event('handoff.opened', at, meta.handoff || null, { channel: turn.channel, lang: turn.lang }));
    if (meta.appointment) await store.add(this.event('booking.made', at, meta.appointment.centre, { channel: turn.channel, lang: turn.lang }));
    if (meta.cancelled) {
      const cancelled = await this.deps.appointments.byReference(meta.cancelled);
      await store.add(this.event('booking.cancelled', at, cancelled?.centreId ?? centreId, { channel: turn.channel, lang: turn.lang }));
    }
  };

  /** An advisor's first reply to a handoff (with the seconds it took), or its close. */
  async handoff(kind: 'firstReply' | 'closed', centreId: string | null, lang: string, at: Date, seconds?: number): Promise<void> {
    await this.deps.store.add(this.event(kind === 'firstReply' ? 'handoff.replied' : 'handoff.closed', at, centreId, { lang, seconds: seconds ?? null }));
  }

  /** A booking made or cancelled by staff in the console. */
  async staffBooking(kind: 'made' | 'cancelled', centreId: string, at: Date): Promise<void> {
    await this.deps.store.add(this.event(kind === 'made' ? 'booking.made' : 'booking.cancelled', at, centreId, { channel: 'staff' }));
  }

  /** A reminder that reached the person (the job's payload is the appointment's id). */
  async reminded(appointmentId: string, at: Date): Promise<void> {
    const a = await this.deps.appointments.get(appointmentId);
    if (a) await this.deps.store.add(this.event('booking.reminded', at, a.centreId, { lang: a.lang }));
  }
}
