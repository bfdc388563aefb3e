/**
 * The one place that wires everything: texts, flows, storage, the engine's actions, the
 * conversation service, and the HTTP server with the channels. Nothing else creates services.
 */
import { randomBytes } from 'node:crypto';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { unavailableActions, type Actions, type EffectPerformers } from '../core/actions.js';
import { keepTrying } from '../core/backoff.js';
import { WegweiserError } from '../core/errors.js';
import { Conversations } from '../runtime/conversations.js';
import type { EngineDeps } from '../flows/turn.js';
import { JobRunner } from '../runtime/job-runner.js';
import { createPersonRateLimit } from '../runtime/rate-limit.js';
import { LANGS } from '../core/lang.js';
import { buildVocabulary } from '../core/vocabulary.js';
import { loadFlows } from '../flows/loader.js';
import { createLanguageDetector } from '../i18n/detect.js';
import { createTexts, loadLocales, type Locales, type Texts } from '../i18n/index.js';
import { createLocalCoordination, createRedisCoordination, type Coordination } from '../coordination/index.js';
import { openSqliteStorage, openStorage } from '../storage/open.js';
import type { Repositories, Storage } from '../storage/types.js';
import { loadCentres } from '../booking/centres.js';
import { findPlace } from '../booking/gazetteer.js';
import { bookingActions } from '../booking/chat-actions.js';
import { registerBookingApi } from '../booking/routes.js';
import { registerStaffAuthApi } from '../staff/routes.js';
import { registerConsoleApi } from '../staff/console-api.js';
import { bookingChangedNotifier, REMINDER_KIND, reminderHandler } from '../booking/reminders.js';
import { BookingService } from '../booking/service.js';
import { CHANNELS } from '../channels/registry.js';
import type { ChannelSender, ChannelServices, ChannelState } from '../channels/adapter.js';
import { enqueueReply } from '../runtime/outbox.js';
import { recordStatus } from '../runtime/outbound.js';
import { StaffAuth } from '../staff/auth.js';
import { registerStaffConsole } from '../handoff/console.js';
import { registerHandoffApi } from '../handoff/routes.js';
import { HandoffService, OUTBOX_KIND } from '../handoff/service.js';
import { HandoffMedia, MediaLinks } from '../handoff/media.js';
import { registerMediaApi } from '../handoff/media-routes.js';
import { MediaChannels } from '../runtime/media.js';
import { StaffEvents, type StaffEvent } from '../handoff/events.js';
import type { KnowledgeBase } from '../knowledge/load.js';
import { loadDangerForKnowledge } from '../knowledge/safety.js';
import { loadEmergencyNumbers } from '../knowledge/emergency.js';
import { KnowledgeService } from '../knowledge/service.js';
import { pickEntry } from '../knowledge/compose.js';
import { CurationService } from '../curation/service.js';
import { registerCurationApi } from '../curation/routes.js';
import type { Config } from './config.js';
import { PATHS } from '../paths.js';
import { languageSamples, loadKnowledge } from '../knowledge/open.js';
import { registerErrorHandler } from './error-handler.js';
import { logIdSecret } from './log-id-secret.js';
import { createMetrics, metricsGuard, type Metrics } from './metrics.js';
import { registerPrivacyPage } from './privacy-page.js';
import { publicUrlWarning } from './public-url.js';
import { registerSecurityHeaders } from './security-headers.js';
import { registerWebhookGuard } from './webhook-guard.js';
import { ReportRecorder } from '../reports/record.js';
import { registerReportsApi } from '../reports/routes.js';
import type { JobHandler } from '../runtime/job-runner.js';


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
  /** The curator's queue and the questions curators taught. */
  curation: CurationService;
  /** Files in handoffs: how each channel fetches and sends them, and who may read them. */
  media: MediaChannels;
  handoffMedia: HandoffMedia;
  staffEvents: StaffEvents;
  /** Stored jobs: reminders and replies to retry. */
  jobs: JobRunner;
  /** Channels that can send messages from our side register here when they start. */
  senders: Map<string, ChannelSender>;
  /** Each switched-on channel's state, for /healthz. */
  channelStates: Map<string, ChannelState>;
  conversations: Conversations;
  /** Writes the counts of the centres' reports (turns, handoff and booking events). */
  reports: ReportRecorder;
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


