/** The terminal channel, run as a person runs it: `npm run chat`, lines piped in. */
import { describe, expect, it } from 'vitest';
import { parseTerminalLine } from '../src/channels/terminal/parse.js';
import { runCli } from './support/run-cli.js';

describe('terminal chat', () => {
  it('greets "bonjour" in French with the numbered main menu', async () => {
    const { code, stdout } = await runCli(['chat'], 'bonjour\n');
    expect(code).toBe(0);
    expect(stdout).toContain('Wegweiser');
    expect(stdout).toMatch(/^1\. .+$/m);
    expect(stdout).toMatch(/^6\. .+$/m);
    expect(stdout).not.toContain('What would you like to know?');
  });

  it('holds a whole piped conversation: menu by number, a question, --lang as the hint', async () => {
    const { code, stdout } = await runCli(['chat', '--lang', 'en'], 'hi\n1\n1\n2\n');
    expect(code).toBe(0);
    expect(stdout).toContain('Regular ways to Germany');
    expect(stdout).toContain('Working in Germany');
    expect(stdout).toContain('EU Blue Card');
    expect(stdout).toMatch(/Sources?:\nhttps:\/\//);
    expect(stdout).toContain('Last checked: ');
  });

  it('reads commands and locations typed with a slash', () => {
    expect(parseTerminalLine('/menu')).toEqual({ kind: 'command', name: 'menu' });
    expect(parseTerminalLine('/location 5.6, -0.19')).toEqual({ kind: 'location', lat: 5.6, lon: -0.19 });
    expect(parseTerminalLine('/location 95,0')).toEqual({ kind: 'text', text: '/location 95,0' });
    expect(parseTerminalLine('/unknown')).toEqual({ kind: 'text', text: '/unknown' });
  });
});
