/**
 * The knowledge base and its answers: kb:check passes, the topic list matches the shared one,
 * the `ask` contract holds (JSON, JSON lines, bad input), answers come in the person's language
 * or the nearest one with a note, and the retriever abstains on what it does not know.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkKnowledgeBase } from '../src/knowledge/check.js';
import { composeAnswer, composeDetails, pickEntry, splitMessages } from '../src/knowledge/compose.js';
import { countWords, parseEntry, SHORT_ANSWER_WORDS_PENDING } from '../src/knowledge/entry.js';
import { parseTopicList, readKnowledgeBase } from '../src/knowledge/load.js';
import { answersTopic, topicParent } from '../src/knowledge/parents.js';
import { loadSafetySignals } from '../src/knowledge/safety.js';
import { KnowledgeService } from '../src/knowledge/service.js';
import { createTexts, loadLocales } from '../src/i18n/index.js';
import { PATHS, ROOT } from '../src/paths.js';
import { loadKnowledge } from '../src/knowledge/open.js';
import { runCli } from './support/run-cli.js';

const texts = createTexts(loadLocales(PATHS.locales));
/** The 43 topics of shared/kb-topics.yaml and two routes under risks-irregular-journey. */
const TOPICS = 45;
let service: KnowledgeService;
const { kb, retriever } = await loadKnowledge();

beforeAll(() => {
  service = new KnowledgeService(kb, retriever, texts.t, loadSafetySignals(PATHS.safetySignals));
});

describe('knowledge base', () => {
  it('passes kb:check: every topic in every language, sourced, dated, short enough, no shared question', () => {
    const report = checkKnowledgeBase(PATHS.knowledge);
    expect(report.errors).toEqual([]);
    expect(report.topics).toBe(TOPICS);
    expect(report.files).toBe(TOPICS * 9);
  });

  it('covers exactly the topics of shared/kb-topics.yaml', () => {
    const shared = join(ROOT, '..', 'shared', 'kb-topics.yaml');
    const ours = parseTopicList(readFileSync(join(PATHS.knowledge, 'topics.yaml'), 'utf8')).map((t) => t.id);
    // The shared topics in their order; ours adds only more specific topics, each under a parent.
    if (existsSync(shared)) {
      const required = parseTopicList(readFileSync(shared, 'utf8')).map((t) => t.id);
      expect(ours.filter((id) => required.includes(id))).toEqual(required);
      expect(ours.filter((id) => !required.includes(id)).filter((id) => !topicParent(kb, id))).toEqual([]);
    }
    expect(ours).toHaveLength(TOPICS);
    expect([...kb.entries.keys()].sort()).toEqual([...ours].sort());
  });

  it('rejects a broken entry with the file and what is wrong', () => {
    expect(parseEntry('no front matter', 'x.md').problems).toEqual(['x.md: no front matter (--- ... ---) at the top']);
    const bad = parseEntry('---\nid: a\nlang: xx\ntitle: T\nreviewed: 2026-13\nsources: [http://a.b/...]\nquestions: [q]\n---\nshort', 'y.md').problems.join('\n');
    expect(bad).toMatch(/y\.md: lang:/);
    expect(bad).toMatch(/y\.md: reviewed: use YYYY-MM-DD/);
    expect(bad).toMatch(/y\.md: sources\.0: a shortened URL/);
  });

  it('accepts a parent that exists, the same in every language, and rejects any other', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wegweiser-parent-'));
    const entry = (id: string, lang: string, parent?: string) =>
      [
        '---', `id: ${id}`, `lang: ${lang}`, 'title: T', 'reviewed: 2026-12-04', 'sources: [https://missingmigrants.iom.int/]',
        ...(parent ? [`parent: ${parent}`] : []),
        'questions:', ...Array.from({ length: 12 }, (_, i) => `  - ${id} ${lang} question ${i}`),
        '---', 'Short.', '', '<!-- more -->', '', 'Details.', 'https://missingmigrants.iom.int/', '',
      ].join('\n');
    const write = (id: string, parents: Partial<Record<string, string>>) => {
      mkdirSync(join(dir, id), { recursive: true });
      for (const lang of ['en', 'fr', 'ar', 'de', 'ur', 'id', 'sq', 'sr', 'es']) writeFileSync(join(dir, id, `${lang}.md`), entry(id, lang, parents[lang]));
    };
    const all = (parent: string) => Object.fromEntries(['en', 'fr', 'ar', 'de', 'ur', 'id', 'sq', 'sr', 'es'].map((l) => [l, parent]));
    writeFileSync(join(dir, 'topics.yaml'), 'topics:\n' + ['broad', 'narrow', 'orphan', 'split', 'deep', 'self'].map((id) => `  - id: ${id}\n`).join(''));
    write('broad', {});
    write('narrow', all('broad'));
    write('orphan', all('no-such-topic'));
    write('split', { ...all('broad'), sr: 'narrow' });
    write('deep', all('narrow'));
    write('self', all('self'));
    const errors = checkKnowledgeBase(dir).errors.join('\n');
    expect(errors).not.toMatch(/narrow\/|broad\//);
    expect(errors).toMatch(/orphan\/\w+\.md: parent "no-such-topic" is not a topic of the knowledge base/);
    expect(errors).toMatch(/split\/sr\.md: parent "narrow" differs from "broad"/);
    expect(errors).toMatch(/deep\/\w+\.md: parent "narrow" has a parent itself/);
    expect(errors).toMatch(/self\/\w+\.md: parent is the topic itself/);
    expect(parseEntry(entry('x', 'en', 'Not An Id'), 'x.md').problems.join()).toMatch(/x\.md: parent: a topic id/);
  });

  it('files the two routes under the irregular journey, so an answer with a route counts as right for it', () => {
    for (const id of ['route-eastern-med-balkans', 'route-atlantic']) {
      expect(topicParent(kb, id)).toBe('risks-irregular-journey');
      expect(answersTopic(kb, id, 'risks-irregular-journey')).toBe(true);
      expect(answersTopic(kb, 'risks-irregular-journey', id)).toBe(false);
    }
    expect(answersTopic(kb, 'route-atlantic', 'risks-smuggling')).toBe(false);
    expect(answersTopic(kb, null, 'risks-irregular-journey')).toBe(false);
  });
});

