/**
 * Real, tiny media files made by the tests themselves: a WAV voice note (a tone Chromium can
 * decode and play) and a PNG photo (a coloured square with a stripe). `marker` is written into the
 * file (a WAV LIST chunk, a PNG tEXt chunk) so that a test can look for its bytes anywhere.
 */
import { deflateSync } from 'node:zlib';

/** A mono 16-bit PCM WAV of `seconds` of a 440 Hz tone. */
export function wavFile(seconds = 0.6, marker = ''): Buffer {
  const rate = 8000;
  const samples = Math.round(rate * seconds);
  const pcm = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) pcm.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 440 * i) / rate) * 12000), i * 2);
  const info = marker ? Buffer.concat([Buffer.from('INFOICMT'), u32(marker.length + 1), Buffer.from(`${marker}\0`)]) : Buffer.alloc(0);
  const list = marker ? Buffer.concat([Buffer.from('LIST'), u32(info.length + (info.length % 2)), info, Buffer.alloc(info.length % 2)]) : Buffer.alloc(0);
  const fmt = Buffer.alloc(16);
  fmt.writeUInt16LE(1, 0); // PCM
  fmt.writeUInt16LE(1, 2); // mono
  fmt.writeUInt32LE(rate, 4);
  fmt.writeUInt32LE(rate * 2, 8);
  fmt.writeUInt16LE(2, 12);
  fmt.writeUInt16LE(16, 14);
  const body = Buffer.concat([Buffer.from('WAVE'), Buffer.from('fmt '), u32(16), fmt, list, Buffer.from('data'), u32(pcm.length), pcm]);
  return Buffer.concat([Buffer.from('RIFF'), u32(body.length), body]);
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([len, typed, crc]);
}

/** A `size`×`size` RGB PNG: teal with a white diagonal stripe. */
export function pngFile(size = 48, marker = ''): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) {
      const stripe = Math.abs(x - y) < size / 8;
      row.set(stripe ? [255, 255, 255] : [11, 79, 108], 1 + x * 3);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    ...(marker ? [chunk('tEXt', Buffer.from(`Comment\0${marker}`, 'latin1'))] : []),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
