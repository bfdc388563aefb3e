import { describe, expect, it } from 'vitest';
import type { Retrieval } from '../src/knowledge/retriever.js';
import { sameArea, withTopicRules } from '../src/knowledge/topic-rules.js';

const found = (id: string | null, ranked: [string, number][], choices: string[] = []): Retrieval => ({ id, score: ranked[0]?.[1] ?? 0, ranked: ranked.map(([id, score]) => ({ id, score })), choices });

describe('what a question must say before some topics answer it', () => {
  it('reads an appointment at the embassy as the visa, unless the centre is named too', () => {
    const r = found('centres-appointment', [['centres-appointment', 0.59], ['visa-application', 0.3]]);
    expect(withTopicRules(r, 'how do i book an appointment at the embassy myself').id).toBe('visa-application');
    expect(withTopicRules(r, 'طب إزاي أحجز ميعاد السفارة بنفسي؟').id).toBe('visa-application');
    expect(withTopicRules(r, 'is the centre appointment the same as the embassy appointment?').id).toBe('centres-appointment');
    expect(withTopicRules(r, 'how do i book an appointment').id).toBe('centres-appointment');
    const offered = found(null, [['visa-application', 0.3], ['centres-appointment', 0.29]], ['visa-application', 'centres-appointment']);
    expect(withTopicRules(offered, 'rdv ambassade comment le prendre').choices).toEqual(['visa-application']);
  });

  it('answers with the entry for women migrants only when a woman, domestic work or a wife is spoken of', () => {
    const r = found('women-migrants', [['women-migrants', 0.43], ['work-skilled-worker', 0.2], ['work-job-search', 0.15]]);
    const man = withTopicRules(r, 'germany kaam ke liye kaise jaun?');
    expect(man).toMatchObject({ id: null, score: 0.2, choices: ['work-skilled-worker', 'work-job-search'] });
    expect(withTopicRules(r, 'main aurat hun, germany kaam ke liye ja sakti hun?').id).toBe('women-migrants');
    expect(withTopicRules(r, 'is domestic work in germany safe?').id).toBe('women-migrants');
  });

  it('tells topics of one area by the first part of their id', () => {
    expect(sameArea('return-job-placement', 'return-starthilfe')).toBe(true);
    expect(sameArea('work-seasonal', 'return-starthilfe')).toBe(false);
  });
});
