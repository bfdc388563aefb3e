/**
 * Merges example questions written by others (JSON lines {q, lang, id}: id a topic, or null for a
 * message to decline) into the knowledge base: a topic's question is appended to the `questions:`
 * of knowledge/<id>/<lang>.md, an out-of-scope one to knowledge/_out-of-scope/examples.yaml under
 * its language. Skipped: a question already in the knowledge base (same folded words, in any
 * topic: kb:check refuses one question in two topics), a topic or language without an entry, and
 * one that is (nearly) a question of the development set (tests/eval/questions*.jsonl), so that
 * the development figures stay honest. A development question being merged itself (the tune half
 * of a set, say) is no longer unseen, so it is not counted: the questions left in the set (the
 * check half) are what nothing merged may come close to. Never reads the held-out sets.
 *
 *   npx tsx scripts/merge-example-questions.ts /path/to/q-train.jsonl [--lang ar,fr] [--dry-run] [--verbose]
 *   (--verbose lists what was skipped and why)
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { isSeq, parseDocument, Scalar } from 'yaml';
import { LANGS, type Lang } from '../src/core/lang.js';
import { foldText } from '../src/core/normalize.js';
import { readKnowledgeBase } from '../src/knowledge/load.js';
import { PATHS, ROOT } from '../src/paths.js';

const { values: args, positionals: files } = parseArgs({
  allowPositionals: true,
  options: { lang: { type: 'string' }, 'dry-run': { type: 'boolean' }, verbose: { type: 'boolean' } },
});
const onlyLangs = args.lang ? new Set(args.lang.split(',')) : undefined;

interface Incoming {
  q: string;
  lang: Lang;
  id: string | null;
}

// Every development question set (tests/eval/questions*.jsonl), not the held-out ones in tests/eval/heldout/.
const DEV_FILES = readdirSync(join(ROOT, 'tests/eval')).filter((f) => /^questions.*\.jsonl$/.test(f)).map((f) => `tests/eval/${f}`);

/** How close to a development question is too close: shared words, or shared letters (a typo, a word more). */
const WORD_OVERLAP = 0.6;
const GRAM_COSINE = 0.8;

function readJsonLines<T>(path: string): T[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

function wordSet(text: string): Set<string> {
  return new Set(foldText(text).split(' ').filter(Boolean));
}

function grams(text: string): Map<string, number> {
  const m = new Map<string, number>();
  const padded = ` ${foldText(text)} `;
  for (let i = 0; i + 3 <= padded.length; i++) m.set(padded.slice(i, i + 3), (m.get(padded.slice(i, i + 3)) ?? 0) + 1);
  return m;
}

function norm(m: Map<string, number>): number {
  let s = 0;
  for (const v of m.values()) s += v * v;
  return Math.sqrt(s) || 1;
}

const incoming = files.flatMap((f) => readJsonLines<Incoming>(f));
const merging = new Set(incoming.map((row) => foldText(row.q)));
const dev = DEV_FILES.flatMap((f) => readJsonLines<{ q: string }>(join(ROOT, f))).filter((d) => !merging.has(foldText(d.q))).map((d) => {
  const g = grams(d.q);
  return { q: d.q, words: wordSet(d.q), grams: g, norm: norm(g) };
});

function nearDev(text: string): string | undefined {
  const words = wordSet(text);
  const g = grams(text);
  const n = norm(g);
  return dev.find((d) => {
    const shared = [...words].filter((w) => d.words.has(w)).length;
    if (shared / (words.size + d.words.size - shared || 1) >= WORD_OVERLAP) return true;
    let dot = 0;
    for (const [k, v] of g) dot += v * (d.grams.get(k) ?? 0);
    return dot / (n * d.norm) >= GRAM_COSINE;
  })?.q;
}

const { kb } = readKnowledgeBase(PATHS.knowledge);
const seen = new Set<string>();
for (const byLang of kb.entries.values()) for (const e of byLang.values()) for (const q of e.questions) seen.add(foldText(q));
for (const list of kb.outOfScope.values()) for (const q of list) seen.add(foldText(q));

/** New questions per entry file, and per language for the out-of-scope examples. */
const byFile = new Map<string, string[]>();
const outOfScope = new Map<Lang, string[]>();
const skipped = { known: 0, dev: 0, noEntry: 0 };
const added: Record<string, number> = {};

for (const row of incoming) {
  if (onlyLangs && !onlyLangs.has(row.lang)) continue;
  const text = row.q.replace(/\s+/g, ' ').trim();
  const key = foldText(text);
  if (!key || !(LANGS as readonly string[]).includes(row.lang)) continue;
  if (seen.has(key)) {
    if (args.verbose) console.log(`already there: ${text}`);
    skipped.known++;
    continue;
  }
  const entry = row.id === null ? undefined : kb.entries.get(row.id)?.get(row.lang);
  if (row.id !== null && !entry) {
    if (args.verbose) console.log(`no entry ${row.id}/${row.lang}: ${text}`);
    skipped.noEntry++;
    continue;
  }
  const close = nearDev(text);
  if (close !== undefined) {
    if (args.verbose) console.log(`near the development set: ${text}\n  ~ ${close}`);
    skipped.dev++;
    continue;
  }
  seen.add(key);
  if (entry) (byFile.get(entry.file) ?? byFile.set(entry.file, []).get(entry.file)!).push(text);
  else (outOfScope.get(row.lang) ?? outOfScope.set(row.lang, []).get(row.lang)!).push(text);
  const label = `${row.lang}${row.id === null ? ' oos' : ''}`;
  added[label] = (added[label] ?? 0) + 1;
}

if (!args['dry-run']) {
  // `questions:` closes every front matter: the new ones go just before its closing line.
  for (const [file, questions] of byFile) {
    const path = join(ROOT, file);
    const text = readFileSync(path, 'utf8');
    const close = text.indexOf('\n---', 4);
    const front = text.slice(0, close);
    if (!/\nquestions:\n( {2}- .*\n?)+$/.test(`${front}\n`)) throw new Error(`${file}: questions is not the last key of the front matter`);
    const lines = questions.map((q) => `  - ${JSON.stringify(q)}`).join('\n');
    writeFileSync(path, `${front}\n${lines}${text.slice(close)}`);
  }
  if (outOfScope.size) {
    const path = join(PATHS.knowledge, '_out-of-scope', 'examples.yaml');
    const doc = parseDocument(readFileSync(path, 'utf8'));
    for (const [lang, questions] of outOfScope) {
      if (!isSeq(doc.getIn(['examples', lang]))) doc.setIn(['examples', lang], doc.createNode([]));
      for (const q of questions) {
        const scalar = new Scalar(q);
        scalar.type = Scalar.QUOTE_DOUBLE;
        doc.addIn(['examples', lang], scalar);
      }
    }
    writeFileSync(path, doc.toString({ lineWidth: 0 }));
  }
}
console.log(`${args['dry-run'] ? 'would add' : 'added'} ${JSON.stringify(added)} to ${byFile.size} entries; skipped ${skipped.known} already there, ${skipped.dev} too close to the development set, ${skipped.noEntry} without an entry`);
