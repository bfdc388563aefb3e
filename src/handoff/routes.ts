/**
 * The staff API for handoffs (signed in with a bearer token):
 *   GET /api/handoffs · POST /api/handoffs/{id}/messages {text} · POST /api/handoffs/{id}/close
 *   POST /api/handoffs/{id}/claim {steal?} · POST /api/handoffs/{id}/handover {toStaffId? toCentreId? note}
 *   POST /api/handoffs/{id}/notes {text} · GET /api/staff/events (server-sent events)
 * A reply that cannot reach the person (WhatsApp after 24 hours without a template) is 409 and
 * nothing is stored; one held for the person's answer is 202 {"status": "waiting"}.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { requireStaff, scopeOrReply } from '../staff/http.js';
import type { StaffAuth } from '../staff/auth.js';
import { bearerToken } from '../staff/http.js';
import type { HandoffDetails, HandoffService, StaffActionResult } from './service.js';
import type { StaffEvents } from './events.js';

/**
 * A handoff as staff see it: its own opaque id, never the conversation id (which is the person's
 * channel address, a phone number on WhatsApp); replies and closing go by the handoff id.
 * `canReply`: "now", "template" (the person is invited first, the reply waits for their answer)
 * or "no-template" (a reply cannot reach them: say so before the advisor writes). An advisor's
 * message carries `delivery`: queued, sent, delivered, read, failed, undelivered, or waiting.
 */
function staffView({ conversationId: _address, messages, ...h }: HandoffDetails, timezone: string | null) {
  return { ...h, timezone, messages: messages.map(({ staffId: _staff, id: _id, ...m }) => m) };
}

function answer(reply: FastifyReply, result: StaffActionResult<unknown>, ok: number): FastifyReply {
  switch (result.status) {
    case 'ok':
      return reply.code(ok).send({ status: 'ok', ...(result.value && typeof result.value === 'object' ? result.value : {}) });
    case 'queued':
      return reply.code(202).send({ status: 'queued', reason: `not sent yet (${result.reason}); it will be retried` });
    case 'waiting':
      return reply.code(202).send({ status: 'waiting', reason: result.reason });
    case 'not-found':
      return reply.code(404).send({ error: 'no such handoff' });
    case 'forbidden':
      return reply.code(403).send({ error: 'you act on your own centre only' });
    case 'closed':
      return reply.code(409).send({ error: 'this handoff is closed' });
    case 'refused':
      return reply.code(409).send({ error: result.reason });
    case 'claimed':
      return reply.code(409).send({ error: `${result.by || 'a colleague'} has this conversation`, claimedBy: result.by });
  }
}

const text = (value: unknown, max = 4000): string | undefined => (typeof value === 'string' && value.trim() && value.length <= max ? value.trim() : undefined);

/** How often an open event stream says it is alive (and checks that its token still works). */
const HEARTBEAT_MS = 20_000;

export function registerHandoffApi(app: FastifyInstance, handoffs: HandoffService, auth: StaffAuth, deps: { events?: StaffEvents; timezoneOf: (centreId: string) => string | undefined }): void {
  app.get<{ Querystring: { status?: unknown; centreId?: unknown } }>('/api/handoffs', async (req, reply) => {
    const member = await requireStaff(req, reply, auth);
    if (!member) return reply;
    const scope = scopeOrReply(reply, member, req.query.centreId);
    if (!scope) return reply;
    const list = await handoffs.list(member, req.query.status === 'closed' ? 'closed' : 'open', scope.centreId);
    return { handoffs: list.map((h) => staffView(h, h.centreId ? (deps.timezoneOf(h.centreId) ?? null) : null)) };
  });

  app.post<{ Params: { id: string }; Body: { text?: unknown } }>('/api/handoffs/:id/messages', async (req, reply) => {
    const member = await requireStaff(req, reply, auth);
    if (!member) return reply;
    const body = text(req.body?.text);
    if (!body) return reply.code(400).send({ error: 'send {"text": "..."} (1 to 4000 characters)' });
    return answer(reply, await handoffs.reply(member, req.params.id, body), 201);
  });

  app.post<{ Params: { id: string }; Body: { text?: unknown } }>('/api/handoffs/:id/notes', async (req, reply) => {
    const member = await requireStaff(req, reply, auth);
    if (!member) return reply;
    const body = text(req.body?.text);
    if (!body) return reply.code(400).send({ error: 'send {"text": "..."} (1 to 4000 characters)' });
    return answer(reply, await handoffs.note(member, req.params.id, body), 201);
  });

  app.post<{ Params: { id: string }; Body: { steal?: unknown } }>('/api/handoffs/:id/claim', async (req, reply) => {
    const member = await requireStaff(req, reply, auth);
    if (!member) return reply;
    const steal = req.body?.steal;
    if (steal !== undefined && typeof steal !== 'boolean') return reply.code(400).send({ error: 'steal must be true or false' });
    return answer(reply, await handoffs.claim(member, req.params.id, steal === true), 200);
  });

  app.post<{ Params: { id: string }; Body: { toStaffId?: unknown; toCentreId?: unknown; note?: unknown } }>('/api/handoffs/:id/handover', async (req, reply) => {
    const member = await requireStaff(req, reply, auth);
    if (!member) return reply;
    const { toStaffId, toCentreId } = req.body ?? {};
    const note = text(req.body?.note);
    const id = (v: unknown) => v === undefined || v === '' || (typeof v === 'string' && v.length <= 100);
    if (!note || !id(toStaffId) || !id(toCentreId) || (!toStaffId && !toCentreId)) {
      return reply.code(400).send({ error: 'send {"toStaffId": "..."} or {"toCentreId": "..."} and a "note" for the colleague' });
    }
    return answer(reply, await handoffs.handOver(member, req.params.id, { toStaffId: (toStaffId as string) || undefined, toCentreId: (toCentreId as string) || undefined, note }), 200);
  });

  app.post<{ Params: { id: string } }>('/api/handoffs/:id/close', async (req, reply) => {
    const member = await requireStaff(req, reply, auth);
    if (!member) return reply;
    return answer(reply, await handoffs.close(member, req.params.id), 200);
  });

  // Live events for the console. EventSource cannot send the bearer token, so the console reads
  // this stream with fetch(); each event says what changed (ids only), the console fetches the rest.
  app.get('/api/staff/events', async (req, reply) => {
    const member = await requireStaff(req, reply, auth);
    if (!member) return reply;
    if (!deps.events) return reply.code(503).send({ error: 'live events are not configured' });
    const token = bearerToken(req);
    reply.hijack();
    const out = reply.raw;
    out.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    out.write(': connected\n\n');
    const stop = await deps.events.subscribe(member, (event) => out.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`));
    out.write('event: ready\ndata: {}\n\n');
    const beat = setInterval(() => {
      void auth.memberFor(token).then((still) => (still ? out.write(': alive\n\n') : out.end()), () => undefined);
    }, HEARTBEAT_MS);
    const end = () => {
      clearInterval(beat);
      stop();
    };
    req.raw.on('close', end);
    out.on('close', end);
  });
}
