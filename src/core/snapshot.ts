/**
 * A built index on disk: a small JSON header and the typed arrays after it, so a restart maps the
 * trained retriever back in a fraction of a second instead of rebuilding it. Best effort: a file
 * that is missing, truncated or from another version just means building again.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { keepFile } from './kept-file.js';

type TypedArray = Float32Array | Int32Array | Int16Array | Uint16Array;
export interface Snapshot {
  meta: Record<string, unknown>;
  strings: Record<string, string[]>;
  arrays: Record<string, TypedArray>;
}

type Kind = 'f32' | 'i32' | 'i16' | 'u16';
const KINDS: Record<Kind, { bytes: number; make: (length: number) => TypedArray }> = {
  f32: { bytes: 4, make: (n) => new Float32Array(n) },
  i32: { bytes: 4, make: (n) => new Int32Array(n) },
  i16: { bytes: 2, make: (n) => new Int16Array(n) },
  u16: { bytes: 2, make: (n) => new Uint16Array(n) },
};
const kindOf = (array: TypedArray): Kind =>
  array instanceof Float32Array ? 'f32' : array instanceof Int16Array ? 'i16' : array instanceof Uint16Array ? 'u16' : 'i32';

const SEPARATOR = '\u0001';

export function saveSnapshot(file: string, snapshot: Snapshot): void {
  try {
    const parts: Buffer[] = [];
    const layout: Record<string, { kind: Kind; offset: number; length: number }> = {};
    let offset = 0;
    for (const [name, array] of Object.entries(snapshot.arrays)) {
      layout[name] = { kind: kindOf(array), offset, length: array.length };
      parts.push(Buffer.from(array.buffer, array.byteOffset, array.byteLength));
      const padding = (4 - (array.byteLength % 4)) % 4; // every array starts on a 4-byte boundary
      if (padding) parts.push(Buffer.alloc(padding));
      offset += array.byteLength + padding;
    }
    const strings = Object.fromEntries(Object.entries(snapshot.strings).map(([k, v]) => [k, v.join(SEPARATOR)]));
    const header = Buffer.from(JSON.stringify({ meta: snapshot.meta, strings, layout }));
    const headerLength = Buffer.alloc(4);
    headerLength.writeUInt32LE(header.length);
    keepFile(file, Buffer.concat([headerLength, header, ...parts]));
  } catch {
    /* not cached: built again next time */
  }
}

/**
 * Each array is read into its own memory, straight from the file: no buffer of the whole file
 * stays behind (or is held at once) beside them.
 */
export function loadSnapshot(file: string): Snapshot | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const size = fstatSync(fd).size;
    const lengthBytes = Buffer.alloc(4);
    readExactly(fd, lengthBytes, 0);
    const headerLength = lengthBytes.readUInt32LE(0);
    const headerBytes = Buffer.alloc(headerLength);
    readExactly(fd, headerBytes, 4);
    const header = JSON.parse(headerBytes.toString('utf8')) as {
      meta: Record<string, unknown>;
      strings: Record<string, string>;
      layout: Record<string, { kind: Kind; offset: number; length: number }>;
    };
    const start = 4 + headerLength;
    const arrays: Record<string, TypedArray> = {};
    for (const [name, l] of Object.entries(header.layout)) {
      const array = KINDS[l.kind].make(l.length);
      if (start + l.offset + array.byteLength > size) return undefined; // truncated
      readExactly(fd, new Uint8Array(array.buffer), start + l.offset);
      arrays[name] = array;
    }
    const strings = Object.fromEntries(Object.entries(header.strings).map(([k, v]) => [k, v === '' ? [] : v.split(SEPARATOR)]));
    return { meta: header.meta, strings, arrays };
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function readExactly(fd: number, into: Uint8Array, position: number): void {
  let done = 0;
  while (done < into.byteLength) {
    const n = readSync(fd, into, done, into.byteLength - done, position + done);
    if (n === 0) throw new Error('truncated');
    done += n;
  }
}
