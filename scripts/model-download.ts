/**
 * `npm run model:download -- <hub id>` (e.g. Xenova/multilingual-e5-small): fetches a
 * transformers.js sentence encoder on a machine with internet into ./models/<hub id>, then prints
 * the EMBEDDING_MODEL_DIR to set. Wegweiser itself never downloads a model at run time.
 */
import { resolve } from 'node:path';

const id = process.argv[2];
if (!id || !/^[\w.-]+\/[\w.-]+$/.test(id)) {
  console.error('usage: npm run model:download -- <owner/model>, e.g. Xenova/multilingual-e5-small');
  process.exit(2);
}
const target = resolve('models');
const { env, pipeline } = await import('@xenova/transformers');
env.allowRemoteModels = true;
env.cacheDir = target;
try {
  const extract = await pipeline('feature-extraction', id, { quantized: true });
  await extract('test', { pooling: 'mean', normalize: true });
} catch (err) {
  console.error(`could not fetch ${id}: ${(err as Error).message}\nThis needs internet access to the model hub; copy a downloaded ./models folder to machines without it.`);
  process.exit(1);
}
console.log(`Fetched ${id}. Set:\nEMBEDDING_MODEL_DIR=${resolve(target, id)}`);
