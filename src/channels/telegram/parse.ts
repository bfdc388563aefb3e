/**
 * A Telegram update as an inbound message (pure, on the Bot API's JSON): text, commands, a
 * tapped inline button, a shared location, or something we cannot read (a photo, a sticker).
 */
import { COMMAND_NAMES, type ChannelHints, type CommandName, type Inbound } from '../../core/messages.js';
import type { Parsed } from '../webhook.js';

export const CHANNEL = 'telegram';

export interface TelegramUpdateLike {
  update_id?: unknown;
  message?: {
    chat?: { id?: number };
    from?: { language_code?: string };
    text?: string;
    location?: { latitude: number; longitude: number };
  };
  callback_query?: { id: string; data?: string; from?: { language_code?: string }; message?: { chat?: { id?: number } } };
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
