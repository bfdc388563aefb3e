/** Where the project's own data lives, found from this file so that any working directory works. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The project's folder: the nearest one above this module that holds the knowledge base. Found by
 * looking, not by counting folders, because the server also runs as one built file under `.cache/`.
 */
function projectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'knowledge', 'topics.yaml')) && existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return resolve(from, '..'); // not found: where this file sits in the sources
  }
}

export const ROOT = projectRoot(import.meta.dirname);
export const PATHS = {
  flows: resolve(ROOT, 'flows'),
  locales: resolve(ROOT, 'locales'),
  knowledge: resolve(ROOT, 'knowledge'),
  centres: resolve(ROOT, 'knowledge', 'centres.yaml'),
  safetySignals: resolve(ROOT, 'knowledge', '_safety', 'signals.yaml'),
  /** What the danger recogniser knows: the phrase list, the concept lexicon and rules, example messages. */
  safety: resolve(ROOT, 'knowledge', '_safety'),
  /** Who to call, by country, for the safety guidance (from shared/FACTS.md section 6). */
  emergencyNumbers: resolve(ROOT, 'knowledge', '_safety', 'emergency-numbers.yaml'),
  /** The trained retriever, keyed by a hash of the knowledge base (safe to delete). */
  cache: resolve(ROOT, '.cache', 'knowledge-index'),
  /** The towns index read out of GeoNames' file, built on the first start (safe to delete). */
  gazetteerCache: resolve(ROOT, '.cache', 'gazetteer'),
  /** The staff console's pages, scripts and texts. */
  staffConsole: resolve(ROOT, 'src', 'handoff', 'console'),
};
