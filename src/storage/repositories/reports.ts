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
  // Every turn asks for it: the recent ones are remembered (per key, a bounded number).
  let known = pseudonyms.get(key);
  if (!known) pseudonyms.set(key, (known = new Map()));
  let person = known.get(conversationId);
  if (person === undefined) {
    person = createHmac('sha256', key).update(`reports\0${conversationId}`).digest('hex').slice(0, 32);
    if (known.size >= 10_000) known.clear();
    known.set(conversationId, person);
  }
  return person;
}

const pseudonyms = new WeakMap<Buffer, Map<string, string>>();

const COLUMNS = '(at, day, centre_id, kind, channel, lang, country, topic, outcome, safety, seconds, person)';
const ROW = '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
type Row = [string, string, string | null, string, string | null, string | null, string | null, string | null, string | null, string | null, number | null, string | null];
const PERSON = 11;

/**
 * Events written outside a transaction (every turn's) are gathered for a moment and written
 * together, one statement for many: a turn then costs the database no statement of its own for
 * its count. Read, forget and close write them first; a person forgotten meanwhile loses the
 * link in the gathered rows too.
 */
export class ReportBuffer {
  private rows: Row[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> = Promise.resolve();
  /** The rows being written, and the people forgotten while they were: unlinked once the write is done. */
  private inFlight: readonly Row[] = [];
  private forgottenInFlight = new Set<string>();

  constructor(
    private readonly sql: Sql,
    /** How long an event may wait, and how many are written in one statement. */
    private readonly waitMs = 250,
    private readonly batch = 80,
  ) {}

  add(row: Row): void {
    this.rows.push(row);
    if (this.rows.length >= this.batch) void this.flush().catch(() => undefined);
    else this.timer ??= setTimeout(() => void this.flush().catch(() => undefined), this.waitMs).unref();
  }

  /** Writes what is gathered (after any write under way); a failed write keeps its rows for the next (at most 50 batches). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    // After a failed write (its error went to that flush's caller) the next one tries again.
    this.writing = this.writing.catch(() => undefined).then(async () => {
      while (this.rows.length) {
        const rows = this.rows.slice(0, this.batch);
        this.inFlight = rows;
        try {
          await this.sql.run(`INSERT INTO report_events ${COLUMNS} VALUES ${rows.map(() => ROW).join(', ')}`, rows.flat());
        } catch (err) {
          this.rows = this.rows.slice(-this.batch * 50);
          throw err;
        } finally {
          this.inFlight = [];
        }
        this.rows.splice(0, rows.length);
        if (this.forgottenInFlight.size) {
          const people = [...this.forgottenInFlight];
          this.forgottenInFlight.clear();
          await this.sql.run(`UPDATE report_events SET person = NULL WHERE person IN (${people.map(() => '?').join(', ')})`, people);
        }
      }
    });
    return this.writing;
  }

  /** Delete my data, for the rows not written yet. */
  forget(person: string): number {
    let unlinked = 0;
    if (this.inFlight.some((row) => row[PERSON] === person)) this.forgottenInFlight.add(person);
    for (const row of this.rows) {
      if (row[PERSON] !== person) continue;
      row[PERSON] = null;
      unlinked++;
    }
    return unlinked;
  }
}

export class ReportRepository implements ReportStore {
  constructor(
    private readonly sql: Sql,
    private readonly key: Buffer,
    /** Outside transactions: where events are gathered (inside one they are written with it). */
    private readonly buffer?: ReportBuffer,
  ) {}

  async add(e: ReportEvent): Promise<void> {
    const row: Row = [e.at, e.day, e.centreId, e.kind, e.channel ?? null, e.lang ?? null, e.country ?? null, e.topic ?? null, e.outcome ?? null, e.safety ?? null, e.seconds ?? null,
      e.conversationId === undefined ? null : reportPerson(e.conversationId, this.key)];
    if (this.buffer) this.buffer.add(row);
    else await this.sql.run(`INSERT INTO report_events ${COLUMNS} VALUES ${ROW}`, row);
  }

  async rows(f: ReportFilter): Promise<ReportRows> {
    const { where, params } = whereClause<string>([
      ['day >= ?', f.from],
      ['day <= ?', f.to],
      ['centre_id = ?', f.centreId],
    ]);
    await this.buffer?.flush();
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

  async forgetConversation(conversationId: string, gathered?: ReportBuffer): Promise<number> {
    const person = reportPerson(conversationId, this.key);
    const waiting = (gathered ?? this.buffer)?.forget(person) ?? 0;
    return waiting + (await this.sql.run('UPDATE report_events SET person = NULL WHERE person = ?', [person])).changes;
  }
}
