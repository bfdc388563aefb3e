/**
 * `npm run bench:understanding`: how well the understanding layer reads messages, per language.
 *
 * Danger: for each danger set (the development sets tests/eval/danger-dev*.jsonl, and
 * tests/eval/heldout/danger-*.jsonl when present, or the files given), lines {"text", "lang", "variant", "category"} with category
 * null for benign look-alikes: recall per category (right category, and any category), false
 * alarms on the benign ones, beside the old phrase list alone measured in the same run, and
 * latency (p50/p95). Each section is one function returning rows, so others (questions) add theirs.
 *
 *   npm run bench:understanding                      every set found
 *   npm run bench:understanding -- tests/eval/x.jsonl  only these files
 *   npm run bench:understanding -- --json            one JSON object instead of tables
 *   npm run bench:understanding -- --errors          also lists the messages read wrongly
 *   npm run bench:understanding -- --half tune       only the tune (or check) half of each set, split by
 *                                                    a hash of the text (as bench:kb): tune looking at
 *                                                    one half, report the other only as figures
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { loadKnowledgeBase } from '../src/knowledge/load.js';
import { loadDangerForKnowledge } from '../src/knowledge/safety.js';
import { PATHS, ROOT } from '../src/paths.js';
import { loadSafetySignals, SAFETY_CATEGORIES, type SafetyCategory, type SafetyDetector } from '../src/understanding/danger.js';
import { halfOf, parseHalf } from './eval-half.js';

const { values: args, positionals } = parseArgs({ allowPositionals: true, options: { json: { type: 'boolean' }, errors: { type: 'boolean' }, half: { type: 'string' } } });
const half = parseHalf(args.half);

interface DangerCase {
  text: string;
  lang: string;
  variant?: string | null;
  category: SafetyCategory | null;
}

interface Tally {
  /** Danger messages of each category, and how many got that category / any category. */
  danger: Record<SafetyCategory, { n: number; right: number; any: number }>;
  benign: { n: number; alarms: number };
}

const emptyTally = (): Tally => ({
  danger: Object.fromEntries(SAFETY_CATEGORIES.map((c) => [c, { n: 0, right: 0, any: 0 }])) as Tally['danger'],
  benign: { n: 0, alarms: 0 },
});

function readCases(file: string): DangerCase[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as DangerCase)
    .filter((c) => !half || halfOf(c.text) === half);
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0;
}

function dangerSets(): string[] {
  if (positionals.length) return positionals;
  // Every development set (danger-dev, danger-dev7, danger-dev8...), oldest first.
  const dev = join(ROOT, 'tests/eval');
  const sets = readdirSync(dev)
    .filter((f) => /^danger-dev\d*\.jsonl$/.test(f))
    .sort((a, b) => a.length - b.length || a.localeCompare(b))
    .map((f) => join(dev, f));
  const heldout = join(ROOT, 'tests/eval/heldout');
  if (existsSync(heldout)) sets.push(...readdirSync(heldout).filter((f) => /^danger-.*\.jsonl$/.test(f)).sort().map((f) => join(heldout, f)));
  return sets;
}

interface DangerRun {
  byLang: Map<string, Tally>;
  all: Tally;
  p50: number;
  p95: number;
  errors: { text: string; lang: string; expected: SafetyCategory | null; got: SafetyCategory | null }[];
}

function runDanger(detector: SafetyDetector, cases: DangerCase[]): DangerRun {
  const byLang = new Map<string, Tally>();
  const all = emptyTally();
  const times: number[] = [];
  const errors: DangerRun['errors'] = [];
  for (const c of cases) {
    const start = performance.now();
    const got = detector.detect(c.text)?.category ?? null;
    times.push(performance.now() - start);
    const key = c.variant ? `${c.lang}/${c.variant}` : c.lang;
    if (!byLang.has(key)) byLang.set(key, emptyTally());
    for (const t of [byLang.get(key)!, all]) {
      if (c.category) {
        const d = t.danger[c.category];
        d.n++;
        if (got === c.category) d.right++;
        if (got) d.any++;
      } else {
        t.benign.n++;
        if (got) t.benign.alarms++;
      }
    }
    if (got !== c.category) errors.push({ text: c.text, lang: key, expected: c.category, got });
  }
  times.sort((a, b) => a - b);
  return { byLang, all, p50: percentile(times, 50), p95: percentile(times, 95), errors };
}

