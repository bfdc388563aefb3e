/** `npm run kb:check`: the knowledge base's errors (exit 1) and warnings, with counts. */
import { checkKnowledgeBase } from '../knowledge/check.js';
import { PATHS } from '../paths.js';

export async function kbCheck(): Promise<void> {
  const report = checkKnowledgeBase(PATHS.knowledge);
  for (const w of report.warnings) console.log(`warning: ${w}`);
  for (const e of report.errors) console.log(`error: ${e}`);
  console.log(`${report.topics} topics, ${report.files} files, ${report.questions} example questions: ${report.errors.length} errors, ${report.warnings.length} warnings`);
  if (report.errors.length) process.exitCode = 1;
}
