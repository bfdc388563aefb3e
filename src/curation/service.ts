/**
 * The curator's queue: questions the assistant declined, answered with low confidence, answered
 * and then rated "didn't help", or offered "did you mean" for and left. They arrive from stored
 * turns (a turn observer), masked before they are stored; a curator assigns each to a topic, marks
 * it out of scope, or says it needs a new entry. Assigned and out-of-scope questions are taught to
 * the retriever at once, on every instance: each instance compares the database's version of the
 * taught questions before each question and loads them when it changed.
 */
import { randomUUID } from 'node:crypto';
import { isLang, type Lang } from '../core/lang.js';
import type { TurnMeta } from '../core/turn-meta.js';
import type { KnowledgeService } from '../knowledge/service.js';
import type { CurationItem, CurationStatus, Storage } from '../storage/types.js';
import { maskPersonalData } from './mask.js';
import { taughtPatch, type PatchResult } from './patch.js';

/** What the queue learns of a stored turn (see runtime/turn-observers.ts). */
export interface CuratedTurn {
  conversationId: string;
  lang: string;
  country: string | null;
  meta: TurnMeta;
  held: boolean;
  forgotten: boolean;
  at: Date;
}

export type Decision = { topic: string } | { outOfScope: true } | { newEntry: true };

export type DecideResult = { status: 'ok'; item: CurationItem } | { status: 'not-found' } | { status: 'decided' } | { status: 'unknown-topic' };

/** Items grouped as curators work them: by language, country and closest topic. */
export interface CurationGroup {
  lang: string;
  country: string | null;
  topic: string | null;
  items: CurationItem[];
}

export interface CurationLog {
  error(obj: object, msg: string): void;
}

export class CurationService {
  private version: string | undefined;
  private loading: Promise<void> | undefined;

  constructor(
    private readonly storage: Storage,
    private readonly knowledge: KnowledgeService,
    private readonly knowledgeDir: string,
    private readonly now: () => Date,
    private readonly log: CurationLog,
  ) {}

  /** Keeps the questions of a turn worth a curator's look, masked; nothing of a deleted or advisor-held turn. */
  async record(turn: CuratedTurn): Promise<void> {
    if (turn.forgotten || turn.held || !turn.meta.review.length) return;
    for (const review of turn.meta.review) {
      const text = maskPersonalData(review.question, review.names).slice(0, 500);
      if (!text.trim()) continue;
      await this.storage.curation.add({
        id: randomUUID(), conversationId: turn.conversationId, lang: turn.lang, country: turn.country, reason: review.reason, text,
        topics: review.topics.slice(0, 3), at: turn.at.toISOString(),
      });
    }
  }

  list(filter: { lang?: string; status?: CurationStatus }): Promise<CurationItem[]> {
    return this.storage.curation.list(filter);
  }

  /** The items by language, country and closest topic, the largest groups first. */
  static group(items: readonly CurationItem[]): CurationGroup[] {
    const groups = new Map<string, CurationGroup>();
    for (const item of items) {
      const topic = item.topics[0]?.id ?? null;
      const key = `${item.lang}|${item.country ?? ''}|${topic ?? ''}`;
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { lang: item.lang, country: item.country, topic, items: [] }));
      group.items.push(item);
    }
    return [...groups.values()].sort((a, b) => b.items.length - a.items.length || a.lang.localeCompare(b.lang) || (a.topic ?? '').localeCompare(b.topic ?? ''));
  }

  /** A curator's decision; assigned and out-of-scope questions are taught at once (this instance now, the others at their next question). */
  async decide(id: string, decision: Decision, staffId: string): Promise<DecideResult> {
    if ('topic' in decision && !this.knowledge.hasTopic(decision.topic)) return { status: 'unknown-topic' };
    const now = this.now();
    const status: Exclude<CurationStatus, 'open'> = 'topic' in decision ? 'assigned' : 'outOfScope' in decision ? 'out-of-scope' : 'new-entry';
    const topic = 'topic' in decision ? decision.topic : null;
    const result = await this.storage.transaction(async (tx): Promise<DecideResult> => {
      const item = await tx.curation.get(id);
      if (!item) return { status: 'not-found' };
      if (!(await tx.curation.decide(id, { status, topic, staffId }, now))) return { status: 'decided' };
      if (status !== 'new-entry') await tx.curation.teach({ text: item.text, lang: item.lang, topic }, now);
      await tx.staff.audit({ staffId, action: `curation.${status}`, target: topic ?? id }, now);
      return { status: 'ok', item: { ...item, status, topic, decidedAt: now.toISOString() } };
    });
    if (result.status === 'ok') await this.refresh();
    return result;
  }

  /**
   * Brings the taught questions up to date when another instance (or this one) taught one since:
   * one small query per question. A database that does not answer leaves what was taught before.
   */
  refresh(): Promise<void> {
    this.loading ??= this.load().finally(() => (this.loading = undefined));
    return this.loading;
  }

  private async load(): Promise<void> {
    try {
      const version = await this.storage.curation.taughtVersion();
      if (version === this.version) return;
      const taught = await this.storage.curation.taught();
      this.knowledge.learn(taught.filter((t) => isLang(t.lang)).map((t) => ({ text: t.text, lang: t.lang as Lang, topic: t.topic })));
      this.version = version;
    } catch (err) {
      this.log.error({ err: (err as Error).message }, 'taught questions could not be loaded');
    }
  }

  /** The taught questions of a topic (null: out of scope) in a language, as a patch to the knowledge base. */
  async patch(topic: string | null, lang: string): Promise<PatchResult> {
    const taught = await this.storage.curation.taught({ lang, ...(topic ? { topic } : {}) });
    const questions = taught.filter((t) => t.topic === topic).map((t) => t.text);
    return questions.length ? taughtPatch(this.knowledgeDir, { topic, lang }, questions) : { status: 'nothing' };
  }

  /** The simulator: what a person asking this would get, exactly as `npm run ask -- --json` answers it. */
  simulate(question: string, lang: Lang, country?: string) {
    return this.knowledge.ask(question, lang, country);
  }
}
