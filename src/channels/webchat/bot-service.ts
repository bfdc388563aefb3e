/**
 * `POST /api/messages`: Bot Framework activities from Azure Bot Service channels, through
 * botbuilder's CloudAdapter (which checks the channel's JWT when MicrosoftAppId is set), and the
 * one pipeline: the activity id is the delivery id, replies are posted back to the channel.
 * botbuilder stays inside this folder so it can be replaced by its successor without touching
 * anything else.
 */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { FastifyInstance } from 'fastify';
import type { ChannelServices } from '../adapter.js';
import { runDelivery } from '../webhook.js';
import { parseBotFrameworkActivity, type Activity } from './parse.js';
import { outboxToActivities } from './render.js';
import { verifyAnonymousActivity } from './verify.js';

export const BOT_SERVICE_PATH = '/api/messages';

export interface BotServiceSettings {
  appId?: string;
  appPassword?: string;
  appType?: string;
  tenantId?: string;
  /** Where anonymous activities may have their replies posted, besides loopback. */
  serviceUrls: readonly string[];
}

export async function registerBotService(app: FastifyInstance, ctx: ChannelServices, s: BotServiceSettings): Promise<void> {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: s.appId ?? '',
    MicrosoftAppPassword: s.appPassword ?? '',
    MicrosoftAppType: s.appType ?? (s.appId ? 'MultiTenant' : ''),
    MicrosoftAppTenantId: s.tenantId ?? '',
  });
  const adapter = new CloudAdapter(auth);
  // Anonymous: no token proves where an activity comes from, so its serviceUrl is checked here.
  const anonymous = !s.appId;
  const verify = verifyAnonymousActivity(s.serviceUrls);
  if (anonymous) {
    ctx.log.warn(
      { channel: 'botframework', allowedServiceUrls: s.serviceUrls },
      'BOTFRAMEWORK_ALLOW_ANONYMOUS is on: /api/messages accepts activities from anyone, without Bot Framework authentication. ' +
        'For development only; replies go only to loopback serviceUrls and BOTFRAMEWORK_SERVICE_URLS. Set MicrosoftAppId and MicrosoftAppPassword in production.',
    );
  }
  adapter.onTurnError = async (_context, error) => {
    ctx.log.error({ channel: 'botframework', err: error.message }, 'bot framework turn failed');
  };

  const logic = async (context: TurnContext) => {
    const activity = context.activity as unknown as Activity;
    const parsed = parseBotFrameworkActivity(activity);
    if (parsed.status !== 'turn') return;
    const outcome = await runDelivery(
      ctx,
      parsed.delivery,
      {
        render: () => 'sent',
        send: async ({ outbox, lang }) => {
          const replies = outboxToActivities(outbox, activity.from?.id ?? 'user', lang);
          if (replies.length) await context.sendActivities(replies as Parameters<TurnContext['sendActivities']>[0]);
        },
        busy: { code: 503, body: { error: 'this activity is still being handled; retry later' } },
      },
    );
    // Still being handled elsewhere: an error makes the channel deliver it again later.
    if (outcome.status === 'refused') throw new Error('this activity is still being handled');
  };

  app.post(BOT_SERVICE_PATH, async (req, reply) => {
    const refused = anonymous ? verify(req) : undefined;
    if (refused) {
      ctx.log.warn({ channel: 'botframework' }, 'anonymous activity refused: its serviceUrl is neither loopback nor in BOTFRAMEWORK_SERVICE_URLS');
      return reply.code(refused.code).send(refused.body);
    }
    let status = 200;
    let body: unknown;
    const res = {
      socket: req.raw.socket,
      status: (code: number) => void (status = code),
      header: (name: string, value: unknown) => void reply.header(name, value as string),
      send: (b: unknown) => void (body = b),
      end: (b?: unknown) => void (b !== undefined && (body = b)),
    };
    await adapter.process({ body: req.body as Record<string, unknown>, headers: req.headers as Record<string, string>, method: req.method }, res, logic);
    return reply.code(status).send(body ?? '');
  });
}
