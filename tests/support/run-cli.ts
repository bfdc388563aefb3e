import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../../src/paths.js';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `tsx src/cli.ts ...args` as a person would run the npm script, with text on standard input. */
export function runCli(args: string[], input = '', env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'src/cli.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

export interface JsonChat {
  /** Writes one input line and resolves with the result line it produced, parsed. */
  send(input: object): Promise<Record<string, unknown>>;
  /** Closes standard input and resolves with the exit code. */
  close(): Promise<number | null>;
}

/**
 * `chat --jsonl` held open, one line at a time, as a simulator drives it: each result must come
 * back while standard input is still open (written at once, not at the end).
 */
export function startJsonChat(args: string[], env: Record<string, string> = {}): JsonChat {
  const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'src/cli.ts'), 'chat', '--jsonl', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  let buffered = '';
  let stderr = '';
  const waiting: ((line: string) => void)[] = [];
  const lines: string[] = [];
  child.stderr.on('data', (d) => (stderr += d));
  child.stdout.on('data', (d) => {
    buffered += d;
    for (let i = buffered.indexOf('\n'); i >= 0; i = buffered.indexOf('\n')) {
      const line = buffered.slice(0, i);
      buffered = buffered.slice(i + 1);
      const next = waiting.shift();
      if (next) next(line);
      else lines.push(line);
    }
  });
  return {
    send(input) {
      child.stdin.write(JSON.stringify(input) + '\n');
      const line = lines.shift();
      if (line !== undefined) return Promise.resolve(JSON.parse(line) as Record<string, unknown>);
      return new Promise((resolve, reject) => {
        waiting.push((l) => resolve(JSON.parse(l) as Record<string, unknown>));
        void exited.then(() => reject(new Error(`chat --jsonl ended without answering: ${stderr}`)));
      });
    },
    close() {
      child.stdin.end();
      return exited;
    },
  };
}
