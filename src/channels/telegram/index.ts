/**
 * Telegram through grammY: `POST /webhooks/telegram` with grammY's webhook callback and the
 * X-Telegram-Bot-Api-Secret-Token check (401, nothing sent otherwise), or long polling with
 * TELEGRAM_MODE=polling for local development. Every Bot API call goes to TELEGRAM_API_ROOT. An
 * update delivered twice (same update_id) is handled once.
 */
import { timingSafeEqual } from 'node:crypto';
import { Bot, webhookCallback, type Context } from 'grammy';
import { LANGS } from '../../core/lang.js';
import { COMMAND_NAMES, type CommandName } from '../../core/messages.js';
import { enqueueReply } from '../../core/outbox.js';
import type { ChannelAdapter } from '../adapter.js';
import { claimDelivery } from '../deliveries.js';
import { isTelegramUpdate, parseTelegramUpdate } from './inbound.js';
import { renderTelegram } from './render.js';

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
    try {
      await bot.init();
    } catch (err) {
      throw new Error(`Telegram: getMe failed (${(err as Error).message}). Check TELEGRAM_BOT_TOKEN with @BotFather and TELEGRAM_API_ROOT.`, { cause: err });
    }

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
            await enqueueReply(core.storage.jobs, { conversationId: `${CHANNEL}:${parsed.chatId}`, outbox: outbox.slice(i) }, core.engine.now());
            log.warn({ channel: CHANNEL, err: (err as Error).message }, 'telegram send failed: the rest of the reply waits in the outbox');
            return;
          }
        }
      } catch (err) {
        await core.storage.deliveries.release(CHANNEL, String(ctx.update.update_id));
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
          return { status: 'failed', reason: (err as Error).message };
        }
      },
    });
    bot.catch((err) => log.error({ channel: CHANNEL, err: err.error instanceof Error ? err.error.message : String(err.error) }, 'telegram update failed'));

    await Promise.all(
      LANGS.map((lang) =>
        bot.api
          .setMyCommands(
            COMMAND_NAMES.map((command) => ({ command, description: core.texts.t(lang, COMMAND_DESCRIPTION_KEYS[command]) })),
            lang === 'en' ? {} : { language_code: lang },
          )
          .catch((err: Error) => log.warn({ channel: CHANNEL, lang, err: err.message }, 'setMyCommands failed')),
      ),
    );

    if (config.TELEGRAM_MODE === 'polling') {
      void bot.start({ drop_pending_updates: false });
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
        return handle(req, reply);
      },
    );
  },
};
