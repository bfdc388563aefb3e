/**
 * The report events gathered between writes (ReportBuffer): a write that fails keeps its rows, and
 * the next write takes them with the new ones — a failure never stops the reports for good.
 */
import { describe, expect, it } from 'vitest';
import { ReportBuffer } from '../src/storage/repositories/reports.js';
import type { Sql, SqlValue } from '../src/storage/sql.js';

type Row = Parameters<ReportBuffer['add']>[0];
const row = (day: string): Row => ['2026-12-05T10:00:00.000Z', day, null, 'turn', 'whatsapp', 'en', 'GH', null, null, null, null, null];

describe('gathered report events', () => {
  it('writes again after a failed write, the failed rows included, each once', async () => {
    const written: SqlValue[][] = [];
    let failNext = true;
    const sql = {
      run: async (_text: string, params: readonly SqlValue[] = []) => {
        if (failNext) {
          failNext = false;
          throw new Error('database is locked');
        }
        written.push([...params]);
        return { changes: params.length / 12 };
      },
    } as unknown as Sql;
    const buffer = new ReportBuffer(sql, 60_000);
    buffer.add(row('2026-12-05'));
    await expect(buffer.flush()).rejects.toThrow('database is locked');
    buffer.add(row('2026-12-06'));
    await buffer.flush();
    expect(written).toHaveLength(1);
    expect(written[0]!.filter((v) => typeof v === 'string' && /^2026-12-0\d$/.test(v))).toEqual(['2026-12-05', '2026-12-06']);
    await buffer.flush(); // nothing left
    expect(written).toHaveLength(1);
  });
});
