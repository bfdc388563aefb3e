// `npm start`: the server, run as one built file. The TypeScript sources are bundled with esbuild
// into .cache/build/server.mjs when any of them is newer than that file (about a second, once),
// so that a start loads one module instead of compiling two hundred through a loader; the npm
// packages stay outside the bundle, loaded by Node as usual. Source maps keep error stacks
// pointing at the sources. `tsx src/server/main.ts` runs the same server without building.
import { mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = join(import.meta.dirname, '..');
const SRC = join(ROOT, 'src');
const OUT = join(ROOT, '.cache', 'build', 'server.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.(ts|js|mjs)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function builtAt() {
  try {
    return statSync(OUT).mtimeMs;
  } catch {
    return 0;
  }
}

if (builtAt() < Math.max(newestSource(SRC), statSync(join(ROOT, 'package.json')).mtimeMs)) {
  const { build } = await import('esbuild');
  const { outputFiles } = await build({
    entryPoints: [join(SRC, 'server', 'main.ts')],
    outfile: OUT,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
    write: false,
  });
  // Written beside and renamed into place: two starts at once never load a half-written file.
  mkdirSync(join(ROOT, '.cache', 'build'), { recursive: true });
  const written = outputFiles.map((f) => {
    const tmp = `${f.path}.${process.pid}.tmp`;
    writeFileSync(tmp, f.contents);
    return [tmp, f.path];
  });
  // the map first, so the file that names it never appears without it
  for (const [tmp, path] of written.sort((a, b) => Number(b[1].endsWith('.map')) - Number(a[1].endsWith('.map')))) renameSync(tmp, path);
}
process.setSourceMapsEnabled(true);
await import(pathToFileURL(OUT).href);
