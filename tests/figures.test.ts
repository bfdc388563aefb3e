/**
 * Yearly figures with dates: an answer shows the figure in force on the day it is asked (and the
 * next one when known), in the person's language; kb:check --today fails on a figure past its
 * validity and warns 60 days before the last known value runs out.
 */
import { describe, expect, it } from 'vitest';
import { checkKnowledgeBase } from '../src/knowledge/check.js';
import { checkFigures, parseFigures, renderFigure, renderFigures } from '../src/knowledge/figures.js';
import { KnowledgeService } from '../src/knowledge/service.js';
import { createTexts, loadLocales } from '../src/i18n/index.js';
import { PATHS } from '../src/paths.js';
import { loadKnowledge } from '../src/knowledge/open.js';
import { runCli } from './support/run-cli.js';

const texts = createTexts(loadLocales(PATHS.locales));
const { kb, retriever } = await loadKnowledge();
/** Intl keeps "13,90 €" together with no-break spaces; compare with plain ones. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const on = (day: string) => new KnowledgeService(kb, retriever, texts.t, undefined, () => new Date(`${day}T10:00:00Z`));

async function answerText(day: string, topic: string, lang: 'en' | 'de' | 'ar' | 'sr'): Promise<string> {
  const result = await on(day).actions().knowledgeAnswer({ lang, topic });
  const card = result.outbox[0]!;
  return card.kind === 'card' ? plain(card.text) : '';
}

async function detailsText(day: string, topic: string, lang: 'en' | 'de'): Promise<string> {
  const result = await on(day).actions().knowledgeDetails({ lang, topic });
  return result.outbox.map((msg) => (msg.kind === 'text' ? plain(msg.text) : '')).join('\n\n');
}

describe('figures in answers', () => {
  it('2026-12-04: the minimum wage in force, its year, and the next value with its date', async () => {
    expect(await answerText('2026-12-04', 'workers-rights', 'en')).toContain('€13.90 an hour (2026); from 1 January 2027: €14.60');
    expect(await answerText('2026-12-04', 'workers-rights', 'de')).toContain('13,90 € pro Stunde (2026); ab dem 1. Januar 2027: 14,60 €');
    expect(await answerText('2026-12-04', 'workers-rights', 'sr')).toContain('13,90 € po satu (2026)');
    expect(await answerText('2026-12-04', 'workers-rights', 'ar')).toMatch(/13\.90\s*€ في الساعة \(2026\)/);
  });

  it('2027-01-02: the answer says €14.60 and no longer gives €13.90 as the wage', async () => {
    const short = await answerText('2027-01-02', 'workers-rights', 'en');
    expect(short).toContain('€14.60 an hour (2027)');
    expect(short).not.toContain('13.90');
    const details = await detailsText('2027-01-02', 'workers-rights', 'en');
    expect(details).toContain('€14.60 an hour (2027)');
    expect(details).not.toMatch(/13\.90|12\.82|\{\{fig:/);
  });

  it('the ask command shows the rendered figure, never a placeholder', async () => {
    const result = await on('2026-12-04').ask('what is the minimum wage in germany per hour', 'en');
    expect(result.id).toBe('workers-rights');
    expect(result.answer).toContain('€13.90 an hour (2026)');
    expect(result.answer).not.toContain('{{fig:');
  });

  it('a figure with a monthly equivalent and a period of two years', () => {
    const { figures } = parseFigures(
      `figures:
  f:
    name: f
    unit: year
    source: https://example.org/
    thirdParty: false
    values:
      - { amount: 50700, monthly: 4225, from: 2025-01-01, until: 2026-12-31 }
  g:
    name: g
    unit: month
    source: https://example.org/
    thirdParty: false
    values:
      - { amount: 959, from: 2026-03-01, until: 2026-12-31 }`,
      'x.yaml',
    );
    expect(renderFigures('{{fig:f}}', figures, texts.t, 'en', '2026-05-01')).toBe('€50,700 a year (€4,225 a month) (2025–2026)');
    expect(plain(renderFigures('{{fig:g}}', figures, texts.t, 'fr', '2026-05-01'))).toBe('959 € par mois (du 1 mars 2026 au 31 décembre 2026)');
    expect(renderFigures('{{fig:f@2025}}', figures, texts.t, 'en', '2030-01-01')).toBe('€50,700 a year (€4,225 a month) (2025–2026)');
  });
});

describe('a period whose value is not confirmed yet (pending)', () => {
  const { figures, problems } = parseFigures(
    `figures:
  blue-card-salary:
    name: the Blue Card threshold
    unit: year
    source: https://example.org/
    thirdParty: true
    values:
      - { amount: 50700, monthly: 4225, from: 2026-01-01, until: 2026-12-31 }
      - { pending: true, from: 2027-01-01, until: 2027-12-31 }`,
    'x.yaml',
  );

  it('is shown as the last confirmed value with its year and a word that the new one is not confirmed, never as a number for the new year', () => {
    expect(problems).toEqual([]);
    const figure = figures.get('blue-card-salary')!;
    const december = renderFigure(texts.t, 'en', figure, '2026-12-20');
    expect(december).toBe('€50,700 a year (€4,225 a month) (2026)');
    const january = renderFigure(texts.t, 'en', figure, '2027-01-10');
    expect(january).toBe('€50,700 a year (€4,225 a month) (2026); 2027 not confirmed yet');
    expect(renderFigure(texts.t, 'fr', figure, '2027-01-10')).toMatch(/2026.*2027 pas encore confirmé/);
    expect(checkFigures(figures, [{ file: 'a.md', text: '{{fig:blue-card-salary}}' }], '2027-01-10').errors).toEqual([]);
    expect(checkFigures(figures, [{ file: 'a.md', text: '{{fig:blue-card-salary}}' }], '2028-01-10').errors).toHaveLength(1);
  });

  it('must not carry an amount, and a known period must', () => {
    const bad = parseFigures('figures:\n  x:\n    name: x\n    unit: year\n    source: https://example.org/\n    thirdParty: true\n    values:\n      - { pending: true, amount: 3, from: 2027-01-01, until: 2027-12-31 }\n      - { from: 2028-01-01, until: 2028-12-31 }', 'y.yaml');
    expect(bad.problems).toHaveLength(2);
  });
});

describe('kb:check --today', () => {
  const { figures } = parseFigures(
    `figures:
  minimum-wage:
    name: the minimum wage
    unit: hour
    source: https://example.org/
    thirdParty: true
    values:
      - { amount: 13.90, from: 2026-01-01, until: 2026-12-31 }
      - { amount: 14.60, from: 2027-01-01, until: 2027-12-31 }`,
    'x.yaml',
  );

  it('fails on a placeholder with no value in force, and on an unknown figure', () => {
    const entry = [{ file: 'a.md', text: 'Wage: {{fig:minimum-wage}}. Other: {{fig:nothing}}' }];
    expect(checkFigures(figures, entry, '2027-06-01').errors).toEqual(['a.md: {{fig:nothing}}: no such figure in knowledge/_figures.yaml']);
    const late = checkFigures(figures, entry, '2028-01-01').errors;
    expect(late[0]).toMatch(/a\.md: \{\{fig:minimum-wage\}\} has no value in force on 2028-01-01 \(the last known one ended 2027-12-31\)/);
  });

  it('fails on a value written literally after its period ended, in any of the usual spellings', () => {
    for (const text of ['€13.90 an hour', '13,90 € pro Stunde', '13.90 يورو']) {
      expect(checkFigures(figures, [{ file: 'b.md', text }], '2027-01-02').errors, text).toHaveLength(1);
      expect(checkFigures(figures, [{ file: 'b.md', text }], '2026-12-31').errors, text).toEqual([]);
    }
    expect(checkFigures(figures, [{ file: 'b.md', text: '€113.90, €13.901, 1390' }], '2027-01-02').errors).toEqual([]);
  });

  it('warns 60 days before the last known value runs out, not earlier', () => {
    expect(checkFigures(figures, [], '2027-11-01').warnings).toEqual([
      'knowledge/_figures.yaml: minimum-wage: the last known value ends 2027-12-31 (in 60 days): add the next value',
    ]);
    expect(checkFigures(figures, [], '2027-10-31').warnings).toEqual([]);
  });

  it('the real knowledge base: passes on 2026-12-07 and on 2027-01-02 (2027 thresholds pending, said in warnings), fails on 2028-01-02', () => {
    const now = checkKnowledgeBase(PATHS.knowledge, new Date('2026-12-07T12:00:00Z'));
    expect(now.errors).toEqual([]);
    const next = checkKnowledgeBase(PATHS.knowledge, new Date('2027-01-02T12:00:00Z'));
    expect(next.errors).toEqual([]);
    expect(next.warnings).toContain('knowledge/_figures.yaml: blue-card-salary: the value for 2027-01-01…2027-12-31 is not confirmed yet; answers give the last confirmed one (2026) and say so: add the new value when it is published');
    const later = checkKnowledgeBase(PATHS.knowledge, new Date('2028-01-02T12:00:00Z'));
    expect(later.errors.some((e) => /work-eu-blue-card\/en\.md: \{\{fig:blue-card-salary\}\} has no value in force on 2028-01-02/.test(e))).toBe(true);
  });

  it('npm run kb:check -- --today: exit 1 when a figure has run out, a clear message for a bad date', async () => {
    const late = await runCli(['kb:check', '--today', '2028-01-02']);
    expect(late.code).toBe(1);
    expect(late.stdout).toMatch(/error: knowledge\/work-opportunity-card\/en\.md: \{\{fig:opportunity-card-funds\}\} has no value in force on 2028-01-02/);
    const bad = await runCli(['kb:check', '--today', '4 Dec']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--today "4 Dec" is not a date: use YYYY-MM-DD/);
  }, 60_000);
});
