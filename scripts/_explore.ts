import { readFileSync } from 'node:fs';
import { FEATURE_OPTIONS } from '../src/knowledge/features.js';
import { loadKnowledgeBase } from '../src/knowledge/load.js';
import { KnowledgeRetriever, TRAINING_OPTIONS } from '../src/knowledge/retriever.js';
const qs = readFileSync('tests/eval/questions.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const kb = loadKnowledgeBase('knowledge');
const variants: [string, Partial<typeof FEATURE_OPTIONS>, Partial<typeof TRAINING_OPTIONS>][] = JSON.parse(process.argv[2]!);
const f0 = { ...FEATURE_OPTIONS }; const t0 = { ...TRAINING_OPTIONS };
for (const [name, f, t] of variants) {
  Object.assign(FEATURE_OPTIONS, f0, f); Object.assign(TRAINING_OPTIONS, t0, t);
  const s = performance.now();
  const r = KnowledgeRetriever.build(kb);
  const ms = performance.now() - s;
  let ok = 0, n = 0, oos = 0, on = 0;
  const per: Record<string, [number, number]> = {};
  for (const q of qs) {
    const res = await r.retrieve({ text: q.q, lang: q.lang, country: q.country });
    if (q.id === null) { on++; if (res.id === null) oos++; continue; }
    n++; const good = res.id === q.id; if (good) ok++;
    per[q.lang] ??= [0, 0]; per[q.lang]![1]++; if (good) per[q.lang]![0]++;
  }
  console.log(name.padEnd(20), (ok / n * 100).toFixed(1), 'oos', (oos / on * 100).toFixed(1), 'build', ms.toFixed(0), Object.entries(per).map(([l, [a, b]]) => `${l}:${(a / b * 100).toFixed(0)}`).join(' '));
}
