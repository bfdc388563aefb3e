/**
 * Danger first: recognises a message that describes exploitation (passport kept, locked in, forced
 * work, debt bondage), being stranded (at sea, adrift, desert, forest, no water), violence (beaten,
 * kidnapped, ransom, rape, threats) or thoughts of self-harm, in the nine languages, Arabizi, Roman
 * Urdu and Pidgin, by what is described rather than by stock phrases.
 *
 * Three voices, any of which is enough (recall first): the concept-combination rules, a classifier
 * trained at start-up on the example messages (and benign questions), and the old phrase list.
 * Self-harm wins when several kinds match; otherwise the most certain kind leads.
 *
 *   const danger = loadDangerRecogniser('knowledge/_safety', { benign: exampleQuestions });
 *   danger.detect('the engine stopped, we are drifting since yesterday') // { category: 'stranded', topic: ... }
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLASSES, classifierFromWeights, featurise, trainClassifier, type Classifier, type DangerClass } from './danger-classifier.js';
import { compileLexicon, type ConceptLexicon } from './danger-concepts.js';
import { variantsOf } from './danger-augment.js';
import { dangerTokens } from './danger-fold.js';
import { readDangerData, type DangerData } from './danger-data.js';
import { loadSafetySignals, type SafetyPhrases } from './danger-phrases.js';
import { ruleHolds } from './danger-rules.js';
import { SAFETY_CATEGORIES, type SafetyCategory, type SafetyDetector, type SafetySignal } from './danger-types.js';

export * from './danger-types.js';
export { loadSafetySignals } from './danger-phrases.js';

/** Everything the recogniser saw in a message, for tests and the bench. */
export interface DangerAnalysis {
  category: SafetyCategory | undefined;
  concepts: string[];
  byPhrase: SafetyCategory[];
  byRule: SafetyCategory[];
  probability: Record<DangerClass, number>;
}

export interface DangerOptions {
  /** Ordinary questions (the knowledge base's examples) that teach the classifier what is not danger. */
  benign?: string[];
  /** How sure the classifier alone must be. */
  threshold?: number;
  /** Where the trained classifier is kept, keyed by a hash of what it learnt from (safe to delete). */
  cacheDir?: string;
}

const NUMBERS_ONLY = /^[\p{N}\p{P}\p{Zs}]*$/u;
const QUESTION_MARK = /[?؟]/;
const LAUGHING = /[😂🤣😆😹]/u;

/** The concepts of a message: its words' and, since folding drops them, a question mark's (ASK) and a laugh's (JOKE). */
function conceptsOf(lexicon: ConceptLexicon, text: string, tokens: string[]): Set<string> {
  const concepts = lexicon.conceptsOfTokens(tokens);
  if (QUESTION_MARK.test(text) && lexicon.names.includes('ASK')) concepts.add('ASK');
  if (LAUGHING.test(text) && lexicon.names.includes('JOKE')) concepts.add('JOKE');
  return concepts;
}
/** Concepts of a threat to kill or harm the writer (someone else's words, not the writer's wish). */
const THREAT_OF_DEATH = ['KILL-THREAT', 'WILL-KILL', 'HARM-THREAT'];
/** Concepts of a journey or of being held on the way: with them, violence is what the smugglers' entry speaks of. */
const ON_THE_WAY = ['SMUGGLER', 'KIDNAP', 'RANSOM', 'FAMILY-PAY', 'TORTURE', 'DETENTION', 'BOAT', 'SEA', 'WILD', 'TRUCK', 'ABANDONED', 'STUCK', 'LOST'];
/** The concepts of how a message is said (a question mark, a laugh), not of what it tells. */
const MANNER = ['ASK', 'JOKE'];
/** How sure the classifier alone must be about a message whose concepts only set a scene. */
const SCENE_ONLY_THRESHOLD = 0.85;

export class DangerRecogniser implements SafetyDetector {
  constructor(
    private readonly lexicon: ConceptLexicon,
    private readonly data: Pick<DangerData, 'rules' | 'scene' | 'ordinary' | 'asking' | 'over'>,
    private readonly classifier: Classifier,
    private readonly phrases: SafetyPhrases,
    private readonly threshold = 0.5,
  ) {}

  analyse(text: string): DangerAnalysis {
    const tokens = dangerTokens(text);
    const concepts = conceptsOf(this.lexicon, text, tokens);
    const p = this.classifier.probabilities(featurise(tokens, concepts));
    const probability = Object.fromEntries(CLASSES.map((c, k) => [c, p[k]!])) as Record<DangerClass, number>;
    // News of a shipwreck or a story that ended: about danger, not the writer's now; self-harm still counts.
    const over = this.data.over.some((r) => ruleHolds(r, concepts));
    const stillCounts = (c: SafetyCategory) => !over || c === 'selfharm';
    const asking = this.data.asking.some((r) => ruleHolds(r, concepts));
    const ordinary = over || asking || this.data.ordinary.some((c) => concepts.has(c));
    // A stock phrase in an ordinary question ("the embassy kept my passport for the visa, how long?")
    // counts only if the classifier does not read the whole message as ordinary; in a question
    // about risks ("is the sea crossing dangerous?") never.
    const byPhrase = [...this.phrases.matches(text)].filter((c) => stillCounts(c) && !asking && (!ordinary || probability.none < 0.5));
    const byRule = [...new Set(this.data.rules.filter((r) => ruleHolds(r.rule, concepts)).map((r) => r.category))].filter(stillCounts);
    const backed = SAFETY_CATEGORIES.filter((c) => byPhrase.includes(c) || byRule.includes(c));
    // The classifier alone speaks only about a message that mentions nothing ordinary, and either
    // something dangerous or only a scene (a border, a boat, a debt) but then it must be very sure.
    // A message without any concept ("po po", a name) is never the classifier's alone.
    // A word or two that only set a scene (a menu label "work", "boat") are never the classifier's alone.
    // A question mark or a laugh says how something is said, not what happened: never danger of itself ("j appelle qui??").
    const dangerous = [...concepts].some((c) => !this.data.scene.includes(c) && !MANNER.includes(c));
    const needed = dangerous ? this.threshold : SCENE_ONLY_THRESHOLD;
    const sceneLabel = !dangerous && tokens.length <= 2;
    const guessed = ordinary || sceneLabel || !concepts.size ? [] : SAFETY_CATEGORIES.filter((c) => probability[c] >= needed);
    // Someone threatening the writer with death ("he said he would kill me") is violence that a rule
    // backs: the classifier alone, misled by the words of dying, does not turn it into self-harm.
    const threatened = byRule.includes('violence') && THREAT_OF_DEATH.some((c) => concepts.has(c));
    const guesses = threatened ? guessed.filter((c) => c !== 'selfharm') : guessed;
    return { category: choose(backed, guesses, probability), concepts: [...concepts].sort(), byPhrase, byRule, probability };
  }

