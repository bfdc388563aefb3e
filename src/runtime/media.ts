/**
 * Files people send (voice notes, photos, documents) and files advisors send back. The engine
 * never sees the bytes: outside a handoff the person is told that the assistant reads text;
 * during a handoff the runtime fetches each file with the channel's credentials (`ChannelMedia`),
 * at most `maxBytes`, and stores it with the turn. Each channel registers how it fetches (and, where
 * it can, how it sends a file) under its name.
 */
import { randomBytes } from 'node:crypto';
import type { InboundMedia, MediaKind } from '../core/messages.js';
import type { SendingTo, SendResult } from './outbox.js';

/** What fetching one file gave: its bytes, or why the advisor cannot have them. */
export type FetchedMedia =
  | { status: 'ok'; bytes: Buffer; contentType?: string; name?: string }
  | { status: 'too-large' }
  /** `reason`: for the log, never the file's address (it can carry the person's number). */
  | { status: 'failed'; reason: string };

/** A file an advisor sends: the channel uploads the bytes, or gives the person's app the signed link. */
export interface OutgoingFile {
  id: string;
  kind: MediaKind;
  contentType: string;
  name: string;
  bytes: Buffer;
  /** A signed link that expires, for channels that fetch files themselves (Twilio). */
  url: string;
}

export interface ChannelMedia {
  /** The file behind `media.ref`, fetched with the channel's credentials; more than `maxBytes` is `too-large`. */
  fetch(media: InboundMedia, maxBytes: number, signal: AbortSignal): Promise<FetchedMedia>;
  /** Sends an advisor's file to the person; a channel without it cannot send files. */
  sendFile?(user: string, file: OutgoingFile, conversation: SendingTo): Promise<SendResult>;
}

/** A random id for a stored file: never derived from the person or the channel's handle. */
export function newMediaId(): string {
  return randomBytes(16).toString('base64url');
}

/** 16 MB, WhatsApp's own limit for most media. */
export const DEFAULT_MEDIA_MAX_BYTES = 16 * 1024 * 1024;

/**
 * Content types a browser must never render as a page from our origin (HTML, SVG, XML, scripts)
 * are kept as plain bytes; the rest as given when it has the shape of a content type.
 */
export function safeContentType(contentType: string | undefined): string {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,100}$/.test(type)) return 'application/octet-stream';
  if (/html|xml|svg|javascript|ecmascript|xhtml/.test(type) || type === 'text/css') return 'application/octet-stream';
  return type;
}

/** A file's name as shown and offered for download: no folders, no control characters, at most 120 characters. */
export function safeFileName(name: string | undefined): string | undefined {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(0, 120);
  return clean || undefined;
}

/**
 * Reads a response body into memory, at most `maxBytes` (a declared length over it is refused
 * before reading anything).
 */
export async function readLimited(res: Response, maxBytes: number): Promise<FetchedMedia> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    return { status: 'too-large' };
  }
  if (!res.body) return { status: 'ok', bytes: Buffer.alloc(0), contentType: res.headers.get('content-type') ?? undefined };
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { status: 'too-large' };
    }
    chunks.push(Buffer.from(value));
  }
  return { status: 'ok', bytes: Buffer.concat(chunks), contentType: res.headers.get('content-type') ?? undefined };
}

/** The channels' fetchers and senders of files, by channel name, and the size limit. */
export class MediaChannels {
  private readonly channels = new Map<string, ChannelMedia>();

  constructor(readonly maxBytes: number = DEFAULT_MEDIA_MAX_BYTES) {}

  register(channel: string, media: ChannelMedia): void {
    this.channels.set(channel, media);
  }

  get(channel: string): ChannelMedia | undefined {
    return this.channels.get(channel);
  }

  /** Each file of a message, fetched (one after another); a channel that cannot fetch fails each. */
  async fetchAll(channel: string, items: readonly InboundMedia[], timeoutMs = 30_000): Promise<FetchedMedia[]> {
    const media = this.channels.get(channel);
    const out: FetchedMedia[] = [];
    for (const item of items) {
      if (!media) {
        out.push({ status: 'failed', reason: `the ${channel} channel cannot fetch files` });
        continue;
      }
      if (item.size !== undefined && item.size > this.maxBytes) {
        out.push({ status: 'too-large' });
        continue;
      }
      const signal = AbortSignal.timeout(timeoutMs);
      try {
        out.push(await media.fetch(item, this.maxBytes, signal));
      } catch (err) {
        out.push({ status: 'failed', reason: signal.aborted ? `no answer within ${timeoutMs / 1000} s` : (err as Error).message });
      }
    }
    return out;
  }
}

/** What an advisor's transcript shows for a file, where only text is shown. */
export function describeMedia(kind: MediaKind, name?: string): string {
  switch (kind) {
    case 'audio':
      return '[voice note]';
    case 'image':
      return '[photo]';
    case 'video':
      return '[video]';
    case 'document':
      return name ? `[document: ${name}]` : '[document]';
  }
}
