/**
 * A Telegram update as an inbound message (pure, on the Bot API's JSON): text, commands, a
 * tapped inline button, a shared location, a file (voice note, photo, video, document, with its
 * caption), or something we cannot read (a sticker).
 */
import { COMMAND_NAMES, mediaKindOf, type ChannelHints, type CommandName, type Inbound, type InboundMedia } from '../../core/messages.js';
import type { Parsed } from '../webhook.js';

export const CHANNEL = 'telegram';

export interface TelegramUpdateLike {
  update_id?: unknown;
  message?: {
    chat?: { id?: number };
    from?: { language_code?: string };
    text?: string;
    caption?: string;
    location?: { latitude: number; longitude: number };
    voice?: TelegramFile;
    audio?: TelegramFile;
    video?: TelegramFile;
    video_note?: TelegramFile;
    document?: TelegramFile;
    /** The same photo in several sizes, smallest first. */
    photo?: (TelegramFile & { width?: number; height?: number })[];
  };
  callback_query?: { id: string; data?: string; from?: { language_code?: string }; message?: { chat?: { id?: number } } };
}

/** What the Bot API tells of a file: its id for getFile, and what it is. */
export interface TelegramFile {
  file_id?: unknown;
  file_size?: unknown;
  mime_type?: unknown;
  file_name?: unknown;
}

const text = (v: unknown, max: number): string | undefined => (typeof v === 'string' && v.length > 0 && v.length <= max ? v : undefined);

function fileOf(f: TelegramFile | undefined, kind: InboundMedia['kind'], defaultType: string): InboundMedia | undefined {
  const ref = text(f?.file_id, 300);
  if (!f || !ref) return undefined;
  const size = typeof f.file_size === 'number' && Number.isSafeInteger(f.file_size) ? f.file_size : undefined;
  const name = text(f.file_name, 255);
  return { kind, ref, contentType: text(f.mime_type, 200) ?? defaultType, ...(name ? { name } : {}), ...(size === undefined ? {} : { size }) };
}

/** A voice note, an audio file, a photo (its largest size), a video or a document; undefined when the message has none. */
export function mediaOfMessage(m: NonNullable<TelegramUpdateLike['message']>): InboundMedia | undefined {
  if (m.voice) return fileOf(m.voice, 'audio', 'audio/ogg');
  if (m.audio) return fileOf(m.audio, 'audio', 'audio/mpeg');
  if (Array.isArray(m.photo) && m.photo.length) {
    const area = (p: { width?: number; height?: number }) => (p.width ?? 0) * (p.height ?? 0);
    const largest = m.photo.reduce((a, b) => (area(b) >= area(a) ? b : a));
    return fileOf(largest, 'image', 'image/jpeg');
  }
  if (m.video) return fileOf(m.video, 'video', 'video/mp4');
  if (m.video_note) return fileOf(m.video_note, 'video', 'video/mp4');
  if (m.document) {
    const type = text(m.document.mime_type, 200);
    return fileOf(m.document, mediaKindOf(type), type ?? 'application/octet-stream');
  }
  return undefined;
}

export type TelegramInbound = { chatId: number; inbound: Inbound; hints: ChannelHints; callbackQueryId?: string } | undefined;

export function isTelegramUpdate(body: unknown): body is TelegramUpdateLike & { update_id: number } {
  return typeof body === 'object' && body !== null && Number.isSafeInteger((body as { update_id?: unknown }).update_id);
}

export function parseTelegramUpdate(update: TelegramUpdateLike): TelegramInbound {
  const cb = update.callback_query;
  if (cb) {
    const chatId = cb.message?.chat?.id;
    if (typeof chatId !== 'number' || typeof cb.data !== 'string') return undefined;
    return { chatId, inbound: { kind: 'choice', id: cb.data }, hints: hints(cb.from?.language_code), callbackQueryId: cb.id };
  }
  const m = update.message;
  const chatId = m?.chat?.id;
  if (!m || typeof chatId !== 'number') return undefined;
  const base = { chatId, hints: hints(m.from?.language_code) };
  if (m.location) return { ...base, inbound: { kind: 'location', lat: m.location.latitude, lon: m.location.longitude } };
  if (typeof m.text === 'string') {
    const command = /^\/([a-z]+)(@\w+)?(\s|$)/i.exec(m.text);
    const name = command?.[1]?.toLowerCase() as CommandName | undefined;
    if (name && COMMAND_NAMES.includes(name)) return { ...base, inbound: { kind: 'command', name } };
    return { ...base, inbound: { kind: 'text', text: m.text } };
  }
  const media = mediaOfMessage(m);
  const caption = text(m.caption, 4096);
  if (media) return { ...base, inbound: { kind: 'media', media: [media], ...(caption ? { text: caption } : {}) } };
  return { ...base, inbound: { kind: 'unsupported' } };
}

function hints(languageCode: string | undefined): ChannelHints {
  return languageCode ? { locale: languageCode } : {};
}

/** Where the replies go, and the tapped button whose spinner to stop. */
export interface TelegramReplyTo {
  chatId: number;
  callbackQueryId?: string;
}

/** An update for the pipeline: its update_id is the delivery id; one we do not read is answered and ignored. */
export function parseTelegramRequest(body: unknown): Parsed<TelegramReplyTo> {
  if (!isTelegramUpdate(body)) return { status: 'refuse', refusal: { code: 400, body: { error: 'not a Telegram update: update_id is missing' } } };
  const parsed = parseTelegramUpdate(body);
  if (!parsed) return { status: 'ignore', body: '' };
  const { chatId, callbackQueryId } = parsed;
  return {
    status: 'turn',
    delivery: {
      ref: { channel: CHANNEL, user: String(chatId) },
      inbound: parsed.inbound,
      hints: parsed.hints,
      id: String(body.update_id),
      extra: callbackQueryId === undefined ? { chatId } : { chatId, callbackQueryId },
    },
  };
}
