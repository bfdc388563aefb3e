/**
 * The staff API for handoffs (signed in with a bearer token):
 *   GET /api/handoffs · POST /api/handoffs/{id}/messages {text} · POST /api/handoffs/{id}/close
 * A reply that cannot reach the person (WhatsApp after 24 hours without a template) is 409 and
 * nothing is stored; one held for the person's answer is 202 {"status": "waiting"}.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { requireStaff, scopeOrReply } from '../staff/http.js';
import type { StaffAuth } from '../staff/auth.js';
import type { HandoffService, HandoffView, StaffActionResult } from './service.js';

/**
 * A handoff as staff see it: its own opaque id, never the conversation id (which is the person's
 * channel address, a phone number on WhatsApp); replies and closing go by the handoff id.
 * `canReply`: "now", "template" (the person is invited first, the reply waits for their answer)
 * or "no-template" (a reply cannot reach them: say so before the advisor writes). An advisor's
 * message carries `delivery`: queued, sent, delivered, read, failed, undelivered, or waiting.
 */
function staffView({ conversationId: _address, messages, ...h }: HandoffView) {
  return { ...h, messages: messages.map(({ id: _id, ...m }) => m) };
}

function answer(reply: FastifyReply, result: StaffActionResult, ok: number): FastifyReply {
  switch (result.status) {
    case 'ok':
      return reply.code(ok).send({ status: 'ok' });
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
  }
}

export function registerHandoffApi(app: FastifyInstance, handoffs: HandoffService, auth: StaffAuth): void {
  app.get<{ Querystring: { status?: unknown; centreId?: unknown } }>('/api/handoffs', async (req, reply) => {
    const member = await requireStaff(req, reply, auth);
    if (!member) return reply;
    const scope = scopeOrReply(reply, member, req.query.centreId);
    if (!scope) return reply;
    const list = await handoffs.list(member, req.query.status === 'closed' ? 'closed' : 'open', scope.centreId);
    return { handoffs: list.map(staffView) };
  });

  app.post<{ Params: { id: string }; Body: { text?: unknown } }>('/api/handoffs/:id/messages', async (req, reply) => {
    const member = await requireStaff(req, reply, auth);
    if (!member) return reply;
    const text = req.body?.text;
    if (typeof text !== 'string' || !text.trim() || text.length > 4000) return reply.code(400).send({ error: 'send {"text": "..."} (1 to 4000 characters)' });
    return answer(reply, await handoffs.reply(member, req.params.id, text.trim()), 201);
  });

  app.post<{ Params: { id: string } }>('/api/handoffs/:id/close', async (req, reply) => {
    const member = await requireStaff(req, reply, auth);
    if (!member) return reply;
    return answer(reply, await handoffs.close(member, req.params.id), 200);
  });
}
