/**
 * Links that cannot be misread: every answer (short and details) of every topic in every language,
 * rendered by each channel's renderer, and read with each client's link detection — Web Chat's
 * markdown-it with linkify (the version botframework-webchat bundles, with its options), and a
 * linkify-it approximation of WhatsApp's and Telegram's auto-linking. Each link a client would
 * make must be exactly one of the sources of the entry shown; `ask` lists at most three sources,
 * each standing in the answer or the details.
 */
import { danglingColons } from '../src/knowledge/check.js';
import LinkifyIt from 'linkify-it';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import type { Outbound } from '../src/core/messages.js';
import { LANGS, type Lang } from '../src/core/lang.js';
import { outboxToActivities } from '../src/channels/webchat/render.js';
import { renderWhatsApp } from '../src/channels/whatsapp/render.js';
import { renderTelegram } from '../src/channels/telegram/render.js';
import { pickEntry } from '../src/knowledge/compose.js';
import { checkLinks, checkSources, loadSourceAllowList } from '../src/knowledge/sources.js';
import { parseEntry } from '../src/knowledge/entry.js';
import { KnowledgeService } from '../src/knowledge/service.js';
import { createTexts, loadLocales } from '../src/i18n/index.js';
import { loadKnowledge } from '../src/knowledge/open.js';
import { PATHS } from '../src/paths.js';
import { join } from 'node:path';

const { t } = createTexts(loadLocales(PATHS.locales));
const { kb, retriever } = await loadKnowledge();
const service = new KnowledgeService(kb, retriever, t);
const actions = service.actions();

/** Web Chat: renderMarkdown's options (botframework-webchat/lib/markdown/renderMarkdown.js). */
const webChatMarkdown = new MarkdownIt({ breaks: false, html: true, linkify: true, typographer: true, xhtmlOut: true });
const autoLinker = new LinkifyIt();

function webChatLinks(markdown: string): string[] {
  const hrefs: string[] = [];
  const walk = (tokens: ReturnType<MarkdownIt['parse']>) => {
    for (const token of tokens) {
      if (token.type === 'link_open') hrefs.push(token.attrGet('href') ?? '');
      if (token.children) walk(token.children);
    }
  };
  walk(webChatMarkdown.parse(markdown, {}));
  return hrefs;
}

const unescapeHtml = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const autoLinks = (text: string) => (autoLinker.match(text) ?? []).map((m) => m.url);

/** Every link each client would show for these messages. */
function linksByChannel(outbox: Outbound[]): Record<'webchat' | 'whatsapp' | 'telegram', string[]> {
  return {
    webchat: outboxToActivities(outbox, 'user', 'en').flatMap((a) => webChatLinks(String(a.text ?? ''))),
    whatsapp: renderWhatsApp(outbox).flatMap(autoLinks),
    telegram: renderTelegram(outbox).flatMap((m) => autoLinks(unescapeHtml(m.text))),
  };
}

describe('links in every answer, every language, every channel', () => {
  for (const topic of [...kb.entries.keys()].sort()) {
    it(`${topic}: each link a client detects is one of the sources`, async () => {
      const byLang = kb.entries.get(topic)!;
      const wrong: string[] = [];
      let links = 0;
      for (const lang of LANGS) {
        for (const need of ['short', 'details'] as const) {
          const shown = pickEntry(byLang, lang, need);
          if (!shown) continue;
          const result = need === 'short' ? await actions.knowledgeAnswer({ topic, lang }) : await actions.knowledgeDetails({ topic, lang });
          for (const [channel, found] of Object.entries(linksByChannel(result.outbox))) {
            links += found.length;
            for (const url of found) if (!shown.sources.includes(url)) wrong.push(`${lang} ${need} ${channel}: ${url}`);
          }
        }
      }
      expect(wrong).toEqual([]);
      expect(links).toBeGreaterThan(0);
    });
  }
});

describe('ask: sources', () => {
  it('at most three, each standing in the answer or the details exactly as given', async () => {
    for (const [topic, byLang] of kb.entries) {
      for (const lang of byLang.keys()) {
        const question = byLang.get(lang)!.questions[0]!;
        const result = await service.ask(question, lang as Lang);
        if (!result.id) continue;
        const entry = kb.entries.get(result.id)!.get(result.lang)!;
        const words = new Set(`${result.answer}\n${entry.details}`.split(/\s+/));
        expect(result.sources.length, `${topic}/${lang}`).toBeLessThanOrEqual(3);
        for (const url of result.sources) expect(words.has(url), `${topic}/${lang}: ${url}`).toBe(true);
      }
    }
  });
});

