/**
 * The part of an entry that answers a follow-up. "blocked account kya hota hai aur kitne paise?"
 * right after the study answer, "ch7al dyal flous khassni nkoun kanrbe7?" after family
 * reunification: the topic is the same, so the short answer again (word for word) tells the person
 * nothing new. The entry's details are cut into passages (paragraphs, a heading with its lines) and
 * the one that shares most with the question is shown: the same concepts (money, duration,
 * language... in any language and script, so Arabizi finds Arabic text) and the same rare words.
 *
 *   bestPassage(studyDetails, 'how much money in the blocked account') // "3. Proof of funds: usually a blocked account…"
 */
import { conceptsOf } from './concepts.js';
import { tokens } from './features.js';

/** Asking how much: a passage with an amount answers it; how long: one with a length of time. */
const ASKS_AMOUNT = new Set(['cost', 'fee', 'money', 'salary']);
const AMOUNT = /\d[\d.,\s]*\s?(?:eur|euro|euros|evra|evro|eura|€|usd|\$|dollars?|يورو|یورو|dinars?|dirhams?|rupees|rupiah)|(?:eur|€)\s?\d/iu;
const LENGTH_OF_TIME = /\d+\s?(?:months?|years?|weeks?|days?|mois|ans?|semaines?|jours?|monat\w*|jahr\w*|woche\w*|tag\w*|mes(?:es)?|años?|semanas?|días?|muaj|vjet|vite|jav\w*|dit\w*|mesec\w*|godin\w*|nedelj\w*|dan\w*|bulan|tahun|minggu|hari|شهر|أشهر|اشهر|شهور|سنة|سنوات|سنه|أسابيع|اسابيع|أيام|ايام|مہینے|مہینوں|ماہ|سال|ہفتے|دن)/iu;
/** A sentence of the answer just shown weighs this much against the details' passages. */
const READ_AGAIN = 0.6;
/** Below this a passage shares too little with the question to be its answer. */
const MIN_SCORE = 2;
/** One phone screen, like a details message. */
const MAX_CHARS = 700;

interface Passage {
  text: string;
  words: Set<string>;
  concepts: Set<string>;
  hasAmount: boolean;
  hasLengthOfTime: boolean;
}

/** The details' passages: paragraphs, a bare link kept with the paragraph before it. */
export function passagesOf(details: string): string[] {
  const out: string[] = [];
  for (const block of details.split(/\n{2,}/).map((b) => b.trim()).filter(Boolean)) {
    if (/^https?:\/\/\S+$/.test(block) && out.length) out[out.length - 1] += `\n${block}`;
    else out.push(block);
  }
  // A numbered list is one block; its steps are passages of their own (a heading line goes with the first).
  return out.flatMap((block) => (block.length > MAX_CHARS ? splitSteps(block) : [block]));
}

function splitSteps(block: string): string[] {
  const parts: string[] = [];
  for (const line of block.split('\n')) {
    const startsStep = /^\d+[.)]\s/.test(line) || /^[-•*]\s/.test(line);
    if (startsStep || !parts.length) parts.push(line);
    else parts[parts.length - 1] += `\n${line}`;
  }
  return parts;
}

/** A short answer's sentences (a link on a line of its own stays with the sentence before it). */
function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?؟۔])\s+(?!https?:\/\/)/u).map((s) => s.trim()).filter(Boolean);
}

const LINK = /https?:\/\/\S+/g;

function describe(text: string, arabic: boolean): Passage {
  const prose = text.replace(LINK, ' ');
  const words = tokens(prose);
  return { text, words: new Set(words.filter((w) => w.length >= 4).map(stemOf)), concepts: conceptsOf(words, { arabic }), hasAmount: AMOUNT.test(prose), hasLengthOfTime: LENGTH_OF_TIME.test(prose) };
}

/** A passage that is little more than a link ("More: https://…") answers nothing by itself. */
const isProse = (text: string): boolean => text.replace(LINK, '').replace(/[\s:.,-]+/g, ' ').trim().length >= 40;

/** Words meet on their first five letters: "recognised" / "recognition", "kosten" / "kostet". */
const stemOf = (word: string): string => word.slice(0, 5);

/**
 * The passage of `details` that answers `question`, or undefined when none shares enough with it
 * (then the caller says so rather than guessing). `shown`: the short answer the person has just read:
 * one of its sentences may answer, never the whole of it again.
 */
export function bestPassage(details: string, question: string, opts: { arabic?: boolean; shown?: string } = {}): string | undefined {
  const arabic = opts.arabic === true;
  // The short answer just shown competes sentence by sentence: "which also decides the German level
  // you need" answers "what level?" better than any paragraph of the details, and alone it is no repeat.
  const shown = sentencesOf(opts.shown ?? '').filter(isProse);
  const candidates = [...shown, ...passagesOf(details).filter((p) => p !== opts.shown?.trim() && isProse(p))];
  const passages = candidates.map((p) => describe(p, arabic));
  const justRead = new Set(shown);
  if (!passages.length) return undefined;
  const asked = describe(question, arabic);
  // A word or concept found in every passage says nothing about which one answers; a rare one says much.
  const rarity = (count: number): number => (count ? Math.log(1 + passages.length / count) : 0);
  const wordWeight = (stem: string): number => rarity(passages.filter((p) => p.words.has(stem)).length);
  const conceptWeight = (concept: string): number => rarity(passages.filter((p) => p.concepts.has(concept)).length);
  const amountAsked = [...asked.concepts].some((c) => ASKS_AMOUNT.has(c));
  const lengthAsked = asked.concepts.has('duration');
  let best: { passage: Passage; score: number } | undefined;
  for (const passage of passages) {
    let score = 0;
    for (const concept of asked.concepts) if (passage.concepts.has(concept)) score += 2 * conceptWeight(concept);
    for (const stem of asked.words) if (passage.words.has(stem)) score += wordWeight(stem);
    // "how much?" is answered by an amount, "how long?" by a length of time: a passage without the figure asked is a weak answer.
    if (amountAsked) score = passage.hasAmount ? score + 2 : score / 2;
    if (lengthAsked) score = passage.hasLengthOfTime ? score + 2 : score / 2;
    // The person has just read it: said again only when no part of the details comes near it.
    if (justRead.has(passage.text)) score *= READ_AGAIN;
    if (!best || score > best.score) best = { passage, score };
  }
  // "does he need German?" after an entry that never speaks of the language: no sentence of it answers, however
  // much it shares ("need", "Germany"); the caller says so. (Only this concept: the lexicon misses many ways an
  // entry speaks of other subjects, "pa kualifikim" for "a diploma?".)
  const unspoken = [...asked.concepts].filter((c) => OWN_ENTRY_CONCEPTS.has(c));
  if (unspoken.length && !passages.some((p) => unspoken.some((c) => p.concepts.has(c)))) return undefined;
  return best && best.score >= MIN_SCORE ? best.passage.text : undefined;
}

/** Subjects with an entry of their own that other entries may not mention at all. */
const OWN_ENTRY_CONCEPTS = new Set(['language']);
