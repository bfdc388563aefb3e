/**
 * Centres and appointments for the chat and the staff API: the nearest centres, free slots, and
 * booking with no double booking (the database decides; a slot taken meanwhile is a tagged result).
 */
import { DateTime } from 'luxon';
import type { AppointmentStore, Appointment, CentreSettings } from '../storage/types.js';
import { nearestCentres, receivesPeople, takesRequests, type Centre, type NearbyCentre } from './centres.js';
import { findPlace, type Place } from './gazetteer.js';
import { isSlotStart, openDays, slotsForDay, type Slot } from './slots.js';

export type BookingOutcome =
  | { status: 'booked'; appointment: Appointment; centre: Centre }
  | { status: 'taken'; alternatives: Slot[] }
  | { status: 'invalid'; problem: string };

/** Beyond this a typed town's nearest centre is in another world: the person is asked again instead. */
const FAR_AWAY_KM = 800;

/**
 * Centres by distance from a point in no known country: one that takes only requests is for the
 * people around it, so it is offered only where no active centre is nearer (Pristina near
 * Pristina, not Tirana to someone in Tunis).
 */
function withinReach(sorted: NearbyCentre[]): NearbyCentre[] {
  const active = sorted.find((n) => n.centre.status === 'active');
  return sorted.filter((n) => !takesRequests(n.centre) || !active || n.distanceKm <= active.distanceKm);
}

export class BookingService {
  private readonly byId: Map<string, Centre>;
  /** The centres as centres.yaml has them, before a centre admin's settings. */
  private readonly fromFile: ReadonlyMap<string, Centre>;
  private current: readonly Centre[];

  constructor(
    centres: readonly Centre[],
    private readonly appointments: AppointmentStore,
    private readonly now: () => Date,
  ) {
    this.current = centres;
    this.fromFile = new Map(centres.map((c) => [c.id, c]));
    this.byId = new Map(this.fromFile);
  }

  get centres(): readonly Centre[] {
    return this.current;
  }

  /**
   * A centre admin's opening hours, holidays and seats per slot (stored in the database) take the
   * place of centres.yaml's for the chat's booking and the staff console at once.
   */
  applySettings(settings: ReadonlyMap<string, CentreSettings>): void {
    for (const [id, base] of this.fromFile) {
      const s = settings.get(id);
      this.byId.set(id, s ? { ...base, hours: s.hours, holidays: s.holidays, capacity: s.capacity } : base);
    }
    this.current = [...this.byId.values()];
  }

  centre(id: string): Centre | undefined {
    return this.byId.get(id);
  }

  /** The nearest centre that receives people and whose advisors speak `lang` (someone in danger far from every centre). */
  nearestSpeaking(point: { lat: number; lon: number }, lang: string): NearbyCentre | undefined {
    return nearestCentres(this.centres.filter((c) => c.languages.includes(lang)), point)[0];
  }

  /** Nearest centres that receive people (active, or taking requests) to a point, or to a typed town or country. */
  nearest(where: { lat: number; lon: number } | { query: string }, limit = 3): { place?: Place; centres: NearbyCentre[]; nearbyInactive: NearbyCentre[] } | undefined {
    let point: { lat: number; lon: number };
    let place: Place | undefined;
    if ('query' in where) {
      place = findPlace(where.query);
      if (!place) return undefined;
      point = place;
    } else point = where;
    // A typed place leads only to centres in its own country (Oran is not served from Rabat across a closed border);
    // a shared location, which names no country, to none farther than a day's travel.
    const ofCountry = place ? this.centres.filter((c) => c.country === place!.country) : [];
    const inCountry = ofCountry.filter(receivesPeople);
    // A country whose centres are all closed (Kabul) never leads to a centre in another country.
    if (ofCountry.length && !inCountry.length) return { place, centres: [], nearbyInactive: nearestCentres(ofCountry, point, { includeInactive: true }) };
    const centres = inCountry.length
      ? nearestCentres(inCountry, point, { limit })
      : place ? [] : withinReach(nearestCentres(this.centres, point)).filter((n) => n.distanceKm <= FAR_AWAY_KM).slice(0, limit);
    const nearbyInactive = nearestCentres(this.centres, point, { includeInactive: true })
      .filter((n) => !receivesPeople(n.centre) && n.distanceKm < 150);
    // A place known but far from every centre (Riyadh, Berlin): found, with no centre, so the person hears that, not "no such place".
    return { place, centres, nearbyInactive };
  }

