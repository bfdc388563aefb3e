/** Follow-ups that ask for an aspect the previous answer states (src/knowledge/aspects.ts). */
import { describe, expect, it } from 'vitest';
import { asksAspectOf } from '../src/knowledge/aspects.js';

const nursing = { title: 'Working as a nurse or in care in Germany', text: 'You need German at level B1 or B2 and recognition of your nursing diploma. The card costs 75 euros.' };

describe('an aspect of the answer before', () => {
  it('the level, the duration or the cost the entry states', () => {
    expect(asksAspectOf('what german level do they need?', nursing.title, nursing.text)).toBe(true);
    expect(asksAspectOf('how much does it cost?', nursing.title, nursing.text)).toBe(true);
  });
  it('not an aspect the entry does not state', () => {
    expect(asksAspectOf('what level do I need?', 'Starting a business', 'The centres help with a business plan.')).toBe(false);
  });
  it('not a question that names something else, or asks no aspect', () => {
    expect(asksAspectOf('how much is a visa for my wife?', nursing.title, nursing.text)).toBe(false);
    expect(asksAspectOf('how can I learn German?', nursing.title, nursing.text)).toBe(false);
  });
});
