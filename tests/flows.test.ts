import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WegweiserError } from '../src/core/errors.js';
import { loadFlows } from '../src/flows/loader.js';
import { PATHS } from '../src/paths.js';

function flowsDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'flows-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function problemsOf(files: Record<string, string>, hasKey?: (k: string) => boolean): string[] {
  try {
    loadFlows(flowsDir(files), { hasKey });
  } catch (err) {
    expect(err).toBeInstanceOf(WegweiserError);
    return [...(err as WegweiserError).problems];
  }
  return [];
}

const minimal = `id: main
steps:
  - id: menu
    ask: main.menu.prompt
    options:
      - { id: a, label: x.a, goto: menu }
`;

describe('flow loading', () => {
  it('loads the project flows and every step they go to exists', () => {
    const flows = loadFlows(PATHS.flows);
    expect([...flows.keys()].sort()).toEqual(['booking', 'centres', 'fallback', 'handoff', 'language', 'main', 'media', 'question', 'regular', 'return', 'risks', 'welcome']);
  });

  it('names the file, the step and what is wrong for a step of no known kind', () => {
    const problems = problemsOf({ 'main.yaml': minimal, 'x.yaml': 'id: x\nsteps:\n  - id: hello\n    shout: x.y\n' });
    expect(problems.join('\n')).toMatch(/x\.yaml, step "hello": needs exactly one of say, ask, action, branch, goto, end/);
  });

  it('reports a reference to a step that does not exist', () => {
    const problems = problemsOf({ 'main.yaml': minimal.replace('goto: menu', 'goto: nowhere.step') });
    expect(problems.join('\n')).toMatch(/main\.yaml, step "menu": goes to "nowhere\.step", which does not exist/);
  });

  it('reports an option with both goto and topic, and an unknown action', () => {
    const problems = problemsOf({
      'main.yaml': minimal.replace('goto: menu', 'goto: menu, topic: work-seasonal'),
      'y.yaml': 'id: y\nsteps:\n  - id: act\n    action: makeCoffee\n    next: main.menu\n',
    });
    expect(problems.join('\n')).toMatch(/main\.yaml, step "menu": options\.0: an option needs exactly one of goto or topic/);
    expect(problems.join('\n')).toMatch(/y\.yaml, step "act": action: Invalid option/);
  });

  it('reports text keys missing from the locales, invalid YAML and steps the engine needs', () => {
    const problems = problemsOf({ 'main.yaml': minimal, 'bad.yaml': 'id: [unclosed' }, (k) => k !== 'x.a');
    const text = problems.join('\n');
    expect(text).toMatch(/main\.yaml, step "menu": text key "x\.a" is missing from the locales/);
    expect(text).toMatch(/bad\.yaml: not valid YAML/);
    expect(text).toMatch(/the engine needs step "welcome\.start"/);
  });

  it('reports an ask step without a place to store free input', () => {
    const problems = problemsOf({ 'main.yaml': minimal + '  - id: town\n    ask: main.menu.prompt\n    input: text\n' });
    expect(problems.join('\n')).toMatch(/step "town": an ask step with input needs a var/);
  });
});
