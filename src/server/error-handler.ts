/**
 * The last catch for errors that reach Fastify. Errors Fastify itself raises for a bad request
 * (unparsable body, too large, wrong content type) keep their 4xx answer. Anything else is a bug:
 * it is logged with where it happened — method, route, name, code and stack frames, never the
 * body and never a message that could quote it — and answered with a generic 500. An outage of the database or Redis (503) is answered 503 so the
 * channel delivers again.
 */
import type { FastifyError, FastifyInstance } from 'fastify';

/** Messages of these name what the code did wrong, not what the client sent. */
const CODE_ERRORS = new Set(['TypeError', 'ReferenceError']);

/** The stack without its first line, which repeats the message. */
function frames(err: Error): string | undefined {
  return err.stack?.split('\n').filter((line) => /^\s+at /.test(line)).join('\n');
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const status = typeof err.statusCode === 'number' ? err.statusCode : 500;
    if (status >= 400 && status < 500) return reply.send(err); // Fastify's own answer for a bad request
    if (status === 503) {
      // A database or Redis outage: the channel delivers again later (Twilio, Telegram retry on 5xx).
      req.log.warn({ method: req.method, route: req.routeOptions.url ?? 'unknown route', error: { name: err.name } }, 'request refused: a service is unavailable');
      return reply.code(503).header('retry-after', '5').send({ error: 'a service this request needs is unavailable; retry later' });
    }
    req.log.error(
      {
        method: req.method,
        route: req.routeOptions.url ?? 'unknown route',
        error: { name: err.name, code: err.code, ...(CODE_ERRORS.has(err.name) ? { message: err.message } : {}), stack: frames(err) },
      },
      'request failed: unexpected error',
    );
    return reply.code(500).send({ error: 'internal error: the request failed on our side and was logged' });
  });
}
