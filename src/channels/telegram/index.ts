/**
 * Telegram through grammY: `POST /webhooks/telegram` with grammY's webhook callback and the
 * X-Telegram-Bot-Api-Secret-Token check (401, nothing sent otherwise), or long polling with
 * TELEGRAM_MODE=polling for local development. Every Bot API call goes to TELEGRAM_API_ROOT. An
 * update delivered twice (same update_id) is handled once.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Bot, webhookCallback, type Context } from 'grammy';
import { keepTrying, pause } from '../../core/backoff.js';
import { LANGS } from '../../core/lang.js';
import { COMMAND_NAMES, type CommandName } from '../../core/messages.js';
import { enqueueReply } from '../../runtime/outbox.js';
import type { Core } from '../../server/app.js';
import type { ChannelAdapter } from '../adapter.js';
import { claimDelivery, releaseClaim } from '../../runtime/deliveries.js';
import { isTelegramUpdate, parseTelegramUpdate } from './inbound.js';
import { renderTelegram } from './render.js';
import { telegramSendFailure, telegramStartProblem } from './send.js';

export const TELEGRAM_PATH = '/webhooks/telegram';
const CHANNEL = 'telegram';

/** The command menu Telegram shows, described in each language. */
const COMMAND_DESCRIPTION_KEYS: Record<CommandName, string> = {
  start: 'command.start',
  menu: 'command.menu',
  language: 'command.language',
  human: 'command.human',
  delete: 'command.delete',
  stop: 'command.stop',
};