const pct = (a: number, n: number) => (n ? `${Math.round((100 * a) / n)}%` : '-');

function summary(t: Tally) {
  const n = SAFETY_CATEGORIES.reduce((s, c) => s + t.danger[c].n, 0);
  const right = SAFETY_CATEGORIES.reduce((s, c) => s + t.danger[c].right, 0);
  const any = SAFETY_CATEGORIES.reduce((s, c) => s + t.danger[c].any, 0);
  return { n, right, any, benign: t.benign.n, alarms: t.benign.alarms };
}

function dangerTable(name: string, runs: Record<string, DangerRun>): string[] {
  const lines = [`danger: ${name}`];
  const head = ['lang', 'n', ...SAFETY_CATEGORIES.map((c) => c.slice(0, 8)), 'right', 'any', 'benign', 'alarms'];
  for (const [label, run] of Object.entries(runs)) {
    lines.push('', `  ${label} (p50 ${run.p50.toFixed(3)} ms, p95 ${run.p95.toFixed(3)} ms)`, '  ' + head.map((h) => h.padEnd(9)).join(''));
    const rows = [...[...run.byLang].sort(([a], [b]) => a.localeCompare(b)), ['all', run.all] as const];
    for (const [lang, t] of rows) {
      const s = summary(t);
      const cells = [lang, String(s.n), ...SAFETY_CATEGORIES.map((c) => pct(t.danger[c].right, t.danger[c].n)), pct(s.right, s.n), pct(s.any, s.n), String(s.benign), pct(s.alarms, s.benign)];
      lines.push('  ' + cells.map((x) => `${x} `.padEnd(9)).join(''));
    }
  }
  return lines;
}

const kb = loadKnowledgeBase(PATHS.knowledge);
const t0 = performance.now();
const recogniser = loadDangerForKnowledge(kb, PATHS.safety, { cacheDir: PATHS.cache });
const buildMs = performance.now() - t0;
const baseline = loadSafetySignals(join(PATHS.safety, 'signals.yaml'));

const report: Record<string, unknown> = { danger: {} as Record<string, unknown>, dangerBuildMs: Math.round(buildMs) };
const out: string[] = [`danger recogniser built in ${Math.round(buildMs)} ms`];
for (const file of dangerSets()) {
  const name = relative(ROOT, file) + (half ? ` (${half} half)` : '');
  const cases = readCases(file);
  const runs = { recogniser: runDanger(recogniser, cases), 'baseline (phrase list)': runDanger(baseline, cases) };
  (report.danger as Record<string, unknown>)[name] = Object.fromEntries(
    Object.entries(runs).map(([label, run]) => [
      label,
      { all: summary(run.all), byCategory: run.all.danger, byLang: Object.fromEntries([...run.byLang].map(([l, t]) => [l, { ...summary(t), byCategory: t.danger }])), p50Ms: run.p50, p95Ms: run.p95 },
    ]),
  );
  out.push('', ...dangerTable(name, runs));
  // A held-out set is reported only as figures: its messages are never printed.
  const heldOut = relative(ROOT, file).startsWith('tests/eval/heldout');
  if (args.errors && !heldOut) for (const e of runs.recogniser.errors) out.push(`  ✗ [${e.lang}] expected ${e.expected ?? 'none'}, got ${e.got ?? 'none'}: ${e.text}`);
}

console.log(args.json ? JSON.stringify(report) : out.join('\n'));