describe('answers', () => {
  it('answers in the person’s language with sources and the review date', () => {
    const entry = pickEntry(kb.entries.get('work-eu-blue-card')!, 'de')!;
    const card = composeAnswer(texts.t, 'de', entry);
    expect(card).toMatchObject({ kind: 'card', title: entry.title, text: entry.short, footer: `Zuletzt geprüft: ${entry.reviewed}` });
    expect(card.kind === 'card' && card.links.map((l) => l.url)).toEqual(entry.sources.slice(0, 3));
    const details = composeDetails(texts.t, 'de', entry).map((m) => (m.kind === 'text' ? m.text : '')).join('\n\n');
    for (const url of entry.sources) expect(details).toContain(url);
  });

  it('sends "more details" as short messages, in the person’s own language for every topic and language', async () => {
    // Details still to be written in these languages (they fall back to English meanwhile).
    const pending = new Set(['id', 'sq', 'sr']);
    for (const [topic, byLang] of kb.entries) {
      for (const lang of [...byLang.keys()].filter((l) => !pending.has(l))) {
        const { outbox } = await service.actions().knowledgeDetails({ lang, topic });
        const texts = outbox.map((m) => (m.kind === 'text' ? m.text : ''));
        expect(texts.length, `${topic}/${lang}`).toBeGreaterThan(1);
        for (const text of texts) expect([...text].length, `${topic}/${lang}`).toBeLessThanOrEqual(700);
        expect(pickEntry(byLang, lang, 'details')?.lang, `${topic}/${lang}: details fall back to another language`).toBe(lang);
      }
    }
  });

  it('cuts a text at paragraphs, then lines, never above the limit', () => {
    const para = (n: number) => 'x'.repeat(n);
    expect(splitMessages(`${para(300)}\n\n${para(300)}\n\n${para(300)}`)).toEqual([`${para(300)}\n\n${para(300)}`, para(300)]);
    const long = Array.from({ length: 20 }, () => `- ${para(60)}`).join('\n');
    const parts = splitMessages(long);
    expect(parts.join('\n')).toBe(long);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(700);
  });

  it('keeps every first reply short: about 60 words, never above 90, in every language', () => {
    const report = checkKnowledgeBase(PATHS.knowledge);
    const done = Object.entries(report.shortWords).filter(([lang]) => !SHORT_ANSWER_WORDS_PENDING.includes(lang));
    expect(done.map(([lang]) => lang).sort()).toEqual(['ar', 'de', 'en', 'es', 'fr', 'id', 'sq', 'sr', 'ur']);
    for (const [lang, stats] of done) expect(stats.max, `${lang}: ${stats.longest}`).toBeLessThanOrEqual(90);
    // Rewritten to one idea, the next step and at most one link: 60 words at most, none above.
    const sixty = ['en', 'fr', 'ar', 'de', 'id', 'sq', 'sr'];
    for (const lang of sixty) expect(report.shortWords[lang as keyof typeof report.shortWords]?.max, `${lang}: ${report.shortWords[lang as keyof typeof report.shortWords]?.longest}`).toBeLessThanOrEqual(60);
    expect(countWords('Die Chancenkarte {{fig:x}} https://a.de/b — 20 Stunden.')).toBe(6);
    expect(countWords('آپ کام تلاش کر سکتے ہیں۔')).toBe(6);
  });

  it('gives details in the nearest language that has them, with a one-line note', () => {
    const byLang = kb.entries.get('risks-smuggling')!;
    const urdu = byLang.get('ur')!;
    const entry = pickEntry(byLang, 'ur', 'details')!;
    if (urdu.details) return expect(entry.lang).toBe('ur');
    expect(entry.lang).toBe('en');
    const [first] = composeDetails(texts.t, 'ur', entry);
    expect(first?.kind === 'text' && first.text).toContain(texts.t('ur', 'answer.otherLanguage', { language: 'English' }));
  });

  it('finds the right topic for plain questions in several languages', async () => {
    const cases: [string, 'en' | 'fr' | 'ar' | 'de' | 'ur' | 'es', string][] = [
      ['what is the opportunity card chancenkarte', 'en', 'work-opportunity-card'],
      ['comment faire reconnaître mon diplôme en Allemagne', 'fr', 'work-recognition'],
      ['هل ركوب القارب من ليبيا إلى إيطاليا خطير', 'ar', 'risks-irregular-journey'],
      ['Wie lösche ich meine Daten in diesem Chat', 'de', 'privacy-data'],
    ];
    for (const [q, lang, id] of cases) expect((await service.ask(q, lang)).id, q).toBe(id);
  });

  it('finds Serbian typed in Cyrillic as it finds it in Latin letters', async () => {
    expect((await service.ask('Како да признам диплому из Србије у Немачкој?', 'sr')).id).toBe('work-recognition');
    expect((await service.ask('Где могу да учим немачки језик и да положим Гете испит?', 'sr')).id).toBe('language-learning');
  });

  it('abstains on what it does not know, in the person’s language', async () => {
    for (const q of ['what is the weather in Accra tomorrow', 'écris-moi un poème sur la mer', 'asdkjh qwe zzz']) {
      const r = await service.ask(q, 'fr');
      expect(r.id, q).toBeNull();
      expect(r.answer).toBe(texts.t('fr', 'fallback.notSure'));
      expect(r.sources).toEqual([]);
    }
  });
});

