/**
 * Web chat: the page at `/` (the official Web Chat UI) and the self-hosted Direct Line endpoint
 * under `/v3/directline` it talks to. On by default: it needs no account.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { LANGS } from '../../core/lang.js';
import type { ChannelAdapter } from '../adapter.js';
import { activityToInbound, JOIN_EVENT, outboxToActivities, type Activity } from './activities.js';
import { registerDirectLine } from './directline.js';
import { webChatContentSecurityPolicy, webChatPage } from './page.js';

const CHANNEL = 'webchat';

/** The UMD bundle of botframework-webchat, from node_modules. */
function webChatBundle(): Buffer {
  const main = createRequire(import.meta.url).resolve('botframework-webchat');
  return readFileSync(join(dirname(main), '..', 'dist', 'webchat.js'));
}

export const webchatChannel: ChannelAdapter = {
  name: CHANNEL,
  missingConfig: () => [],
  async register(app, core) {
    const bundle = webChatBundle();
    const page = webChatPage(Object.fromEntries(LANGS.map((l) => [l, core.texts.t(l, 'system.shareLocation')])));
    const csp = webChatContentSecurityPolicy(page, { frameAncestors: core.config.WEBCHAT_FRAME_ANCESTORS, publicBaseUrl: core.config.publicBaseUrl });
    app.get('/', async (_req, reply) => reply.type('text/html; charset=utf-8').header('content-security-policy', csp).send(page));
    app.get('/webchat/webchat.js', async (_req, reply) =>
      reply.type('application/javascript; charset=utf-8').header('cache-control', 'public, max-age=86400').send(bundle),
    );
    // botbuilder is loaded only when /api/messages is switched on: it is the heaviest import.
    if (core.config.MicrosoftAppId || core.config.BOTFRAMEWORK_ALLOW_ANONYMOUS) await (await import('./bot-service.js')).registerBotService(app, core);
    else core.log.info({ channel: 'botframework' }, 'channel botframework (/api/messages) is off: set MicrosoftAppId to switch it on');
    const directLine = await registerDirectLine(app, {
      publicBaseUrl: core.config.publicBaseUrl,
      now: core.engine.now,
      logs: core.coordination.logs<Activity>('directline'),
      tokenSecret: await core.coordination.sharedSecret('directline'),
      rateLimitStore: core.coordination.redis,
      onUserActivity: async (conversationId, activity) => {
        const join = activity.type === 'event' && activity.name === JOIN_EVENT;
        const parsed = join ? { inbound: { kind: 'command' as const, name: 'start' as const }, hints: activity.locale ? { locale: activity.locale } : {} } : activityToInbound(activity);
        if (!parsed) return { replies: [] };
        const { outbox, lang, effects, limited } = await core.conversations.receive({ channel: CHANNEL, user: conversationId }, parsed.inbound, parsed.hints);
        return {
          replies: outboxToActivities(outbox, activity.from?.id ?? 'user', lang),
          refused: limited === 'quiet',
          forget: effects.some((e) => e.kind === 'deleteData'),
        };
      },
    });
    core.senders.set(CHANNEL, {
      async send(user, outbox) {
        const state = await core.storage.conversations.load(`${CHANNEL}:${user}`);
        return (await directLine.push(user, outboxToActivities(outbox, 'user', state?.lang ?? 'en')))
          ? { status: 'sent' }
          : { status: 'refused', reason: 'the web chat page was closed: the conversation is no longer open' };
      },
    });
  },
};
