/**
 * Loads the knowledge base: every `knowledge/<topic>/<lang>.md`, the list of required topics
 * (`knowledge/topics.yaml`) and the out-of-scope examples that teach the retriever what to decline.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { keepFile, readKeptJson } from '../core/kept-file.js';
import { parse } from 'yaml';
import { WegweiserError } from '../core/errors.js';
import { LANGS, type Lang } from '../core/lang.js';
import { parseEntry, type KnowledgeEntry } from './entry.js';
import { parseFigures, type Figure, type Figures } from './figures.js';

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

interface SourceFile {
  folder: string;
  name: string;
  path: string;
  text: string;
}

/** Every file the knowledge base is made of, read (cheap), and the hash of them all. */
function readFiles(dir: string): { files: SourceFile[]; topicsText: string; oosText?: string; figuresText?: string; hash: string } {
  const hash = createHash('sha256');
  const topicsText = readFileSync(join(dir, 'topics.yaml'), 'utf8');
  hash.update(topicsText);
  const files: SourceFile[] = [];
  for (const folder of readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory() && !d.name.startsWith('_')).map((d) => d.name).sort()) {
    for (const name of readdirSync(join(dir, folder)).filter((f) => f.endsWith('.md')).sort()) {
      const path = join(dir, folder, name);
      const text = readFileSync(path, 'utf8');
      hash.update(path).update(text);
      files.push({ folder, name, path, text });
    }
  }
  const oosFile = join(dir, '_out-of-scope', 'examples.yaml');
  const oosText = existsSync(oosFile) ? readFileSync(oosFile, 'utf8') : undefined;
  if (oosText !== undefined) hash.update(oosText);
  const figuresFile = join(dir, '_figures.yaml');
  const figuresText = existsSync(figuresFile) ? readFileSync(figuresFile, 'utf8') : undefined;
  if (figuresText !== undefined) hash.update(figuresText);
  return { files, topicsText, oosText, figuresText, hash: hash.digest('hex').slice(0, 16) };
}

/**
 * Reads and checks the knowledge base. With `cacheDir`, a knowledge base read before without a
 * problem (same files, same hash) is taken from its parsed copy there: parsing hundreds of YAML
 * front matters is most of a start otherwise.
 */
export function readKnowledgeBase(dir: string, opts: { cacheDir?: string } = {}): LoadResult {
  const { files, topicsText, oosText, figuresText, hash } = readFiles(dir);
  const cacheFile = opts.cacheDir && join(opts.cacheDir, `kb-${createHash('sha256').update(`${hash}|${process.cwd()}|${CACHE_VERSION}`).digest('hex').slice(0, 16)}.json`);
  const cached = cacheFile ? readCached(cacheFile, hash) : undefined;
  if (cached) return { kb: cached, problems: [] };
  const problems: string[] = [];
  const entries = new Map<string, Map<Lang, KnowledgeEntry>>();
  const topics = parseTopicList(topicsText);
  for (const { folder, name, path, text } of files) {
    const file = relative(process.cwd(), path) || path;
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
    let byLang = entries.get(folder);
    if (!byLang) entries.set(folder, (byLang = new Map()));
    byLang.set(lang as Lang, { ...entry, id: folder, lang: lang as Lang });
  }
  const outOfScope = new Map<Lang, string[]>();
  if (oosText !== undefined) {
    const examples = (parse(oosText) as { examples?: Record<string, unknown[]> }).examples ?? {};
    for (const lang of LANGS) outOfScope.set(lang, (examples[lang] ?? []).map(String));
  }
  let figures: Figures = new Map();
  if (figuresText !== undefined) {
    const figuresFile = join(dir, '_figures.yaml');
    const parsed = parseFigures(figuresText, relative(process.cwd(), figuresFile) || figuresFile);
    problems.push(...parsed.problems);
    figures = parsed.figures;
  }
  const kb: KnowledgeBase = { entries, topics, outOfScope, figures, hash };
  if (cacheFile && !problems.length) writeCached(cacheFile, kb);
  return { kb, problems };
}

/** Bump when the parsed form of an entry changes: older parsed copies are then ignored. */
const CACHE_VERSION = 1;

interface CachedKnowledgeBase {
  hash: string;
  entries: [string, [Lang, KnowledgeEntry][]][];
  topics: Topic[];
  outOfScope: [Lang, string[]][];
  figures: [string, Figure][];
}

function readCached(file: string, hash: string): KnowledgeBase | undefined {
  const c = readKeptJson<CachedKnowledgeBase>(file); // missing or damaged: parse the files
  if (c?.hash !== hash) return undefined;
  return {
    entries: new Map(c.entries.map(([id, byLang]) => [id, new Map(byLang)])),
    topics: c.topics,
    outOfScope: new Map(c.outOfScope),
    figures: new Map(c.figures),
    hash,
  };
}

function writeCached(file: string, kb: KnowledgeBase): void {
  const c: CachedKnowledgeBase = {
    hash: kb.hash,
    entries: [...kb.entries].map(([id, byLang]) => [id, [...byLang]]),
    topics: kb.topics,
    outOfScope: [...kb.outOfScope],
    figures: [...kb.figures],
  };
  keepFile(file, JSON.stringify(c)); // not kept: parsed again next time
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
export function loadKnowledgeBase(dir: string, opts: { cacheDir?: string } = {}): KnowledgeBase {
  const { kb, problems } = readKnowledgeBase(dir, opts);
  if (problems.length) throw new WegweiserError('KNOWLEDGE_INVALID', problems);
  return kb;
}
