/**
 * `npm run bench:conversations`: whole conversations, typed as people type, run through the same
 * machinery as `chat --jsonl` (in process, a fresh conversation and memory storage for each, the
 * conversation's own clock and channel), each turn checked against what must happen.
 *
 *   npm run bench:conversations                       tests/eval/conversations-dev.jsonl
 *   npm run bench:conversations -- --heldout          tests/eval/heldout/conversations.jsonl: only
 *                                                     counts and which checks failed, never what was typed
 *   npm run bench:conversations -- --heldout tests/eval/heldout/conversations-v2.jsonl   the second held-out set, likewise
 *   npm run bench:conversations -- path/to/x.jsonl    another set (reported like the dev set)
 *   npm run bench:conversations -- --json             one JSON object instead of text
 *
 * A line: {"id", "lang", "variant", "kind"?, "now", "channel", "turns": [{"text" | "tap" | "location",
 * "expect": {...}}]}. Expectations: asking (a kind or a list of kinds), lang, understood, topic,
 * (a more specific entry, whose `parent` is the topic expected, answers it, as in bench:kb),
 * safety (a danger kind, or true for any), centre_city, handoff_city, appointment_city (centre ids read as their cities from
 * knowledge/centres.yaml), appointment_local_prefix, cancelled (true: something was cancelled),
 * not_handoff (no handoff opened in the turn). A conversation passes when every expectation of
 * every turn holds. Its kind is "kind" when given, else read from its id (book, handoff, switch...),
 * else from what it checks (a booking, a handoff, a danger, a change of language...).
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCentres } from '../src/booking/centres.js';
import { loadKnowledgeBase } from '../src/knowledge/load.js';
import { answersTopic } from '../src/knowledge/parents.js';
import { parseJsonInput, runJsonTurn, SIMULATED_CHANNELS, type JsonResult, type SimulatedChannel } from '../src/channels/terminal/jsonl.js';
import { PATHS, ROOT } from '../src/paths.js';
import { createCore } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { createLogger } from '../src/server/logger.js';

const { values: args, positionals } = parseArgs({ allowPositionals: true, options: { heldout: { type: 'boolean' }, json: { type: 'boolean' } } });

interface Turn {
  text?: string;
  tap?: string;
  location?: { lat: number; lon: number };
  expect?: Record<string, unknown>;
}

interface Conversation {
  id: string;
  lang: string;
  variant?: string | null;
  kind?: string;
  now: string;
  channel?: string;
  turns: Turn[];
}

interface Outcome {
  id: string;
  group: string;
  kind: string;
  pass: boolean;
  turns: number;
  failure?: { turn: number; keys: string[]; expected: Record<string, unknown>; got: Record<string, unknown>; said: string };
}

// The briefs of these sets left out the question that asks the person's yes before a handoff (the
// issue wants it: no conversation goes to a centre the person did not confirm). Where one of their
// turns expects a handoff and gets that question, the bench taps its yes, as the person asking for
// a person would, and checks the turn on what follows.
const WRITTEN_WITHOUT_CONSENT = new Set(['conversations-v3.jsonl', 'conversations-dev23.jsonl']);

const asksConsent = (r: JsonResult): string | undefined =>
  r.flow === 'handoff' && r.asking === 'confirm' && r.handoff === null ? r.options.find((o) => /^handoff\.(confirm|consent):yes$/.test(o.id))?.id : undefined;

const CITY_BY_CENTRE = new Map(loadCentres(PATHS.centres).map((c) => [c.id, c.city]));
const city = (centreId: string | null | undefined): string | null => (centreId ? CITY_BY_CENTRE.get(centreId) ?? centreId : null);

/** What the result says for one expectation key (undefined: the key is unknown). */
const READ: Record<string, (r: JsonResult) => unknown> = {
  asking: (r) => r.asking,
  lang: (r) => r.lang,
  understood: (r) => r.understood,
  topic: (r) => r.topic,
  safety: (r) => r.safety,
  centre_city: (r) => city(r.centre),
  handoff_city: (r) => city(r.handoff),
  appointment_city: (r) => city(r.appointment?.centre),
  appointment_local_prefix: (r) => r.appointment?.local ?? null,
  cancelled: (r) => r.cancelled,
  not_handoff: (r) => r.handoff === null,
};