/**
 * What a start builds once and keeps on disk: the knowledge base and its trained retriever, the
 * danger classifier, the language model (and, at the first place named, the towns index).
 */
async function loadKept(config: Config, locales: Locales, opts: { onIndexProgress?: (done: number, total: number) => void } = {}) {
  const { kb, retriever } = await loadKnowledge({ ...opts, embeddingModelDir: config.EMBEDDING_MODEL_DIR });
  const danger = loadDangerForKnowledge(kb, PATHS.safety, { cacheDir: PATHS.cache });
  const detectLanguage = createLanguageDetector(locales.vocabulary, languageSamples(kb, locales), PATHS.cache);
  return { kb, retriever, danger, detectLanguage };
}

/**
 * Builds what a start keeps on disk and nothing else. `npm start` runs it in a process of its own,
 * without the server's heap limit, when the knowledge or the code changed: training needs more
 * memory for a minute than the server needs in a day.
 */
export async function prepareCaches(config: Config): Promise<void> {
  await loadKept(config, loadLocales(PATHS.locales));
  findPlace('accra');
}

export async function createCore(config: Config, log: Logger, opts: CoreOptions = {}): Promise<Core> {
  const locales = loadLocales(PATHS.locales);
  const texts = createTexts(locales);
  const flows = loadFlows(PATHS.flows, { hasKey: texts.hasKey });
  // 'memory' is SQLite in memory: the same schema and constraints, nothing on disk.
  const reach = <T>(service: string, open: () => Promise<T>) => reachAtStart(service, open, log, opts.startRetry);
  // Nothing is kept on disk in memory mode (the terminal chat): a key for this process is enough.
  // The same key makes the reports' pseudonyms and the curation items' links (keyed hashes of the conversation).
  const logKey = opts.storage === 'memory' && !config.LOG_ID_SECRET ? randomBytes(32) : logIdSecret(config.LOG_ID_SECRET, config.DATA_DIR);
  const storage = opts.storage === 'memory'
    ? await openSqliteStorage(':memory:', { pseudonymKey: logKey })
    : await reach('the database', () => openStorage(config.databaseUrl, opts.namespace, { pseudonymKey: logKey }));
  const now = opts.now ?? (() => new Date());
  const redisUrl = config.REDIS_URL;
  const coordination = redisUrl
    ? await reach('Redis', () => createRedisCoordination(redisUrl, opts.namespace ?? config.REDIS_PREFIX)).catch(async (err: unknown) => {
        await storage.close();
        throw err;
      })
    : createLocalCoordination(now);
  const vocabularySources = LANGS.map((l) => locales.vocabulary[l]);
  const { kb, retriever, danger, detectLanguage } = await loadKept(config, locales, opts);
  const knowledge = new KnowledgeService(kb, retriever, texts.t, danger, now, loadEmergencyNumbers(PATHS.emergencyNumbers), findPlace);
  const booking = new BookingService(loadCentres(PATHS.centres), storage.appointments, now);
  // The lookups go to the turn; bookings, cancellations and handoffs to the runtime, which performs them.
  const actions: Actions = opts.actions?.(texts) ?? {
    ...unavailableActions(texts.t),
    ...knowledge.actions(),
    ...bookingActions(booking, storage.appointments, texts.t, now, storage.jobs, config.publicBaseUrl),
    handOff: (effect) => handoffs.action().handOff(effect),
  };
  const engine: EngineDeps = {
    flows,
    t: texts.t,
    vocabulary: buildVocabulary(vocabularySources),
    actions,
    detectLanguage,
    now,
    sessionTtlMs: config.sessionTtlMs,
    privacyUrl: `${config.publicBaseUrl}/privacy`,
  };
  const auth = new StaffAuth(storage.staff, now, coordination.counters);
  const metrics = createMetrics({ topics: [...kb.entries.keys()] });
  // Bookings, cancellations and handoffs write through the turn's transaction: stored with the turn or not at all.
  const performers = opts.actions
    ? () => actions
    : (tx: Repositories): EffectPerformers => ({
        ...bookingActions(booking, tx.appointments, texts.t, now, tx.jobs, config.publicBaseUrl),
        handOff: (effect) => handoffs.action(tx.handoffs).handOff(effect),
      });
  const conversations = new Conversations(engine, performers, storage, coordination.lock, log, metrics.observeTurn, createPersonRateLimit(config.MESSAGES_PER_MINUTE, coordination.counters), logKey);
  const senders = new Map<string, ChannelSender>();
  // The staff console hears live what happens to handoffs (across instances with Redis).
  const staffEvents = new StaffEvents(coordination.logs<StaffEvent>('staff-events'));
  const handoffs = new HandoffService(storage, conversations, booking, senders, texts.t, now, staffEvents);
  conversations.onTurn(async (turn) => {
    if (turn.handoffId) await handoffs.touched(turn.handoffId, turn.meta.handoff !== null ? 'opened' : 'message');
  });
  // Centre settings made in the console count at once for the chat's booking, on every instance.
  booking.applySettings(await storage.centreSettings.all());
  await staffEvents.subscribe({ id: '', email: '', centreId: '', role: 'admin' }, (event) => {
    if (event.type === 'settings') void storage.centreSettings.all().then((all) => booking.applySettings(all), () => undefined);
  });
  const curation = new CurationService(storage, knowledge, PATHS.knowledge, now, log);
  // Questions curators taught on any instance are learned before the next question is looked up.
  knowledge.refreshBeforeLookup(() => curation.refresh());
  conversations.onTurn((turn) => curation.record(turn));
  const media = new MediaChannels(config.MEDIA_MAX_BYTES);
  conversations.takeMediaWith(media);
  const handoffMedia = new HandoffMedia(storage, conversations, media, new MediaLinks(await coordination.sharedSecret('media-links'), config.publicBaseUrl, now), now);
  const reports = new ReportRecorder({ store: storage.reports, centres: booking.centres, appointments: storage.appointments });
  conversations.onTurn(reports.onTurn);
  conversations.onTurn((turn) => metrics.observeTurnMeta(turn));
  handoffs.onEvent(async (e) => {
    metrics.handoffEvent(e.kind, e.kind === 'firstReply' ? e.seconds : undefined);
    await reports.handoff(e.kind, e.handoff.centreId, e.handoff.lang, e.at, e.kind === 'firstReply' ? e.seconds : undefined);
  });
  const jobs = new JobRunner(storage.jobs, now);
  jobs.handle(
    REMINDER_KIND,
    metered(REMINDER_KIND, reminderHandler(storage, booking, senders, texts.t, now), metrics, async (appointmentId) => {
      metrics.bookingEvent('reminded', 'job');
      await reports.reminded(appointmentId, now()).catch((err: Error) => log.error({ err: err.message }, 'report of a reminder failed'));
    }),
  );
  jobs.handle(OUTBOX_KIND, metered(OUTBOX_KIND, handoffs.outboxHandler(), metrics));
  return { config, texts, engine, storage, coordination, knowledge, kb, booking, auth, handoffs, staffEvents, curation, media, handoffMedia, jobs, senders, channelStates: new Map(), conversations, reports, metrics, log,
    close: async () => {
      jobs.stop();
      await storage.close();
      await coordination.close();
    },
  };
}


