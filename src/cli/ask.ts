/**
 * `npm run --silent ask -- [--lang xx] [--country CC] [--json] "question"` and `--jsonl` (JSON
 * lines on standard input, one result line each, in order, the index loaded once).
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { isLang, LANGS, type Lang } from '../core/lang.js';
import { createLanguageDetector } from '../i18n/detect.js';
import { createTexts, loadLocales } from '../i18n/index.js';
import { loadDangerForKnowledge } from '../knowledge/safety.js';
import { KnowledgeService, type AskResult } from '../knowledge/service.js';
import { PATHS } from '../paths.js';
import { languageSamples, loadKnowledge } from '../knowledge/open.js';
import { loadConfig } from '../server/config.js';
import { lateProgressBar } from './progress.js';

export class UsageError extends Error {}

function checkLang(value: unknown): Lang | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (!isLang(value)) throw new UsageError(`unknown language "${String(value)}": use one of ${LANGS.join(', ')}`);
  return value;
}

function checkCountry(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || !/^[A-Za-z]{2}$/.test(value)) throw new UsageError(`country "${String(value)}" is not an ISO 3166 code such as GH`);
  return value.toUpperCase();
}

export async function ask(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { lang: { type: 'string' }, country: { type: 'string' }, json: { type: 'boolean' }, jsonl: { type: 'boolean' } },
  });
  const lang = checkLang(values.lang);
  const country = checkCountry(values.country);
  const question = positionals.join(' ').trim();
  if (!values.jsonl && !question) throw new UsageError('usage: npm run --silent ask -- [--lang xx] [--country CC] [--json] "question"  |  --jsonl < questions.jsonl');

  const locales = loadLocales(PATHS.locales);
  const texts = createTexts(locales);
  const progress = lateProgressBar('building the knowledge index');
  const { kb, retriever } = await loadKnowledge({ onIndexProgress: progress.update, embeddingModelDir: loadConfig().EMBEDDING_MODEL_DIR });
  progress.stop();
  const detect = createLanguageDetector(locales.vocabulary, languageSamples(kb, locales), PATHS.cache);
  const service = new KnowledgeService(kb, retriever, texts.t, loadDangerForKnowledge(kb, PATHS.safety, { cacheDir: PATHS.cache }));
  const answer = async (q: string, l?: Lang, c?: string): Promise<AskResult> => {
    const { ranked: _ranked, ...result } = await service.ask(q, l ?? detect(q) ?? 'en', c);
    return result;
  };

  if (!values.jsonl) {
    const result = await answer(question, lang, country);
    if (values.json) console.log(JSON.stringify(result));
    else console.log([result.answer, '', ...result.sources, '', `(${result.id ?? 'not sure'}, score ${result.score})`].join('\n'));
    return;
  }
  for await (const line of createInterface({ input: process.stdin, terminal: false })) {
    if (!line.trim()) continue;
    let result: AskResult & { error?: string };
    try {
      const input = JSON.parse(line) as { q?: unknown; lang?: unknown; country?: unknown };
      if (typeof input?.q !== 'string') throw new UsageError('each line needs "q": the question as a string');
      result = await answer(input.q, checkLang(input.lang) ?? lang, checkCountry(input.country) ?? country);
    } catch (err) {
      const message = err instanceof SyntaxError ? 'not a JSON object' : (err as Error).message;
      result = { id: null, score: 0, lang: lang ?? 'en', answer: '', details: '', sources: [], safety: null, choices: [], error: message };
    }
    process.stdout.write(JSON.stringify(result) + '\n');
  }
}