function sameSecret(given: unknown, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const telegramChannel: ChannelAdapter = {
  name: CHANNEL,
  missingConfig: (config) => [
    ...(config.TELEGRAM_BOT_TOKEN ? [] : ['TELEGRAM_BOT_TOKEN']),
    ...(config.TELEGRAM_MODE === 'webhook' && !config.TELEGRAM_WEBHOOK_SECRET ? ['TELEGRAM_WEBHOOK_SECRET'] : []),
  ],
  async register(app, core) {
    const { config, log } = core;
    const bot = new Bot(config.TELEGRAM_BOT_TOKEN!, { client: config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : {} });
    // Telegram being down must not keep the other channels (or /healthz) from starting: the bot
    // connects in the background, and updates wait a little for it or are refused for Telegram to retry.
    const ready = connectInBackground(app, core, bot);

    bot.use(async (ctx: Context) => {
      const claim = await claimDelivery(core.storage.deliveries, CHANNEL, String(ctx.update.update_id), core.engine.now);
      if (claim.status === 'answered') return;
      // Still being handled elsewhere: an error makes Telegram deliver it again later.
      if (claim.status === 'busy') throw new Error('this update is still being handled; Telegram will retry');
      const parsed = parseTelegramUpdate(ctx.update);
      try {
        if (parsed?.callbackQueryId) await ctx.answerCallbackQuery().catch(() => undefined); // stops the button's spinner
        if (!parsed) return;
        const { outbox } = await core.conversations.receive({ channel: CHANNEL, user: String(parsed.chatId) }, parsed.inbound, { ...parsed.hints, deliveryId: String(ctx.update.update_id) });
        // The turn is done and stored; from here a failed send goes to the outbox, never a second turn.
        await core.storage.deliveries.complete(CHANNEL, String(ctx.update.update_id), 'sent');
        for (const [i, message] of outbox.entries()) {
          try {
            for (const m of renderTelegram([message])) {
              await ctx.api.sendMessage(parsed.chatId, m.text, { parse_mode: 'HTML', reply_markup: m.reply_markup, link_preview_options: { is_disabled: true } });
            }
          } catch (err) {
            const failure = telegramSendFailure(err);
            if (failure.status === 'refused') {
              log.warn({ channel: CHANNEL, err: failure.reason }, 'telegram refused the reply: not sent again');
              return;
            }
            await enqueueReply(core.storage.jobs, { conversationId: `${CHANNEL}:${parsed.chatId}`, outbox: outbox.slice(i) }, core.engine.now(), failure.retryAfterMs);
            log.warn({ channel: CHANNEL, err: failure.reason }, 'telegram send failed: the rest of the reply waits in the outbox');
            return;
          }
        }
      } catch (err) {
        await releaseClaim(core.storage.deliveries, CHANNEL, String(ctx.update.update_id));
        throw err;
      }
    });
    core.senders.set(CHANNEL, {
      async send(user, outbox) {
        try {
          for (const m of renderTelegram(outbox)) {
            await bot.api.sendMessage(Number(user), m.text, { parse_mode: 'HTML', reply_markup: m.reply_markup, link_preview_options: { is_disabled: true } });
          }
          return { status: 'sent' };
        } catch (err) {
          return telegramSendFailure(err);
        }
      },
    });
    bot.catch((err) => log.error({ channel: CHANNEL, err: err.error instanceof Error ? err.error.message : String(err.error) }, 'telegram update failed'));

    if (config.TELEGRAM_MODE === 'polling') {
      void ready.then((ok) => (ok ? bot.start({ drop_pending_updates: false }) : undefined)).catch((err: Error) => log.error({ channel: CHANNEL, err: err.message }, 'telegram polling stopped'));
      app.addHook('onClose', async () => bot.stop());
      return;
    }
    const secret = config.TELEGRAM_WEBHOOK_SECRET!;
    const handle = webhookCallback(bot, 'fastify', { secretToken: secret });
    app.post(
      TELEGRAM_PATH,
      {
        // Checked before the body is even parsed: without the secret, nothing about the request matters.
        onRequest: async (req, reply) => {
          if (!sameSecret(req.headers['x-telegram-bot-api-secret-token'], secret)) {
            await reply.code(401).send({ error: 'wrong or missing X-Telegram-Bot-Api-Secret-Token' });
          }
        },
      },
      async (req, reply) => {
        if (!isTelegramUpdate(req.body)) return reply.code(400).send({ error: 'not a Telegram update: update_id is missing' });
        if (!bot.isInited() && !(await Promise.race([ready, pause(UPDATE_WAIT_MS).then(() => false)]))) {
          return reply.code(503).header('retry-after', '30').send({ error: 'the Telegram channel is still connecting to the Bot API; Telegram will retry' });
        }
        return handle(req, reply);
      },
    );
  },
};

/** Each try at the Bot API at start gives up after this long (grammY's own default is minutes). */
const ATTEMPT_TIMEOUT_MS = 10_000;
/** An update that arrives while the bot is connecting waits this long before it is refused. */
const UPDATE_WAIT_MS = 5_000;
const RETRY = { firstMs: 1000, maxMs: 60_000 };
type BotSignal = Parameters<Bot['api']['getMe']>[0];

/**
 * Asks the Bot API who the bot is (getMe) until it answers, with a log line per failure that says
 * what to check, then registers the command menu; both with capped backoff, stopped when the
 * server closes. Resolves true once connected (false if the server closed first).
 */
function connectInBackground(app: FastifyInstance, core: Core, bot: Bot): Promise<boolean> {
  const { log } = core;
  const closing = new AbortController();
  app.addHook('onClose', async () => closing.abort());
  // grammY types its signals with an older AbortSignal declaration; Node's own is what it uses.
  const attemptSignal = () => AbortSignal.any([closing.signal, AbortSignal.timeout(ATTEMPT_TIMEOUT_MS)]) as BotSignal;
  core.channelStates.set(CHANNEL, 'starting');
  const connected = keepTrying(
    async () => {
      bot.botInfo = await bot.api.getMe(attemptSignal());
    },
    {
      ...RETRY,
      signal: closing.signal,
      onFailure: (err, attempt, retryInMs) => {
        if (closing.signal.aborted) return;
        core.channelStates.set(CHANNEL, 'down');
        log.warn({ channel: CHANNEL, attempt, retryInMs }, `telegram is down: ${telegramStartProblem(err)}; trying again in ${Math.ceil((retryInMs ?? 0) / 1000)} s`);
      },
    },
  ).then(
    () => {
      core.channelStates.set(CHANNEL, 'ok');
      log.info({ channel: CHANNEL }, `telegram connected to the Bot API as @${bot.botInfo.username}`);
      void registerCommands(bot, core, closing.signal, attemptSignal);
      return true;
    },
    () => false,
  );
  return connected;
}

/** The command menu Telegram shows, in each language; failures are logged and tried again a few times, never awaited. */
async function registerCommands(bot: Bot, core: Core, closing: AbortSignal, attemptSignal: () => BotSignal): Promise<void> {
  await keepTrying(
    () =>
      Promise.all(
        LANGS.map((lang) =>
          bot.api.setMyCommands(
            COMMAND_NAMES.map((command) => ({ command, description: core.texts.t(lang, COMMAND_DESCRIPTION_KEYS[command]) })),
            lang === 'en' ? {} : { language_code: lang },
            attemptSignal(),
          ),
        ),
      ),
    {
      ...RETRY,
      attempts: 5,
      signal: closing,
      onFailure: (err, attempt, retryInMs) => {
        if (closing.aborted) return;
        const problem = err instanceof Error ? err.message : String(err);
        const next = retryInMs === undefined ? 'giving up until the next start' : `trying again in ${Math.ceil(retryInMs / 1000)} s`;
        core.log.warn({ channel: CHANNEL, attempt }, `telegram setMyCommands failed (${problem}): the command menu may be out of date; ${next}`);
      },
    },
  ).catch(() => undefined);
}
