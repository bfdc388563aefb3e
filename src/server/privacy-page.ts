/**
 * GET /privacy: the full privacy notice the first reply links to, from the `privacy-data`
 * knowledge entry in the reader's language (?lang=xx, else the browser's), as a plain page.
 */
import type { FastifyInstance } from 'fastify';
import { isLang, isRightToLeft, langFromLocale, type Lang } from '../core/lang.js';
import type { KnowledgeBase } from '../knowledge/load.js';
import { pickEntry } from '../knowledge/compose.js';
import { cspHash } from './security-headers.js';

export const PRIVACY_TOPIC = 'privacy-data';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function paragraphs(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p.trim()).replace(/\n/g, '<br>').replace(/(https?:\/\/[^\s<]+)/g, '<a href="$1">$1</a>')}</p>`)
    .join('\n');
}

const STYLE = 'body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:1rem auto;padding:0 1rem}';

/** `frameAncestors`: who may show the page in a frame (a centre's site that embeds the chat). */
export function registerPrivacyPage(app: FastifyInstance, kb: KnowledgeBase, frameAncestors: string): void {
  const csp = `default-src 'none'; style-src ${cspHash(STYLE)}; base-uri 'none'; form-action 'none'; frame-ancestors ${frameAncestors}`;
  app.get<{ Querystring: { lang?: string } }>('/privacy', async (req, reply) => {
    const asked = req.query.lang;
    const lang: Lang = isLang(asked) ? asked : (langFromLocale(req.headers['accept-language']?.split(',')[0]) ?? 'en');
    const byLang = kb.entries.get(PRIVACY_TOPIC);
    const entry = byLang && pickEntry(byLang, lang, 'details');
    if (!entry) return reply.code(404).send({ error: 'the privacy notice is missing from the knowledge base' });
    const dir = isRightToLeft(entry.lang) ? 'rtl' : 'ltr';
    reply.type('text/html; charset=utf-8').header('content-security-policy', csp);
    return `<!doctype html><html lang="${entry.lang}" dir="${dir}"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(entry.title)}</title><style>${STYLE}</style>
<h1>${escapeHtml(entry.title)}</h1>
${paragraphs(entry.short)}
${paragraphs(entry.details)}
<p><small>${entry.reviewed}</small></p></html>`;
  });
}
