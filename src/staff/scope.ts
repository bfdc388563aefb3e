/**
 * Which centre a staff request covers. The scope comes from the token: an advisor only ever sees
 * and acts on their own centre, whatever the query says; an admin sees all, or the one asked for.
 * A filter that is missing, blank or repeated with one value means "my centre" (all, for an admin).
 */
import type { StaffMember } from '../storage/types.js';
import { mayActOn } from './auth.js';

export type CentreScope =
  /** `centreId` undefined: every centre (admins only). */
  | { status: 'ok'; centreId: string | undefined }
  | { status: 'forbidden' }
  | { status: 'invalid'; problem: string };

/** A centre id as typed: trimmed, lower case (ids are lower case, see centres.ts). */
export const normalizeCentreId = (id: string): string => id.trim().toLowerCase();

/** `requested` is the raw query or body value: a string, several (a repeated parameter), or anything else. */
export function centreScope(member: StaffMember, requested: unknown): CentreScope {
  const values = (Array.isArray(requested) ? requested : [requested]).filter((v) => v !== undefined);
  if (values.some((v) => typeof v !== 'string' || v.length > 100)) return { status: 'invalid', problem: 'centreId must be a centre id such as gh-accra' };
  const ids = [...new Set((values as string[]).map(normalizeCentreId).filter(Boolean))];
  if (ids.length > 1) return { status: 'invalid', problem: 'give one centreId at a time' };
  const [id] = ids;
  if (!id) return { status: 'ok', centreId: member.role === 'admin' ? undefined : member.centreId };
  return mayActOn(member, id) ? { status: 'ok', centreId: id } : { status: 'forbidden' };
}
