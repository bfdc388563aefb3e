/**
 * `npm run kb:check`: what makes the knowledge base fit to answer people. Errors block (and fail
 * `npm test`); warnings say what needs a look soon (a review older than 12 months).
 */
import { CORE_LANGS, LANGS, type Lang } from '../core/lang.js';
import { foldText } from '../core/normalize.js';
import { countWords, MIN_QUESTIONS, SHORT_ANSWER_MAX_CHARS, SHORT_ANSWER_WORDS_MAX, SHORT_ANSWER_WORDS_PENDING, SHORT_ANSWER_WORDS_WARN } from './entry.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Translate } from '../core/actions.js';
import { createTexts, loadLocales } from '../i18n/index.js';
import { checkFigures, germanDay, renderFigures } from './figures.js';
import { readKnowledgeBase, type KnowledgeBase } from './load.js';
import { topicParent } from './parents.js';
import { checkLinks, checkSources, loadSourceAllowList } from './sources.js';

export interface CheckReport {
  errors: string[];
  warnings: string[];
  topics: number;
  files: number;
  questions: number;
  /** Words of the short answer (the first reply) per language, as read on the day checked. */
  shortWords: Partial<Record<Lang, WordStats>>;
}

export interface WordStats {
  files: number;
  median: number;
  max: number;
  /** The entry with the most words. */
  longest: string;
}

const REVIEW_MAX_AGE_DAYS = 365;

/** The texts that render figures: the locales next to the knowledge folder. */
function localeTexts(dir: string): Translate | undefined {
  const locales = join(dir, '..', 'locales');
  return existsSync(locales) ? createTexts(loadLocales(locales)).t : undefined;
}

/** `now`: the day the figures and review dates are checked as of (kb:check --today). */
export function checkKnowledgeBase(dir: string, now = new Date()): CheckReport {
  const { kb, problems } = readKnowledgeBase(dir);
  const errors = [...problems];
  const warnings: string[] = [];
  const day = germanDay(now);
  const t = localeTexts(dir);
  const allowFile = join(dir, '_sources.yaml');
  const allowList = existsSync(allowFile) ? loadSourceAllowList(allowFile) : undefined;
  if (!allowList) errors.push(`${allowFile}: missing (the official domains and the reasoned exceptions for sources)`);
  const questionOwner = new Map<string, string>();
  let files = 0;
  let questions = 0;
  const wordsByLang = new Map<Lang, { file: string; words: number }[]>();
  for (const topic of kb.topics) {
    const byLang = kb.entries.get(topic.id);
    for (const lang of CORE_LANGS) if (!byLang?.has(lang)) errors.push(`knowledge/${topic.id}: no ${lang}.md (every topic needs ${CORE_LANGS.join(', ')})`);
    for (const lang of LANGS) if (!byLang?.has(lang) && !CORE_LANGS.includes(lang)) errors.push(`knowledge/${topic.id}: no ${lang}.md (at least the short answer and questions)`);
  }
  const known = new Set(kb.topics.map((t) => t.id));
  for (const [id, byLang] of kb.entries) {
    if (!known.has(id)) warnings.push(`knowledge/${id}: not in knowledge/topics.yaml`);
    for (const entry of byLang.values()) {
      files += 1;
      questions += entry.questions.length;
      // As the person reads it on that day, figures written out.
      const shown = t ? renderFigures(entry.short, kb.figures, t, entry.lang, day) : entry.short;
      const length = [...shown].length;
      const words = countWords(shown);
      (wordsByLang.get(entry.lang) ?? wordsByLang.set(entry.lang, []).get(entry.lang)!).push({ file: entry.file, words });
      if (words > SHORT_ANSWER_WORDS_MAX) (SHORT_ANSWER_WORDS_PENDING.includes(entry.lang) ? warnings : errors).push(`${entry.file}: the short answer has ${words} words (about ${SHORT_ANSWER_WORDS_WARN} at most: one idea, the next step, one link; the rest goes after <!-- more -->)`);
      else if (words > SHORT_ANSWER_WORDS_WARN) warnings.push(`${entry.file}: the short answer has ${words} words (about ${SHORT_ANSWER_WORDS_WARN} at most; move the rest after <!-- more -->)`);
      if (!length) errors.push(`${entry.file}: no short answer`);
      if (length > SHORT_ANSWER_MAX_CHARS) errors.push(`${entry.file}: the short answer has ${length} characters (at most ${SHORT_ANSWER_MAX_CHARS}, one WhatsApp message)`);
      if (CORE_LANGS.includes(entry.lang) && !entry.details) errors.push(`${entry.file}: a full entry needs details after <!-- more -->`);
      if (entry.questions.length < MIN_QUESTIONS) errors.push(`${entry.file}: ${entry.questions.length} example questions (at least ${MIN_QUESTIONS})`);
      if (/\]\((https?:|www\.)/.test(entry.short + entry.details)) errors.push(`${entry.file}: a Markdown link; chat text shows a URL alone on its line`);
      for (const line of danglingColons(`${entry.short}\n\n${entry.details}`)) errors.push(`${entry.file}: "${line.slice(-60)}" ends in a colon with nothing after it (a link taken out?): finish the sentence`);
      if (allowList) errors.push(...checkSources(entry, allowList));
      const links = checkLinks(entry);
      errors.push(...links.errors);
      warnings.push(...links.warnings);
      const age = (now.getTime() - Date.parse(entry.reviewed)) / 86_400_000;
      if (age > REVIEW_MAX_AGE_DAYS) warnings.push(`${entry.file}: reviewed ${entry.reviewed}, more than 12 months ago`);
      if (age < -1) errors.push(`${entry.file}: reviewed ${entry.reviewed} is in the future`);
      for (const q of entry.questions) {
        const key = foldText(q);
        const owner = questionOwner.get(key);
        if (owner && owner !== id) errors.push(`${entry.file}: question "${q}" is also in ${owner}`);
        questionOwner.set(key, id);
      }
    }
  }
  const texts = [...kb.entries.values()].flatMap((byLang) => [...byLang.values()].map((e) => ({ file: e.file, text: `${e.short}\n${e.details}` })));
  const figures = checkFigures(kb.figures, texts, day);
  errors.push(...figures.errors);
  warnings.push(...figures.warnings);
  errors.push(...parentProblems(kb));
  return { errors, warnings, topics: kb.entries.size, files, questions, shortWords: wordStats(wordsByLang) };
}

