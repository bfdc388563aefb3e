/**
 * Runs every conversation transcript in tests/transcripts/*.yaml: the user says something, the
 * bot's reply must include (and must not include) the given texts. One generic runner, the real
 * flows and texts, the in-memory channel, a clock the transcript can move.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { degrade } from '../src/core/degrade.js';
import type { Inbound, Option, Outbound } from '../src/core/messages.js';
import { createTestCore, type TestCore } from './support/test-core.js';

const expectation = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v]));
const turnSchema = z.strictObject({
  user: z.string().optional(),
  tap: z.string().optional(),
  tapStale: z.string().optional(),
  location: z.tuple([z.number(), z.number()]).optional(),
  command: z.enum(['start', 'menu', 'language', 'human', 'delete', 'stop']).optional(),
  wait: z.string().regex(/^\d+(h|m)$/).optional(),
  bot: expectation.optional(),
  not: expectation.optional(),
  silent: z.boolean().optional(),
  lang: z.string().optional(),
});
const transcriptSchema = z.strictObject({
  name: z.string(),
  buttons: z.boolean().default(false),
  locale: z.string().optional(),
  country: z.string().optional(),
  turns: z.array(turnSchema).min(1),
});

const dir = join(import.meta.dirname, 'transcripts');
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();

/** What the person sees: options numbered where the channel has no buttons, as [label] where it has. */
function show(outbox: Outbound[], buttons: boolean): string {
  return degrade(outbox, { buttons })
    .map((m) => {
      switch (m.kind) {
        case 'options':
          return `${m.text}\n${m.options.map((o) => `[${o.label}]`).join(' ')}`;
        case 'card':
          return [m.title, m.text, m.linksHeading ?? '', ...m.links.map((l) => l.url), m.footer ?? ''].join('\n');
        case 'link':
          return `${m.text}\n${m.url}`;
        case 'locationRequest':
          return `${m.text}\n[${m.buttonLabel}]`;
        default:
          return m.text;
      }
    })
    .join('\n---\n');
}

function lastOptions(outbox: Outbound[]): Option[] {
  const opts = outbox.filter((m): m is Extract<Outbound, { kind: 'options' }> => m.kind === 'options');
  return opts.at(-1)?.options ?? [];
}

describe('conversation transcripts', () => {
  let core: TestCore;
  beforeAll(async () => {
    core = await createTestCore();
  });
  afterAll(async () => core.close());

  it('has transcripts to run', () => expect(files.length).toBeGreaterThan(5));

  for (const file of files) {
    it(file, async () => {
      const transcript = transcriptSchema.parse(parse(readFileSync(join(dir, file), 'utf8')));
      core.clock.reset(); // every transcript starts on Monday 23 November 2026, 10:00 UTC
      const ref = { channel: 'test', user: `${file}-${Math.random()}` };
      let options: Option[] = [];
      let previousOptions: Option[] = [];
      for (const [i, turn] of transcript.turns.entries()) {
        const where = `${file}, turn ${i + 1}`;
        if (turn.wait) {
          const n = Number(turn.wait.slice(0, -1));
          core.clock.advance(n * (turn.wait.endsWith('h') ? 3600_000 : 60_000));
        }
        let inbound: Inbound | undefined;
        if (turn.user !== undefined) inbound = { kind: 'text', text: turn.user };
        if (turn.command) inbound = { kind: 'command', name: turn.command };
        if (turn.location) inbound = { kind: 'location', lat: turn.location[0], lon: turn.location[1] };
        if (turn.tap !== undefined || turn.tapStale !== undefined) {
          const label = turn.tap ?? turn.tapStale!;
          const pool = turn.tap !== undefined ? options : previousOptions;
          const option = pool.find((o) => o.label === label);
          expect(option, `${where}: no option labelled "${label}" (have: ${pool.map((o) => o.label).join(' | ')})`).toBeDefined();
          inbound = { kind: 'choice', id: option!.id };
        }
        if (!inbound) continue;
        const { outbox } = await core.conversations.receive(ref, inbound, { locale: transcript.locale, country: transcript.country });
        const seen = show(outbox, transcript.buttons);
        if (turn.silent) expect(outbox, `${where}: expected no reply`).toEqual([]);
        for (const text of turn.bot ?? []) expect(seen, `${where}: reply should include "${text}"`).toContain(text);
        for (const text of turn.not ?? []) expect(seen, `${where}: reply should not include "${text}"`).not.toContain(text);
        if (turn.lang) {
          const state = await core.storage.conversations.load(`${ref.channel}:${ref.user}`);
          expect(state?.lang, `${where}: conversation language`).toBe(turn.lang);
        }
        const next = lastOptions(outbox);
        if (next.length) {
          previousOptions = options;
          options = next;
        }
      }
    });
  }
});