const kb = loadKnowledgeBase(PATHS.knowledge);

function holds(key: string, expected: unknown, got: unknown): boolean {
  // As in bench:kb, a more specific entry (route-atlantic, whose parent is risks-irregular-journey) answers its parent's topic.
  if (key === 'topic' && typeof expected === 'string') return answersTopic(kb, got as string | null, expected);
  if (key === 'asking' && Array.isArray(expected)) return expected.includes(got);
  if (key === 'appointment_local_prefix') return typeof got === 'string' && got.startsWith(String(expected));
  if (key === 'cancelled' && typeof expected === 'boolean') return expected === (got !== null);
  // "safety": true asks for safety guidance of any kind; a kind ("stranded") asks for that kind.
  if (key === 'safety' && typeof expected === 'boolean') return expected === (got !== null);
  return expected === got;
}

const KINDS: [RegExp, string][] = [
  [/privacy|delete/, 'privacy'],
  [/safety|danger|exploitation/, 'safety'],
  [/handoff|human|advisor/, 'handoff'],
  [/switch|language/, 'language'],
  [/smalltalk|greeting|courtesy/, 'smalltalk'],
  [/location/, 'location'],
  [/book|appointment|ref-|cancel|move/, 'booking'],
  [/question|followup|topic/, 'questions'],
];

/** Without a "kind" or a telling id, what the conversation checks says what it is about. */
function kindFromChecks(c: Conversation): string {
  const expects = c.turns.map((t) => t.expect ?? {});
  const checks = (key: string) => expects.some((e) => key in e);
  if (checks('safety')) return 'safety';
  if (checks('handoff_city')) return 'handoff';
  if (checks('appointment_city') || checks('cancelled')) return 'booking';
  if (c.turns.some((t) => t.location)) return 'location';
  if (checks('centre_city')) return 'booking';
  if (new Set(expects.map((e) => e.lang).filter(Boolean)).size > 1) return 'language';
  if (checks('topic')) return 'questions';
  return 'smalltalk';
}

const kindOf = (c: Conversation): string => c.kind ?? KINDS.find(([re]) => re.test(c.id))?.[1] ?? kindFromChecks(c);

function readSet(file: string): Conversation[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const c = JSON.parse(l) as Conversation;
      if (!Array.isArray(c.turns) || typeof c.now !== 'string') throw new Error(`${file}: line ${i + 1} needs "now" and "turns"`);
      return c;
    });
}

async function runConversation(c: Conversation, index: number, consentOmitted: boolean): Promise<Outcome> {
  const channel = (SIMULATED_CHANNELS as readonly string[]).includes(c.channel ?? '') ? (c.channel as SimulatedChannel) : 'terminal';
  const at = Date.parse(c.now);
  if (!Number.isFinite(at)) throw new Error(`conversation ${index + 1}: "now" is not an ISO time`);
  // A fresh conversation each time: memory storage, the conversation's clock, nobody slowed down, no Redis.
  const config = { ...loadConfig(), MESSAGES_PER_MINUTE: 10_000, REDIS_URL: undefined };
  const core = await createCore(config, createLogger('silent'), { storage: 'memory', now: () => new Date(at) });
  const outcome: Outcome = { id: c.id, group: c.variant ? `${c.lang}/${c.variant}` : c.lang, kind: kindOf(c), pass: true, turns: c.turns.length };
  try {
    for (const [i, turn] of c.turns.entries()) {
      const line = JSON.stringify(turn.text !== undefined ? { text: turn.text } : turn.tap !== undefined ? { tap: turn.tap } : { location: turn.location });
      const result = await runJsonTurn(core.conversations, channel, parseJsonInput(line, channel), `bench-${index}`);
      const expected = turn.expect ?? {};
      const yes = consentOmitted && 'handoff_city' in expected ? asksConsent(result) : undefined;
      // The turn's expectations hold on its reply or, once the bench said yes, on the reply to that.
      const replies = yes ? [result, await runJsonTurn(core.conversations, channel, parseJsonInput(JSON.stringify({ tap: yes }), channel), `bench-${index}`)] : [result];
      const failed = Object.entries(expected).filter(([key, want]) => !READ[key] || !replies.some((r) => holds(key, want, READ[key]!(r))));
      if (failed.length) {
        const keys = failed.map(([k]) => k);
        const got = Object.fromEntries(keys.map((k) => [k, READ[k] ? READ[k](result) : '(unknown expectation)']));
        outcome.pass = false;
        outcome.failure = { turn: i + 1, keys, expected: Object.fromEntries(failed), got, said: turn.text ?? (turn.tap ? `[tap ${turn.tap}]` : '[location]') };
        break;
      }
    }
  } finally {
    await core.close();
  }
  return outcome;
}