function wordStats(byLang: Map<Lang, { file: string; words: number }[]>): Partial<Record<Lang, WordStats>> {
  const stats: Partial<Record<Lang, WordStats>> = {};
  for (const lang of LANGS) {
    const counts = [...(byLang.get(lang) ?? [])].sort((a, b) => a.words - b.words);
    if (!counts.length) continue;
    const mid = Math.floor(counts.length / 2);
    const median = counts.length % 2 ? counts[mid]!.words : (counts[mid - 1]!.words + counts[mid]!.words) / 2;
    stats[lang] = { files: counts.length, median, max: counts.at(-1)!.words, longest: counts.at(-1)!.file };
  }
  return stats;
}

/**
 * A `parent` names an existing broader topic, the same in every language, one level deep: the
 * benchmark counts an answer with the child as right for the parent's questions.
 */
function parentProblems(kb: KnowledgeBase): string[] {
  const problems: string[] = [];
  for (const [id, byLang] of kb.entries) {
    const parent = topicParent(kb, id);
    if (!parent) continue;
    for (const entry of byLang.values()) {
      if (entry.parent !== parent) problems.push(`${entry.file}: parent "${entry.parent ?? ''}" differs from "${parent}" in the topic's other languages`);
    }
    const file = [...byLang.values()][0]!.file;
    if (parent === id) problems.push(`${file}: parent is the topic itself`);
    else if (!kb.entries.has(parent)) problems.push(`${file}: parent "${parent}" is not a topic of the knowledge base`);
    else if (topicParent(kb, parent)) problems.push(`${file}: parent "${parent}" has a parent itself (one level only)`);
  }
  return problems;
}

/** Lines that announce something (end in a colon) followed by nothing: a blank line or the end, not a list, a step or a link. */
export function danglingColons(text: string): string[] {
  const lines = text.split('\n');
  return lines.filter((line, i) => /[:：]\s*$/.test(line) && !/^\s*(?:[-•*]\s|\d+[.)]\s|https?:\/\/)/.test(lines.slice(i + 1).find((l) => l.trim()) ?? '') && !(lines[i + 1] ?? '').trim() && !/^\s*(?:[-•*]|\d+[.)])\s/.test(line)).map((l) => l.trim());
}
