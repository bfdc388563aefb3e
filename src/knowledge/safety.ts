/**
 * Messages that signal danger (a passport taken, someone at sea, violence, thoughts of suicide)
 * are recognised before anything else (src/understanding/danger.ts): they always get safety
 * guidance first, the matching entry, and the immediate offer of a person.
 */
import { loadDangerRecogniser, loadSafetySignals, type DangerOptions, type DangerRecogniser } from '../understanding/danger.js';
import type { KnowledgeBase } from './load.js';

export { SAFETY_CATEGORIES, SAFETY_TEXT_KEYS, loadSafetySignals } from '../understanding/danger.js';
export type { SafetyCategory, SafetyDetector, SafetySignal } from '../understanding/danger.js';

/**
 * How many of an entry's example questions (the first ones) teach the danger recogniser what an
 * ordinary question looks like. Fixed, so that questions added to an entry later (at the end of its
 * list) sharpen the retriever without moving the danger recogniser across its threshold.
 */
export const BENIGN_QUESTIONS_PER_ENTRY = 25;

/**
 * The danger recogniser of `knowledge/_safety/`, also taught what ordinary questions look like by
 * the out-of-scope examples and the first example questions of every entry but those the danger guidance points to.
 */
export function loadDangerForKnowledge(kb: KnowledgeBase, dir: string, opts: Omit<DangerOptions, 'benign'> = {}): DangerRecogniser {
  const dangerTopics = new Set(Object.values(loadSafetySignals(`${dir}/signals.yaml`).topics));
  const benign: string[] = [];
  for (const [id, byLang] of kb.entries) if (!dangerTopics.has(id)) for (const e of byLang.values()) benign.push(...e.questions.slice(0, BENIGN_QUESTIONS_PER_ENTRY));
  for (const list of kb.outOfScope.values()) benign.push(...list);
  return loadDangerRecogniser(dir, { ...opts, benign });
}
