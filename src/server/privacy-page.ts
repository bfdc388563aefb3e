/**
 * GET /privacy: the full privacy notice the first reply links to (?lang=xx, the conversation's
 * language; else the browser's, then English), as a plain page. Its texts are in
 * locales/<lang>/system.json (`privacy.page`); who is responsible comes from PRIVACY_CONTROLLER and
 * the periods from the configuration the code runs with (RETENTION_DAYS, SESSION_TTL_HOURS), so the
 * notice says what this deployment really keeps, and for how long.
 */
import type { FastifyInstance } from 'fastify';
import type { Translate } from '../core/actions.js';
import { isLang, isRightToLeft, langFromLocale, type Lang } from '../core/lang.js';
import { cspHash } from './security-headers.js';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = 'body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:1rem auto;padding:0 1rem}';

export interface PrivacyFacts {
  /** Who is responsible for the data (PRIVACY_CONTROLLER); unset, the notice says so. */
  controller?: string;
  /** RETENTION_DAYS: idle conversations, closed handoffs, appointments' personal details, the delivery log. */
  retentionDays: number;
  /** SESSION_TTL_HOURS: when the chat forgets where the person was. */
  sessionHours: number;
  /** CURATION_DAYS: how long masked questions wait in the curator's queue. */
  curationDays: number;
}

/** The notice's paragraphs in one language, with this deployment's operator and periods. */
export function privacyNotice(t: Translate, lang: Lang, facts: PrivacyFacts): { title: string; paragraphs: string[] } {
  const vars = { days: facts.retentionDays, hours: facts.sessionHours, curationDays: facts.curationDays };
  return {
    title: t(lang, 'privacy.page.title'),
    paragraphs: [
      facts.controller ? t(lang, 'privacy.page.operator', { controller: facts.controller }) : t(lang, 'privacy.page.operatorUnset'),
      t(lang, 'privacy.page.kept'),
      t(lang, 'privacy.page.howLong', vars),
      t(lang, 'privacy.page.curation', vars),
      t(lang, 'privacy.page.webchat'),
      t(lang, 'privacy.page.delete'),
      t(lang, 'privacy.page.sharing'),
    ],
  };
}

/** `frameAncestors`: who may show the page in a frame (a centre's site that embeds the chat). */
export function registerPrivacyPage(app: FastifyInstance, t: Translate, frameAncestors: string, facts: PrivacyFacts): void {
  const csp = `default-src 'none'; style-src ${cspHash(STYLE)}; base-uri 'none'; form-action 'none'; frame-ancestors ${frameAncestors}`;
  app.get<{ Querystring: { lang?: string } }>('/privacy', async (req, reply) => {
    const asked = req.query.lang;
    const lang: Lang = isLang(asked) ? asked : (langFromLocale(req.headers['accept-language']?.split(',')[0]) ?? 'en');
    const notice = privacyNotice(t, lang, facts);
    reply.type('text/html; charset=utf-8').header('content-security-policy', csp);
    return `<!doctype html><html lang="${lang}" dir="${isRightToLeft(lang) ? 'rtl' : 'ltr'}"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(notice.title)}</title><style>${STYLE}</style>
<h1>${escapeHtml(notice.title)}</h1>
${notice.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</html>`;
  });
}
