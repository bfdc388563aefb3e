/**
 * What the staff console manages besides handoffs and appointments:
 *   PATCH /api/me {lang} — the signed-in account's console language;
 *   GET /api/staff (colleagues: advisors see their centre's, admins all) · POST /api/staff (invite)
 *   PATCH /api/staff/{id} {role, centreId, lang, disabled} · POST /api/staff/{id}/reset (admins);
 *   GET/POST /api/canned-replies · DELETE /api/canned-replies/{id} (admins write);
 *   GET/PUT /api/centres/{id}/settings (opening days and hours, holidays, seats per slot; admins write).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { CentreSettings, Storage } from '../storage/types.js';
import { hashPassword, mayActOn, type StaffAuth } from './auth.js';
import { OWN_CENTRE_ONLY, requireStaff, scopeOrReply } from './http.js';
import { normalizeCentreId } from './scope.js';

export const CONSOLE_LANGS = ['en', 'fr', 'ar', 'de', 'ur', 'id', 'sq', 'sr', 'es'] as const;

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM-HH:MM');
const settingsBody = z.strictObject({
  hours: z.partialRecord(z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']), z.array(time).max(4)),
  holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD')).max(100),
  capacity: z.number().int().min(1).max(50),
});

const memberPatch = z.strictObject({
  role: z.enum(['advisor', 'admin']).optional(),
  centreId: z.string().max(100).optional(),
  lang: z.enum(CONSOLE_LANGS).optional(),
  disabled: z.boolean().optional(),
});

const inviteBody = z.strictObject({
  email: z.email().max(200),
  role: z.enum(['advisor', 'admin']),
  centreId: z.string().max(100).default(''),
  lang: z.enum(CONSOLE_LANGS).default('en'),
});

const cannedBody = z.strictObject({
  id: z.string().max(100).optional(),
  centreId: z.string().max(100).optional(),
  lang: z.enum(CONSOLE_LANGS),
  title: z.string().trim().min(1).max(80),
  text: z.string().trim().min(1).max(2000),
});

const issues = (e: z.ZodError) => e.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
/** A password to hand over once; the colleague sets their own with `npm run staff -- reset-password`. */
const temporaryPassword = () => randomBytes(12).toString('base64url');

export interface ConsoleApiDeps {
  auth: StaffAuth;
  storage: Storage;
  now: () => Date;
  centreExists: (id: string) => boolean;
  /** A centre's settings as the booking uses them now (from the database, else centres.yaml). */
  settingsOf: (id: string) => CentreSettings | undefined;
  /** Settings changed: every instance applies them. */
  settingsChanged: () => Promise<void>;
}

