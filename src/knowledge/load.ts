/**
 * Loads the knowledge base: every `knowledge/<topic>/<lang>.md`, the list of required topics
 * (`knowledge/topics.yaml`) and the out-of-scope examples that teach the retriever what to decline.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { WegweiserError } from '../core/errors.js';
import { LANGS, type Lang } from '../core/lang.js';
import { parseEntry, type KnowledgeEntry } from './entry.js';
import { parseFigures, type Figures } from './figures.js';

export interface Topic {
  id: string;
  area: string;
  scope: string;
}

export interface KnowledgeBase {
  /** Entries by topic id, then by language. */
  entries: Map<string, Map<Lang, KnowledgeEntry>>;
  topics: Topic[];
  outOfScope: Map<Lang, string[]>;
  /** Yearly figures with their periods (`_figures.yaml`), named in entries as {{fig:id}}. */
  figures: Figures;
  /** Changes whenever any file changes: the key of the cached index. */
  hash: string;
}

export interface LoadResult {
  kb: KnowledgeBase;
  problems: string[];
}

export function readKnowledgeBase(dir: string): LoadResult {
  const problems: string[] = [];
  const hash = createHash('sha256');
  const entries = new Map<string, Map<Lang, KnowledgeEntry>>();
  const topicsFile = join(dir, 'topics.yaml');
  const topics = parseTopicList(readFileSync(topicsFile, 'utf8'));
  hash.update(readFileSync(topicsFile));
  for (const folder of readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory() && !d.name.startsWith('_')).map((d) => d.name).sort()) {
    const byLang = new Map<Lang, KnowledgeEntry>();
    for (const name of readdirSync(join(dir, folder)).filter((f) => f.endsWith('.md')).sort()) {
      const path = join(dir, folder, name);
      const file = relative(process.cwd(), path) || path;
      const text = readFileSync(path, 'utf8');
      hash.update(path).update(text);
      const lang = name.slice(0, -3);
      if (!(LANGS as readonly string[]).includes(lang)) {
        problems.push(`${file}: "${lang}" is not one of the languages (${LANGS.join(', ')})`);
        continue;
      }
      const { entry, problems: p } = parseEntry(text, file);
      problems.push(...p);
      if (!entry) continue;
      if (entry.id !== folder) problems.push(`${file}: id "${entry.id}" is not the folder name "${folder}"`);
      if (entry.lang !== lang) problems.push(`${file}: lang "${entry.lang}" is not the file name`);
      byLang.set(lang as Lang, { ...entry, id: folder, lang: lang as Lang });
    }
    if (byLang.size) entries.set(folder, byLang);
  }
  const outOfScope = new Map<Lang, string[]>();
  const oosFile = join(dir, '_out-of-scope', 'examples.yaml');
  if (existsSync(oosFile)) {
    const text = readFileSync(oosFile, 'utf8');
    hash.update(text);
    const examples = (parse(text) as { examples?: Record<string, unknown[]> }).examples ?? {};
    for (const lang of LANGS) outOfScope.set(lang, (examples[lang] ?? []).map(String));
  }
  let figures: Figures = new Map();
  const figuresFile = join(dir, '_figures.yaml');
  if (existsSync(figuresFile)) {
    const text = readFileSync(figuresFile, 'utf8');
    hash.update(text);
    const parsed = parseFigures(text, relative(process.cwd(), figuresFile) || figuresFile);
    problems.push(...parsed.problems);
    figures = parsed.figures;
  }
  return { kb: { entries, topics, outOfScope, figures, hash: hash.digest('hex').slice(0, 16) }, problems };
}

/**
 * Reads the topic list line by line: kb-topics.yaml is written for people, and some scopes hold
 * ": " unquoted, which strict YAML rejects.
 */
export function parseTopicList(text: string): Topic[] {
  const topics: Topic[] = [];
  for (const line of text.split('\n')) {
    const id = /^\s*-\s+id:\s*([a-z0-9-]+)\s*$/.exec(line);
    if (id) topics.push({ id: id[1]!, area: '', scope: '' });
    const field = /^\s+(area|scope):\s*(.*)$/.exec(line);
    const last = topics.at(-1);
    if (field && last) last[field[1] as 'area' | 'scope'] = field[2]!.trim();
  }
  return topics;
}

/** Loads and fails loudly on a broken file: the assistant never starts with a half-read knowledge base. */
export function loadKnowledgeBase(dir: string): KnowledgeBase {
  const { kb, problems } = readKnowledgeBase(dir);
  if (problems.length) throw new WegweiserError('KNOWLEDGE_INVALID', problems);
  return kb;
}
