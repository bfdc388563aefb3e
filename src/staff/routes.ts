/**
 * Signing staff in and out: POST /api/auth/login {email, password} -> {token};
 * POST /api/auth/logout[?all=true] revokes the caller's token (or every token of the account).
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { StaffAuth } from './auth.js';
import { bearerToken, requireStaff } from './http.js';

export async function registerStaffAuthApi(app: FastifyInstance, deps: { auth: StaffAuth; rateLimitStore?: object }): Promise<void> {
  const { auth } = deps;
  await app.register(async (api) => {
    await api.register(rateLimit, { global: false, ...(deps.rateLimitStore ? { redis: deps.rateLimitStore } : {}) });

    api.post<{ Body: { email?: unknown; password?: unknown } }>(
      '/api/auth/login',
      { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
      async (req, reply) => {
        const { email, password } = req.body ?? {};
        if (typeof email !== 'string' || typeof password !== 'string') return reply.code(400).send({ error: 'send {"email": "...", "password": "..."}' });
        const session = await auth.login(email, password);
        if (session.status === 'locked') {
          return reply.code(429).header('retry-after', String(session.retryAfterSeconds)).send({ error: `too many wrong passwords: this account is locked for ${Math.ceil(session.retryAfterSeconds / 60)} minutes` });
        }
        if (session.status === 'wrong') return reply.code(401).send({ error: 'wrong email or password' });
        return { token: session.token, staff: session.member };
      },
    );

    // Signs the caller's token out; with ?all=true every token of their account (all devices).
    api.post<{ Querystring: { all?: unknown } }>('/api/auth/logout', async (req, reply) => {
      const member = await requireStaff(req, reply, auth);
      if (!member) return reply;
      const { all } = req.query;
      if (all !== undefined && all !== 'true' && all !== 'false') return reply.code(400).send({ error: 'all must be true or false' });
      await auth.logout(bearerToken(req)!, member, all === 'true');
      return reply.code(204).send();
    });

  });
}
