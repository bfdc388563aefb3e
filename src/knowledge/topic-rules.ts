/**
 * What a question must say before some topics answer it, whatever the retriever scored: an
 * appointment at the embassy is the visa's, not the centre's; the entry for women migrants answers a
 * question that speaks of a woman, domestic work or a wife. Applied to every retrieval the
 * knowledge service makes (a question, a follow-up read in the light of the one before).
 */
import { conceptsOf } from './concepts.js';
import { tokens } from './features.js';
import type { Retrieval } from './retriever.js';
import { APPOINTMENT_TOPIC as CENTRES_APPOINTMENT } from '../core/topics.js';

const VISA_APPLICATION = 'visa-application';
const WOMEN_MIGRANTS = 'women-migrants';
const WOMEN_CONCEPTS = ['woman', 'domestic', 'wife'];

/** Topics of one area share the first part of their id: return-job-placement and return-voluntary-programmes. */
export const sameArea = (a: string, b: string): boolean => a.split('-')[0] === b.split('-')[0];

export function withTopicRules(found: Retrieval, text: string): Retrieval {
  if (![CENTRES_APPOINTMENT, WOMEN_MIGRANTS].some((id) => found.id === id || found.choices.includes(id))) return found;
  const named = conceptsOf(tokens(text));
  return onlyWomenAskWomensTopic(embassyNotCentre(found, named), named);
}

/**
 * "طب إزاي أحجز ميعاد السفارة بنفسي؟", "how do I book the embassy appointment myself": an appointment
 * at the embassy (the centre not named) is the visa's, never the centre's.
 */
function embassyNotCentre(found: Retrieval, named: ReadonlySet<string>): Retrieval {
  if (found.id !== CENTRES_APPOINTMENT && !found.choices.includes(CENTRES_APPOINTMENT)) return found;
  if (!named.has('embassy') || named.has('centre')) return found;
  const swap = (id: string) => (id === CENTRES_APPOINTMENT ? VISA_APPLICATION : id);
  const id = found.id && swap(found.id);
  return { ...found, id, choices: [...new Set(found.choices.map(swap))].filter((c) => c !== id) };
}

/**
 * "germany kaam ke liye kaise jaun?" (a man asking, "bhai, mein larka hun"): the entry for women
 * migrants answers only a question that speaks of a woman, domestic work or a wife; else it is set
 * aside and the question is unsure among the rest (a broad one then gets the regular ways).
 */
function onlyWomenAskWomensTopic(found: Retrieval, named: ReadonlySet<string>): Retrieval {
  if (found.id !== WOMEN_MIGRANTS) return found;
  if (WOMEN_CONCEPTS.some((c) => named.has(c))) return found;
  const rest = found.ranked.filter((r) => r.id !== WOMEN_MIGRANTS);
  return { ...found, id: null, score: rest[0]?.score ?? 0, ranked: rest, choices: [...new Set([...found.choices, ...rest.map((r) => r.id)])].filter((c) => c !== WOMEN_MIGRANTS).slice(0, 3) };
}
