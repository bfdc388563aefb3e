/**
 * Telegram sends on its own: replies and messages from our side are Bot API calls. A failed call
 * means: Telegram's 429 says when to try again (`parameters.retry_after`), 400 and 403 (chat gone,
 * the person blocked the bot) will not change by trying again, and anything else (5xx, the
 * network, our token) is worth another try later.
 */
import { GrammyError, type Api } from 'grammy';
import type { Outbound } from '../../core/messages.js';
import type { ChannelContext, SendResult } from '../adapter.js';
import { CHANNEL } from './parse.js';
import { renderTelegram } from './render.js';

export type SendFailure = Exclude<SendResult, { status: 'sent' }>;

export function telegramSendFailure(err: unknown): SendFailure {
  if (!(err instanceof GrammyError)) return { status: 'failed', reason: (err as Error).message };
  const reason = `Telegram ${err.method}: ${err.error_code} ${err.description}`;
  if (err.error_code === 429) return { status: 'failed', reason, retryAfterMs: Math.max(1, err.parameters.retry_after ?? 1) * 1000 };
  if (err.error_code === 400 || err.error_code === 403) return { status: 'refused', why: 'rejected', reason };
  return { status: 'failed', reason };
}

/** One line on why the Bot API does not answer at start, and what to check. */
export function telegramStartProblem(err: unknown): string {
  if (err instanceof GrammyError && (err.error_code === 401 || err.error_code === 404)) {
    return `the Bot API refused the token (${err.error_code} ${err.description}): check TELEGRAM_BOT_TOKEN with @BotFather`;
  }
  const why = err instanceof GrammyError ? `${err.error_code} ${err.description}` : (err as Error).message;
  return `the Bot API does not answer (${why}): check the network to TELEGRAM_API_ROOT (default https://api.telegram.org)`;
}

async function sendMessages(api: Api, chatId: number, outbox: readonly Outbound[]): Promise<void> {
  for (const m of renderTelegram(outbox)) {
    await api.sendMessage(chatId, m.text, { parse_mode: 'HTML', reply_markup: m.reply_markup, link_preview_options: { is_disabled: true } });
  }
}

/** Messages from our side: sent, or what stopped them. */
export async function sendToChat(api: Api, chatId: number, outbox: readonly Outbound[]): Promise<SendResult> {
  try {
    await sendMessages(api, chatId, outbox);
    return { status: 'sent' };
  } catch (err) {
    return telegramSendFailure(err);
  }
}

/**
 * A turn's reply, message by message: what Telegram did not take waits in the outbox (from the
 * message that failed on), unless it was refused for good.
 */
export async function sendReply(api: Api, ctx: Pick<ChannelContext<unknown>, 'queueReply' | 'log'>, chatId: number, outbox: readonly Outbound[]): Promise<void> {
  for (const [i, message] of outbox.entries()) {
    try {
      await sendMessages(api, chatId, [message]);
    } catch (err) {
      const failure = telegramSendFailure(err);
      if (failure.status === 'refused') {
        ctx.log.warn({ channel: CHANNEL, err: failure.reason }, 'telegram refused the reply: not sent again');
        return;
      }
      await ctx.queueReply(String(chatId), outbox.slice(i), failure.retryAfterMs);
      ctx.log.warn({ channel: CHANNEL, err: failure.reason }, 'telegram send failed: the rest of the reply waits in the outbox');
      return;
    }
  }
}
