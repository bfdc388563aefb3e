/**
 * "Or did you mean": a sure answer whose runner-up is still plausible carries it in `choices`;
 * the chat shows the answer as usual and the runner-up as one extra option, last, so no option the
 * person knows changes its number; a tap (or its number) answers that topic.
 */
import { describe, expect, it } from 'vitest';
import { unavailableActions } from '../src/core/actions.js';
import type { Option, Outbound } from '../src/core/messages.js';
import type { ConversationState } from '../src/core/state.js';
import { handleTurn } from '../src/flows/turn.js';
import { KnowledgeRetriever } from '../src/knowledge/retriever.js';
import { KnowledgeService } from '../src/knowledge/service.js';
import { loadKnowledge } from '../src/knowledge/open.js';
import { PATHS } from '../src/paths.js';
import { createTestCore } from './support/test-core.js';

const { kb, retriever } = await loadKnowledge();
/** The same index, never offering a runner-up beside an answer. */
const alone = KnowledgeRetriever.build(kb, { cacheDir: PATHS.cache, settings: { alsoRatio: 2 } });
// finding work after return leads; the topic texts also read psychosocial support in "someone to talk to"
const QUESTION = 'back home after years abroad, I need a job and someone to talk to';
const ANSWERED = 'return-job-placement';
const RUNNER_UP = 'return-psychosocial';

const lastOptions = (outbox: Outbound[]): Option[] => {
  const last = outbox.at(-1);
  return last?.kind === 'options' ? last.options : [];
};

describe('or did you mean', () => {
  it('the retriever answers the best topic and carries the plausible runner-up in choices', async () => {
    const found = await retriever.retrieve({ text: QUESTION, lang: 'en' });
    expect(found).toMatchObject({ id: ANSWERED, choices: [RUNNER_UP] });
    expect(await alone.retrieve({ text: QUESTION, lang: 'en' })).toMatchObject({ id: ANSWERED, choices: [] });
    // a clear answer offers nothing beside it
    expect((await retriever.retrieve({ text: 'how much salary do I need for the EU Blue Card', lang: 'en' })).choices).toEqual([]);
  });

  it('ask keeps the answered topic as id and lists the runner-up in choices', async () => {
    const core = await createTestCore();
    const result = await new KnowledgeService(kb, retriever, core.texts.t).ask(QUESTION, 'en');
    expect(result).toMatchObject({ id: ANSWERED, choices: [RUNNER_UP] });
    await core.close();
  });

  it('a chat answer offers the runner-up last, and a tap or its number answers it', async () => {
    const withOffer = await createTestCore({ actions: (texts) => ({ ...unavailableActions(texts.t), ...new KnowledgeService(kb, retriever, texts.t).actions() }) });
    const without = await createTestCore({ actions: (texts) => ({ ...unavailableActions(texts.t), ...new KnowledgeService(kb, alone, texts.t).actions() }) });
    const ask = async (core: typeof withOffer) => {
      const first = await handleTurn(core.engine, null, { kind: 'text', text: 'hello' });
      return handleTurn(core.engine, first.nextState, { kind: 'text', text: QUESTION });
    };
    const asked = await ask(withOffer);
    expect(asked.meta.topic).toBe(ANSWERED);
    const options = lastOptions(asked.outbox);
    const title = kb.entries.get(RUNNER_UP)!.get('en')!.title;
    expect(options.at(-1)!.label).toBe(withOffer.texts.t('en', 'answer.orDidYouMean', { title }));
    // every other option keeps its place
    expect(options.slice(0, -1)).toEqual(lastOptions((await ask(without)).outbox));

    const tapped = await handleTurn(withOffer.engine, asked.nextState as ConversationState, { kind: 'choice', id: options.at(-1)!.id });
    expect(tapped.outbox[0]).toMatchObject({ kind: 'card', title });
    expect(tapped.meta.topic).toBe(RUNNER_UP);
    expect(lastOptions(tapped.outbox).map((o) => o.label)).not.toContain(options.at(-1)!.label);

    const typed = await handleTurn(withOffer.engine, asked.nextState as ConversationState, { kind: 'text', text: String(options.length) });
    expect(typed.meta.topic).toBe(RUNNER_UP);
    await withOffer.close();
    await without.close();
  });
});
