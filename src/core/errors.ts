/**
 * The catalogue of errors that stop Wegweiser from starting or from doing what was asked. Each has
 * a stable code and a message that says what to fix. Expected outcomes of a turn (no answer found,
 * a slot taken) are not errors: they are returned as tagged results.
 */
export type ErrorCode =
  | 'CONFIG_INVALID'
  | 'FLOW_INVALID'
  | 'LOCALE_INVALID'
  | 'KNOWLEDGE_INVALID'
  | 'STORAGE_FAILED'
  | 'SERVICE_UNREACHABLE';

const HINTS: Record<ErrorCode, string> = {
  CONFIG_INVALID: 'Check the environment variables against .env.example.',
  FLOW_INVALID: 'Fix the flow file named above; flows are described in flows/README.md.',
  LOCALE_INVALID: 'Fix the locale file named above; every key must exist in every language (see locales/README.md).',
  KNOWLEDGE_INVALID: 'Fix the knowledge file named above; the format is in knowledge/README.md. Run `npm run kb:check`.',
  STORAGE_FAILED: 'Check DATABASE_URL and that DATA_DIR is writable.',
  SERVICE_UNREACHABLE: 'Check that the server named above is running and reachable from here (DATABASE_URL, REDIS_URL, firewall); Wegweiser tried several times and cannot serve without it.',
};

/**
 * A service this instance needs for every turn (the database, Redis) did not answer: nothing was
 * stored, and the request should be tried again later. HTTP answers 503 (Fastify reads
 * `statusCode`), so Twilio and Telegram deliver the message again once the service is back.
 */
export class ServiceUnavailableError extends Error {
  readonly statusCode = 503;
  constructor(
    readonly service: string,
    cause: unknown,
  ) {
    super(`${service} is unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'ServiceUnavailableError';
  }
}

export class WegweiserError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly problems: readonly string[],
  ) {
    super(`${code}: ${problems.join('\n  ')}\n  ${HINTS[code]}`);
    this.name = 'WegweiserError';
  }
}
