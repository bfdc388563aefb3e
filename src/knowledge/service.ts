/**
 * Knowledge answers for the engine and the `ask` command: retrieve, then compose the entry in the
 * person's language with its sources and review date; abstain honestly when unsure.
 */
import type { ActionResult, Actions, Translate } from '../core/actions.js';
import type { Lang } from '../core/lang.js';
import { composeAnswer, composeDetails, pickEntry } from './compose.js';
import type { KnowledgeEntry } from './entry.js';
import { germanDay, renderFigures } from './figures.js';
import type { KnowledgeBase } from './load.js';
import type { KnowledgeRetriever, RankedTopic } from './retriever.js';
import { SAFETY_TEXT_KEYS, type SafetyCategory, type SafetyDetector } from '../understanding/danger.js';

/** The `ask` contract: one JSON object per question (see DESIGN.md). */
export interface AskResult {
  id: string | null;
  score: number;
  lang: Lang;
  answer: string;
  sources: string[];
  /** The danger the question describes, if any (safety guidance leads the answer in a chat). */
  safety: SafetyCategory | null;
}

export class KnowledgeService {
  constructor(
    private readonly kb: KnowledgeBase,
    private readonly retriever: KnowledgeRetriever,
    private readonly t: Translate,
    private readonly safety: SafetyDetector = { detect: () => undefined },
    /** The engine's clock: yearly figures are shown as they stand on the day of the question. */
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The entry with each {{fig:...}} replaced by the figure in force today, in the entry's language. */
  private dated(entry: KnowledgeEntry): KnowledgeEntry {
    const day = germanDay(this.now());
    const render = (text: string) => renderFigures(text, this.kb.figures, this.t, entry.lang, day);
    return { ...entry, short: render(entry.short), details: render(entry.details) };
  }

  async ask(question: string, lang: Lang, country?: string): Promise<AskResult & { ranked: RankedTopic[] }> {
    const safety = this.safety.detect(question)?.category ?? null;
    const found = await this.retriever.retrieve({ text: question, lang, country });
    const picked = found.id ? pickEntry(this.kb.entries.get(found.id)!, lang) : undefined;
    const entry = picked && this.dated(picked);
    if (!found.id || !entry) {
      return { id: null, score: found.score, lang, answer: this.t(lang, 'fallback.notSure'), sources: [], safety, ranked: found.ranked };
    }
    return { id: found.id, score: found.score, lang: entry.lang, answer: entry.short, sources: entry.sources, safety, ranked: found.ranked };
  }

  /** The engine's knowledge actions. */
  actions(): Required<Pick<Actions, 'knowledgeAnswer' | 'knowledgeDetails' | 'dangerCheck'>> {
    return {
      dangerCheck: async ({ text, lang }) => this.dangerAnswer(text, lang),
      knowledgeAnswer: async ({ question, topic, lang, country }) => {
        const danger = question ? this.dangerAnswer(question, lang) : undefined;
        if (danger) return danger;
        const id = topic ?? (question ? (await this.retriever.retrieve({ text: question, lang, country })).id : null);
        return id ? this.answerTopic(id, lang) : { outcome: 'unsure', outbox: [], facts: { understood: false } };
      },
      knowledgeDetails: async ({ topic, lang }) => {
        const byLang = this.kb.entries.get(topic);
        const entry = byLang && pickEntry(byLang, lang, 'details');
        return entry ? { outcome: 'ok', outbox: [composeDetails(this.t, lang, this.dated(entry))], topic } : { outcome: 'unsure', outbox: [] };
      },
    };
  }

  /** Safety guidance, the entry that helps and `urgent`, when the text signals danger. */
  private dangerAnswer(text: string, lang: Lang): ActionResult | undefined {
    const danger = this.safety.detect(text);
    if (!danger) return undefined;
    const answer = this.answerTopic(danger.topic, lang);
    return { ...answer, outcome: 'ok', urgent: true, outbox: [{ kind: 'text', text: this.t(lang, SAFETY_TEXT_KEYS[danger.category]) }, ...answer.outbox], facts: { safety: danger.category } };
  }

  private answerTopic(id: string, lang: Lang): ActionResult {
    const byLang = this.kb.entries.get(id);
    const entry = byLang && pickEntry(byLang, lang);
    if (!byLang || !entry) return { outcome: 'unsure', outbox: [] };
    return {
      outcome: 'ok',
      outbox: [composeAnswer(this.t, lang, this.dated(entry))],
      topic: id,
      hasDetails: Boolean(pickEntry(byLang, lang, 'details')),
    };
  }
}