function totals(outcomes: Outcome[], by: (o: Outcome) => string): [string, { pass: number; n: number }][] {
  const t = new Map<string, { pass: number; n: number }>();
  for (const o of outcomes) {
    const row = t.get(by(o)) ?? { pass: 0, n: 0 };
    row.n += 1;
    if (o.pass) row.pass += 1;
    t.set(by(o), row);
  }
  return [...t.entries()].sort(([a], [b]) => a.localeCompare(b));
}

async function main(): Promise<void> {
  const heldout = Boolean(args.heldout);
  const file = positionals[0] ?? join(ROOT, heldout ? 'tests/eval/heldout/conversations.jsonl' : 'tests/eval/conversations-dev.jsonl');
  const set = readSet(file);
  const outcomes: Outcome[] = [];
  const started = performance.now();
  for (const [i, c] of set.entries()) {
    const o = await runConversation(c, i, WRITTEN_WITHOUT_CONSENT.has(basename(file)));
    outcomes.push(o);
    if (args.json) continue;
    // Held out: the number, group, kind and the names of the checks that failed; never what was typed or expected.
    const name = heldout ? `#${String(i + 1).padStart(2, '0')} ${o.group} ${o.kind}` : o.id;
    if (o.pass) console.log(`PASS ${name}`);
    else if (heldout) console.log(`FAIL ${name}: turn ${o.failure!.turn}/${o.turns} (${o.failure!.keys.join(', ')})`);
    else console.log(`FAIL ${name}: turn ${o.failure!.turn}/${o.turns} ${JSON.stringify(o.failure!.said)}\n     expected ${JSON.stringify(o.failure!.expected)}\n     got      ${JSON.stringify(o.failure!.got)}`);
  }
  const passed = outcomes.filter((o) => o.pass).length;
  const seconds = (performance.now() - started) / 1000;
  if (args.json) {
    const shown = heldout ? outcomes.map(({ group, kind, pass, turns, failure }, i) => ({ n: i + 1, group, kind, pass, turns, ...(failure ? { failedTurn: failure.turn, failedKeys: failure.keys } : {}) })) : outcomes;
    console.log(JSON.stringify({ set: heldout ? 'heldout' : file, passed, total: outcomes.length, byLanguage: Object.fromEntries(totals(outcomes, (o) => o.group)), byKind: Object.fromEntries(totals(outcomes, (o) => o.kind)), conversations: shown, seconds }));
    return;
  }
  console.log('');
  console.log(`${passed}/${outcomes.length} conversations go as the person needs (${seconds.toFixed(1)} s)`);
  for (const [title, by] of [['language', (o: Outcome) => o.group], ['kind', (o: Outcome) => o.kind]] as const) {
    console.log(`\nby ${title}:`);
    for (const [k, { pass, n }] of totals(outcomes, by)) console.log(`  ${k.padEnd(16)} ${String(pass).padStart(3)}/${n}`);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
