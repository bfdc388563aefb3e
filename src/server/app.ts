/**
 * The one place that wires everything: texts, flows, storage, the engine's actions, the
 * conversation service, and the HTTP server with the channels. Nothing else creates services.
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { unavailableActions, type Actions } from '../core/actions.js';
import { keepTrying } from '../core/backoff.js';
import { WegweiserError } from '../core/errors.js';
import { Conversations } from '../core/conversations.js';
import type { EngineDeps } from '../core/engine.js';
import { JobRunner } from '../core/job-runner.js';
import { createPersonRateLimit } from '../core/rate-limit.js';
import { LANGS, type Lang } from '../core/lang.js';
import { buildVocabulary } from '../core/vocabulary.js';
import { loadFlows } from '../flows/loader.js';
import { createLanguageDetector } from '../i18n/detect.js';
import { createTexts, flattenKeys, loadLocales, type Locales, type Texts } from '../i18n/index.js';
import { createLocalCoordination, createRedisCoordination, type Coordination } from '../coordination/index.js';
import { openStorage } from '../storage/open.js';
import { openSqliteStorage } from '../storage/sqlite-storage.js';
import type { Storage } from '../storage/types.js';
import { loadCentres } from '../booking/centres.js';
import { bookingActions } from '../booking/chat-actions.js';
import { registerBookingApi } from '../booking/routes.js';
import { REMINDER_KIND, reminderHandler } from '../booking/reminders.js';
import { BookingService } from '../booking/service.js';
import { CHANNELS } from '../channels/registry.js';
import type { ChannelSender, ChannelState } from '../channels/adapter.js';
import { StaffAuth } from '../handoff/auth.js';
import { registerStaffConsole } from '../handoff/console.js';
import { registerHandoffApi } from '../handoff/routes.js';
import { HandoffService, OUTBOX_KIND } from '../handoff/service.js';
import { FIGURE_PLACEHOLDER } from '../knowledge/figures.js';
import { loadKnowledgeBase, type KnowledgeBase } from '../knowledge/load.js';
import { KnowledgeRetriever } from '../knowledge/retriever.js';
import { loadSafetySignals } from '../knowledge/safety.js';
import { KnowledgeService } from '../knowledge/service.js';
import type { Config } from './config.js';
import { registerErrorHandler } from './error-handler.js';
import { logIdSecret } from './log-id-secret.js';
import { createMetrics, metricsGuard, type Metrics } from './metrics.js';
import { registerPrivacyPage } from './privacy-page.js';
import { registerSecurityHeaders } from './security-headers.js';
import { registerWebhookGuard } from './webhook-guard.js';

/** The project's own folders, found from this file so that any working directory works. */
export const ROOT = resolve(import.meta.dirname, '..', '..');
export const PATHS = {
  flows: resolve(ROOT, 'flows'),
  locales: resolve(ROOT, 'locales'),
  knowledge: resolve(ROOT, 'knowledge'),
  centres: resolve(ROOT, 'knowledge', 'centres.yaml'),
  safetySignals: resolve(ROOT, 'knowledge', '_safety', 'signals.yaml'),
  /** The trained retriever, keyed by a hash of the knowledge base (safe to delete). */
  cache: resolve(ROOT, '.cache', 'knowledge-index'),
};

export interface Core {
  config: Config;
  texts: Texts;
  engine: EngineDeps;
  storage: Storage;
  /** What instances share: in memory for one, Redis for several. */
  coordination: Coordination;
  knowledge: KnowledgeService;
  kb: KnowledgeBase;
  booking: BookingService;
  auth: StaffAuth;
  handoffs: HandoffService;
  /** Stored jobs: reminders and replies to retry. */
  jobs: JobRunner;
  /** Channels that can send messages from our side register here when they start. */
  senders: Map<string, ChannelSender>;
  /** Each switched-on channel's state, for /healthz. */
  channelStates: Map<string, ChannelState>;
  conversations: Conversations;
  metrics: Metrics;
  log: Logger;
  /** Closes the database and the shared coordination (Redis). */
  close(): Promise<void>;
}

export interface CoreOptions {
  /** 'memory' keeps conversations in memory (the terminal chat); default: DATABASE_URL. */
  storage?: 'memory' | 'database';
  now?: () => Date;
  actions?: (texts: Texts) => Actions;
  /** Called while the retriever trains (for a progress bar). */
  onIndexProgress?: (done: number, total: number) => void;
  /**
   * Keeps this core's data apart from others on the same PostgreSQL (a schema) and Redis (a key
   * prefix): tests run side by side on one server. Default: the public schema, prefix 'wegweiser'.
   */
  namespace?: string;
  /** How often to try PostgreSQL and Redis at start before giving up (default 6 tries, 1 s doubling to 8 s). */
  startRetry?: StartRetry;
}

export interface StartRetry {
  attempts: number;
  firstMs: number;
}