  async slots(centreId: string, date: string): Promise<Slot[] | undefined> {
    const centre = this.byId.get(centreId);
    if (!centre) return undefined;
    const day = DateTime.fromISO(date, { zone: centre.timezone });
    if (!day.isValid) return [];
    const booked = await this.appointments.countBooked(centre.id, day.startOf('day').toUTC().toISO()!, day.endOf('day').toUTC().toISO()!);
    return slotsForDay(centre, date, this.now(), booked);
  }

  /** The next days with at least one free slot. */
  async daysWithSlots(centreId: string, max = 5): Promise<{ date: string; slots: Slot[] }[]> {
    const centre = this.byId.get(centreId);
    if (!centre) return [];
    const out: { date: string; slots: Slot[] }[] = [];
    for (const date of openDays(centre, this.now())) {
      const slots = (await this.slots(centreId, date)) ?? [];
      if (slots.length) out.push({ date, slots });
      if (out.length >= max) break;
    }
    return out;
  }

  list(filter: { centreId?: string; from?: string; to?: string }): Promise<Appointment[]> {
    return this.appointments.list(filter);
  }

  byReference(reference: string): Promise<Appointment | undefined> {
    return this.appointments.byReference(reference);
  }

  get(id: string): Promise<Appointment | undefined> {
    return this.appointments.get(id);
  }

  cancel(id: string): Promise<boolean> {
    return this.appointments.cancel(id);
  }

  /** Staff confirmed a requested time with the person: it becomes a booked appointment. */
  confirmRequest(id: string): Promise<boolean> {
    return this.appointments.confirmRequest(id);
  }

  /** `appointments`: the store to write through (a turn's transaction), this service's own by default. */
  async book(input: { centreId: string; start: string; name: string; contact: string; conversationId?: string; lang?: string; createdBy: string }, appointments: AppointmentStore = this.appointments): Promise<BookingOutcome> {
    const centre = this.byId.get(input.centreId);
    if (!centre) return { status: 'invalid', problem: `no centre ${input.centreId}` };
    if (!receivesPeople(centre)) return { status: 'invalid', problem: `centre ${centre.id} does not take appointments (${centre.status})` };
    const start = DateTime.fromISO(input.start, { zone: 'utc' });
    const startIso = start.isValid ? start.toISO({ suppressMilliseconds: true })! : '';
    if (!startIso || !isSlotStart(centre, startIso, this.now())) return { status: 'invalid', problem: 'start is not a bookable slot of this centre' };
    const name = input.name.trim().slice(0, 120);
    const contact = input.contact.trim().slice(0, 120);
    if (!name || !contact) return { status: 'invalid', problem: 'a name and a way to reach the person are needed' };
    // Where the centre's hours are not confirmed, a time asked for in the chat is a request the centre
    // confirms with the person; staff booking it themselves have agreed it already.
    const requested = takesRequests(centre) && input.createdBy === 'chat';
    const result = await appointments.book({ ...input, start: startIso, name, contact, capacity: centre.capacity, requested }, this.now());
    if (result.status === 'booked') return { status: 'booked', appointment: result.appointment, centre };
    const date = start.setZone(centre.timezone).toISODate()!;
    const alternatives = [...((await this.slots(centre.id, date)) ?? []), ...(await this.daysWithSlots(centre.id, 2)).flatMap((d) => d.slots)]
      .filter((s, i, all) => all.findIndex((x) => x.start === s.start) === i && s.start > startIso)
      .slice(0, 3);
    return { status: 'taken', alternatives };
  }
}