export function registerConsoleApi(app: FastifyInstance, deps: ConsoleApiDeps): void {
  const { auth, storage, now } = deps;
  const staff = storage.staff;
  const view = (m: { id: string; email: string; role: string; centreId: string; lang?: string | null; disabled?: boolean }) => ({
    id: m.id, email: m.email, role: m.role, centreId: m.centreId, lang: m.lang ?? 'en', disabled: m.disabled === true,
  });

  app.patch<{ Body: { lang?: unknown } }>('/api/me', async (req, reply) => {
    const member = await requireStaff(req, reply, auth);
    if (!member) return reply;
    const lang = req.body?.lang;
    if (typeof lang !== 'string' || !(CONSOLE_LANGS as readonly string[]).includes(lang)) return reply.code(400).send({ error: `lang must be one of ${CONSOLE_LANGS.join(', ')}` });
    await staff.update(member.id, { lang });
    return view({ ...member, lang });
  });

  app.get('/api/staff', async (req, reply) => {
    const member = await requireStaff(req, reply, auth);
    if (!member) return reply;
    const all = await staff.list();
    return { staff: all.filter((m) => member.role === 'admin' || (m.centreId === member.centreId && !m.disabled)).map(view) };
  });

  app.post('/api/staff', async (req, reply) => {
    const member = await requireStaff(req, reply, auth);
    if (!member) return reply;
    if (member.role !== 'admin') return reply.code(403).send({ error: 'only an admin manages accounts' });
    const body = inviteBody.safeParse(req.body);
    if (!body.success) return reply.code(400).send({ error: issues(body.error) });
    const centreId = normalizeCentreId(body.data.centreId);
    if (centreId ? !deps.centreExists(centreId) : body.data.role !== 'admin') return reply.code(400).send({ error: centreId ? `no centre ${centreId}` : 'an advisor needs a centre' });
    if (await staff.byEmail(body.data.email)) return reply.code(409).send({ error: 'an account with this email exists' });
    const password = temporaryPassword();
    const created = await auth.create({ email: body.data.email, password, centreId, role: body.data.role, lang: body.data.lang });
    await staff.audit({ staffId: member.id, action: 'staff.invite', target: created.email }, now());
    return reply.code(201).send({ ...view(created), temporaryPassword: password });
  });

  app.patch<{ Params: { id: string } }>('/api/staff/:id', async (req, reply) => {
    const member = await requireStaff(req, reply, auth);
    if (!member) return reply;
    if (member.role !== 'admin') return reply.code(403).send({ error: 'only an admin manages accounts' });
    const body = memberPatch.safeParse(req.body);
    if (!body.success) return reply.code(400).send({ error: issues(body.error) });
    const change = { ...body.data, ...(body.data.centreId !== undefined ? { centreId: normalizeCentreId(body.data.centreId) } : {}) };
    if (change.centreId && !deps.centreExists(change.centreId)) return reply.code(400).send({ error: `no centre ${change.centreId}` });
    if (req.params.id === member.id && (change.disabled || change.role === 'advisor')) return reply.code(409).send({ error: 'you cannot disable or demote yourself' });
    const target = await staff.byId(req.params.id);
    if (!target) return reply.code(404).send({ error: 'no such account' });
    if (((change.role ?? target.role) === 'advisor') && !(change.centreId ?? target.centreId)) return reply.code(400).send({ error: 'an advisor needs a centre' });
    await staff.update(target.id, change);
    await staff.audit({ staffId: member.id, action: 'staff.update', target: target.email }, now());
    return view((await staff.byId(target.id))!);
  });

  app.post<{ Params: { id: string } }>('/api/staff/:id/reset', async (req, reply) => {
    const member = await requireStaff(req, reply, auth);
    if (!member) return reply;
    if (member.role !== 'admin') return reply.code(403).send({ error: 'only an admin manages accounts' });
    const target = await staff.byId(req.params.id);
    if (!target) return reply.code(404).send({ error: 'no such account' });
    const password = temporaryPassword();
    await staff.setPasswordHash(target.email, await hashPassword(password)); // ends every session of the account
    await staff.audit({ staffId: member.id, action: 'staff.reset', target: target.email }, now());
    return { temporaryPassword: password };
  });

  app.get<{ Querystring: { centreId?: unknown } }>('/api/canned-replies', async (req, reply) => {
    const member = await requireStaff(req, reply, auth);
    if (!member) return reply;
    const scope = scopeOrReply(reply, member, req.query.centreId);
    if (!scope) return reply;
    return { replies: await storage.cannedReplies.list(scope.centreId) };
  });

  app.post('/api/canned-replies', async (req, reply) => {
    const member = await requireStaff(req, reply, auth);
    if (!member) return reply;
    if (member.role !== 'admin') return reply.code(403).send({ error: 'only an admin edits canned replies' });
    const body = cannedBody.safeParse(req.body);
    if (!body.success) return reply.code(400).send({ error: issues(body.error) });
    const centreId = normalizeCentreId(body.data.centreId || member.centreId);
    if (!centreId || !deps.centreExists(centreId)) return reply.code(400).send({ error: 'centreId: which centre the reply is for' });
    if (!mayActOn(member, centreId)) return reply.code(403).send({ error: OWN_CENTRE_ONLY });
    const saved = { id: body.data.id ?? randomUUID(), centreId, lang: body.data.lang, title: body.data.title, text: body.data.text };
    await storage.cannedReplies.save(saved, now());
    return reply.code(201).send(saved);
  });

  app.delete<{ Params: { id: string } }>('/api/canned-replies/:id', async (req, reply) => {
    const member = await requireStaff(req, reply, auth);
    if (!member) return reply;
    const found = await storage.cannedReplies.get(req.params.id);
    if (!found) return reply.code(404).send({ error: 'no such canned reply' });
    if (member.role !== 'admin' || !mayActOn(member, found.centreId)) return reply.code(403).send({ error: 'only an admin of the centre edits canned replies' });
    await storage.cannedReplies.remove(found.id);
    return reply.code(204).send();
  });

  app.get<{ Params: { id: string } }>('/api/centres/:id/settings', async (req, reply) => {
    const member = await requireStaff(req, reply, auth);
    if (!member) return reply;
    const id = normalizeCentreId(req.params.id);
    if (!mayActOn(member, id)) return reply.code(403).send({ error: OWN_CENTRE_ONLY });
    const settings = deps.settingsOf(id);
    if (!settings) return reply.code(404).send({ error: `no centre ${id.slice(0, 80)}` });
    return { centreId: id, ...settings };
  });

  app.put<{ Params: { id: string } }>('/api/centres/:id/settings', async (req, reply) => {
    const member = await requireStaff(req, reply, auth);
    if (!member) return reply;
    const id = normalizeCentreId(req.params.id);
    if (member.role !== 'admin' || !mayActOn(member, id)) return reply.code(403).send({ error: 'only an admin of the centre changes its settings' });
    if (!deps.centreExists(id)) return reply.code(404).send({ error: `no centre ${id.slice(0, 80)}` });
    const body = settingsBody.safeParse(req.body);
    if (!body.success) return reply.code(400).send({ error: issues(body.error) });
    for (const ranges of Object.values(body.data.hours)) {
      if (ranges.some((r) => r.slice(0, 5) >= r.slice(6))) return reply.code(400).send({ error: 'hours: each range must end after it starts' });
    }
    await storage.centreSettings.save(id, body.data, now());
    await staff.audit({ staffId: member.id, action: 'centre.settings', target: id }, now());
    await deps.settingsChanged();
    return { centreId: id, ...body.data };
  });
}
