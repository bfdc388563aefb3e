/**
 * Telegram through grammY's Bot API client: `POST /webhooks/telegram` through the one pipeline
 * (the X-Telegram-Bot-Api-Secret-Token checked once, 401 and nothing sent otherwise; an update
 * delivered twice, same update_id, handled once), or long polling with TELEGRAM_MODE=polling for
 * local development, through the same turn. Every Bot API call goes to TELEGRAM_API_ROOT.
 */
import type { FastifyInstance } from 'fastify';
import { Bot, type Context } from 'grammy';
import { keepTrying, pause } from '../../core/backoff.js';
import { LANGS } from '../../core/lang.js';
import { COMMAND_NAMES, type CommandName } from '../../core/messages.js';
import { defineChannel, type ChannelContext } from '../adapter.js';
import { mountWebhook, runDelivery, type DeliveryParts, type Refusal } from '../webhook.js';
import { CHANNEL, parseTelegramRequest, type TelegramReplyTo } from './parse.js';
import { telegramMedia } from './media.js';
import { sendReply, sendToChat, telegramStartProblem } from './send.js';
import { verifyTelegramSecret } from './verify.js';

export const TELEGRAM_PATH = '/webhooks/telegram';

/** The command menu Telegram shows, described in each language. */
const COMMAND_DESCRIPTION_KEYS: Record<CommandName, string> = {
  start: 'command.start',
  menu: 'command.menu',
  language: 'command.language',
  human: 'command.human',
  delete: 'command.delete',
  stop: 'command.stop',
};

/** What the Telegram channel reads of the configuration. */
export interface TelegramConfig {
  TELEGRAM_BOT_TOKEN?: string;
  TELEGRAM_WEBHOOK_SECRET?: string;
  TELEGRAM_API_ROOT?: string;
  TELEGRAM_MODE: 'webhook' | 'polling';
}

export interface TelegramSettings {
  token: string;
  apiRoot?: string;
  /** Webhook mode's secret; none in polling mode. */
  webhookSecret?: string;
}

type TelegramContext = ChannelContext<TelegramSettings>;

export const telegramChannel = defineChannel<TelegramConfig, TelegramSettings>({
  name: CHANNEL,
  settings: (c) => {
    const missing = [
      ...(c.TELEGRAM_BOT_TOKEN ? [] : ['TELEGRAM_BOT_TOKEN']),
      ...(c.TELEGRAM_MODE === 'webhook' && !c.TELEGRAM_WEBHOOK_SECRET ? ['TELEGRAM_WEBHOOK_SECRET'] : []),
    ];
    if (missing.length) return { missing };
    return { token: c.TELEGRAM_BOT_TOKEN!, apiRoot: c.TELEGRAM_API_ROOT, webhookSecret: c.TELEGRAM_MODE === 'webhook' ? c.TELEGRAM_WEBHOOK_SECRET : undefined };
  },
  async register(app, ctx) {
    const { settings, log } = ctx;
    const bot = new Bot(settings.token, { client: settings.apiRoot ? { apiRoot: settings.apiRoot } : {} });
    // Telegram being down must not keep the other channels (or /healthz) from starting: the bot
    // connects in the background, and updates wait a little for it or are refused for Telegram to retry.
    const ready = connectInBackground(app, ctx, bot);
    ctx.registerSender({ send: (user, outbox) => sendToChat(bot.api, Number(user), outbox) });
    ctx.registerMedia(telegramMedia(bot.api, settings.token, settings.apiRoot));

    const parts: DeliveryParts<TelegramReplyTo> = {
      // Replies are Bot API calls, sent after the claim is complete; the webhook's answer is empty.
      render: () => 'sent',
      pureRender: true,
      send: async ({ outbox }, { extra }) => {
        if (extra.callbackQueryId) await bot.api.answerCallbackQuery(extra.callbackQueryId).catch(() => undefined); // stops the button's spinner
        await sendReply(bot.api, ctx, extra.chatId, outbox);
      },
      // Still being handled elsewhere: Telegram delivers it again later.
      busy: { code: 503, headers: { 'retry-after': '15' }, body: { error: 'this update is still being handled; Telegram will retry' } },
    };

    if (!settings.webhookSecret) {
      bot.use(async (update: Context) => {
        const parsed = parseTelegramRequest(update.update);
        if (parsed.status !== 'turn') return;
        const outcome = await runDelivery(ctx, parsed.delivery, parts);
        if (outcome.status === 'refused') throw new Error('this update is still being handled; Telegram will retry');
      });
      bot.catch((err) => log.error({ channel: CHANNEL, err: err.error instanceof Error ? err.error.message : String(err.error) }, 'telegram update failed'));
      void ready.then((ok) => (ok ? bot.start({ drop_pending_updates: false }) : undefined)).catch((err: Error) => log.error({ channel: CHANNEL, err: err.message }, 'telegram polling stopped'));
      app.addHook('onClose', async () => bot.stop());
      return;
    }
    const connecting: Refusal = { code: 503, headers: { 'retry-after': '30' }, body: { error: 'the Telegram channel is still connecting to the Bot API; Telegram will retry' } };
    mountWebhook(app, ctx, {
      ...parts,
      channel: CHANNEL,
      path: TELEGRAM_PATH,
      verify: { on: 'request', check: verifyTelegramSecret(settings.webhookSecret) },
      parse: (req) => parseTelegramRequest(req.body),
      ready: async () => (bot.isInited() || (await Promise.race([ready, pause(UPDATE_WAIT_MS).then(() => false)])) ? undefined : connecting),
      type: 'text/plain; charset=utf-8',
    });
  },
});

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
function connectInBackground(app: FastifyInstance, ctx: TelegramContext, bot: Bot): Promise<boolean> {
  const { log } = ctx;
  const closing = new AbortController();
  app.addHook('onClose', async () => closing.abort());
  // grammY types its signals with an older AbortSignal declaration; Node's own is what it uses.
  const attemptSignal = () => AbortSignal.any([closing.signal, AbortSignal.timeout(ATTEMPT_TIMEOUT_MS)]) as BotSignal;
  ctx.setState('starting');
  const connected = keepTrying(
    async () => {
      bot.botInfo = await bot.api.getMe(attemptSignal());
    },
    {
      ...RETRY,
      signal: closing.signal,
      onFailure: (err, attempt, retryInMs) => {
        if (closing.signal.aborted) return;
        ctx.setState('down');
        log.warn({ channel: CHANNEL, attempt, retryInMs }, `telegram is down: ${telegramStartProblem(err)}; trying again in ${Math.ceil((retryInMs ?? 0) / 1000)} s`);
      },
    },
  ).then(
    () => {
      ctx.setState('ok');
      log.info({ channel: CHANNEL }, `telegram connected to the Bot API as @${bot.botInfo.username}`);
      void registerCommands(bot, ctx, closing.signal, attemptSignal);
      return true;
    },
    () => false,
  );
  return connected;
}

/** The command menu Telegram shows, in each language; failures are logged and tried again a few times, never awaited. */
async function registerCommands(bot: Bot, ctx: TelegramContext, closing: AbortSignal, attemptSignal: () => BotSignal): Promise<void> {
  await keepTrying(
    () =>
      Promise.all(
        LANGS.map((lang) =>
          bot.api.setMyCommands(
            COMMAND_NAMES.map((command) => ({ command, description: ctx.t(lang, COMMAND_DESCRIPTION_KEYS[command]) })),
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
        ctx.log.warn({ channel: CHANNEL, attempt }, `telegram setMyCommands failed (${problem}): the command menu may be out of date; ${next}`);
      },
    },
  ).catch(() => undefined);
}
