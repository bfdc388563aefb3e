/**
 * "Did you mean": when two or three topics are close, the assistant offers them (and a person)
 * instead of a flat "not sure"; a tap on one answers that topic. The retriever here is built with a
 * wide "close" margin so that an ordinary question is always too close to call.
 */
import { describe, expect, it } from 'vitest';
import { unavailableActions } from '../src/core/actions.js';
import { handleTurn } from '../src/flows/turn.js';
import type { ConversationState } from '../src/core/state.js';
import { KnowledgeRetriever, type RetrievalQuery } from '../src/knowledge/retriever.js';
import { KnowledgeService } from '../src/knowledge/service.js';
import { loadKnowledge } from '../src/knowledge/open.js';
import { PATHS } from '../src/paths.js';
import { createTestCore } from './support/test-core.js';

const { kb } = await loadKnowledge();
// Hedging off (hedgeFloor above any score): these tests are about the topics offered; the hedge has its own below.
const NO_HEDGE = { hedgeFloor: 2 };
const undecided = KnowledgeRetriever.build(kb, { cacheDir: PATHS.cache, settings: { closeRatio: 0.01, ...NO_HEDGE } });
const QUESTION = 'blue card salary how much';
/** Development questions (questions-dev7 to dev13) where the classifier and the other signals have parted ways. */
const DISSENTING: RetrievalQuery[] = [
  { text: 'الشهايد متاع الخدمة و التكوين اللي خذيتهم في ألمانيا كيفاش نعدلهم في تونس', lang: 'ar' },
  { text: 'da li mi treba nostrifikacija diplome za nemacku ako sam elektrotehnicar', lang: 'sr' },
  { text: 'saudi work visa stamping from islamabad how many weeks taking now? agent already submitted passport', lang: 'en' },
  { text: 'je sais pas si je dois faire une ausbildung ou un master en allemagne, j ai une licence en gestion, c quoi le plus facile pour rester apres et trouver du travail?', lang: 'fr' },
  { text: 'je suis revenu apres 5 ans, je sais pas par ou commencer, qu est ce que le centre peut faire pour moi concretement?', lang: 'fr' },
  { text: 'was ist triple win? kollegin sagt die bezahlen alles für pflegekräfte und man zahlt keine agentur', lang: 'de' },
  { text: 'jam ne gjermani me blaue karte qe 1 vit, a duhet gruja me dit gjermanisht per me ardh me femijet?', lang: 'sq' },
  { text: 'e kam bere ausbildung ne gjermani per elektricist, si ta njoh deftesen ketu ne shqiperi?', lang: 'sq' },
  { text: 'on m a propose un travail de chauffeur en Arabie Saoudite, c quoi les risques? le kafil garde le passeport?', lang: 'fr' },
];

