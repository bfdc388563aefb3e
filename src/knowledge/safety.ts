/**
 * Messages that signal danger (a passport taken, someone at sea, violence, thoughts of suicide)
 * are recognised before anything else, from the phrases in `knowledge/_safety/signals.yaml`: they
 * always get safety guidance first, the matching entry, and the immediate offer of a person.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { WegweiserError } from '../core/errors.js';
import { LANGS } from '../core/lang.js';
import { foldText } from '../core/normalize.js';

export const SAFETY_CATEGORIES = ['exploitation', 'stranded', 'violence', 'selfharm'] as const;
export type SafetyCategory = (typeof SAFETY_CATEGORIES)[number];

/** The guidance each danger leads with (locales/<lang>/safety.json). */
export const SAFETY_TEXT_KEYS: Record<SafetyCategory, string> = {
  exploitation: 'safety.exploitation',
  stranded: 'safety.stranded',
  violence: 'safety.violence',
  selfharm: 'safety.selfharm',
};

const signalsSchema = z.object({
  categories: z.record(
    z.enum(SAFETY_CATEGORIES),
    z.object({ topic: z.string(), phrases: z.partialRecord(z.enum(LANGS), z.array(z.coerce.string())) }),
  ),
});

export interface SafetySignal {
  category: SafetyCategory;
  topic: string;
}

export interface SafetyDetector {
  detect(text: string): SafetySignal | undefined;
}

export function loadSafetySignals(file: string): SafetyDetector {
  if (!existsSync(file)) return { detect: () => undefined };
  const parsed = signalsSchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new WegweiserError('KNOWLEDGE_INVALID', parsed.error.issues.map((i) => `${file}: ${i.path.join('.')}: ${i.message}`));
  const phrases: { phrase: string; signal: SafetySignal }[] = [];
  for (const [category, { topic, phrases: byLang }] of Object.entries(parsed.data.categories)) {
    for (const list of Object.values(byLang)) {
      for (const p of list ?? []) {
        const phrase = foldText(p);
        if (phrase) phrases.push({ phrase: ` ${phrase} `, signal: { category: category as SafetyCategory, topic } });
      }
    }
  }
  // Self-harm first: when a message says several things, the most urgent guidance leads.
  const priority: SafetyCategory[] = ['selfharm', 'stranded', 'violence', 'exploitation'];
  phrases.sort((a, b) => priority.indexOf(a.signal.category) - priority.indexOf(b.signal.category));
  return {
    detect(text) {
      const folded = ` ${foldText(text)} `;
      return phrases.find((p) => folded.includes(p.phrase))?.signal;
    },
  };
}
