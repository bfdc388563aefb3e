/** What `npm start` runs, as node arguments (its flags, then the script), so that tests and benches start the server the same way. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../src/paths.js';

export function npmStartArgs(): string[] {
  const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const [node, ...args] = scripts.start.trim().split(/\s+/);
  if (node !== 'node') throw new Error(`npm start does not run node: ${scripts.start}`);
  return args.map((a) => (a.startsWith('scripts/') ? join(ROOT, a) : a));
}
