/**
 * Turns a knowledge entry into what the person reads: the short answer in their language (or the
 * nearest language that has it, with a one-line note), its sources and the date it was checked.
 */
import type { Translate } from '../core/actions.js';
import type { Lang } from '../core/lang.js';
import type { Outbound } from '../core/messages.js';
import type { KnowledgeEntry } from './entry.js';

/** Where a language has no entry, the languages its readers most likely read, in order. */
const NEAREST: Record<Lang, Lang[]> = {
  en: ['fr', 'de'],
  fr: ['en', 'ar'],
  ar: ['en', 'fr'],
  de: ['en'],
  ur: ['en', 'ar'],
  id: ['en'],
  sq: ['en', 'de'],
  sr: ['en', 'de'],
  es: ['en', 'fr'],
};

/** The entry to show to a reader of `lang`: their own, else the nearest that has what is needed. */
export function pickEntry(byLang: ReadonlyMap<Lang, KnowledgeEntry>, lang: Lang, need: 'short' | 'details' = 'short'): KnowledgeEntry | undefined {
  const has = (e: KnowledgeEntry | undefined) => e && (need === 'short' ? e.short : e.details);
  for (const l of [lang, ...NEAREST[lang]]) if (has(byLang.get(l))) return byLang.get(l);
  return [...byLang.values()].find(has);
}

function hostname(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

function languageNote(t: Translate, lang: Lang, entry: KnowledgeEntry): string | undefined {
  return entry.lang === lang ? undefined : t(lang, 'answer.otherLanguage', { language: t(entry.lang, 'language.name') });
}

/** A chat message shows the first sources (official pages come first); the details list them all. */
export const SOURCES_IN_ANSWER = 3;

export function composeAnswer(t: Translate, lang: Lang, entry: KnowledgeEntry): Outbound {
  const note = languageNote(t, lang, entry);
  const shown = entry.sources.slice(0, SOURCES_IN_ANSWER);
  return {
    kind: 'card',
    title: entry.title,
    text: note ? `${note}\n\n${entry.short}` : entry.short,
    linksHeading: t(lang, 'answer.sources', { count: shown.length }),
    links: shown.map((url) => ({ label: hostname(url), url })),
    footer: t(lang, 'answer.reviewed', { date: entry.reviewed }),
  };
}

/** A details message fits one WhatsApp message and one phone screen. */
export const DETAILS_MESSAGE_MAX_CHARS = 700;

/**
 * Text cut into messages of at most `max` characters, at paragraphs (a blank line), else at
 * lines, else at spaces: a long text arrives as short messages a person can read one by one.
 */
export function splitMessages(text: string, max = DETAILS_MESSAGE_MAX_CHARS): string[] {
  const size = (s: string) => [...s].length;
  const pieces = text.split(/\n{2,}/).flatMap((para) => (size(para) <= max ? [para] : cutLong(para, max)));
  const messages: string[] = [];
  for (const piece of pieces.map((p) => p.trim()).filter(Boolean)) {
    const last = messages.at(-1);
    if (last !== undefined && size(last) + 2 + size(piece) <= max) messages[messages.length - 1] = `${last}\n\n${piece}`;
    else messages.push(piece);
  }
  return messages;
}

/** A paragraph longer than `max`: its lines packed together, a line longer than `max` cut at spaces. */
function cutLong(para: string, max: number): string[] {
  const size = (s: string) => [...s].length;
  const out: string[] = [];
  const add = (part: string, sep: string) => {
    const last = out.at(-1);
    if (last !== undefined && size(last) + sep.length + size(part) <= max) out[out.length - 1] = `${last}${sep}${part}`;
    else out.push(part);
  };
  for (const line of para.split('\n')) {
    if (size(line) <= max) add(line, '\n');
    else {
      let first = true;
      for (const word of line.split(' ')) {
        add(word, first ? '\n' : ' ');
        first = false;
      }
    }
  }
  return out;
}

/** "More details": the rest of the entry as short messages, the sources last. */
export function composeDetails(t: Translate, lang: Lang, entry: KnowledgeEntry): Outbound[] {
  const note = languageNote(t, lang, entry);
  const sources = `${t(lang, 'answer.sources', { count: entry.sources.length })}\n${entry.sources.join('\n')}`;
  const messages = splitMessages([note, entry.details].filter(Boolean).join('\n\n'));
  return [...messages, ...splitMessages(sources)].map((text) => ({ kind: 'text', text }));
}
