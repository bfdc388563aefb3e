/**
 * Merges example messages written by others (files shaped like knowledge/_safety/examples/<lang>.yaml)
 * into knowledge/_safety/examples/<lang>.yaml: appended under their kind, comments kept, a message
 * already there (same folded words) skipped, and one that is (nearly) a message of a development set
 * never learnt from (danger-dev, the check halves of danger-dev7 to danger-dev9) skipped too, so that its figures stay honest.
 *
 *   npx tsx scripts/merge-danger-examples.ts /path/to/de.yaml /path/to/en.yaml
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isSeq, parseDocument } from 'yaml';
import { PATHS, ROOT } from '../src/paths.js';
import { dangerTokens, foldForDanger } from '../src/understanding/danger-fold.js';
import { halfOf } from './eval-half.js';

const KINDS = ['exploitation', 'stranded', 'violence', 'selfharm', 'benign'] as const;

// The development sets measured but never learnt from: danger-dev, and the check halves of danger-dev7
// to danger-dev9 (their tune halves may be merged as examples, like any other file).
const devTexts = (file: string, keep: (text: string) => boolean = () => true): string[] =>
  existsSync(join(ROOT, file))
    ? readFileSync(join(ROOT, file), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { text: string }).text)
      .filter(keep)
    : [];
const checkHalf = (t: string) => halfOf(t) === 'check';
const devTokens = [
  ...devTexts('tests/eval/danger-dev.jsonl'),
  ...devTexts('tests/eval/danger-dev7.jsonl', checkHalf),
  ...devTexts('tests/eval/danger-dev8.jsonl', checkHalf),
  ...devTexts('tests/eval/danger-dev9.jsonl', checkHalf),
].map(
  (text) => new Set(dangerTokens(text)),
);

function nearDev(text: string): boolean {
  const words = new Set(dangerTokens(text));
  return devTokens.some((dev) => {
    const shared = [...words].filter((w) => dev.has(w)).length;
    return shared / (words.size + dev.size - shared || 1) >= 0.7;
  });
}

for (const file of process.argv.slice(2)) {
  const incoming = parseDocument(readFileSync(file, 'utf8')).toJS() as { lang: string; examples: Partial<Record<(typeof KINDS)[number], unknown[]>> };
  const target = join(PATHS.safety, 'examples', `${incoming.lang}.yaml`);
  const doc = existsSync(target) ? parseDocument(readFileSync(target, 'utf8')) : parseDocument(`lang: ${incoming.lang}\nexamples: {}\n`);
  const seen = new Set<string>();
  for (const kind of KINDS) {
    const list = doc.getIn(['examples', kind]);
    if (isSeq(list)) for (const item of list.toJSON() as unknown[]) seen.add(foldForDanger(String(item)));
  }
  const counts: Record<string, number> = {};
  let skippedDev = 0;
  for (const kind of KINDS) {
    for (const raw of incoming.examples?.[kind] ?? []) {
      const text = String(raw).trim();
      const key = foldForDanger(text);
      if (!key || seen.has(key)) continue;
      if (nearDev(text)) {
        skippedDev++;
        continue;
      }
      seen.add(key);
      if (!isSeq(doc.getIn(['examples', kind]))) doc.setIn(['examples', kind], doc.createNode([]));
      doc.addIn(['examples', kind], text);
      counts[kind] = (counts[kind] ?? 0) + 1;
    }
  }
  writeFileSync(target, doc.toString({ lineWidth: 0 }));
  console.log(`${file} -> ${target}: added ${JSON.stringify(counts)}, ${skippedDev} skipped as too close to the development set`);
}
