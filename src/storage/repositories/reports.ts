/**
 * Counts for the centres' reports: one row per turn and per handoff or booking event, with no
 * message text and no address. A turn's person is kept only as a keyed hash of the conversation
 * (so distinct people can be counted), and delete my data and retention set it to NULL: what is
 * left cannot be tied to anyone.
 */
import { createHmac } from 'node:crypto';
import { whereClause, type Sql } from '../sql.js';
import type { ReportEvent, ReportFilter, ReportKind, ReportOutcome, ReportRows, ReportStore } from '../types.js';

/** The pseudonym of a conversation in reports: a keyed hash, apart from the log references. */
export function reportPerson(conversationId: string, key: Buffer): string {
  return createHmac('sha256', key).update(`reports\0${conversationId}`).digest('hex').slice(0, 32);
}

export class ReportRepository implements ReportStore {
  constructor(
    private readonly sql: Sql,
    private readonly key: Buffer,
  ) {}

  async add(e: ReportEvent): Promise<void> {
    await this.sql.run(
      'INSERT INTO report_events (at, day, centre_id, kind, channel, lang, country, topic, outcome, safety, seconds, person) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [e.at, e.day, e.centreId, e.kind, e.channel ?? null, e.lang ?? null, e.country ?? null, e.topic ?? null, e.outcome ?? null, e.safety ?? null, e.seconds ?? null,
        e.conversationId === undefined ? null : reportPerson(e.conversationId, this.key)],
    );
  }

  async rows(f: ReportFilter): Promise<ReportRows> {
    const { where, params } = whereClause<string>([
      ['day >= ?', f.from],
      ['day <= ?', f.to],
      ['centre_id = ?', f.centreId],
    ]);
    const num = (v: unknown) => Number(v); // PostgreSQL counts are bigint strings
    const turns = await this.sql.all<ReportRows['turns'][number]>(
      `SELECT day, channel, lang, country, topic, outcome, safety, COUNT(*) AS n FROM report_events${where} AND kind = 'turn' GROUP BY day, channel, lang, country, topic, outcome, safety`,
      params,
    );
    const visits = await this.sql.all<ReportRows['visits'][number]>(
      `SELECT DISTINCT day, person, channel, lang, country FROM report_events${where} AND kind = 'turn' AND person IS NOT NULL`,
      params,
    );
    const events = await this.sql.all<{ day: string; kind: ReportKind; n: unknown }>(`SELECT day, kind, COUNT(*) AS n FROM report_events${where} AND kind <> 'turn' GROUP BY day, kind`, params);
    const replies = await this.sql.all<{ seconds: unknown }>(`SELECT seconds FROM report_events${where} AND kind = 'handoff.replied' AND seconds IS NOT NULL`, params);
    return {
      turns: turns.map((r) => ({ ...r, outcome: r.outcome as ReportOutcome | null, n: num(r.n) })),
      visits,
      events: events.map((r) => ({ day: r.day, kind: r.kind, n: num(r.n) })),
      firstReplies: replies.map((r) => num(r.seconds)),
    };
  }

  async forgetConversation(conversationId: string): Promise<number> {
    return (await this.sql.run('UPDATE report_events SET person = NULL WHERE person = ?', [reportPerson(conversationId, this.key)])).changes;
  }
}
