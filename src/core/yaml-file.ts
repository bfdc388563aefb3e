/**
 * YAML data files parsed once per content: the parsed value is kept as JSON in the cache folder
 * (keyed by a hash of the text and the options), so a restart reads JSON, which is many times
 * quicker than YAML, for the flows, centres, safety data and emergency numbers. A file that does
 * not parse is never kept: its error is reported as before.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { parse } from 'yaml';
import { PATHS } from '../paths.js';
import { keepFile, readKeptJson } from './kept-file.js';

/** Bump when what is kept changes. */
const VERSION = 2;

/** The parsed value of YAML `text` (a file's content), from the cache when this text was parsed before. */
export function parseYamlCached(text: string, opts: { merge?: boolean } = {}, cacheDir: string = PATHS.cache): unknown {
  const key = createHash('sha256').update(`${VERSION}|${JSON.stringify(opts)}|`).update(text).digest('hex').slice(0, 24);
  const file = join(cacheDir, `yaml-${key}.json`);
  const kept = readKeptJson<{ value: unknown }>(file);
  if (kept) return kept.value;
  const value: unknown = parse(text, opts);
  keepFile(file, JSON.stringify({ value }));
  return value;
}
