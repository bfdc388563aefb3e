/**
 * The questions curators taught, as a patch for review in git: a unified diff that adds them under
 * `questions:` of `knowledge/<topic>/<lang>.md` (or under the language of
 * `knowledge/_out-of-scope/examples.yaml`). Apply with `git apply`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type PatchResult = { status: 'ok'; diff: string; file: string } | { status: 'missing'; file: string } | { status: 'nothing' };

const leading = (line: string): number => /^\s*/.exec(line)![0].length;

/** Where a list under `header` ("questions:", "  en:") ends, and how its items are indented. */
function insertAfterList(lines: readonly string[], header: RegExp): { at: number; indent: string } | undefined {
  const start = lines.findIndex((l) => header.test(l));
  if (start < 0) return undefined;
  const headerIndent = leading(lines[start]!);
  let at = start + 1;
  let indent = ' '.repeat(headerIndent + 2);
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*- /.test(line) && leading(line) >= headerIndent) {
      indent = ' '.repeat(leading(line));
      at = i + 1;
    } else if (line.trim() !== '' && leading(line) > indent.length) {
      at = i + 1; // an item's continuation line
    } else break;
  }
  return { at, indent };
}

/** A unified diff adding `questions` (YAML double-quoted) to the list in `file` under `root`. */
export function taughtPatch(root: string, target: { topic: string | null; lang: string }, questions: readonly string[]): PatchResult {
  const file = target.topic ? `knowledge/${target.topic}/${target.lang}.md` : 'knowledge/_out-of-scope/examples.yaml';
  const path = target.topic ? join(root, target.topic, `${target.lang}.md`) : join(root, '_out-of-scope', 'examples.yaml');
  if (!existsSync(path)) return { status: 'missing', file };
  const text = readFileSync(path, 'utf8');
  const lines = (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n');
  const known = new Set(lines.map((l) => l.trim().replace(/^- /, '').replace(/^"(.*)"$/, '$1').toLowerCase()));
  const added = [...new Set(questions.map((q) => q.trim()).filter((q) => q && !known.has(q.toLowerCase())))];
  if (!added.length) return { status: 'nothing' };
  const list = insertAfterList(lines, target.topic ? /^questions:\s*$/ : new RegExp(`^\\s+${target.lang}:\\s*$`));
  if (!list) return { status: 'missing', file };
  const newLines = added.map((q) => `${list.indent}- ${JSON.stringify(q)}`);
  // Three lines of context on each side, as git writes them.
  const before = lines.slice(Math.max(0, list.at - 3), list.at);
  const after = lines.slice(list.at, list.at + 3);
  const oldStart = list.at - before.length + 1;
  const hunk = [
    `@@ -${oldStart},${before.length + after.length} +${oldStart},${before.length + newLines.length + after.length} @@`,
    ...before.map((l) => ` ${l}`),
    ...newLines.map((l) => `+${l}`),
    ...after.map((l) => ` ${l}`),
  ];
  return { status: 'ok', file, diff: [`diff --git a/${file} b/${file}`, `--- a/${file}`, `+++ b/${file}`, ...hunk, ''].join('\n') };
}