/** A job handler whose outcomes are counted (outbox failures), with `onDone` told of each payload sent. */
function metered(kind: string, handler: JobHandler, metrics: Metrics, onDone?: (payload: string) => Promise<void>): JobHandler {
  return async (payload) => {
    const outcome = await handler(payload).catch((err: Error) => ({ status: 'failed' as const, note: err.message }));
    metrics.observeJob(kind, outcome.status);
    if (outcome.status === 'done') await onDone?.(payload);
    return outcome;
  };
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
  registerPrivacyPage(app, core.texts.t, core.config.WEBCHAT_FRAME_ANCESTORS, {
    controller: core.config.PRIVACY_CONTROLLER,
    retentionDays: core.config.RETENTION_DAYS,
    sessionHours: core.config.SESSION_TTL_HOURS,
    curationDays: core.config.CURATION_DAYS,
  });
  await registerStaffAuthApi(app, { auth: core.auth, rateLimitStore: core.coordination.redis });
  await registerBookingApi(app, {
    booking: core.booking, jobs: core.storage.jobs, auth: core.auth, staff: core.storage.staff, now: core.engine.now, rateLimitStore: core.coordination.redis,
    notifyCancelled: bookingChangedNotifier(core.storage, core.booking, core.senders, core.texts.t, core.engine.now),
    onBooking: async (kind, centreId) => {
      core.metrics.bookingEvent(kind, 'staff');
      await core.reports.staffBooking(kind, centreId, core.engine.now());
    },
  });
  registerHandoffApi(app, core.handoffs, core.auth, { events: core.staffEvents, timezoneOf: (id) => core.booking.centre(id)?.timezone });
  registerConsoleApi(app, {
    auth: core.auth, storage: core.storage, now: core.engine.now,
    centreExists: (id) => core.booking.centre(id) !== undefined,
    settingsOf: (id) => {
      const c = core.booking.centre(id);
      return c && { hours: c.hours ?? {}, holidays: c.holidays ?? [], capacity: c.capacity };
    },
    settingsChanged: async () => {
      core.booking.applySettings(await core.storage.centreSettings.all());
      await core.staffEvents.publish({ type: 'settings', centreId: null });
    },
  });
  registerCurationApi(app, {
    curation: core.curation,
    auth: core.auth,
    topics: (lang) => [...core.kb.entries].map(([id, byLang]) => ({ id, title: pickEntry(byLang, lang)?.title ?? id })).sort((a, b) => a.title.localeCompare(b.title, lang)),
    detectLanguage: core.engine.detectLanguage,
  });
  registerMediaApi(app, core.handoffMedia, core.auth, core.config.MEDIA_MAX_BYTES);
  registerStaffConsole(app);
  registerReportsApi(app, { store: core.storage.reports, auth: core.auth, centreIds: new Set(core.booking.centres.map((c) => c.id)) });
  const on = new Set<string>();
  for (const channel of CHANNELS) {
    const opened = channel.open(core.config);
    if ('missing' in opened) {
      core.log.info({ channel: channel.name, missing: opened.missing }, `channel ${channel.name} is off: set ${opened.missing.join(', ')} to switch it on`);
      continue;
    }
    await opened.register(app, channelServices(core, channel.name));
    if (!core.channelStates.has(channel.name)) core.channelStates.set(channel.name, 'ok');
    core.log.info({ channel: channel.name }, `channel ${channel.name} is on`);
    on.add(channel.name);
  }
  const warning = publicUrlWarning(core.config, on);
  if (warning) core.log.warn({ publicBaseUrl: core.config.publicBaseUrl }, warning);
  return app;
}

