/**
 * What a failed Bot API call means for a reply: Telegram's 429 says when to try again
 * (`parameters.retry_after`), 400 and 403 (chat gone, the person blocked the bot) will not change
 * by trying again, and anything else (5xx, the network, our token) is worth another try later.
 */
import { GrammyError } from 'grammy';
import type { SendResult } from '../adapter.js';

export type SendFailure = Exclude<SendResult, { status: 'sent' }>;

export function telegramSendFailure(err: unknown): SendFailure {
  if (!(err instanceof GrammyError)) return { status: 'failed', reason: (err as Error).message };
  const reason = `Telegram ${err.method}: ${err.error_code} ${err.description}`;
  if (err.error_code === 429) return { status: 'failed', reason, retryAfterMs: Math.max(1, err.parameters.retry_after ?? 1) * 1000 };
  if (err.error_code === 400 || err.error_code === 403) return { status: 'refused', reason };
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
