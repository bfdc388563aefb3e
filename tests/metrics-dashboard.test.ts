/**
 * The operators' metrics and the Grafana dashboard in ops/grafana/wegweiser.json: after a few
 * turns (an answer, a question declined, a danger, a handoff with a reply and a close, a booking
 * and a cancel, a reminder, a reply whose channel is down) GET /metrics carries every metric and
 * label value a dashboard panel queries, every wegweiser_* metric has a panel, and no label holds
 * anything a person wrote.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../src/paths.js';
import { startTestServer, type RunningServer } from './support/server.js';

const METRICS_TOKEN = 'metrics-token-0123456789';
const dashboard = JSON.parse(readFileSync(join(ROOT, 'ops', 'grafana', 'wegweiser.json'), 'utf8')) as { panels: { title: string; targets: { expr: string }[] }[] };
const exprs = dashboard.panels.flatMap((p) => p.targets.map((t) => ({ panel: p.title, expr: t.expr })));
const METRIC = /\b((?:wegweiser|process|nodejs)_[a-z0-9_]+)\b(\{[^}]*\})?/g;

describe('metrics for operators', () => {
  let server: RunningServer;
  let exposition: string;
  const said: string[] = [];

  beforeAll(async () => {
    server = await startTestServer({ METRICS_TOKEN });
    const { core } = server;
    core.senders.set('telegram', { send: async () => ({ status: 'sent' }) });
    const say = async (person: { channel: string; user: string }, texts: string[]) => {
      for (const text of texts) {
        said.push(text);
        await core.conversations.receive(person, { kind: 'text', text }, { country: 'GH' });
      }
    };
    await say({ channel: 'telegram', user: '7001' }, ['hello', 'how can I apply for the German national visa?', 'what is the best pizza recipe in town', 'my employer took my passport and locks me in', 'talk to a person', 'Accra', '1']);
    await say({ channel: 'telegram', user: '7002' }, ['hello', '4', '1', 'I live in Kumasi', '1', '2', '3', 'Kofi Boateng', '+233 20 111 2222', '1']);
    await say({ channel: 'telegram', user: '7003' }, ['hello', '4', '1', 'I live in Kumasi', '1', '2', '4', 'Ama Owusu', '+233 20 333 4444', '1', '4', 'My appointment', '1']);
    const advisor = await core.auth.create({ email: 'efua@accra.example', password: 'correct horse battery', centreId: 'gh-accra', role: 'advisor' });
    const [handoff] = await core.handoffs.list(advisor);
    core.clock.advance(4 * 60_000);
    expect((await core.handoffs.reply(advisor, handoff!.id, 'Hello from the centre')).status).toBe('ok');
    // The channel is down for the next reply: it waits in the outbox, and its retry fails.
    core.senders.set('telegram', { send: async () => ({ status: 'failed', reason: 'down' }) });
    expect((await core.handoffs.reply(advisor, handoff!.id, 'Are you still there?')).status).toBe('queued');
    core.clock.advance(2 * 60_000);
    await core.jobs.tick();
    core.senders.set('telegram', { send: async () => ({ status: 'sent' }) });
    expect((await core.handoffs.close(advisor, handoff!.id)).status).toBe('ok');
    core.clock.advance(Date.parse('2026-11-24T10:00:30Z') - core.clock.now().getTime());
    await core.jobs.tick(); // the reminder of the booking kept
    const res = await fetch(`${server.base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(res.status).toBe(200);
    exposition = await res.text();
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  /** The exposition's samples: name and labels of every line with a value. */
  const samples = () =>
    exposition
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => {
        const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})?\s+(\S+)/.exec(l)!;
        return { name: m[1]!, labels: m[2] ?? '', value: Number(m[3]) };
      });

  it('still needs the token', async () => {
    expect((await fetch(`${server.base}/metrics`)).status).toBe(401);
  });

  it('has a sample of every metric and label value a dashboard panel queries', () => {
    expect(exprs.length).toBeGreaterThan(10);
    const all = samples();
    for (const { panel, expr } of exprs) {
      const used = [...expr.matchAll(METRIC)];
      expect(used.length, `${panel}: ${expr}`).toBeGreaterThan(0);
      for (const [, name, matchers] of used) {
        const mine = all.filter((s) => s.name === name);
        expect(mine.length, `${panel}: ${name} is not in /metrics`).toBeGreaterThan(0);
        for (const [, label, value] of (matchers ?? '').matchAll(/(\w+)="([^"]*)"/g)) {
          expect(mine.some((s) => s.labels.includes(`${label}="${value}"`)), `${panel}: no ${name} with ${label}="${value}"`).toBe(true);
        }
      }
    }
  });

  it('counts what the turns and the staff did', () => {
    const value = (name: string, labels: string) => samples().find((s) => s.name === name && s.labels === labels)?.value;
    expect(value('wegweiser_questions_total', '{channel="telegram",lang="en",outcome="declined"}')).toBe(1);
    expect(value('wegweiser_topic_answers_total', '{topic="visa-application"}')).toBe(1);
    expect(value('wegweiser_danger_messages_total', '{category="exploitation"}')).toBe(1);
    expect(value('wegweiser_handoff_events_total', '{event="opened"}')).toBe(1);
    expect(value('wegweiser_handoff_events_total', '{event="replied"}')).toBe(1);
    expect(value('wegweiser_handoff_events_total', '{event="closed"}')).toBe(1);
    expect(value('wegweiser_handoff_first_reply_seconds_count', '')).toBe(1);
    expect(value('wegweiser_handoff_first_reply_seconds_sum', '')).toBe(240);
    expect(value('wegweiser_booking_events_total', '{event="made",via="chat"}')).toBe(2);
    expect(value('wegweiser_booking_events_total', '{event="cancelled",via="chat"}')).toBe(1);
    expect(value('wegweiser_booking_events_total', '{event="reminded",via="job"}')).toBe(1);
    expect(value('wegweiser_outbox_failures_total', '{kind="send"}')).toBe(1);
    expect(value('wegweiser_outbox_jobs_total', '{kind="reminder",outcome="done"}')).toBe(1);
  });

  it('shows every wegweiser metric on the dashboard, with labels of bounded values only', () => {
    const names = new Set(samples().filter((s) => s.name.startsWith('wegweiser_')).map((s) => s.name.replace(/_(bucket|sum|count)$/, '')));
    const queried = exprs.map((e) => e.expr).join('\n');
    for (const name of names) expect(queried, `no panel shows ${name}`).toContain(name);
    for (const text of said.filter((t) => t.length > 3)) expect(exposition).not.toContain(text);
  });
});