  detect(text: string): SafetySignal | undefined {
    // A menu number or a time ("3", "10:30"): nothing in it can describe danger, and no phrase is made of it.
    if (NUMBERS_ONLY.test(text)) return undefined;
    const { category, concepts, byPhrase, byRule } = this.analyse(text);
    if (!category) return undefined;
    const guessed = !byPhrase.includes(category) && !byRule.includes(category);
    const atSea = concepts.includes('BOAT') || concepts.includes('SEA');
    // Violence with nothing of a journey in it ("my husband hits me"): the guidance and a person, not the smugglers' entry.
    const fits = category !== 'violence' || ON_THE_WAY.some((c) => concepts.includes(c));
    return { category, ...(fits ? { topic: this.phrases.topics[category] } : {}), ...(atSea ? { atSea } : {}), ...(guessed ? { guessed } : {}) };
  }
}

/**
 * Self-harm wins whenever a rule or a phrase backs it, or when the classifier guesses it more surely
 * than any kind a rule backs. Otherwise a kind that a rule or a phrase backs beats the classifier's guess; among backed kinds, exploitation yields to any other (a worker beaten or
 * threatened with death is first in violence, one abandoned in the desert is first stranded), and
 * the classifier breaks the remaining ties.
 */
function choose(backed: SafetyCategory[], guessed: SafetyCategory[], probability: Record<DangerClass, number>): SafetyCategory | undefined {
  const surest = Math.max(0, ...backed.map((c) => probability[c]));
  if (backed.includes('selfharm') || (guessed.includes('selfharm') && probability.selfharm > surest)) return 'selfharm';
  const pool = backed.length ? (backed.length > 1 ? backed.filter((c) => c !== 'exploitation') : backed) : guessed;
  return [...pool].sort((a, b) => probability[b] - probability[a])[0];
}

/** Builds the recogniser from `knowledge/_safety/` (signals.yaml, concepts.yaml, examples/). */
export function loadDangerRecogniser(dir: string, opts: DangerOptions = {}): DangerRecogniser {
  const phrases = loadSafetySignals(join(dir, 'signals.yaml'));
  const data = readDangerData(dir);
  const lexicon = compileLexicon(data.lexicon);
  const key = createHash('sha256').update(MODEL_VERSION).update(readFileSync(join(dir, 'signals.yaml'), 'utf8'));
  for (const text of [...data.sources, ...(opts.benign ?? [])]) key.update('\0').update(text);
  const cached = opts.cacheDir && join(opts.cacheDir, `danger-${key.digest('hex').slice(0, 16)}.bin`);
  let classifier: Classifier;
  if (cached && existsSync(cached)) {
    const bytes = readFileSync(cached);
    classifier = classifierFromWeights(new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4));
  } else {
    classifier = train(data, lexicon, phrases, opts.benign ?? []);
    if (cached) {
      mkdirSync(opts.cacheDir!, { recursive: true });
      writeFileSync(`${cached}.tmp`, classifier.weights);
      renameSync(`${cached}.tmp`, cached);
    }
  }
  return new DangerRecogniser(lexicon, data, classifier, phrases, opts.threshold);
}

/** Changes when the features or the training change, so that an old cached model is not reused. */
const MODEL_VERSION = 'danger-4';

function train(data: DangerData, lexicon: ConceptLexicon, phrases: SafetyPhrases, benign: string[]): Classifier {
  const example = (text: string, label: DangerClass) => {
    const tokens = dangerTokens(text);
    const concepts = conceptsOf(lexicon, text, tokens);
    return { features: featurise(tokens, concepts), label, concepts };
  };
  // Each example also teaches its other spellings: Arabizi, Roman Urdu, typos, chat shorthand.
  const taught: { text: string; lang: string; label: DangerClass }[] = [
    ...data.examples.map((e) => ({ text: e.text, lang: e.lang, label: e.category ?? ('none' as const) })),
    ...phrases.phrases.map((p) => ({ text: p.text, lang: p.lang, label: p.category })),
  ];
  const training = taught.flatMap((e) => [e.text, ...variantsOf(e.text, e.lang)].map((text) => example(text, e.label)));
  // A benign question that a rule would flag is not taught as benign: it may be a cry for help.
  for (const q of benign) {
    const e = example(q, 'none');
    if (!data.rules.some((r) => ruleHolds(r.rule, e.concepts))) training.push(e);
  }
  return trainClassifier(training);
}
