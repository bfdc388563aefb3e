/**
 * Sources and links of an entry (kb:check): at most three sources, each a page of an official
 * body (`knowledge/_sources.yaml`) or a listed exception, no bare home page, official pages
 * first and third-party pages marked; and every link in the text a source standing alone, in its
 * canonical form, so that no chat client links a look-alike (a letter glued to a domain), a
 * broken address (an escaped underscore) or shows it reversed (right-to-left text).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { isRightToLeft } from '../core/lang.js';
import type { KnowledgeEntry } from './entry.js';

export const MAX_SOURCES = 3;

const allowListSchema = z.strictObject({
  official: z.record(z.string().regex(/^[a-z0-9.-]+$/), z.string().min(1)),
  exceptions: z.array(
    z.strictObject({
      url: z.url(),
      topics: z.array(z.string()).min(1),
      third_party: z.boolean(),
      why: z.string().min(10),
    }),
  ),
  home_pages: z.array(z.strictObject({ url: z.url(), why: z.string().min(10) })).default([]),
});
export type SourceAllowList = z.infer<typeof allowListSchema>;

export function loadSourceAllowList(file: string): SourceAllowList {
  return allowListSchema.parse(parse(readFileSync(file, 'utf8')));
}

function isOfficialHost(host: string, list: SourceAllowList): boolean {
  return Object.keys(list.official).some((d) => host === d || host.endsWith(`.${d}`));
}

/** A site's front door ("https://www.make-it-in-germany.com/en/"): it states nothing in particular. */
export function isHomePage(url: URL): boolean {
  return !url.search && /^\/([a-z]{2}(-[a-z]{2})?\/?)?$/i.test(url.pathname);
}

/** What `new URL` makes of it: lower-case host, no escapes. A source is written exactly so. */
function canonical(url: string): string | undefined {
  try {
    return new URL(url).href;
  } catch {
    return undefined;
  }
}

export function checkSources(entry: KnowledgeEntry, list: SourceAllowList): string[] {
  const problems: string[] = [];
  const at = entry.file;
  if (entry.sources.length > MAX_SOURCES) problems.push(`${at}: ${entry.sources.length} sources (at most ${MAX_SOURCES}: the pages that state what the entry says)`);
  let thirdPartySeen = false;
  for (const source of entry.sources) {
    const url = new URL(source);
    if (canonical(source) !== source) problems.push(`${at}: source ${source} is not in its canonical form (${canonical(source)})`);
    const exception = list.exceptions.find((e) => e.url === source);
    const thirdParty = entry.thirdParty.includes(source);
    if (exception) {
      if (!exception.topics.includes(entry.id)) problems.push(`${at}: ${source} is allowed only for ${exception.topics.join(', ')} (knowledge/_sources.yaml)`);
      if (exception.third_party !== thirdParty) problems.push(`${at}: ${source} ${exception.third_party ? 'is a third-party page: mark it `third_party: true`' : 'is not a third-party page'}`);
    } else if (!isOfficialHost(url.hostname, list)) {
      problems.push(`${at}: ${source} is not on an official domain nor an exception of knowledge/_sources.yaml`);
    } else if (thirdParty) {
      problems.push(`${at}: ${source} is on an official domain but marked third_party`);
    }
    if (isHomePage(url) && !list.home_pages.some((h) => h.url === source)) problems.push(`${at}: ${source} is a home page; cite the page that states what the entry says`);
    const official = exception ? !exception.third_party : isOfficialHost(url.hostname, list);
    if (thirdParty || !official) thirdPartySeen = true;
    else if (thirdPartySeen) problems.push(`${at}: official source ${source} comes after a third-party one (official first)`);
  }
  return problems;
}

/** Last labels that chat clients link without a scheme: linkify-it's generic list and any two-letter country code. */
const FUZZY_TLD = 'biz|com|edu|gov|net|org|pro|web|xxx|aero|asia|coop|info|museum|name|shop|int|eu|[a-z]{2}';
const LINK_LIKE = new RegExp(`https?://|www\\.|[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.(?:${FUZZY_TLD})(?![\\p{L}\\p{N}-])`, 'giu');

export interface TextLink {
  /** The whitespace-delimited run that holds the link, as a client would see its surroundings. */
  token: string;
  line: string;
}

/** Every run of text that a client could turn into a link (a URL, www., or a bare domain). */
export function linkLikeTokens(text: string): TextLink[] {
  const found: TextLink[] = [];
  for (const line of text.split('\n')) {
    for (const token of line.split(/\s+/)) {
      LINK_LIKE.lastIndex = 0;
      if (token && LINK_LIKE.test(token) && !/^\{\{fig:[^}]*\}\}$/.test(token)) found.push({ token, line: line.trim() });
    }
  }
  return found;
}

export function checkLinks(entry: KnowledgeEntry): { errors: string[]; warnings: string[] } {
  const problems: string[] = [];
  const at = entry.file;
  const text = `${entry.short}\n${entry.details}`;
  const inText = new Set<string>();
  for (const { token, line } of linkLikeTokens(text)) {
    const url = /(https?:\/\/|www\.)\S*/i.exec(token)?.[0];
    if (!url || !/^https?:\/\//.test(url)) {
      problems.push(`${at}: "${token}" would be linked by a chat client: write the page's full URL alone, or the site's name without the domain`);
      continue;
    }
    if (url.includes('\\')) problems.push(`${at}: ${url} holds an escape (\\); write the URL as it is`);
    else if (token !== url) problems.push(`${at}: "${token}": a URL stands alone, set apart by spaces from any letter or punctuation`);
    else if (canonical(url) !== url) problems.push(`${at}: ${url} is not in its canonical form (${canonical(url)})`);
    else if (!entry.sources.includes(url)) problems.push(`${at}: ${url} in the text is not one of the entry's sources`);
    else if (isRightToLeft(entry.lang) && line !== url) problems.push(`${at}: ${url} is not on its own line (right-to-left text shows it reversed)`);
    inText.add(token);
  }
  // `ask` lists the sources that stand in the answer or the details: every one where there are
  // details; a short answer alone (one WhatsApp message) shows at least the first.
  // (Until a short answer is cut to one message with room for it, the missing link is a warning.)
  const needed = entry.details ? entry.sources : entry.sources.slice(0, 1);
  const missing = needed.filter((source) => !inText.has(source)).map((source) => `${at}: source ${source} does not stand in the ${entry.details ? 'short answer or the details' : 'short answer'}`);
  return entry.details ? { errors: [...problems, ...missing], warnings: [] } : { errors: problems, warnings: missing };
}

/** The entry's sources that stand (as whole words) in its text: what `ask` may list. */
export function sourcesInText(sources: readonly string[], text: string): string[] {
  const words = new Set(text.split(/\s+/));
  return sources.filter((s) => words.has(s)).slice(0, MAX_SOURCES);
}
