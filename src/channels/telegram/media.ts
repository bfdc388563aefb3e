/**
 * Files on Telegram. A person's file is a `file_id`: getFile gives its path, and the bytes are at
 * TELEGRAM_API_ROOT/file/bot<token>/<path> (the Bot API serves files up to 20 MB). An advisor's
 * photo or document is uploaded with sendPhoto or sendDocument (multipart).
 */
import { InputFile, type Api } from 'grammy';
import type { InboundMedia } from '../../core/messages.js';
import { readLimited, type ChannelMedia, type FetchedMedia, type OutgoingFile, type SendResult } from '../adapter.js';
import { telegramSendFailure } from './send.js';

const DEFAULT_API_ROOT = 'https://api.telegram.org';

export async function fetchTelegramFile(api: Api, token: string, apiRoot: string | undefined, media: InboundMedia, maxBytes: number, signal: AbortSignal): Promise<FetchedMedia> {
  // grammY types its signals with an older AbortSignal declaration; Node's own is what it uses.
  const file = await api.getFile(media.ref, signal as Parameters<Api['getFile']>[1]);
  if (file.file_size !== undefined && file.file_size > maxBytes) return { status: 'too-large' };
  if (!file.file_path) return { status: 'failed', reason: 'getFile gave no file_path (Telegram serves files up to 20 MB)' };
  const root = (apiRoot ?? DEFAULT_API_ROOT).replace(/\/$/, '');
  const res = await fetch(`${root}/file/bot${token}/${file.file_path.split('/').map(encodeURIComponent).join('/')}`, { signal });
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    return { status: 'failed', reason: `the Bot API answered ${res.status} for the file` };
  }
  const fetched = await readLimited(res, maxBytes);
  // Telegram serves every file as application/octet-stream: the type the update announced is the one.
  return fetched.status === 'ok' ? { ...fetched, contentType: media.contentType ?? fetched.contentType } : fetched;
}

export async function sendTelegramFile(api: Api, chatId: number, file: OutgoingFile): Promise<SendResult> {
  try {
    const upload = new InputFile(file.bytes, file.name);
    if (file.kind === 'image' && /^image\/(jpeg|png|webp)$/.test(file.contentType)) await api.sendPhoto(chatId, upload);
    else await api.sendDocument(chatId, upload);
    return { status: 'sent' };
  } catch (err) {
    return telegramSendFailure(err);
  }
}

export function telegramMedia(api: Api, token: string, apiRoot: string | undefined): ChannelMedia {
  return {
    fetch: (media, maxBytes, signal) => fetchTelegramFile(api, token, apiRoot, media, maxBytes, signal),
    sendFile: (user, file) => sendTelegramFile(api, Number(user), file),
  };
}
