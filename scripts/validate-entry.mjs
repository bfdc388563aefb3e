// Quick structural check of knowledge files, for writers: node scripts/validate-entry.mjs knowledge/<id>
// (the full check, across topics, is `npm run kb:check`).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, basename } from 'node:path';
import { parse } from 'yaml';

const CORE = ['en', 'fr', 'ar', 'de'];
const ALL = [...CORE, 'ur', 'id', 'sq', 'sr', 'es'];
let problems = 0;
const say = (file, msg) => { problems++; console.log(`${file}: ${msg}`); };

for (const dir of process.argv.slice(2)) {
  const files = statSync(dir).isDirectory() ? readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => join(dir, f)) : [dir];
  const langs = files.map((f) => basename(f, '.md'));
  for (const l of CORE) if (!langs.includes(l)) say(dir, `missing core language ${l}`);
  for (const l of ALL) if (!langs.includes(l)) console.log(`${dir}: note: no ${l}.md yet`);
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
    if (!m) { say(file, 'no front matter (--- ... ---) at the top'); continue; }
    let fm;
    try { fm = parse(m[1]); } catch (e) { say(file, `front matter is not valid YAML: ${e.message}`); continue; }
    const topic = basename(join(file, '..'));
    if (fm.id !== topic) say(file, `id "${fm.id}" is not the folder name "${topic}"`);
    if (fm.lang !== basename(file, '.md')) say(file, `lang "${fm.lang}" is not the file name`);
    if (!fm.title) say(file, 'no title');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(String(fm.reviewed instanceof Date ? fm.reviewed.toISOString().slice(0, 10) : fm.reviewed))) say(file, 'reviewed must be YYYY-MM-DD');
    if (!Array.isArray(fm.sources) || !fm.sources.length || fm.sources.some((s) => !/^https?:\/\/\S+$/.test(s) || s.includes('...'))) say(file, 'sources must be a list of whole URLs');
    if (!Array.isArray(fm.questions) || fm.questions.length < 12) say(file, `needs at least 12 questions (has ${fm.questions?.length ?? 0})`);
    const [short, more] = m[2].split('<!-- more -->');
    const len = [...short.trim()].length;
    if (!len) say(file, 'no short answer');
    if (len > 700) say(file, `short answer has ${len} characters (at most 700)`);
    if (CORE.includes(fm.lang) && !(more ?? '').trim()) say(file, 'core language: needs details after <!-- more -->');
    if (/\]\(http/.test(m[2])) say(file, 'Markdown link found: put the URL alone on its line');
  }
}
console.log(problems ? `${problems} problem(s)` : 'ok');
process.exit(problems ? 1 : 0);
