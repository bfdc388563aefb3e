/** Where the project's own data lives, found from this file so that any working directory works. */
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');
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
};
