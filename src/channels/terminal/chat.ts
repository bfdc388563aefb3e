/**
 * The terminal channel: the same engine and flows on standard input and output. Lines piped in
 * are handled one after another, so scripts and tests can hold a whole conversation.
 */
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { Conversations } from '../../runtime/conversations.js';
import { parseTerminalLine } from './parse.js';
import { renderForTerminal } from './render.js';

export interface TerminalChatOptions {
  conversations: Conversations;
  input: NodeJS.ReadableStream;
  write: (text: string) => void;
  /** The language hint, like a channel's locale. */
  lang?: string;
  /** Show a prompt (interactive use). */
  prompt?: boolean;
}

export async function runTerminalChat(opts: TerminalChatOptions): Promise<void> {
  const ref = { channel: 'terminal', user: randomUUID() };
  const rl = createInterface({ input: opts.input, terminal: false });
  if (opts.prompt) opts.write('(Type a message. /menu, /language, /human, /delete, /stop; Ctrl+D to leave.)\n> ');
  for await (const line of rl) {
    const { outbox } = await opts.conversations.receive(ref, parseTerminalLine(line), opts.lang ? { locale: opts.lang } : {});
    opts.write(renderForTerminal(outbox).join('\n\n') + '\n\n');
    if (opts.prompt) opts.write('> ');
  }
}
