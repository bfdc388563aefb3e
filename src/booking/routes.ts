/**
 * The booking API: public centre look-ups, and appointments for signed-in staff.
 *   GET /api/centres · GET /api/centres/nearest?lat=&lon= | ?q= · GET /api/centres/{id}/slots?date=
 *   GET/POST /api/appointments · DELETE /api/appointments/{id}
 *   POST /api/appointments/{id}/confirm: staff confirmed a requested time with the person (then the reminder is due)
 */
import rateLimit from '@fastify/rate-limit';
import { createEvent } from 'ics';
import { DateTime } from 'luxon';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { mayActOn, type StaffAuth } from '../staff/auth.js';
import { OWN_CENTRE_ONLY, requireStaff, scopeOrReply } from '../staff/http.js';
import { normalizeCentreId } from '../staff/scope.js';
import type { Appointment, JobQueue, StaffStore } from '../storage/types.js';
import { REMINDER_KIND, scheduleReminder } from './reminders.js';
import type { Centre } from './centres.js';
import type { BookingService } from './service.js';
import { isIsoDate } from './slots.js';

const publicCentre = (c: Centre) => ({
  id: c.id, status: c.status, country: c.country, city: c.city, lat: c.lat, lon: c.lon, timezone: c.timezone, names: c.names,
  partner: c.partner ?? null, location: c.location ?? null, note: c.note ?? null, languages: c.languages, services: c.services, unconfirmed: c.unconfirmed,
});

const bookingBody = z.strictObject({
  /** Blank or missing: the advisor's own centre. */
  centreId: z.string().max(100).optional(),
  start: z.string().min(1),
  name: z.string().trim().min(1).max(120),
  contact: z.string().trim().min(1).max(120),
});

export interface ApiDeps {
  booking: BookingService;
  jobs: JobQueue;
  auth: StaffAuth;
  staff: StaffStore;
  now: () => Date;
  /** Tells the person their centre cancelled the appointment (best effort, after the cancellation is stored). */
  notifyCancelled?: (appointment: Appointment) => Promise<unknown>;
  /** Per-IP limits shared between instances (Redis), when configured. */
  rateLimitStore?: object;
  /** Told of each booking staff make or cancel (reports, metrics); a failure changes nothing for the advisor. */
  onBooking?: (kind: 'made' | 'cancelled', centreId: string) => void | Promise<void>;
}


/** A YYYY-MM-DD query value; repeated or malformed is not one. */
const isoDateParam = (value: unknown): value is string => typeof value === 'string' && isIsoDate(value);

