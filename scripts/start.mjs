// `npm start`: the server, run as one built file. The TypeScript sources and the npm packages they
// import are bundled with esbuild into .cache/build/server.mjs when any source or package.json is
// newer than that file (a few seconds, once), so that a start loads one module instead of
// resolving, reading and scanning some five hundred files (a quarter of a warm start's CPU). What
// is imported on demand goes into chunks beside it, loaded when switched on. Source maps keep error
// stacks pointing at the sources. `tsx src/server/main.ts` runs the same server without building.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = join(import.meta.dirname, '..');
const SRC = join(ROOT, 'src');
const BUILD = join(ROOT, '.cache', 'build');
const OUT = join(BUILD, 'server.mjs');

function newestSource(dir, pattern = /\.(ts|js|mjs)$/) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path, pattern));
    else if (pattern.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

// An upgraded package (package-lock.json) or another way of building (this file) changes the bundle too.
const mtimeOf = (path) => {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
};
const builtAt = () => mtimeOf(OUT);
const buildInputsAt = () => Math.max(newestSource(SRC), ...['package.json', 'package-lock.json', 'scripts/start.mjs'].map((f) => mtimeOf(join(ROOT, f))));
if (builtAt() < buildInputsAt()) {
  const { build } = await import('esbuild');
  const { outputFiles } = await build({
    entryPoints: { server: join(SRC, 'server', 'main.ts') },
    outdir: BUILD,
    outExtension: { '.js': '.mjs' },
    // What is imported on demand (Bot Framework, PostgreSQL, the embedding model) stays in its own
    // chunk, loaded only when switched on, instead of with every start.
    splitting: true,
    chunkNames: 'chunk-[hash]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Left to Node: native code (sqlite3), packages loaded only when switched on (PostgreSQL, the
    // embedding model, the Bot Service), twilio, whose 7 MB load their parts only when used, and
    // grammY, whose HTTP client (node-fetch) fails from inside a bundle (the start test shows it).
    external: ['sqlite3', 'pg', 'pg-native', '@xenova/transformers', 'botbuilder', 'botbuilder-*', 'botframework-*', '@langchain/*', 'langsmith', 'twilio', 'grammy', 'pino-pretty'],
    // Bundled CommonJS packages call require and read __dirname: give them the module's own.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; import { dirname as __pathDirname } from 'node:path'; import { fileURLToPath as __fileURLToPath } from 'node:url'; const require = __createRequire(import.meta.url); const __filename = __fileURLToPath(import.meta.url); const __dirname = __pathDirname(__filename);",
    },
    sourcemap: true,
    logLevel: 'warning',
    write: false,
  });
  // Written beside and renamed into place: two starts at once never load a half-written file.
  mkdirSync(BUILD, { recursive: true });
  const written = outputFiles.map((f) => {
    const tmp = `${f.path}.${process.pid}.tmp`;
    writeFileSync(tmp, f.contents);
    return [tmp, f.path];
  });
  // maps and chunks (named by their content) first, so the entry never appears without what it names
  const rank = ([, path]) => (path === OUT ? 2 : path.endsWith('.map') ? 0 : 1);
  for (const [tmp, path] of written.sort((a, b) => rank(a) - rank(b))) renameSync(tmp, path);
  // chunks of earlier builds go (after a minute, so that a start loading them meanwhile finds them)
  const kept = new Set(written.map(([, path]) => path));
  for (const name of readdirSync(BUILD)) {
    const path = join(BUILD, name);
    if (name.startsWith('chunk-') && !kept.has(path) && Date.now() - statSync(path).mtimeMs > 60_000) rmSync(path, { force: true });
  }
}
// What a start keeps on disk (the trained retriever above all) is built in a process of its own,
// without this one's heap limit (package.json), when the knowledge, the texts or the code are newer
// than the last time it was built: training needs more memory for a minute than serving for a day.
const STAMP = join(ROOT, '.cache', 'knowledge-index', 'prepared');
const stamp = () => {
  try {
    return { at: statSync(STAMP).mtimeMs, model: readFileSync(STAMP, 'utf8') };
  } catch {
    return { at: 0, model: '' };
  }
};
const model = process.env.EMBEDDING_MODEL_DIR ?? '';
const prepared = stamp();
if (prepared.model !== model || prepared.at < Math.max(builtAt(), newestSource(join(ROOT, 'knowledge'), /./), newestSource(join(ROOT, 'locales'), /./))) {
  const run = spawnSync(process.execPath, ['--enable-source-maps', OUT], { env: { ...process.env, WEGWEISER_PREPARE: '1' }, stdio: 'inherit' });
  // Not prepared (a bad entry, say): the server starts anyway and says what is wrong.
  if (run.status === 0) {
    mkdirSync(join(ROOT, '.cache', 'knowledge-index'), { recursive: true });
    writeFileSync(STAMP, model);
  }
}
process.setSourceMapsEnabled(true);
await import(pathToFileURL(OUT).href);
