/**
 * Configuration from the environment, validated at start-up. Everything is optional: with nothing
 * set, Wegweiser runs with embedded defaults (SQLite under ./data, the default retriever, no
 * channel accounts). A wrong value stops the start with what to fix.
 */
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';
import { WegweiserError } from '../core/errors.js';

const optional = z.string().trim().min(1).optional().catch(undefined);
const emptyAsUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** proxy-addr's names for address ranges, accepted in TRUST_PROXY beside addresses and CIDRs. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An address (10.0.0.5, ::1), a CIDR (10.0.0.0/8, fd00::/8) or one of proxy-addr's range names. */
export function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [ip, prefix, extra] = entry.split('/');
  const version = isIP(ip ?? '');
  if (!version || extra !== undefined) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

const trustProxy = z
  .string()
  .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
  .refine((list) => list.every(isProxyAddress), {
    message: "TRUST_PROXY lists the load balancers' addresses or CIDRs, comma-separated (e.g. 10.0.0.0/8,192.168.1.5 or loopback); never every address",
  });

/** A CSP source: 'self', 'none', a scheme (https:) or a host (https://centre.example.org, *.example.org). */
const CSP_SOURCE = /^('self'|'none'|https?:|(https?:\/\/)?(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*(:(\d{1,5}|\*))?)$/;
const frameAncestors = z
  .string()
  .trim()
  .refine((v) => v.split(/\s+/).every((s) => CSP_SOURCE.test(s)), {
    message: "WEBCHAT_FRAME_ANCESTORS: space-separated CSP sources such as 'self' https://centre.example.org ('none' forbids embedding)",
  });

const envSchema = z.object({
  PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(65535).default(3978)),
  HOST: z.preprocess(emptyAsUndefined, z.string().default('0.0.0.0')),
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default('./data')),
  PUBLIC_BASE_URL: z.preprocess(emptyAsUndefined, z.url({ message: 'PUBLIC_BASE_URL must be a URL such as https://chat.example.org' }).optional()),
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    z.string().regex(/^(sqlite:|postgres(ql)?:\/\/)/, 'DATABASE_URL must start with sqlite: or postgres://').optional(),
  ),
  /** Shared turn locks, rate limits, web chat fan-out and secrets when several instances run. */
  REDIS_URL: z.preprocess(emptyAsUndefined, z.string().regex(/^rediss?:\/\//, 'REDIS_URL must start with redis:// or rediss://').optional()),
  /** Keeps deployments that share one Redis apart (every key and channel starts with it). */
  REDIS_PREFIX: z.preprocess(emptyAsUndefined, z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'REDIS_PREFIX: letters, digits, _ and - only').default('wegweiser')),
  SESSION_TTL_HOURS: z.preprocess(emptyAsUndefined, z.coerce.number().positive().default(24)),
  /** Messages one person may send per minute before the assistant asks them to slow down. */
  MESSAGES_PER_MINUTE: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(10_000).default(30)),
  /** Rejected webhook requests (bad signature, malformed) one address may send per 10 minutes before it is refused. */
  WEBHOOK_REJECTS_PER_IP: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(1_000_000).default(20)),
  /**
   * The load balancers in front of this server: X-Forwarded-For is believed only from these
   * addresses. Unset: no proxy is trusted and the client is the connection's address.
   */
  TRUST_PROXY: z.preprocess(emptyAsUndefined, trustProxy.optional()),
  /** Seconds a client has to send a whole request (headers and body); slower ones get 408. */
  REQUEST_TIMEOUT_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(600).default(30)),
  /** Who may embed the web chat page in a frame (CSP frame-ancestors). */
  WEBCHAT_FRAME_ANCESTORS: z.preprocess(emptyAsUndefined, frameAncestors.default("'self'")),
  /** Conversations, closed handoffs and past appointments' personal details are kept this many days. */
  RETENTION_DAYS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(3650).default(90)),
  /** Masked questions wait in the curator's queue this many days (also removed by "delete my data"). */
  CURATION_DAYS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(365).default(30)),
  /** Who is responsible for the data (the controller), as the privacy notice names it, e.g. "Example Org, Street 1, City, privacy@example.org". */
  PRIVACY_CONTROLLER: z.preprocess(emptyAsUndefined, z.string().max(500).optional()),
  /** The key of the conversation references in logs; every instance needs the same (default: made once in DATA_DIR). */
  LOG_ID_SECRET: z.preprocess(emptyAsUndefined, z.string().min(16, 'LOG_ID_SECRET must be at least 16 characters (e.g. openssl rand -hex 32)').optional()),
  /** When set, GET /metrics needs `Authorization: Bearer <METRICS_TOKEN>`; unset, the metrics are public. */
  METRICS_TOKEN: z.preprocess(emptyAsUndefined, z.string().min(16, 'at least 16 characters (e.g. openssl rand -hex 24)').optional()),
  /** The largest file (voice note, photo, document) passed between a person and an advisor, in bytes (default 16 MB). */
  MEDIA_MAX_BYTES: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(16 * 1024 * 1024)),
  LOG_LEVEL: z.preprocess(emptyAsUndefined, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
  EMBEDDING_MODEL_DIR: optional,
  TWILIO_ACCOUNT_SID: optional,
  TWILIO_AUTH_TOKEN: optional,
  TWILIO_WHATSAPP_FROM: optional,
  /** Another root for Twilio's REST API (tests point it at a fake on 127.0.0.1). */
  TWILIO_API_BASE: optional,
  /** WhatsApp's approved templates for messages outside the 24-hour window: a JSON/YAML file, or the JSON (default ./whatsapp-templates.json when present). */
  WHATSAPP_TEMPLATES: optional,
  TELEGRAM_BOT_TOKEN: optional,
  TELEGRAM_WEBHOOK_SECRET: optional,
  TELEGRAM_API_ROOT: optional,
  TELEGRAM_MODE: z.preprocess(emptyAsUndefined, z.enum(['webhook', 'polling']).default('webhook')),
  MicrosoftAppId: optional,
  MicrosoftAppPassword: optional,
  MicrosoftAppType: optional,
  MicrosoftAppTenantId: optional,
  /** Development and tests only: /api/messages without Bot Framework authentication. */
  BOTFRAMEWORK_ALLOW_ANONYMOUS: z.preprocess(emptyAsUndefined, z.enum(['true', 'false']).default('false')).transform((v) => v === 'true'),
  /** In anonymous mode, the only serviceUrls replies may go to besides loopback: comma-separated URL prefixes. */
  BOTFRAMEWORK_SERVICE_URLS: z.preprocess(
    (v) => (typeof v === 'string' ? v.split(',').map((u) => u.trim()).filter(Boolean) : []),
    z.array(z.url({ protocol: /^https?$/, message: 'BOTFRAMEWORK_SERVICE_URLS: comma-separated http(s) URLs such as https://smba.trafficmanager.net/teams/' })),
  ),
});

export type Env = z.infer<typeof envSchema>;

export interface Config extends Env {
  /** The URL the world reaches this server at (Twilio signs requests against it). */
  publicBaseUrl: string;
  /** Where the embedded database lives, or the PostgreSQL URL. */
  databaseUrl: string;
  sessionTtlMs: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new WegweiserError('CONFIG_INVALID', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  return {
    ...e,
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    databaseUrl: e.DATABASE_URL ?? `sqlite:${resolve(e.DATA_DIR, 'wegweiser.sqlite')}`,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3600_000,
  };
}
