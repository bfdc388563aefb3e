/**
 * A built index on disk: a small JSON header and the typed arrays after it, so a restart maps the
 * trained retriever back in a fraction of a second instead of rebuilding it. Best effort: a file
 * that is missing, truncated or from another version just means building again.
 */
import { readFileSync } from 'node:fs';
import { keepFile } from '../core/kept-file.js';

type TypedArray = Float32Array | Int32Array;
export interface Snapshot {
  meta: Record<string, unknown>;
  strings: Record<string, string[]>;
  arrays: Record<string, TypedArray>;
}

const SEPARATOR = '\u0001';

export function saveSnapshot(file: string, snapshot: Snapshot): void {
  try {
    const parts: Buffer[] = [];
    const layout: Record<string, { kind: 'f32' | 'i32'; offset: number; length: number }> = {};
    let offset = 0;
    for (const [name, array] of Object.entries(snapshot.arrays)) {
      layout[name] = { kind: array instanceof Float32Array ? 'f32' : 'i32', offset, length: array.length };
      parts.push(Buffer.from(array.buffer, array.byteOffset, array.byteLength));
      offset += array.byteLength;
    }
    const strings = Object.fromEntries(Object.entries(snapshot.strings).map(([k, v]) => [k, v.join(SEPARATOR)]));
    const header = Buffer.from(JSON.stringify({ meta: snapshot.meta, strings, layout }));
    const headerLength = Buffer.alloc(4);
    headerLength.writeUInt32LE(header.length);
    const padding = Buffer.alloc((4 - ((4 + header.length) % 4)) % 4);
    keepFile(file, Buffer.concat([headerLength, header, padding, ...parts]));
  } catch {
    /* not cached: built again next time */
  }
}

export function loadSnapshot(file: string): Snapshot | undefined {
  try {
    const buf = readFileSync(file);
    const headerLength = buf.readUInt32LE(0);
    const header = JSON.parse(buf.subarray(4, 4 + headerLength).toString('utf8')) as {
      meta: Record<string, unknown>;
      strings: Record<string, string>;
      layout: Record<string, { kind: 'f32' | 'i32'; offset: number; length: number }>;
    };
    const start = 4 + headerLength + ((4 - ((4 + headerLength) % 4)) % 4);
    // Views onto the file's own buffer, not a copy of it (the index is tens of megabytes); a buffer
    // that does not start on a 4-byte boundary (a small file from Node's pool) is copied once.
    const aligned = (buf.byteOffset + start) % 4 === 0;
    const body = aligned ? buf.buffer : buf.buffer.slice(buf.byteOffset + start, buf.byteOffset + buf.byteLength);
    const base = aligned ? buf.byteOffset + start : 0;
    const arrays: Record<string, TypedArray> = {};
    for (const [name, l] of Object.entries(header.layout)) {
      arrays[name] = l.kind === 'f32' ? new Float32Array(body, base + l.offset, l.length) : new Int32Array(body, base + l.offset, l.length);
    }
    const strings = Object.fromEntries(Object.entries(header.strings).map(([k, v]) => [k, v === '' ? [] : v.split(SEPARATOR)]));
    return { meta: header.meta, strings, arrays };
  } catch {
    return undefined;
  }
}
