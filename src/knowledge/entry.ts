/**
 * One knowledge entry: a topic in one language, parsed from `knowledge/<topic>/<lang>.md`
 * (front matter, the short answer, then details after `<!-- more -->`).
 */
import { parse } from 'yaml';
import { z } from 'zod';
import { LANGS, type Lang } from '../core/lang.js';

export const MORE_MARKER = '<!-- more -->';
export const SHORT_ANSWER_MAX_CHARS = 700;
export const MIN_QUESTIONS = 12;
/** The first reply is one idea, the next step and one link: about 60 words, never far more. */
export const SHORT_ANSWER_WORDS_WARN = 60;
export const SHORT_ANSWER_WORDS_MAX = 90;
/**
 * Languages whose first replies are still being shortened: above the maximum is only a warning
 * there until their turn comes. Remove a language once its entries are done; then empty the list.
 */
export const SHORT_ANSWER_WORDS_PENDING: readonly string[] = [];

/** Words as a reader counts them, in any script: runs separated by spaces that hold a letter or digit (a URL is one). */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

const isoDate = z.preprocess(
  (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD'),
);

const sourceUrl = z.url({ protocol: /^https?$/ }).refine((u) => !u.includes('...'), 'a shortened URL');

/** `sources`: URLs, official pages first; a third-party page as `{ url, third_party: true }`. */
export const frontMatterSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  lang: z.enum(LANGS),
  title: z.string().trim().min(1),
  reviewed: isoDate,
  sources: z.array(z.union([sourceUrl, z.strictObject({ url: sourceUrl, third_party: z.literal(true) })])).min(1),
  countries: z.array(z.string().regex(/^[A-Z]{2}$/, 'ISO 3166 alpha-2, e.g. GH')).optional(),
  /** The broader topic this entry answers more specifically (e.g. one route of the irregular journey). */
  parent: z.string().regex(/^[a-z0-9-]+$/, 'a topic id, e.g. risks-irregular-journey').optional(),
  questions: z.array(z.coerce.string().trim().min(1)).min(1),
});

export interface KnowledgeEntry {
  id: string;
  lang: Lang;
  title: string;
  reviewed: string;
  sources: string[];
  /** The sources that are not pages of an official body (marked `third_party: true`). */
  thirdParty: string[];
  countries?: string[];
  parent?: string;
  questions: string[];
  short: string;
  details: string;
  file: string;
}

export function parseEntry(text: string, file: string): { entry?: KnowledgeEntry; problems: string[] } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!m) return { problems: [`${file}: no front matter (--- ... ---) at the top`] };
  return withFrontMatter(m[1]!, m[2]!, file);
}

function withFrontMatter(yaml: string, body: string, file: string): { entry?: KnowledgeEntry; problems: string[] } {
  let raw: unknown;
  try {
    raw = parse(yaml);
  } catch (err) {
    return { problems: [`${file}: front matter is not valid YAML: ${(err as Error).message.split('\n')[0]}`] };
  }
  const fm = frontMatterSchema.safeParse(raw);
  if (!fm.success) return { problems: fm.error.issues.map((i) => `${file}: ${i.path.join('.') || 'front matter'}: ${i.message}`) };
  const at = body.indexOf(MORE_MARKER);
  const short = (at < 0 ? body : body.slice(0, at)).trim();
  const details = at < 0 ? '' : body.slice(at + MORE_MARKER.length).trim();
  const sources = fm.data.sources.map((s) => (typeof s === 'string' ? s : s.url));
  const thirdParty = fm.data.sources.flatMap((s) => (typeof s === 'string' ? [] : [s.url]));
  return { problems: [], entry: { ...fm.data, sources, thirdParty, short, details, file } };
}
