/** `npm run kb:check [-- --today YYYY-MM-DD] [--stats]`: the knowledge base's errors (exit 1) and warnings, with counts, as of that day; --stats adds the words of the short answers per language (median / max). */
import { parseArgs } from 'node:util';
import { checkKnowledgeBase } from '../knowledge/check.js';
import { PATHS } from '../paths.js';
import { UsageError } from './ask.js';

export async function kbCheck(args: string[] = []): Promise<void> {
  const { values } = parseArgs({ args, options: { today: { type: 'string' }, stats: { type: 'boolean' } } });
  const today = values.today;
  if (today !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today)))) {
    throw new UsageError(`--today "${today}" is not a date: use YYYY-MM-DD`);
  }
  // Noon UTC is the same calendar day in Germany.
  const report = checkKnowledgeBase(PATHS.knowledge, today ? new Date(`${today}T12:00:00Z`) : new Date());
  for (const w of report.warnings) console.log(`warning: ${w}`);
  for (const e of report.errors) console.log(`error: ${e}`);
  console.log(`${report.topics} topics, ${report.files} files, ${report.questions} example questions: ${report.errors.length} errors, ${report.warnings.length} warnings`);
  if (values.stats) {
    console.log('short answers (first replies), words per language: median / max (longest entry)');
    for (const [lang, s] of Object.entries(report.shortWords)) console.log(`  ${lang}: ${s.median} / ${s.max} (${s.longest}; ${s.files} files)`);
  }
  if (report.errors.length) process.exitCode = 1;
}
