/**
 * The curator's API (curators and admins; advisors get 403):
 *   GET /api/curation?lang=&status=      the queue (masked), with groups by language, country and closest topic
 *   POST /api/curation/{id}/assign       {"topic": "<id>"} | {"outOfScope": true} | {"newEntry": true}
 *   GET /api/curation/topics?lang=       the topics a question can be assigned to, with their titles
 *   POST /api/curation/simulate          {"q", "lang"?, "country"?}: what a person would get (as `ask --json`)
 *   GET /api/curation/export?topic=&lang= the taught questions as a patch to knowledge/<topic>/<lang>.md
 *                                         (topic=_out-of-scope: knowledge/_out-of-scope/examples.yaml)
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isLang, LANGS, type Lang } from '../core/lang.js';
import { mayCurate, type StaffAuth } from '../staff/auth.js';
import { requireStaff } from '../staff/http.js';
import type { CurationStatus, StaffMember } from '../storage/types.js';
import { CurationService, type Decision } from './service.js';

const STATUSES: readonly CurationStatus[] = ['open', 'assigned', 'out-of-scope', 'new-entry'];
const OUT_OF_SCOPE = '_out-of-scope';

export interface CurationApiDeps {
  curation: CurationService;
  auth: StaffAuth;
  /** Topic ids with their titles in a language (for the console's choice of topic). */
  topics: (lang: Lang) => { id: string; title: string }[];
  /** The language of a question typed without one (as the chat guesses it). */
  detectLanguage: (text: string) => Lang | undefined;
}

async function requireCurator(req: FastifyRequest, reply: FastifyReply, auth: StaffAuth): Promise<StaffMember | undefined> {
  const member = await requireStaff(req, reply, auth);
  if (!member) return undefined;
  if (mayCurate(member)) return member;
  void reply.code(403).send({ error: "the curator's queue is for curators and admins" });
  return undefined;
}

function parseDecision(body: unknown): Decision | string {
  const b = (body ?? {}) as { topic?: unknown; outOfScope?: unknown; newEntry?: unknown };
  const given = [b.topic !== undefined, b.outOfScope !== undefined, b.newEntry !== undefined].filter(Boolean).length;
  const usage = 'send one of {"topic": "<topic id>"}, {"outOfScope": true} or {"newEntry": true}';
  if (given !== 1) return usage;
  if (b.topic !== undefined) return typeof b.topic === 'string' && /^[a-z0-9-]{1,80}$/.test(b.topic) ? { topic: b.topic } : usage;
  if (b.outOfScope !== undefined) return b.outOfScope === true ? { outOfScope: true } : usage;
  return b.newEntry === true ? { newEntry: true } : usage;
}

export function registerCurationApi(app: FastifyInstance, deps: CurationApiDeps): void {
  const { curation, auth } = deps;

  app.get<{ Querystring: { lang?: unknown; status?: unknown } }>('/api/curation', async (req, reply) => {
    if (!(await requireCurator(req, reply, auth))) return reply;
    const { lang, status } = req.query;
    if (lang !== undefined && lang !== '' && !isLang(lang)) return reply.code(400).send({ error: `lang must be one of ${LANGS.join(', ')}` });
    if (status !== undefined && status !== '' && status !== 'all' && !STATUSES.includes(status as CurationStatus)) {
      return reply.code(400).send({ error: `status must be one of ${STATUSES.join(', ')} or all` });
    }
    const items = await curation.list({
      ...(isLang(lang) ? { lang } : {}),
      ...(status === 'all' ? {} : { status: (status || 'open') as CurationStatus }),
    });
    const groups = CurationService.group(items).map((g) => ({ lang: g.lang, country: g.country, topic: g.topic, count: g.items.length, ids: g.items.map((i) => i.id) }));
    return { items, groups };
  });

  app.post<{ Params: { id: string }; Body: unknown }>('/api/curation/:id/assign', async (req, reply) => {
    const member = await requireCurator(req, reply, auth);
    if (!member) return reply;
    const decision = parseDecision(req.body);
    if (typeof decision === 'string') return reply.code(400).send({ error: decision });
    const result = await curation.decide(req.params.id, decision, member.id);
    switch (result.status) {
      case 'ok':
        return { item: result.item };
      case 'unknown-topic':
        return reply.code(400).send({ error: `no topic "${(decision as { topic: string }).topic}": see GET /api/curation/topics` });
      case 'not-found':
        return reply.code(404).send({ error: 'no such question in the queue (it may have expired or been deleted)' });
      case 'decided':
        return reply.code(409).send({ error: 'this question was already decided' });
    }
  });

  app.get<{ Querystring: { lang?: unknown } }>('/api/curation/topics', async (req, reply) => {
    if (!(await requireCurator(req, reply, auth))) return reply;
    const lang = isLang(req.query.lang) ? req.query.lang : 'en';
    return { topics: deps.topics(lang) };
  });

  app.post<{ Body: { q?: unknown; lang?: unknown; country?: unknown } }>('/api/curation/simulate', async (req, reply) => {
    if (!(await requireCurator(req, reply, auth))) return reply;
    const { q, lang, country } = req.body ?? {};
    if (typeof q !== 'string' || !q.trim() || q.length > 1000) return reply.code(400).send({ error: 'send {"q": "the question"} (1 to 1000 characters), optionally "lang" and "country"' });
    if (lang !== undefined && lang !== '' && !isLang(lang)) return reply.code(400).send({ error: `lang must be one of ${LANGS.join(', ')}` });
    if (country !== undefined && country !== '' && (typeof country !== 'string' || !/^[A-Za-z]{2}$/.test(country))) return reply.code(400).send({ error: 'country must be an ISO 3166 code such as GH' });
    const asked = isLang(lang) ? lang : (deps.detectLanguage(q) ?? 'en');
    const { ranked, ...result } = await curation.simulate(q, asked, typeof country === 'string' && country ? country.toUpperCase() : undefined);
    return { ...result, topics: ranked.slice(0, 3) };
  });

  app.get<{ Querystring: { topic?: unknown; lang?: unknown } }>('/api/curation/export', async (req, reply) => {
    if (!(await requireCurator(req, reply, auth))) return reply;
    const { topic, lang } = req.query;
    if (typeof topic !== 'string' || !/^[a-z0-9_-]{1,80}$/.test(topic) || !isLang(lang)) {
      return reply.code(400).send({ error: `send ?topic=<topic id or ${OUT_OF_SCOPE}>&lang=<${LANGS.join('|')}>` });
    }
    const patch = await curation.patch(topic === OUT_OF_SCOPE ? null : topic, lang);
    if (patch.status === 'nothing') return reply.code(404).send({ error: 'no new taught questions for this topic and language' });
    if (patch.status === 'missing') return reply.code(404).send({ error: `${patch.file} does not exist: write the entry first` });
    const name = `${topic}-${lang}.patch`;
    return reply.type('text/x-diff; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).send(patch.diff);
  });
}
