/**
 * Telegram sends the webhook's secret in X-Telegram-Bot-Api-Secret-Token. It is checked once,
 * before the body is even parsed: without it, nothing about the request matters (401).
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Refusal } from '../webhook.js';

function sameSecret(given: unknown, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function verifyTelegramSecret(secret: string) {
  return (req: FastifyRequest): Refusal | undefined =>
    sameSecret(req.headers['x-telegram-bot-api-secret-token'], secret) ? undefined : { code: 401, body: { error: 'wrong or missing X-Telegram-Bot-Api-Secret-Token' } };
}
