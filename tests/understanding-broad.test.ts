import { describe, expect, it } from 'vitest';
import { asksForRegularWays, asksForTheLegalWay } from '../src/understanding/broad.js';

describe('the broadest question: the regular ways, asked in any words', () => {
  it.each([
    'ok how do i go legally',
    'how can i go to germany',
    'to phir sahi tareeqa kya hai',
    'mujhe germany jana hai kaise',
    'comment aller en allemagne legalement',
    'كيف اسافر لالمانيا بطريقة قانونية',
    'kifach nmchi l almania b tari9a 9anounia',
    'wie komme ich legal nach deutschland',
    'como puedo ir a alemania legalmente',
    'si mund te shkoj ne gjermani legalisht',
    'како да одем у немачку легално',
    'gimana caranya kerja di luar negeri',
    'i want to go to germany',
  ])('%s', (text) => expect(asksForRegularWays(text)).toBe(true));

  it.each([
    'is this agent legal?',
    'how do i know if the agent is legal',
    'how is the weather in germany',
    'i want to go to germany for holiday',
    'quiero ir a alemania de vacaciones',
    'how to get to the centre in accra',
    'how are you',
    'renew my passport',
  ])('not: %s', (text) => expect(asksForRegularWays(text)).toBe(false));
});

describe('the legal way asked for in so many words (then a loosely matched entry gives way to the list)', () => {
  it.each(['comment aller en allemagne legalement', 'ok how do i go legally', 'kifach nmchi l almania b tari9a 9anounia', 'si mund te shkoj ne gjermani legalisht'])(
    '%s',
    (text) => expect(asksForTheLegalWay(text)).toBe(true),
  );
  it.each(['i want to go to germany', 'edhe gruaja ime a mundet me ardh?', 'is this agent legal?', 'legal holiday in germany how'])('not: %s', (text) =>
    expect(asksForTheLegalWay(text)).toBe(false),
  );
});
