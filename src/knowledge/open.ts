/**
 * The knowledge base and its retriever, opened once per process (the server, the command line,
 * the benchmarks and tests share it), and text samples per language for the language detector.
 */
import { LANGS, type Lang } from '../core/lang.js';
import { flattenKeys, type Locales } from '../i18n/index.js';
import { PATHS } from '../paths.js';
import { FIGURE_PLACEHOLDER } from './figures.js';
import { loadKnowledgeBase, type KnowledgeBase } from './load.js';
import { KnowledgeRetriever } from './retriever.js';

const retrievers = new Map<string, Promise<KnowledgeRetriever>>();

/**
 * The knowledge base and its retriever, built once per process for a given knowledge base (and
 * embedding model, when one is configured).
 */
export async function loadKnowledge(
  opts: { onIndexProgress?: (done: number, total: number) => void; embeddingModelDir?: string } = {},
): Promise<{ kb: KnowledgeBase; retriever: KnowledgeRetriever }> {
  const kb = loadKnowledgeBase(PATHS.knowledge, { cacheDir: PATHS.cache });
  const key = `${kb.hash}|${opts.embeddingModelDir ?? ''}`;
  let retriever = retrievers.get(key);
  if (!retriever) {
    retriever = (async () => {
      const dir = opts.embeddingModelDir;
      // e5 encoders were trained with these prefixes; others take the text as it is.
      const prefixes = dir && /e5/i.test(dir) ? { queryPrefix: 'query: ', documentPrefix: 'query: ' } : {};
      // langchain and transformers.js are loaded only when a model is configured.
      const extra = dir ? await (await import('./embeddings.js')).EmbeddingTopicScorer.create(kb, { modelDir: dir, ...prefixes }) : undefined;
      return KnowledgeRetriever.build(kb, { onProgress: opts.onIndexProgress, cacheDir: PATHS.cache, extra });
    })();
    retrievers.set(key, retriever);
    retriever.catch(() => retrievers.delete(key));
  }
  return { kb, retriever: await retriever };
}

/** Text we have in each language, for the language detector: knowledge entries and interface texts. */
export function languageSamples(kb: KnowledgeBase, locales: Locales): Map<Lang, string[]> {
  const samples = new Map<Lang, string[]>(LANGS.map((l) => [l, []]));
  for (const byLang of kb.entries.values()) {
    for (const e of byLang.values()) samples.get(e.lang)!.push(e.title, e.short.replace(FIGURE_PLACEHOLDER, ' '), e.details.replace(FIGURE_PLACEHOLDER, ' '), ...e.questions);
  }
  for (const l of LANGS) {
    for (const v of flattenKeys(locales.resources[l]).values()) if (typeof v === 'string') samples.get(l)!.push(v.replace(/\{\{\w+\}\}|https?:\S+/g, ''));
  }
  return samples;
}