describe('kb:check on sources and links', () => {
  const allow = loadSourceAllowList(join(PATHS.knowledge, '_sources.yaml'));
  const entry = (sources: string, body: string, lang = 'en') =>
    parseEntry(`---\nid: work-nursing-care\nlang: ${lang}\ntitle: T\nreviewed: 2026-01-01\nsources:\n${sources}\nquestions: [q]\n---\n${body}`, 'x.md').entry!;
  const about = 'https://www.anerkennung-in-deutschland.de/html/en/about_us.php';
  const bmg = 'https://www.bundesgesundheitsministerium.de/service/begriffe-von-a-z/f/faire-anwerbung-pflege-deutschland-guetesiegel.html';
  const medh = 'https://www.medhochzwei-verlag.de/News/Details/77123';

  it('accepts official pages first, then a marked third-party exception, each standing in the text', () => {
    const e = entry(`  - ${about}\n  - ${bmg}\n  - { url: ${medh}, third_party: true }`, `Short.\n${about}\n<!-- more -->\nMore:\n${bmg}\n${medh}`);
    expect(checkSources(e, allow)).toEqual([]);
    expect(checkLinks(e)).toEqual({ errors: [], warnings: [] });
  });

  it('refuses more than three, home pages, unrelated embassies, blogs and unmarked or misplaced third-party pages', () => {
    const listed = ['https://www.make-it-in-germany.com/en/', 'https://kigali.diplo.de/rw-en/service/05-VisaEinreise/-/2671432', `{ url: ${medh}, third_party: true }`, about, 'https://example-blog.com/post'];
    const many = entry(listed.map((u) => `  - ${u}`).join('\n'), 'x');
    const problems = checkSources(many, allow).join('\n');
    expect(problems).toMatch(/5 sources \(at most 3/);
    expect(problems).toMatch(/make-it-in-germany\.com\/en\/ is a home page/);
    expect(problems).toMatch(/kigali\.diplo\.de.* is allowed only for work-opportunity-card/);
    expect(problems).toMatch(/example-blog\.com\/post is not on an official domain/);
    expect(problems).toMatch(/official source .*about_us\.php comes after a third-party one/);
    expect(checkSources(entry(`  - ${medh}`, 'x'), allow).join('\n')).toMatch(/medhochzwei.* is a third-party page: mark it/);
  });

  it('refuses a URL glued to a letter of any script, an escape, a bare domain, a link that is no source, or one inside right-to-left text', () => {
    const glued = checkLinks(entry(`  - ${about}`, `راجع وmake-it-in-germany.com أو\n${about}`, 'ar')).errors.join('\n');
    expect(glued).toMatch(/"وmake-it-in-germany\.com" would be linked/);
    const escaped = checkLinks(entry(`  - ${about}`, `See\nhttps://www.anerkennung-in-deutschland.de/html/en/about\\_us.php`)).errors.join('\n');
    expect(escaped).toMatch(/holds an escape/);
    expect(checkLinks(entry(`  - ${about}`, `See (${about}).`)).errors.join('\n')).toMatch(/stands alone/);
    expect(checkLinks(entry(`  - ${about}`, `z. B. p.sh. here\n${about}`)).errors.join('\n')).toMatch(/"p\.sh\." would be linked/);
    expect(checkLinks(entry(`  - ${about}`, `${about}\nhttps://www.bamf.de/x`)).errors.join('\n')).toMatch(/bamf\.de\/x in the text is not one of the entry's sources/);
    expect(checkLinks(entry(`  - ${about}`, `راجع ${about} الآن`, 'ar')).errors.join('\n')).toMatch(/not on its own line/);
    expect(checkLinks(entry(`  - ${about}\n  - ${bmg}`, `Short\n<!-- more -->\n${about}`)).errors.join('\n')).toMatch(/guetesiegel\.html does not stand in/);
  });
});

describe('a sentence that announces a link must have it', () => {
  it('finds a line ending in a colon with nothing after it, not one that opens a list, steps or a link', () => {
    const text = 'Other EU countries have their own rules; the EU Immigration Portal explains them:\n\nThe centre helps.\nTwo ways:\n\n1. Seasonal work\nSee:\nhttps://www.make-it-in-germany.com/en/visa-residence\nLast line:';
    expect(danglingColons(text)).toEqual(['Other EU countries have their own rules; the EU Immigration Portal explains them:', 'Last line:']);
  });
});
