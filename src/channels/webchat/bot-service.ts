/**
 * `POST /api/messages`: Bot Framework activities from Azure Bot Service channels, through
 * botbuilder's CloudAdapter (which checks the channel's JWT when MicrosoftAppId is set). botbuilder
 * stays inside this folder so it can be replaced by its successor without touching anything else.
 */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { FastifyInstance } from 'fastify';
import type { Core } from '../../server/app.js';
import { activityToInbound, outboxToActivities, type Activity } from './activities.js';
import { serviceUrlAllowed } from './service-url.js';

export const BOT_SERVICE_PATH = '/api/messages';

export async function registerBotService(app: FastifyInstance, core: Core): Promise<void> {
  const c = core.config;
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: c.MicrosoftAppId ?? '',
    MicrosoftAppPassword: c.MicrosoftAppPassword ?? '',
    MicrosoftAppType: c.MicrosoftAppType ?? (c.MicrosoftAppId ? 'MultiTenant' : ''),
    MicrosoftAppTenantId: c.MicrosoftAppTenantId ?? '',
  });
  const adapter = new CloudAdapter(auth);
  // Anonymous: no token proves where an activity comes from, so its serviceUrl is checked here.
  const anonymous = !c.MicrosoftAppId;
  if (anonymous) {
    core.log.warn(
      { channel: 'botframework', allowedServiceUrls: c.BOTFRAMEWORK_SERVICE_URLS },
      'BOTFRAMEWORK_ALLOW_ANONYMOUS is on: /api/messages accepts activities from anyone, without Bot Framework authentication. ' +
        'For development only; replies go only to loopback serviceUrls and BOTFRAMEWORK_SERVICE_URLS. Set MicrosoftAppId and MicrosoftAppPassword in production.',
    );
  }
  adapter.onTurnError = async (_context, error) => {
    core.log.error({ channel: 'botframework', err: error.message }, 'bot framework turn failed');
  };

  const logic = async (context: TurnContext) => {
    const activity = context.activity as unknown as Activity & { channelId: string; membersAdded?: { id: string }[]; recipient?: { id: string } };
    const joined = activity.type === 'conversationUpdate' && activity.membersAdded?.some((m) => m.id !== activity.recipient?.id);
    const parsed = joined ? { inbound: { kind: 'command' as const, name: 'start' as const }, hints: {} } : activityToInbound(activity);
    if (!parsed || !activity.conversation) return;
    const channel = `botframework-${activity.channelId}`;
    const { outbox, lang } = await core.conversations.receive({ channel, user: activity.conversation.id }, parsed.inbound, parsed.hints);
    const replies = outboxToActivities(outbox, activity.from?.id ?? 'user', lang);
    if (replies.length) await context.sendActivities(replies as Parameters<TurnContext['sendActivities']>[0]);
  };

  app.post(BOT_SERVICE_PATH, async (req, reply) => {
    if (anonymous && !serviceUrlAllowed((req.body as { serviceUrl?: unknown } | null)?.serviceUrl, c.BOTFRAMEWORK_SERVICE_URLS)) {
      core.log.warn({ channel: 'botframework' }, 'anonymous activity refused: its serviceUrl is neither loopback nor in BOTFRAMEWORK_SERVICE_URLS');
      return reply.code(403).send({ error: 'serviceUrl not allowed: without MicrosoftAppId only loopback and BOTFRAMEWORK_SERVICE_URLS are accepted' });
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
