/**
 * The optional embedding signal: a transformers.js sentence encoder on disk (no download at run
 * time), used through langchain's abstractions — an `Embeddings` implementation, `Document`s of
 * the example questions in an in-memory `VectorStore`, searched per question — and fused with the
 * default retriever's scores as a `TopicScorer`. Switched on by `EMBEDDING_MODEL_DIR`.
 *
 * @example
 *   const scorer = await EmbeddingTopicScorer.create(kb, { modelDir: 'models/Xenova/multilingual-e5-small' });
 *   const retriever = KnowledgeRetriever.build(kb, { extra: scorer });
 */
import { existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { Document } from '@langchain/core/documents';
import { Embeddings, type EmbeddingsParams } from '@langchain/core/embeddings';
import { VectorStore } from '@langchain/core/vectorstores';
import type { KnowledgeBase } from './load.js';
import type { RetrievalQuery, TopicScorer } from './retriever.js';

export interface TransformersEmbeddingsOptions extends EmbeddingsParams {
  /** A model folder: config.json, tokenizer.json, tokenizer_config.json and onnx/model(_quantized).onnx. */
  modelDir: string;
  /** Use onnx/model_quantized.onnx (default) or onnx/model.onnx. */
  quantized?: boolean;
  /** e5 models are trained with "query: " and "passage: " prefixes. */
  queryPrefix?: string;
  documentPrefix?: string;
}

type Extractor = (texts: string[], opts: { pooling: 'mean'; normalize: boolean }) => Promise<{ tolist(): number[][] }>;

/** Mean-pooled, normalised sentence embeddings from a local transformers.js model. */
export class TransformersEmbeddings extends Embeddings {
  private extractor?: Promise<Extractor>;

  constructor(private readonly options: TransformersEmbeddingsOptions) {
    super(options);
  }

  private load(): Promise<Extractor> {
    this.extractor ??= (async () => {
      const dir = resolve(this.options.modelDir);
      if (!existsSync(resolve(dir, 'config.json'))) throw new Error(`EMBEDDING_MODEL_DIR: no config.json in ${dir}; fetch a model with npm run model:download`);
      const { env, pipeline } = await import('@xenova/transformers');
      env.allowRemoteModels = false; // never reach for a model hub at run time
      env.allowLocalModels = true;
      env.localModelPath = `${dirname(dir)}/`;
      return (await pipeline('feature-extraction', basename(dir), { quantized: this.options.quantized ?? true })) as unknown as Extractor;
    })();
    return this.extractor;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    const extract = await this.load();
    const out: number[][] = [];
    for (let i = 0; i < texts.length; i += 32) {
      const batch = texts.slice(i, i + 32).map((t) => (this.options.documentPrefix ?? '') + t);
      out.push(...(await extract(batch, { pooling: 'mean', normalize: true })).tolist());
    }
    return out;
  }

  async embedQuery(text: string): Promise<number[]> {
    const extract = await this.load();
    return (await extract([(this.options.queryPrefix ?? '') + text], { pooling: 'mean', normalize: true })).tolist()[0]!;
  }
}

/** A small in-memory vector store: cosine similarity over normalised vectors. */
export class InMemoryVectorStore extends VectorStore {
  declare FilterType: (doc: Document) => boolean;
  private readonly rows: { vector: number[]; doc: Document }[] = [];

  _vectorstoreType(): string {
    return 'wegweiser-memory';
  }

  async addVectors(vectors: number[][], documents: Document[]): Promise<void> {
    vectors.forEach((vector, i) => this.rows.push({ vector, doc: documents[i]! }));
  }

  async addDocuments(documents: Document[]): Promise<void> {
    await this.addVectors(await this.embeddings.embedDocuments(documents.map((d) => d.pageContent)), documents);
  }

  async similaritySearchVectorWithScore(query: number[], k: number, filter?: this['FilterType']): Promise<[Document, number][]> {
    const scored: [Document, number][] = [];
    for (const { vector, doc } of this.rows) {
      if (filter && !filter(doc)) continue;
      let dot = 0;
      for (let i = 0; i < vector.length; i++) dot += vector[i]! * query[i]!;
      scored.push([doc, dot]);
    }
    return scored.sort((a, b) => b[1] - a[1]).slice(0, k);
  }

  get size(): number {
    return this.rows.length;
  }
}

/** Scores every topic by the best similarity of its example questions to the person's question. */
export class EmbeddingTopicScorer implements TopicScorer {
  private constructor(
    readonly store: InMemoryVectorStore,
    private readonly k: number,
  ) {}

  static async create(kb: KnowledgeBase, options: TransformersEmbeddingsOptions & { k?: number }): Promise<EmbeddingTopicScorer> {
    const store = new InMemoryVectorStore(new TransformersEmbeddings(options), {});
    const docs: Document[] = [];
    for (const [topic, byLang] of kb.entries) {
      for (const entry of byLang.values()) {
        for (const q of [entry.title, ...entry.questions]) docs.push(new Document({ pageContent: q, metadata: { topic, lang: entry.lang } }));
      }
    }
    await store.addDocuments(docs);
    return new EmbeddingTopicScorer(store, options.k ?? 50);
  }

  async scoreTopics(query: RetrievalQuery): Promise<Map<string, number>> {
    const scores = new Map<string, number>();
    for (const [doc, score] of await this.store.similaritySearchWithScore(query.text, this.k)) {
      const topic = doc.metadata.topic as string;
      scores.set(topic, Math.max(scores.get(topic) ?? 0, score));
    }
    return scores;
  }
}