export async function registerBookingApi(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  const { booking, auth, staff, now } = deps;
  await app.register(async (api) => {
    await api.register(rateLimit, { global: false, ...(deps.rateLimitStore ? { redis: deps.rateLimitStore } : {}) });

    api.get('/api/centres', async () => ({ centres: booking.centres.map(publicCentre) }));

    api.get<{ Querystring: { lat?: string; lon?: string; q?: string } }>('/api/centres/nearest', async (req, reply) => {
      const { lat, lon, q } = req.query;
      let found;
      if (q !== undefined) {
        if (!q.trim() || q.length > 200) return reply.code(400).send({ error: 'q must be a town or country name' });
        found = booking.nearest({ query: q }, 5);
        if (!found) return reply.code(404).send({ error: `no town or country called "${q.slice(0, 80)}" is known` });
      } else {
        const point = { lat: Number(lat), lon: Number(lon) };
        if (lat === undefined || lon === undefined || !Number.isFinite(point.lat) || !Number.isFinite(point.lon) || Math.abs(point.lat) > 90 || Math.abs(point.lon) > 180) {
          return reply.code(400).send({ error: 'give lat and lon (decimal degrees) or q (a town or country)' });
        }
        found = booking.nearest(point, 5)!;
      }
      return { place: found.place ?? null, centres: found.centres.map((n) => ({ ...publicCentre(n.centre), distanceKm: n.distanceKm })) };
    });

    api.get<{ Params: { id: string }; Querystring: { date?: unknown } }>('/api/centres/:id/slots', async (req, reply) => {
      const { date } = req.query;
      if (!isoDateParam(date)) return reply.code(400).send({ error: 'date must be YYYY-MM-DD' });
      const centreId = normalizeCentreId(req.params.id);
      const slots = await booking.slots(centreId, date);
      if (!slots) return reply.code(404).send({ error: `no centre ${req.params.id.slice(0, 80)}` });
      return { centreId, date, slots };
    });

    // A calendar file for a booked appointment: centre, city and time only, no personal details.
    api.get<{ Params: { reference: string } }>('/appointments/:reference', { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } }, async (req, reply) => {
      const reference = req.params.reference.replace(/\.ics$/i, '').toUpperCase();
      const appointment = /^[A-Z2-9]{6}$/.test(reference) ? await booking.byReference(reference) : undefined;
      const centre = appointment && booking.centre(appointment.centreId);
      if (!appointment || appointment.status !== 'booked' || !centre) return reply.code(404).send({ error: 'no booked appointment with that reference' });
      const start = new Date(appointment.start);
      const { error, value } = createEvent({
        uid: `${appointment.id}@wegweiser`,
        start: start.getTime(),
        duration: { minutes: centre.slotMinutes },
        title: `Appointment: ${centre.names.en}`,
        description: `Free appointment. Reference ${appointment.reference}.`,
        location: centre.location ? `${centre.city} (${centre.location})` : centre.city,
        geo: { lat: centre.lat, lon: centre.lon },
      });
      if (error || !value) return reply.code(500).send({ error: 'could not write the calendar file' });
      return reply.type('text/calendar; charset=utf-8').header('content-disposition', `attachment; filename="appointment-${appointment.reference}.ics"`).send(value);
    });

    api.get<{ Querystring: { centreId?: unknown; date?: unknown } }>('/api/appointments', async (req, reply) => {
      const member = await requireStaff(req, reply, auth);
      if (!member) return reply;
      const scope = scopeOrReply(reply, member, req.query.centreId);
      if (!scope) return reply;
      const { centreId } = scope;
      let from: string | undefined;
      let to: string | undefined;
      const { date } = req.query;
      if (date !== undefined && date !== '') {
        if (!isoDateParam(date)) return reply.code(400).send({ error: 'date must be YYYY-MM-DD' });
        // The centre's own day (its time zone), so the day view and the slots agree.
        const zone = (centreId && booking.centre(centreId)?.timezone) || 'utc';
        const day = DateTime.fromISO(date, { zone });
        from = day.startOf('day').toUTC().toISO({ suppressMilliseconds: true })!;
        to = day.plus({ days: 1 }).startOf('day').toUTC().toISO({ suppressMilliseconds: true })!;
      }
      return { appointments: await booking.list({ centreId, from, to }) };
    });

    api.post('/api/appointments', async (req, reply) => {
      const member = await requireStaff(req, reply, auth);
      if (!member) return reply;
      const body = bookingBody.safeParse(req.body);
      if (!body.success) return reply.code(400).send({ error: body.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
      const scope = scopeOrReply(reply, member, body.data.centreId);
      if (!scope) return reply;
      if (!scope.centreId) return reply.code(400).send({ error: 'centreId: which centre the appointment is at' });
      const result = await booking.book({ ...body.data, centreId: scope.centreId, createdBy: `staff:${member.id}` });
      if (result.status === 'invalid') return reply.code(400).send({ error: result.problem });
      if (result.status === 'taken') return reply.code(409).send({ error: 'this slot is taken', alternatives: result.alternatives });
      await staff.audit({ staffId: member.id, action: 'appointment.book', target: result.appointment.id }, now());
      await Promise.resolve().then(() => deps.onBooking?.('made', scope.centreId!)).catch(() => undefined);
      return reply.code(201).send(result.appointment);
    });

    /** The signed-in staff member and the appointment of the path, when it is theirs to act on; else answered (401/404/403). */
    const staffAppointment = async (req: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
      const member = await requireStaff(req, reply, auth);
      if (!member) return undefined;
      const appointment = await booking.get(req.params.id);
      if (!appointment) return void reply.code(404).send({ error: 'no such appointment' });
      if (!mayActOn(member, appointment.centreId)) return void reply.code(403).send({ error: OWN_CENTRE_ONLY });
      return { member, appointment };
    };

    // A request at a centre whose hours are not confirmed: staff agreed the time with the person.
    api.post<{ Params: { id: string } }>('/api/appointments/:id/confirm', async (req, reply) => {
      const found = await staffAppointment(req, reply);
      if (!found) return reply;
      const { member, appointment } = found;
      if (!(await booking.confirmRequest(appointment.id))) return reply.code(409).send({ error: 'this appointment is not a request waiting for confirmation' });
      const confirmed = { ...appointment, requested: false };
      await scheduleReminder(deps.jobs, confirmed, now());
      await staff.audit({ staffId: member.id, action: 'appointment.confirm', target: appointment.id }, now());
      return confirmed;
    });

    api.delete<{ Params: { id: string } }>('/api/appointments/:id', async (req, reply) => {
      const found = await staffAppointment(req, reply);
      if (!found) return reply;
      const { member, appointment } = found;
      if (appointment.status !== 'booked') return reply.code(409).send({ error: 'this appointment is already cancelled' });
      const cancelled = await booking.cancel(appointment.id);
      await deps.jobs.cancelFor(REMINDER_KIND, appointment.id);
      await staff.audit({ staffId: member.id, action: 'appointment.cancel', target: appointment.id }, now());
      if (cancelled) await Promise.resolve().then(() => deps.onBooking?.('cancelled', appointment.centreId)).catch(() => undefined);
      if (cancelled && deps.notifyCancelled) {
        await deps.notifyCancelled(appointment).catch((err: Error) => req.log.warn({ err: err.message }, 'the person could not be told of the cancellation'));
      }
      return reply.code(204).send();
    });
  });
}
