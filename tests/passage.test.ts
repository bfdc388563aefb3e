import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../src/knowledge/load.js';
import { bestPassage, passagesOf } from '../src/knowledge/passage.js';
import { PATHS } from '../src/paths.js';

const DETAILS = `Step by step
1. Choose a study programme and read the university's admission rules on its website.
2. Proof of funds: usually a blocked account (Sperrkonto). In 2025 it was EUR 11,904 a year.
3. The fee for a national visa is EUR 75.

Working while studying
Students may work, but only within limits set by law.

More: https://example.org/a/2538216

After graduation
There are ways to stay and look for work after your degree; the permit lasts up to 18 months.`;

describe('the passage of an entry that answers a follow-up', () => {
  it('cuts details into paragraphs, a bare link kept with the one before it', () => {
    const passages = passagesOf(DETAILS);
    expect(passages).toHaveLength(4);
    expect(passages[2]).toBe('More: https://example.org/a/2538216');
  });

  it('finds the amount asked, in other words and another script', () => {
    expect(bestPassage(DETAILS, 'how much money in the blocked account?')).toContain('11,904');
    expect(bestPassage(DETAILS, 'sperrkonto mein kitne paise rakhne hain')).toContain('11,904');
    expect(bestPassage(DETAILS, 'колико новца треба?')).toContain('11,904'); // Serbian Cyrillic, read as the retriever reads it
  });

  it('finds the paragraph a question names, and a length of time when asked how long', () => {
    expect(bestPassage(DETAILS, 'can i work while studying?')).toContain('within limits');
    expect(bestPassage(DETAILS, 'after graduation how long can i stay?')).toContain('18 months');
  });

  it('never answers with a bare link (its digits are no amount), nor with the whole short answer again', () => {
    expect(bestPassage(DETAILS, 'more 2538216')).not.toBe('More: https://example.org/a/2538216');
    const shown = 'You can study in Germany with a student visa. The office in charge decides the German level you need. Next step: apply to a university.';
    expect(bestPassage(DETAILS, 'what german level do i need?', { shown })).toBe('The office in charge decides the German level you need.');
    expect(bestPassage(DETAILS, 'student visa?', { shown })).not.toBe(shown);
  });

  it('finds nothing for a question about the language in an entry that never speaks of it', () => {
    const contract = 'Any job is allowed, even without a formal qualification, but you need a job contract first in Germany.\n\nThe employer in Germany asks the Federal Employment Agency for approval, and you need it.';
    expect(bestPassage(contract, 'does he need to speak german? do i need it for germany')).toBeUndefined();
    expect(bestPassage(DETAILS, 'what german level do i need?', { shown: 'The office in charge decides the German level you need.' })).toBe('The office in charge decides the German level you need.');
  });

  it('prefers a part of the details to a sentence the person has just read, when one comes near it', () => {
    // A returnee in Darija, after the start-up answer: "is there any help?" — what the centre can offer, not its first sentence again.
    const entry = loadKnowledgeBase(PATHS.knowledge).entries.get('return-business-startup')!.get('ar')!;
    const found = bestPassage(entry.details, 'wach kayn chi aide?', { arabic: true, shown: entry.short });
    expect(found).toBeDefined();
    expect(entry.short).not.toContain(found!);
  });

  it('says nothing when no passage shares enough with the question', () => {
    expect(bestPassage(DETAILS, 'is the weather nice?')).toBeUndefined();
  });
});
