/**
 * Staff requests over HTTP: who signed in (from the bearer token), and which centre a request
 * covers — always from the token, whatever the query says.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StaffMember } from '../storage/types.js';
import type { StaffAuth } from './auth.js';
import { centreScope } from './scope.js';

export const OWN_CENTRE_ONLY = 'you act on your own centre only';

export const bearerToken = (req: FastifyRequest): string | undefined => {
  const header = req.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
};

/** The signed-in staff member, or a 401 already sent. */
export async function requireStaff(req: FastifyRequest, reply: FastifyReply, auth: StaffAuth): Promise<StaffMember | undefined> {
  const member = await auth.memberFor(bearerToken(req));
  if (!member) void reply.code(401).send({ error: 'sign in first: POST /api/auth/login, then send Authorization: Bearer <token>' });
  return member;
}

/**
 * The centre a staff request covers, from the token and the requested `centreId` (see scope.ts):
 * `{ centreId: undefined }` is every centre (admins); undefined means a 403 or 400 was sent.
 */
export function scopeOrReply(reply: FastifyReply, member: StaffMember, requested: unknown): { centreId: string | undefined } | undefined {
  const scope = centreScope(member, requested);
  if (scope.status === 'ok') return { centreId: scope.centreId };
  void reply.code(scope.status === 'forbidden' ? 403 : 400).send({ error: scope.status === 'forbidden' ? OWN_CENTRE_ONLY : scope.problem });
  return undefined;
}
