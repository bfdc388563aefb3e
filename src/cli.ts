/**
 * The command line: `chat` (the terminal channel), `ask` (knowledge answers), `kb:check`.
 * Run through npm scripts, e.g. `npm run chat -- --lang fr`.
 */
import { parseArgs } from 'node:util';
import { runTerminalChat } from './channels/terminal/chat.js';
import { ask, UsageError } from './cli/ask.js';
import { kbCheck } from './cli/kb-check.js';
import { staff } from './cli/staff.js';
import { WegweiserError } from './core/errors.js';
import { createCore } from './server/app.js';
import { loadConfig } from './server/config.js';
import { createLogger } from './server/logger.js';

async function chat(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { lang: { type: 'string' } } });
  const config = loadConfig();
  const core = await createCore(config, createLogger('silent'), { storage: 'memory' });
  await runTerminalChat({
    conversations: core.conversations,
    input: process.stdin,
    write: (text) => process.stdout.write(text),
    lang: values.lang,
    prompt: process.stdin.isTTY === true,
  });
  await core.close();
}

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = { chat, ask, 'kb:check': kbCheck, staff };

async function main(): Promise<void> {
  const [command = '', ...args] = process.argv.slice(2);
  const run = COMMANDS[command];
  if (!run) {
    console.error(`usage: tsx src/cli.ts <${Object.keys(COMMANDS).join('|')}> [options]`);
    process.exit(2);
  }
  await run(args);
}

main().catch((err: unknown) => {
  if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error((err as Error).message);
    process.exit(2);
  }
  console.error(err instanceof WegweiserError ? err.message : err);
  process.exit(1);
});
