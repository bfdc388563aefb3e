/**
 * Reads what the danger recogniser knows from `knowledge/_safety/`: the concept lexicon and its
 * rules (`concepts.yaml`), and the example messages (`examples/<lang>.yaml`: danger of each kind
 * and benign look-alikes, as people type them).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYamlCached } from '../core/yaml-file.js';
import { z } from 'zod';
import { WegweiserError } from '../core/errors.js';
import { SAFETY_CATEGORIES, type SafetyCategory } from './danger-types.js';
import { parseRule, ruleConcepts, type ConceptRule } from './danger-rules.js';

const conceptsSchema = z.object({
  // Words of a concept by language or spelling (en, ar, arabizi, roman-ur, pcm...): all are matched.
  concepts: z.record(z.string(), z.record(z.string(), z.array(z.coerce.string()))),
  rules: z.partialRecord(z.enum(SAFETY_CATEGORIES), z.array(z.string())),
  // Concepts that set a scene but describe no danger alone: the classifier needs another one to speak.
  scene: z.array(z.string()).default([]),
  // Concepts that make a message ordinary (a tour, a film): the classifier alone is not trusted then.
  ordinary: z.array(z.string()).default([]),
  // Combinations (rule syntax) of a message that asks ABOUT danger: read as ordinary.
  asking: z.array(z.string()).default([]),
  // Combinations of a message about danger that is not the writer's now (news, a story that ended).
  over: z.array(z.string()).default([]),
});

const examplesSchema = z.object({
  lang: z.string(),
  examples: z.partialRecord(z.enum([...SAFETY_CATEGORIES, 'benign']), z.array(z.coerce.string())),
});

export interface DangerExample {
  text: string;
  category: SafetyCategory | null;
  lang: string;
}

export interface DangerData {
  lexicon: Record<string, string[]>;
  rules: { category: SafetyCategory; rule: ConceptRule }[];
  examples: DangerExample[];
  scene: string[];
  ordinary: string[];
  /** A message that asks about danger (a question about risks): the classifier alone and the phrases keep quiet. */
  asking: ConceptRule[];
  /** A message about danger that is over or someone else's (news, a resolved story): only self-harm still counts. */
  over: ConceptRule[];
  /** The text of every file read, to key a cached model. */
  sources: string[];
}

function invalid(file: string, issues: string[]): never {
  throw new WegweiserError('KNOWLEDGE_INVALID', issues.map((i) => `${file}: ${i}`));
}

export function readDangerData(dir: string): DangerData {
  const file = join(dir, 'concepts.yaml');
  const data: DangerData = { lexicon: {}, rules: [], examples: [], scene: [], ordinary: [], asking: [], over: [], sources: [] };
  if (existsSync(file)) {
    const text = readFileSync(file, 'utf8');
    data.sources.push(text);
    const parsed = conceptsSchema.safeParse(parseYamlCached(text));
    if (!parsed.success) invalid(file, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
    for (const [name, byLang] of Object.entries(parsed.data.concepts)) data.lexicon[name] = Object.values(byLang).flat();
    for (const [category, list] of Object.entries(parsed.data.rules) as [SafetyCategory, string[]][]) {
      for (const source of list) data.rules.push({ category, rule: parseRule(source) });
    }
    data.scene = parsed.data.scene;
    data.ordinary = parsed.data.ordinary;
    data.asking = parsed.data.asking.map(parseRule);
    data.over = parsed.data.over.map(parseRule);
    const unknown = [
      ...[...data.rules.map((r) => r.rule), ...data.asking, ...data.over].flatMap((rule) => ruleConcepts(rule).filter((c) => !(c in data.lexicon)).map((c) => `rule "${rule.source}": no concept ${c}`)),
      ...[...data.scene, ...data.ordinary].filter((c) => !(c in data.lexicon)).map((c) => `scene/ordinary: no concept ${c}`),
    ];
    if (unknown.length) invalid(file, unknown);
  }
  const folder = join(dir, 'examples');
  if (existsSync(folder)) {
    for (const name of readdirSync(folder).filter((f) => f.endsWith('.yaml')).sort()) {
      const path = join(folder, name);
      const text = readFileSync(path, 'utf8');
      data.sources.push(name, text);
      const parsed = examplesSchema.safeParse(parseYamlCached(text));
      if (!parsed.success) invalid(path, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
      for (const [key, list] of Object.entries(parsed.data.examples)) {
        for (const text of list ?? []) data.examples.push({ text, lang: parsed.data.lang, category: key === 'benign' ? null : (key as SafetyCategory) });
      }
    }
  }
  return data;
}
