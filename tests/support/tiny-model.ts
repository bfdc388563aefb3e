/**
 * Writes a tiny BERT-shaped sentence encoder the way a model hub folder looks: config.json,
 * tokenizer.json (WordPiece), tokenizer_config.json and onnx/model_quantized.onnx. Its ONNX graph
 * takes input_ids and attention_mask and returns last_hidden_state = embedding[input_ids] * mask,
 * with a random vector per word: the mean-pooled output is a bag of words, so similar sentences
 * get similar vectors. It proves loading, pooling, indexing and fusion, not language understanding.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

const SPECIAL = ['[PAD]', '[UNK]', '[CLS]', '[SEP]'];

export function writeTinyModel(dir: string, words: readonly string[], hidden = 32, seed = 42): void {
  const vocab = [...SPECIAL, ...new Set(words)];
  mkdirSync(join(dir, 'onnx'), { recursive: true });
  let s = seed;
  const random = () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff) * 2 - 1;
  const weights = new Float32Array(vocab.length * hidden).map(random);
  weights.fill(0, 0, hidden); // [PAD]

  const tensor = (name: string, dims: number[], floats: Float32Array) =>
    onnx.TensorProto.create({ name, dims, dataType: onnx.TensorProto.DataType.FLOAT, rawData: new Uint8Array(floats.buffer) });
  const valueInfo = (name: string, elemType: number, shape: (string | number)[]) =>
    onnx.ValueInfoProto.create({
      name,
      type: { tensorType: { elemType, shape: { dim: shape.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d })) } } },
    });
  const node = (opType: string, input: string[], output: string[], attribute: InstanceType<typeof onnx.AttributeProto>[] = []) =>
    onnx.NodeProto.create({ opType, input, output, attribute, name: output[0] });

  const graph = onnx.GraphProto.create({
    name: 'tiny-bert',
    initializer: [tensor('embeddings', [vocab.length, hidden], weights)],
    input: [
      valueInfo('input_ids', onnx.TensorProto.DataType.INT64, ['batch', 'sequence']),
      valueInfo('attention_mask', onnx.TensorProto.DataType.INT64, ['batch', 'sequence']),
    ],
    output: [valueInfo('last_hidden_state', onnx.TensorProto.DataType.FLOAT, ['batch', 'sequence', hidden])],
    node: [
      node('Gather', ['embeddings', 'input_ids'], ['gathered']),
      node('Cast', ['attention_mask'], ['mask_float'], [onnx.AttributeProto.create({ name: 'to', type: onnx.AttributeProto.AttributeType.INT, i: onnx.TensorProto.DataType.FLOAT })]),
      node('Unsqueeze', ['mask_float'], ['mask_3d'], [onnx.AttributeProto.create({ name: 'axes', type: onnx.AttributeProto.AttributeType.INTS, ints: [2] })]),
      node('Mul', ['gathered', 'mask_3d'], ['last_hidden_state']),
    ],
  });
  const model = onnx.ModelProto.create({ irVersion: 7, producerName: 'wegweiser-tests', opsetImport: [{ domain: '', version: 12 }], graph });
  writeFileSync(join(dir, 'onnx', 'model_quantized.onnx'), onnx.ModelProto.encode(model).finish());

  writeFileSync(join(dir, 'config.json'), JSON.stringify({ model_type: 'bert', architectures: ['BertModel'], hidden_size: hidden, vocab_size: vocab.length }));
  writeFileSync(
    join(dir, 'tokenizer_config.json'),
    JSON.stringify({ tokenizer_class: 'BertTokenizer', do_lower_case: true, model_max_length: 128, unk_token: '[UNK]', cls_token: '[CLS]', sep_token: '[SEP]', pad_token: '[PAD]' }),
  );
  const special = (content: string, id: number) => ({ id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true });
  writeFileSync(
    join(dir, 'tokenizer.json'),
    JSON.stringify({
      version: '1.0',
      truncation: null,
      padding: null,
      added_tokens: SPECIAL.map(special),
      normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
      pre_tokenizer: { type: 'BertPreTokenizer' },
      post_processor: {
        type: 'TemplateProcessing',
        single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }],
        pair: [
          { SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } },
          { Sequence: { id: 'B', type_id: 1 } }, { SpecialToken: { id: '[SEP]', type_id: 1 } },
        ],
        special_tokens: { '[CLS]': { id: '[CLS]', ids: [2], tokens: ['[CLS]'] }, '[SEP]': { id: '[SEP]', ids: [3], tokens: ['[SEP]'] } },
      },
      decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
      model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab: Object.fromEntries(vocab.map((w, i) => [w, i])) },
    }),
  );
}
