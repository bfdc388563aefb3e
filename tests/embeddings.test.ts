/**
 * The transformers.js path, on a tiny BERT-shaped ONNX model the test writes itself (no hub):
 * loading through @xenova/transformers, mean pooling and normalisation, the langchain vector store
 * of example questions, and fusion with the default retriever when EMBEDDING_MODEL_DIR is set.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { foldText } from '../src/core/normalize.js';
import { EmbeddingTopicScorer, TransformersEmbeddings } from '../src/knowledge/embeddings.js';
import { KnowledgeRetriever } from '../src/knowledge/retriever.js';
import { PATHS } from '../src/paths.js';
import { loadKnowledge } from '../src/knowledge/open.js';
import { createTestCore } from './support/test-core.js';
import { writeTinyModel } from './support/tiny-model.js';

const { kb } = await loadKnowledge();
const modelDir = join(mkdtempSync(join(tmpdir(), 'wegweiser-model-')), 'tiny-bert');
const english = [...kb.entries.values()].map((byLang) => byLang.get('en')!);

beforeAll(() => {
  const words = english.flatMap((e) => [e.title, ...e.questions]).flatMap((q) => foldText(q).split(' '));
  writeTinyModel(modelDir, words);
});

const dot = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v * b[i]!, 0);

describe('embeddings through transformers.js', () => {
  it('loads the local model offline and returns normalised mean-pooled vectors', async () => {
    const embeddings = new TransformersEmbeddings({ modelDir });
    const [a, b, c] = await embeddings.embedDocuments(['blue card salary', 'salary blue card 2026', 'boat from libya']);
    expect(a).toHaveLength(32);
    expect(dot(a!, a!)).toBeCloseTo(1, 4);
    expect(dot(a!, b!)).toBeGreaterThan(dot(a!, c!));
    expect(await embeddings.embedQuery('blue card salary')).toEqual(a!.map((v) => expect.closeTo(v, 5)));
  });

  it('fails with what to do when the model folder is wrong', async () => {
    await expect(new TransformersEmbeddings({ modelDir: join(modelDir, 'nope') }).embedQuery('x')).rejects.toThrow(/no config\.json.*model:download/);
  });

  it('indexes every example question as a langchain Document and scores topics by the nearest one', async () => {
    const scorer = await EmbeddingTopicScorer.create(kb, { modelDir });
    expect(scorer.store.size).toBeGreaterThan(43 * 9 * 12);
    const question = kb.entries.get('work-opportunity-card')!.get('en')!.questions[0]!;
    const scores = await scorer.scoreTopics({ text: question, lang: 'en' });
    const best = [...scores].sort((x, y) => y[1] - x[1])[0]!;
    expect(best).toEqual(['work-opportunity-card', expect.closeTo(1, 3)]);
  });

  it('is fused with the default retriever, and switched on by EMBEDDING_MODEL_DIR', async () => {
    const scorer = await EmbeddingTopicScorer.create(kb, { modelDir });
    const plain = KnowledgeRetriever.build(kb, { cacheDir: PATHS.cache });
    const fused = KnowledgeRetriever.build(kb, { extra: scorer, cacheDir: PATHS.cache });
    const q = { text: english.find((e) => e.id === 'risks-smuggling')!.questions[1]!, lang: 'en' as const };
    const [a, b] = [await plain.retrieve(q), await fused.retrieve(q)];
    expect(b.id).toBe('risks-smuggling');
    expect(b.ranked.map((r) => r.score)).not.toEqual(a.ranked.map((r) => r.score));

    const core = await createTestCore({ env: { EMBEDDING_MODEL_DIR: modelDir } });
    const answer = await core.knowledge.ask('how many points do I need for the opportunity card', 'en');
    expect(answer.id).toBe('work-opportunity-card');
    await core.close();
  }, 180_000); // trains a retriever with the model fused in: tens of seconds on two busy cores
});
