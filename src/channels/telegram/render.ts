/**
 * Outbound messages as Telegram Bot API calls (pure): HTML text, options as an inline keyboard
 * (callback data = the option id), a location request as a reply keyboard (inline keyboards cannot
 * ask for a location), long text split under Telegram's limit.
 */
import type { Outbound } from '../../core/messages.js';
import { splitMessage } from '../../core/split.js';

export const TELEGRAM_MAX_CHARS = 4096;
/** Telegram refuses callback data longer than 64 bytes; a test keeps every option id of the flows under it. */
export const CALLBACK_DATA_MAX_BYTES = 64;

export interface TelegramSend {
  text: string;
  reply_markup?:
    | { inline_keyboard: { text: string; callback_data: string }[][] }
    | { keyboard: { text: string; request_location?: boolean }[][]; one_time_keyboard: true; resize_keyboard: true }
    | { remove_keyboard: true };
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function textParts(text: string): TelegramSend[] {
  return splitMessage(escapeHtml(text), TELEGRAM_MAX_CHARS).map((t) => ({ text: t }));
}

export function renderTelegram(outbox: readonly Outbound[]): TelegramSend[] {
  return outbox.flatMap((m): TelegramSend[] => {
    switch (m.kind) {
      case 'text':
      case 'handoffNotice':
        return textParts(m.text);
      case 'link':
        return textParts(`${m.text}\n${m.url}`);
      case 'options': {
        const parts = textParts(m.text);
        parts[parts.length - 1]!.reply_markup = { inline_keyboard: m.options.map((o) => [{ text: o.label, callback_data: o.id }]) };
        return parts;
      }
      case 'locationRequest': {
        const parts = textParts(m.text);
        parts[parts.length - 1]!.reply_markup = { keyboard: [[{ text: m.buttonLabel, request_location: true }]], one_time_keyboard: true, resize_keyboard: true };
        return parts;
      }
      case 'card': {
        const sources = m.links.length ? `${escapeHtml(m.linksHeading ?? '')}\n${m.links.map((l) => escapeHtml(l.url)).join('\n')}` : '';
        const body = [`<b>${escapeHtml(m.title)}</b>`, escapeHtml(m.text), sources, m.footer ? `<i>${escapeHtml(m.footer)}</i>` : ''].filter(Boolean).join('\n\n');
        return splitMessage(body, TELEGRAM_MAX_CHARS).map((text) => ({ text }));
      }
    }
  });
}
