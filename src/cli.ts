/**
 * The command line: `chat` (the terminal channel), `ask` (knowledge answers), `kb:check`.
 * Run through npm scripts, e.g. `npm run chat -- --lang fr`.
 */
import { parseArgs } from 'node:util';
import { runTerminalChat } from './channels/terminal/chat.js';
import { runJsonChat, SIMULATED_CHANNELS, type SimulatedChannel } from './channels/terminal/jsonl.js';
import { ask, UsageError } from './cli/ask.js';
import { kbCheck } from './cli/kb-check.js';
import { staff } from './cli/staff.js';
import { WegweiserError } from './core/errors.js';
import { createCore } from './server/app.js';
import { loadConfig } from './server/config.js';
import { createLogger } from './server/logger.js';

async function chat(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { lang: { type: 'string' }, jsonl: { type: 'boolean' }, now: { type: 'string' }, channel: { type: 'string' } },
  });
  const channel = (values.channel ?? 'terminal') as SimulatedChannel;
  if (!SIMULATED_CHANNELS.includes(channel)) throw new UsageError(`--channel must be one of ${SIMULATED_CHANNELS.join(', ')}`);
  if (values.channel && !values.jsonl) throw new UsageError('--channel needs --jsonl');
  const fixed = values.now === undefined ? undefined : Date.parse(values.now);
  if (fixed !== undefined && !Number.isFinite(fixed)) throw new UsageError('--now must be an ISO time such as 2026-12-07T09:00:00Z');
  // One person at a keyboard or one test script: nobody to slow down, even with the clock stopped.
  const config = { ...loadConfig(), MESSAGES_PER_MINUTE: 10_000 };
  const core = await createCore(config, createLogger('silent'), { storage: 'memory', ...(fixed !== undefined ? { now: () => new Date(fixed) } : {}) });
  const io = { conversations: core.conversations, input: process.stdin, write: (text: string) => process.stdout.write(text), lang: values.lang };
  if (values.jsonl) await runJsonChat({ ...io, channel });
  else await runTerminalChat({ ...io, prompt: process.stdin.isTTY === true });
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
