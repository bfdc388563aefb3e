/** The rows both databases return for appointments and staff, and the booking reference format. */
import { randomInt } from 'node:crypto';
import type { Appointment, StaffMember } from './types.js';

const REFERENCE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A short booking reference people can read out on the phone (no 0/O or 1/I). */
export function newReference(): string {
  return Array.from({ length: 6 }, () => REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]).join('');
}

export interface AppointmentRow {
  id: string;
  reference: string;
  centre_id: string;
  start: string;
  status: 'booked' | 'cancelled';
  name: string | null;
  contact: string | null;
  conversation_id: string | null;
  lang: string | null;
  created_by: string;
  created_at: string;
}

export const fromRow = (r: AppointmentRow): Appointment => ({
  id: r.id, reference: r.reference, centreId: r.centre_id, start: r.start, status: r.status, name: r.name, contact: r.contact,
  conversationId: r.conversation_id, lang: r.lang, createdBy: r.created_by, createdAt: r.created_at,
});

export interface StaffRow {
  id: string;
  email: string;
  password_hash: string;
  centre_id: string;
  role: 'advisor' | 'admin';
}

export const staffFromRow = (r: StaffRow): StaffMember => ({ id: r.id, email: r.email, centreId: r.centre_id, role: r.role });
