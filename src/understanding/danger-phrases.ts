/**
 * The stock phrases of `knowledge/_safety/signals.yaml` (case, accents and Arabic letter variants
 * ignored; whole words). One input of the danger recogniser among others, and the baseline it is
 * measured against.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseYamlCached } from '../core/yaml-file.js';
import { z } from 'zod';
import { WegweiserError } from '../core/errors.js';
import { LANGS, type Lang } from '../core/lang.js';
import { foldText } from '../core/normalize.js';
import { SAFETY_CATEGORIES, SAFETY_PRIORITY, type SafetyCategory, type SafetyDetector, type SafetySignal } from './danger-types.js';

const signalsSchema = z.object({
  categories: z.record(
    z.enum(SAFETY_CATEGORIES),
    z.object({ topic: z.string(), phrases: z.partialRecord(z.enum(LANGS), z.array(z.coerce.string())) }),
  ),
});

export interface SafetyPhrases extends SafetyDetector {
  /** The entry that helps with each category. */
  topics: Record<SafetyCategory, string>;
  /** Every phrase with its category and language, to learn from. */
  phrases: { text: string; category: SafetyCategory; lang: Lang }[];
  /** Every category whose phrases the message contains. */
  matches(text: string): Set<SafetyCategory>;
}

const DEFAULT_TOPICS: Record<SafetyCategory, string> = {
  exploitation: 'risks-trafficking',
  stranded: 'risks-irregular-journey',
  violence: 'risks-smuggling',
  selfharm: 'return-psychosocial',
};

export function loadSafetySignals(file: string): SafetyPhrases {
  const topics = { ...DEFAULT_TOPICS };
  const phrases: SafetyPhrases['phrases'] = [];
  if (existsSync(file)) {
    const parsed = signalsSchema.safeParse(parseYamlCached(readFileSync(file, 'utf8')));
    if (!parsed.success) throw new WegweiserError('KNOWLEDGE_INVALID', parsed.error.issues.map((i) => `${file}: ${i.path.join('.')}: ${i.message}`));
    for (const [category, { topic, phrases: byLang }] of Object.entries(parsed.data.categories) as [SafetyCategory, { topic: string; phrases: Partial<Record<Lang, string[]>> }][]) {
      topics[category] = topic;
      for (const [lang, list] of Object.entries(byLang) as [Lang, string[]][]) for (const text of list) phrases.push({ text, category, lang });
    }
  }
  const folded = phrases.map((p) => ({ phrase: ` ${foldText(p.text)} `, category: p.category })).filter((p) => p.phrase.trim());
  folded.sort((a, b) => SAFETY_PRIORITY.indexOf(a.category) - SAFETY_PRIORITY.indexOf(b.category));
  const matches = (text: string): Set<SafetyCategory> => {
    const padded = ` ${foldText(text)} `;
    return new Set(folded.filter((p) => padded.includes(p.phrase)).map((p) => p.category));
  };
  return {
    topics,
    phrases,
    matches,
    detect(text): SafetySignal | undefined {
      const padded = ` ${foldText(text)} `;
      const hit = folded.find((p) => padded.includes(p.phrase));
      return hit && { category: hit.category, topic: topics[hit.category] };
    },
  };
}