describe('did you mean', () => {
  it('the retriever offers the close topics, best first, instead of answering', async () => {
    const found = await undecided.retrieve({ text: QUESTION, lang: 'en' });
    expect(found.id).toBeNull();
    expect(found.choices.length).toBeGreaterThanOrEqual(2);
    expect(found.choices.length).toBeLessThanOrEqual(3);
    expect(found.choices[0]).toBe('work-eu-blue-card');
  });

  it('offers the runner-up beside the best when the nearest example and the topic texts both prefer it', async () => {
    // Where the classifier and the other two signals part ways moves with every example question added, so the
    // rule is shown on questions of the development sets that are near such a parting: at least one of them must show it.
    // The near-tie rule is switched off, so only the dissent rule can offer two topics.
    const noTie = { closeRatio: 1.01, wideCloseRatio: 1.01, ...NO_HEDGE };
    const retriever = KnowledgeRetriever.build(kb, { cacheDir: PATHS.cache, settings: noTie });
    const trusting = KnowledgeRetriever.build(kb, { cacheDir: PATHS.cache, settings: { ...noTie, dissentRatio: 2 } });
    let shown = 0;
    for (const question of DISSENTING) {
      const found = await retriever.retrieve(question);
      if (found.id !== null) continue;
      expect(found.choices).toEqual(found.ranked.slice(0, 2).map((r) => r.id));
      // Without the rule, the classifier's best is answered.
      expect((await trusting.retrieve(question)).id).toBe(found.ranked[0]!.id);
      shown++;
    }
    expect(shown).toBeGreaterThan(0);
  });

  it('a question about our domain, unsure of its topic, offers its best topics instead of declining without a choice', async () => {
    // Nothing is sure and only near ties were offered: only the in-domain rule offers here.
    const settings = { threshold: 1, choiceRatio: 0.99, inDomainChoiceFloor: 0, inDomainChoiceRatio: 0.01, ...NO_HEDGE };
    const inDomain = KnowledgeRetriever.build(kb, { cacheDir: PATHS.cache, settings });
    const offered = await inDomain.retrieve({ text: QUESTION, lang: 'en' });
    expect(offered.id).toBeNull();
    expect(offered.choices[0]).toBe('work-eu-blue-card');
    expect(offered.choices.length).toBeGreaterThanOrEqual(2);
    // Without the in-domain rule only the best is plausible enough: offered alone, not with neighbours.
    const without = KnowledgeRetriever.build(kb, { cacheDir: PATHS.cache, settings: { ...settings, inDomainBelow: 0 } });
    expect((await without.retrieve({ text: QUESTION, lang: 'en' })).choices).toEqual(['work-eu-blue-card']);
    expect((await inDomain.retrieve({ text: 'write me a poem about the sea', lang: 'en' })).choices).toEqual([]);
  });

  it('ask reports the offered topics as choices, with their titles in the answer', async () => {
    const core = await createTestCore();
    const service = new KnowledgeService(kb, undecided, core.texts.t);
    const result = await service.ask(QUESTION, 'fr');
    expect(result.id).toBeNull();
    expect(result.choices[0]).toBe('work-eu-blue-card');
    expect(result.answer).toContain(core.texts.t('fr', 'fallback.didYouMean'));
    expect(result.answer).toContain(kb.entries.get('work-eu-blue-card')!.get('fr')!.title);
    const sure = await new KnowledgeService(kb, (await loadKnowledge()).retriever, core.texts.t).ask(QUESTION, 'en');
    expect(sure).toMatchObject({ id: 'work-eu-blue-card', choices: [] });
    await core.close();
  });

  it('a chat turn offers the topics and a person, and a tap answers the chosen topic', async () => {
    const core = await createTestCore({
      actions: (texts) => ({ ...unavailableActions(texts.t), ...new KnowledgeService(kb, undecided, texts.t).actions() }),
    });
    const first = await handleTurn(core.engine, null, { kind: 'text', text: 'hello' });
    const asked = await handleTurn(core.engine, first.nextState, { kind: 'text', text: QUESTION });
    const offer = asked.outbox.at(-1)!;
    expect(offer).toMatchObject({ kind: 'options', text: core.texts.t('en', 'fallback.didYouMean') });
    const options = offer.kind === 'options' ? offer.options : [];
    expect(options[0]!.label).toBe(kb.entries.get('work-eu-blue-card')!.get('en')!.title);
    expect(options.at(-1)!.label).toBe(core.texts.t('en', 'main.menu.human'));

    const tapped = await handleTurn(core.engine, asked.nextState as ConversationState, { kind: 'choice', id: options[0]!.id });
    expect(tapped.outbox[0]).toMatchObject({ kind: 'card', title: kb.entries.get('work-eu-blue-card')!.get('en')!.title });
    expect(tapped.nextState!.at).toEqual({ flow: 'question', step: 'after' });

    const typedAgain = await handleTurn(core.engine, asked.nextState as ConversationState, { kind: 'text', text: '2' });
    expect(typedAgain.outbox[0]).toMatchObject({ kind: 'card', title: kb.entries.get(options[1]!.id.split(':').at(-1)!)!.get('en')!.title });

    const person = await handleTurn(core.engine, asked.nextState as ConversationState, { kind: 'choice', id: options.at(-1)!.id });
    expect(person.nextState!.at.flow).toBe('handoff');
    await core.close();
  });

  it('text typed at "did you mean" that is none of the options is a new question, answered', async () => {
    const { retriever: sure } = await loadKnowledge();
    // Undecided on the first question only, so the typed one is answered.
    const mixed = { retrieve: (q: RetrievalQuery) => (q.text === QUESTION ? undecided : sure).retrieve(q) } as unknown as KnowledgeRetriever;
    const core = await createTestCore({
      actions: (texts) => ({ ...unavailableActions(texts.t), ...new KnowledgeService(kb, mixed, texts.t).actions() }),
    });
    const first = await handleTurn(core.engine, null, { kind: 'text', text: 'hello' });
    const asked = await handleTurn(core.engine, first.nextState, { kind: 'text', text: QUESTION });
    expect(asked.nextState!.at).toEqual({ flow: 'fallback', step: 'did-you-mean' });

    const typed = await handleTurn(core.engine, asked.nextState as ConversationState, { kind: 'text', text: 'where can I learn German and take the Goethe exam?' });
    expect(typed.outbox[0]).toMatchObject({ kind: 'card', title: kb.entries.get('language-learning')!.get('en')!.title });
    expect(typed.outbox.map((m) => m.kind === 'text' && m.text)).not.toContain(core.texts.t('en', 'fallback.chooseFromList'));
    expect(typed.nextState!.at).toEqual({ flow: 'question', step: 'after' });

    const unsure = await handleTurn(core.engine, asked.nextState as ConversationState, { kind: 'text', text: 'qwxz plorf' });
    expect(unsure.outbox.at(-1)).toMatchObject({ kind: 'options', text: core.texts.t('en', 'fallback.notSure') });
    await core.close();
  });

  it('hedges instead when the best topic leads the ones offered: it says it is not sure, answers it, and offers the runner-up beside it', async () => {
    // Too close to call with the wide margin, but the runner-up scores under 99% of the best: answered, hedged.
    const hedging = KnowledgeRetriever.build(kb, { cacheDir: PATHS.cache, settings: { closeRatio: 0.01, hedgeFloor: 0, hedgeRatio: 0.99 } });
    const found = await hedging.retrieve({ text: QUESTION, lang: 'en' });
    expect(found).toMatchObject({ id: 'work-eu-blue-card', hedged: true });
    expect(found.choices).toEqual([found.ranked[1]!.id]);
    // A runner-up within the ratio of the best keeps "did you mean".
    const strict = KnowledgeRetriever.build(kb, { cacheDir: PATHS.cache, settings: { closeRatio: 0.01, hedgeFloor: 0, hedgeRatio: 0 } });
    expect((await strict.retrieve({ text: QUESTION, lang: 'en' })).id).toBeNull();

    const core = await createTestCore({
      actions: (texts) => ({ ...unavailableActions(texts.t), ...new KnowledgeService(kb, hedging, texts.t).actions() }),
    });
    const first = await handleTurn(core.engine, null, { kind: 'text', text: 'hello' });
    const asked = await handleTurn(core.engine, first.nextState, { kind: 'text', text: QUESTION });
    expect(asked.outbox[0]).toMatchObject({ kind: 'text', text: core.texts.t('en', 'answer.hedged') });
    expect(asked.outbox[1]).toMatchObject({ kind: 'card', title: kb.entries.get('work-eu-blue-card')!.get('en')!.title });
    const menu = asked.outbox.at(-1)!;
    const labels = menu.kind === 'options' ? menu.options.map((o) => o.label) : [];
    const runnerUp = kb.entries.get(found.ranked[1]!.id)!.get('en')!.title;
    expect(labels).toContain(core.texts.t('en', 'answer.orDidYouMean', { title: runnerUp }));
    expect(labels).toContain(core.texts.t('en', 'main.menu.human'));
    expect(asked.meta.review).toEqual([expect.objectContaining({ reason: 'low' })]);
    await core.close();
  });
});