describe('npm run ask', () => {
  it('names the danger a question describes in "safety"', async () => {
    const { code, stdout } = await runCli(['ask', '--json', 'the engine stopped, we are drifting since yesterday, no food']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).safety).toBe('stranded');
  });

  it('prints one JSON object with the contract fields', async () => {
    const { code, stdout } = await runCli(['ask', '--lang', 'fr', '--json', 'c koi la carte bleue européenne']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(Object.keys(result).sort()).toEqual(['answer', 'choices', 'details', 'id', 'lang', 'safety', 'score', 'sources']);
    expect(result.details.length).toBeGreaterThan(0);
    expect(result).toMatchObject({ id: 'work-eu-blue-card', lang: 'fr', safety: null, choices: [] });
    expect(typeof result.score).toBe('number');
    expect(result.sources.every((s: string) => s.startsWith('http'))).toBe(true);
  });

  it('reads JSON lines and answers each, in order, with an error line for a bad one', async () => {
    const input = [
      JSON.stringify({ q: 'is the boat from libya to italy safe', lang: 'en' }),
      'this is not json',
      JSON.stringify({ q: 'tell me a joke about cats' }),
      JSON.stringify({ q: 'comment préparer un rendez-vous au centre', lang: 'fr', country: 'MA' }),
      JSON.stringify({ q: 'hola', lang: 'xx' }),
    ].join('\n');
    const { code, stdout } = await runCli(['ask', '--jsonl'], input);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatchObject({ id: 'risks-irregular-journey', lang: 'en' });
    expect(lines[1]).toMatchObject({ id: null, error: 'not a JSON object' });
    expect(lines[2]).toMatchObject({ id: null });
    expect(lines[3]).toMatchObject({ lang: 'fr' });
    expect(lines[4].error).toMatch(/unknown language "xx"/);
  });

  it('says clearly what is wrong with its arguments', async () => {
    const unknown = await runCli(['ask', '--lang', 'xx', 'hello']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown language "xx": use one of en, fr, ar/);
    const empty = await runCli(['ask']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/usage: npm run --silent ask/);
  });
});