/**
 * Opens a service this node cannot serve without (PostgreSQL, Redis): one that is unreachable at
 * start (both starting together, a short outage) is tried again a few times, a log line each,
 * before the start fails with what to check.
 */
async function reachAtStart<T>(service: string, open: () => Promise<T>, log: Logger, retry: StartRetry = { attempts: 6, firstMs: 1000 }): Promise<T> {
  const unreachable = (err: unknown): err is WegweiserError => err instanceof WegweiserError && err.code === 'SERVICE_UNREACHABLE';
  return keepTrying(open, {
    attempts: retry.attempts,
    firstMs: retry.firstMs,
    maxMs: retry.firstMs * 8,
    retryable: unreachable,
    onFailure: (err, attempt, retryInMs) => {
      if (!unreachable(err)) return;
      const problem = err.problems.join('; ');
      if (retryInMs === undefined) log.error({ service, attempt }, `${service} is still unreachable after ${attempt} attempts (${problem}): giving up`);
      else log.warn({ service, attempt, of: retry.attempts, retryInMs }, `${service} is unreachable (${problem}): trying again in ${Math.ceil(retryInMs / 1000)} s; check that it runs and that its URL is right`);
    },
  });
}

const retrievers = new Map<string, Promise<KnowledgeRetriever>>();

/**
 * The knowledge base and its retriever, built once per process for a given knowledge base (and
 * embedding model, when one is configured).
 */
export async function loadKnowledge(
  opts: Pick<CoreOptions, 'onIndexProgress'> & { embeddingModelDir?: string } = {},
): Promise<{ kb: KnowledgeBase; retriever: KnowledgeRetriever }> {
  const kb = loadKnowledgeBase(PATHS.knowledge);
  const key = `${kb.hash}|${opts.embeddingModelDir ?? ''}`;
  let retriever = retrievers.get(key);
  if (!retriever) {
    retriever = (async () => {
      const dir = opts.embeddingModelDir;
      // e5 encoders were trained with these prefixes; others take the text as it is.
      const prefixes = dir && /e5/i.test(dir) ? { queryPrefix: 'query: ', documentPrefix: 'query: ' } : {};
      // langchain and transformers.js are loaded only when a model is configured.
      const extra = dir ? await (await import('../knowledge/embeddings.js')).EmbeddingTopicScorer.create(kb, { modelDir: dir, ...prefixes }) : undefined;
      return KnowledgeRetriever.build(kb, { onProgress: opts.onIndexProgress, cacheDir: PATHS.cache, extra });
    })();
    retrievers.set(key, retriever);
    retriever.catch(() => retrievers.delete(key));
  }
  return { kb, retriever: await retriever };
}

export async function createCore(config: Config, log: Logger, opts: CoreOptions = {}): Promise<Core> {
  const locales = loadLocales(PATHS.locales);
  const texts = createTexts(locales);
  const flows = loadFlows(PATHS.flows, { hasKey: texts.hasKey });
  // 'memory' is SQLite in memory: the same schema and constraints, nothing on disk.
  const reach = <T>(service: string, open: () => Promise<T>) => reachAtStart(service, open, log, opts.startRetry);
  const storage = opts.storage === 'memory' ? await openSqliteStorage(':memory:') : await reach('the database', () => openStorage(config.databaseUrl, opts.namespace));
  const now = opts.now ?? (() => new Date());
  const redisUrl = config.REDIS_URL;
  const coordination = redisUrl
    ? await reach('Redis', () => createRedisCoordination(redisUrl, opts.namespace ?? config.REDIS_PREFIX)).catch(async (err: unknown) => {
        await storage.close();
        throw err;
      })
    : createLocalCoordination(now);
  const vocabularySources = LANGS.map((l) => locales.vocabulary[l]);
  const { kb, retriever } = await loadKnowledge({ ...opts, embeddingModelDir: config.EMBEDDING_MODEL_DIR });
  const knowledge = new KnowledgeService(kb, retriever, texts.t, loadSafetySignals(PATHS.safetySignals), now);
  const booking = new BookingService(loadCentres(PATHS.centres), storage.appointments, now);
  const engine: EngineDeps = {
    flows,
    t: texts.t,
    vocabulary: buildVocabulary(vocabularySources),
    actions: opts.actions?.(texts) ?? {
      ...unavailableActions(texts.t),
      ...knowledge.actions(),
      ...bookingActions(booking, storage.appointments, texts.t, now, storage.jobs, config.publicBaseUrl),
      handOff: (req) => handoffs.action().handOff(req),
    },
    detectLanguage: createLanguageDetector(locales.vocabulary, languageSamples(kb, locales)),
    now,
    sessionTtlMs: config.sessionTtlMs,
    privacyUrl: `${config.publicBaseUrl}/privacy`,
  };
  const auth = new StaffAuth(storage.staff, now, coordination.counters);
  const metrics = createMetrics();
  // Nothing is kept on disk in memory mode (the terminal chat): a key for this process is enough.
  const logKey = opts.storage === 'memory' && !config.LOG_ID_SECRET ? randomBytes(32) : logIdSecret(config.LOG_ID_SECRET, config.DATA_DIR);
  const conversations = new Conversations(engine, storage, coordination.lock, log, metrics.observeTurn, createPersonRateLimit(config.MESSAGES_PER_MINUTE, coordination.counters), logKey);
  const senders = new Map<string, ChannelSender>();
  const handoffs = new HandoffService(storage, conversations, booking, senders, texts.t, now);
  const jobs = new JobRunner(storage.jobs, now);
  jobs.handle(REMINDER_KIND, reminderHandler(storage, booking, senders, texts.t));
  jobs.handle(OUTBOX_KIND, handoffs.outboxHandler());
  return { config, texts, engine, storage, coordination, knowledge, kb, booking, auth, handoffs, jobs, senders, channelStates: new Map(), conversations, metrics, log,
    close: async () => {
      jobs.stop();
      await storage.close();
      await coordination.close();
    },
  };
}