/** What a channel may use of the core: its turn, its outbox and sender, delivery, clock, log, texts. */
function channelServices(core: Core, name: string): ChannelServices {
  return {
    deliver: async (ref, inbound, hints, ticket) => {
      const outcome = await core.conversations.deliver(ref, inbound, hints, ticket);
      // The person's message released what an advisor wrote meanwhile: send it now, not at the next interval.
      if (outcome.status === 'answered' && outcome.delivered?.released) core.jobs.soon();
      return outcome;
    },
    queueReply: (user, outbox, retryAfterMs) => enqueueReply(core.storage.jobs, { conversationId: `${name}:${user}`, outbox: [...outbox] }, core.engine.now(), retryAfterMs),
    registerSender: (sender) => void core.senders.set(name, sender),
    registerMedia: (media) => core.media.register(name, media),
    reportStatus: async (report) => {
      const recorded = await core.storage.transaction((tx) => recordStatus(tx, { ...report, channel: name }, core.engine.now()));
      if (!recorded) return 'unknown';
      core.metrics.countStatus(name, report.status);
      return 'recorded';
    },
    setState: (state) => void core.channelStates.set(name, state),
    shared: {
      logs: (logName) => core.coordination.logs(logName),
      secret: (secretName) => core.coordination.sharedSecret(secretName),
      rateLimitStore: core.coordination.redis,
    },
    now: core.engine.now,
    log: core.log,
    t: (lang, key) => core.texts.t(lang, key),
  };
}
