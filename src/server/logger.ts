/**
 * Structured logs with pino. Message text and phone numbers never reach a log line: callers log
 * conversation references (a hash), and these paths are redacted as a second line of defence.
 */
import pino, { type Logger } from 'pino';

export const REDACTED_PATHS = [
  'text', 'body', 'Body', 'From', 'To', 'WaId', 'phone', 'message', 'req.body', 'req.headers.authorization',
  'req.headers["x-twilio-signature"]', 'req.headers["x-telegram-bot-api-secret-token"]', 'password', 'token',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, base: { app: 'wegweiser' } }, destination);
}