/** Text we have in each language, for the language detector: knowledge entries and interface texts. */
export function languageSamples(kb: KnowledgeBase, locales: Locales): Map<Lang, string[]> {
  const samples = new Map<Lang, string[]>(LANGS.map((l) => [l, []]));
  for (const byLang of kb.entries.values()) {
    for (const e of byLang.values()) samples.get(e.lang)!.push(e.title, e.short.replace(FIGURE_PLACEHOLDER, ' '), e.details.replace(FIGURE_PLACEHOLDER, ' '), ...e.questions);
  }
  for (const l of LANGS) {
    for (const v of flattenKeys(locales.resources[l]).values()) if (typeof v === 'string') samples.get(l)!.push(v.replace(/\{\{\w+\}\}|https?:\S+/g, ''));
  }
  return samples;
}

/** The HTTP server: health, metrics, and every channel whose credentials are configured. */
export async function createServer(core: Core): Promise<FastifyInstance> {
  const requestTimeout = core.config.REQUEST_TIMEOUT_SECONDS * 1000;
  // No per-request log lines: a line per turn (with a conversation hash, never text) is enough.
  const app = Fastify({
    loggerInstance: core.log as FastifyBaseLogger,
    bodyLimit: 256 * 1024,
    logController: new LogController({ disableRequestLogging: true }),
    // X-Forwarded-For from anyone else would let a client pick the address its limits count.
    trustProxy: core.config.TRUST_PROXY ?? false,
    // A client that trickles its headers or body is cut off (408) instead of holding a socket
    // forever (node checks every second), and a silent socket is closed. A WebSocket, once
    // upgraded, is no request any more and ws lifts the idle timeout from its socket.
    requestTimeout,
    connectionTimeout: 2 * requestTimeout,
    http: { headersTimeout: Math.min(requestTimeout, 10_000), connectionsCheckingInterval: 1000 },
  });
  registerErrorHandler(app);
  registerSecurityHeaders(app);
  // For the load balancer: an instance that cannot reach its database or Redis takes no traffic.
  // A channel's outage (Telegram down) is reported but takes no traffic away: the others still work.
  app.get('/healthz', async (_req, reply) => {
    const check = (p: Promise<void>) => Promise.race([p.then(() => 'ok' as const), new Promise<'down'>((r) => setTimeout(() => r('down'), 2000).unref())]).catch(() => 'down' as const);
    const [database, redis] = await Promise.all([check(core.storage.ping()), core.coordination.redis ? check(core.coordination.ping()) : Promise.resolve('not used' as const)]);
    const ok = database === 'ok' && redis !== 'down';
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', database, redis, channels: Object.fromEntries(core.channelStates) });
  });
  app.get('/metrics', { onRequest: metricsGuard(core.config.METRICS_TOKEN) }, async (_req, reply) => {
    reply.type(core.metrics.registry.contentType);
    return core.metrics.registry.metrics();
  });
  registerWebhookGuard(app, core.coordination.counters, core.engine.now, core.config.WEBHOOK_REJECTS_PER_IP);
  registerPrivacyPage(app, core.kb, core.config.WEBCHAT_FRAME_ANCESTORS);
  await registerBookingApi(app, { booking: core.booking, jobs: core.storage.jobs, auth: core.auth, staff: core.storage.staff, now: core.engine.now, rateLimitStore: core.coordination.redis });
  registerHandoffApi(app, core.handoffs, core.auth);
  registerStaffConsole(app);
  for (const channel of CHANNELS) {
    const missing = channel.missingConfig(core.config);
    if (missing.length) {
      core.log.info({ channel: channel.name, missing }, `channel ${channel.name} is off: set ${missing.join(', ')} to switch it on`);
      continue;
    }
    await channel.register(app, core);
    if (!core.channelStates.has(channel.name)) core.channelStates.set(channel.name, 'ok');
    core.log.info({ channel: channel.name }, `channel ${channel.name} is on`);
  }
  return app;
}
