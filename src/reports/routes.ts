/**
 * The reports API, scoped like every staff route (an advisor: their centre; an admin: all, or
 * the one asked for):
 *   GET /api/reports?from=YYYY-MM-DD&to=YYYY-MM-DD[&centreId=][&format=csv]
 * and the chart library the console page draws with, served from node_modules (no CDN):
 *   GET /staff/vendor/chart.umd.min.js
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { StaffAuth } from '../staff/auth.js';
import { requireStaff, scopeOrReply } from '../staff/http.js';
import type { ReportStore } from '../storage/types.js';
import { buildReport, MAX_REPORT_DAYS, reportCsv } from './report.js';

export const CHART_LIBRARY_PATH = '/staff/vendor/chart.umd.min.js';

export interface ReportsApiDeps {
  store: ReportStore;
  auth: StaffAuth;
  centreIds: ReadonlySet<string>;
}

const isDay = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

/** The Chart.js build for browsers (one self-contained file), read once; undefined when it is not installed. */
function chartLibrary(): Buffer | undefined {
  try {
    const main = createRequire(import.meta.url).resolve('chart.js');
    return readFileSync(join(dirname(main), 'chart.umd.min.js'));
  } catch {
    return undefined;
  }
}

export function registerReportsApi(app: FastifyInstance, deps: ReportsApiDeps): void {
  app.get<{ Querystring: { from?: unknown; to?: unknown; centreId?: unknown; format?: unknown } }>('/api/reports', async (req, reply) => {
    const member = await requireStaff(req, reply, deps.auth);
    if (!member) return reply;
    const { from, to, format } = req.query;
    if (!isDay(from) || !isDay(to)) return reply.code(400).send({ error: 'from and to must be days, YYYY-MM-DD' });
    if (from > to) return reply.code(400).send({ error: 'from must not be after to' });
    if ((Date.parse(to) - Date.parse(from)) / 86_400_000 + 1 > MAX_REPORT_DAYS) return reply.code(400).send({ error: `at most ${MAX_REPORT_DAYS} days at a time` });
    if (format !== undefined && format !== 'json' && format !== 'csv') return reply.code(400).send({ error: 'format must be json or csv' });
    const scope = scopeOrReply(reply, member, req.query.centreId);
    if (!scope) return reply;
    if (scope.centreId !== undefined && !deps.centreIds.has(scope.centreId)) return reply.code(400).send({ error: `no centre ${scope.centreId}: see GET /api/centres` });
    const filter = { from, to, ...(scope.centreId === undefined ? {} : { centreId: scope.centreId }) };
    const report = buildReport(filter, await deps.store.rows(filter));
    reply.header('cache-control', 'no-store');
    if (format !== 'csv') return report;
    const name = `wegweiser-report-${scope.centreId ?? 'all'}-${from}-${to}.csv`;
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).send(reportCsv(report));
  });

  // A missing library leaves the reports page with its tables of numbers, and says what to do.
  const library = chartLibrary();
  if (!library) app.log.error('chart.js is not installed: the reports page shows its numbers without charts; run npm install');
  app.get(CHART_LIBRARY_PATH, async (_req, reply) =>
    library
      ? reply.type('application/javascript; charset=utf-8').header('x-content-type-options', 'nosniff').header('cache-control', 'public, max-age=86400').send(library)
      : reply.code(503).send({ error: 'chart.js is not installed on this server: run npm install' }),
  );
}