describe('safety signals', () => {
  const safety = loadSafetySignals(PATHS.safetySignals);
  it('recognises danger in every category and several languages', () => {
    expect(safety.detect('my boss took my passport')).toEqual({ category: 'exploitation', topic: 'risks-trafficking' });
    expect(safety.detect('Ils ont pris mon passeport')?.category).toBe('exploitation');
    expect(safety.detect('the boat is sinking please help')?.category).toBe('stranded');
    expect(safety.detect('I want to die')?.category).toBe('selfharm');
  });

  it('leaves ordinary questions alone', () => {
    for (const q of ['where do I collect my passport after the visa', 'is the boat to italy safe', 'how do smugglers trick people', 'suicide statistics germany']) {
      expect(safety.detect(q), q).toBeUndefined();
    }
  });

  it('leads the answer with safety guidance and marks it urgent', async () => {
    const result = await service.actions().knowledgeAnswer({ question: 'they took my passport and locked me in', lang: 'en' });
    expect(result.urgent).toBe(true);
    expect(result.outbox[0]).toEqual({ kind: 'text', text: texts.t('en', 'safety.exploitation') });
    expect(result.outbox[1]).toMatchObject({ kind: 'card', title: kb.entries.get('risks-trafficking')!.get('en')!.title });
  });
});

describe('index snapshot', () => {
  it('a retriever restored from its snapshot on disk answers exactly as the one just built', async () => {
    const { mkdtempSync, readdirSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { KnowledgeRetriever } = await import('../src/knowledge/retriever.js');
    const dir = mkdtempSync(join(tmpdir(), 'wegweiser-index-'));
    // Eight topics are enough to show the snapshot is the index itself; the whole base takes minutes to train on 2 cores.
    const ids = ['work-eu-blue-card', 'work-opportunity-card', 'visa-application', 'return-reintegration-counselling', 'return-job-placement', 'risks-smuggling', 'study-university', 'human-advisor'];
    const small = { ...kb, entries: new Map(ids.map((id) => [id, kb.entries.get(id)!])), topics: kb.topics.filter((t) => ids.includes(t.id)), hash: `${kb.hash}-eight-topics` };
    const built = KnowledgeRetriever.build(small, { cacheDir: dir });
    const trained: number[] = [];
    const restored = KnowledgeRetriever.build(small, { cacheDir: dir, onProgress: (done) => trained.push(done) });
    expect(trained).toEqual([]); // read back, not trained again
    expect(readdirSync(dir).filter((f) => f.startsWith('index-'))).toHaveLength(1);
    for (const text of ['blue card salary 2026', 'كيف أحصل على تأشيرة عمل', 'wapas pakistan ja kar kaam', 'write me a poem', 'chancenkarte punkte']) {
      expect(await restored.retrieve({ text, lang: 'en' })).toEqual(await built.retrieve({ text, lang: 'en' }));
    }
  }, 300_000); // an index build: seconds for eight topics on 2 cores, longer when they are shared
});

describe('the parsed knowledge base kept for the next start', () => {
  it('is read back equal to the files, and a changed file is parsed again (never a stale answer)', () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'kb-cache-'));
    const kbDir = mkdtempSync(join(tmpdir(), 'kb-copy-'));
    cpSync(PATHS.knowledge, kbDir, { recursive: true });
    const parsed = readKnowledgeBase(kbDir, { cacheDir });
    expect(parsed.problems).toEqual([]);
    expect(readdirSync(cacheDir).filter((f) => f.startsWith('kb-'))).toHaveLength(1);
    const again = readKnowledgeBase(kbDir, { cacheDir });
    expect(again.kb).toEqual(parsed.kb);
    const file = join(kbDir, 'work-nursing-care', 'en.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Nurses in Germany'));
    const changed = readKnowledgeBase(kbDir, { cacheDir });
    expect(changed.kb.hash).not.toBe(parsed.kb.hash);
    expect(changed.kb.entries.get('work-nursing-care')!.get('en')!.title).toBe('Nurses in Germany');
  });
});
