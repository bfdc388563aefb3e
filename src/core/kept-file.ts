/**
 * What a start keeps for the next one (a parsed file, a trained model): written beside its place
 * and renamed into it, so that a reader never sees half a file, and best effort: a cache that
 * cannot be written only means the work is done again next time.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Writes `content` to `file` whole or not at all; false when it could not be kept. */
export function keepFile(file: string, content: string | Uint8Array): boolean {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, content);
    renameSync(tmp, file);
    return true;
  } catch {
    return false;
  }
}

/** The JSON kept in `file`, or undefined when there is none (or it is damaged). */
export function readKeptJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}
