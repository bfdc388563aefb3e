/**
 * Web chat: the page at `/` (the official Web Chat UI) and the self-hosted Direct Line endpoint
 * under `/v3/directline` it talks to; with MicrosoftAppId (or BOTFRAMEWORK_ALLOW_ANONYMOUS) also
 * Bot Framework's `/api/messages`. Both run their turns through the one pipeline. On by default:
 * it needs no account.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { LANGS } from '../../core/lang.js';
import { defineChannel } from '../adapter.js';
import { runDelivery, type Refusal } from '../webhook.js';
import { registerDirectLine } from './directline.js';
import { pageLanguage, webChatContentSecurityPolicy, webChatPage, webChatPageTexts } from './page.js';
import { CHANNEL, parseDirectLineActivity, withoutUploads, type Activity } from './parse.js';
import { PendingUploads, registerUpload, webchatMedia } from './upload.js';
import { outboxToActivities } from './render.js';
import { directLineSender } from './send.js';
import type { BotServiceSettings } from './bot-service.js';

/** What the web chat channel reads of the configuration. */
export interface WebChatConfig {
  publicBaseUrl: string;
  WEBCHAT_FRAME_ANCESTORS: string;
  MicrosoftAppId?: string;
  MicrosoftAppPassword?: string;
  MicrosoftAppType?: string;
  MicrosoftAppTenantId?: string;
  BOTFRAMEWORK_ALLOW_ANONYMOUS?: boolean;
  BOTFRAMEWORK_SERVICE_URLS: readonly string[];
  MEDIA_MAX_BYTES: number;
}

export interface WebChatSettings {
  publicBaseUrl: string;
  frameAncestors: string;
  /** The largest file a person may upload. */
  mediaMaxBytes: number;
  /** Bot Framework's /api/messages: off when undefined. */
  botService?: BotServiceSettings;
}

const TOO_MANY: Refusal = { code: 429, body: { error: { code: 'TooManyRequests', message: 'too many messages: wait a minute' } } };
const BUSY: Refusal = { code: 503, headers: { 'retry-after': '5' }, body: { error: { code: 'ServiceUnavailable', message: 'this activity is still being handled; retry later' } } };

/** The UMD bundle of botframework-webchat, from node_modules. */
function webChatBundle(): Buffer {
  const main = createRequire(import.meta.url).resolve('botframework-webchat');
  return readFileSync(join(dirname(main), '..', 'dist', 'webchat.js'));
}

export const webchatChannel = defineChannel<WebChatConfig, WebChatSettings>({
  name: CHANNEL,
  settings: (c) => ({
    publicBaseUrl: c.publicBaseUrl,
    frameAncestors: c.WEBCHAT_FRAME_ANCESTORS,
    mediaMaxBytes: c.MEDIA_MAX_BYTES,
    botService:
      c.MicrosoftAppId || c.BOTFRAMEWORK_ALLOW_ANONYMOUS
        ? { appId: c.MicrosoftAppId, appPassword: c.MicrosoftAppPassword, appType: c.MicrosoftAppType, tenantId: c.MicrosoftAppTenantId, serviceUrls: c.BOTFRAMEWORK_SERVICE_URLS }
        : undefined,
  }),
  async register(app, ctx) {
    const { settings } = ctx;
    const bundle = webChatBundle();
    const pages = new Map(
      LANGS.map((lang) => {
        const html = webChatPage(lang, webChatPageTexts(ctx.t, lang));
        return [lang, { html, csp: webChatContentSecurityPolicy(html, { frameAncestors: settings.frameAncestors, publicBaseUrl: settings.publicBaseUrl }) }];
      }),
    );
    app.get<{ Querystring: { lang?: string } }>('/', async (req, reply) => {
      const lang = pageLanguage(req.query.lang, req.headers['accept-language']);
      const page = pages.get(lang)!;
      return reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', page.csp)
        .header('content-language', lang)
        .header('vary', 'accept-language')
        .send(page.html);
    });
    app.get('/webchat/webchat.js', async (_req, reply) =>
      reply.type('application/javascript; charset=utf-8').header('cache-control', 'public, max-age=86400').send(bundle),
    );
    // botbuilder is loaded only when /api/messages is switched on: it is the heaviest import.
    if (settings.botService) await (await import('./bot-service.js')).registerBotService(app, ctx, settings.botService);
    else ctx.log.info({ channel: 'botframework' }, 'channel botframework (/api/messages) is off: set MicrosoftAppId to switch it on');
    const directLine = await registerDirectLine(app, {
      publicBaseUrl: settings.publicBaseUrl,
      now: ctx.now,
      logs: ctx.shared.logs<Activity>('directline'),
      tokenSecret: await ctx.shared.secret('directline'),
      rateLimitStore: ctx.shared.rateLimitStore,
      // Verified (the token opens this conversation) and kept: the pipeline's turn, with Web
      // Chat's clientActivityID as the delivery id so that a repeated post is answered once.
      onUserActivity: async (conversationId, activity, transcript) => {
        const parsed = parseDirectLineActivity(conversationId, activity);
        // Nothing for the bot (a location out of range): kept in the transcript, no turn.
        if (parsed.status !== 'turn') return { code: 200, body: { id: await transcript.record(conversationId, withoutUploads(activity), [], false) } };
        const outcome = await runDelivery(ctx, parsed.delivery, {
          render: async ({ outbox, lang, effects, limited }) => {
            // Over the message limit and told so already: refused, nothing kept.
            if (limited === 'quiet') return TOO_MANY;
            const replies = outboxToActivities(outbox, activity.from?.id ?? 'user', lang);
            const id = await transcript.record(conversationId, withoutUploads(activity), replies, effects.some((e) => e.kind === 'deleteData'));
            return JSON.stringify({ id });
          },
          busy: BUSY,
        });
        return outcome.status === 'answered' ? { code: 200, body: JSON.parse(outcome.body) as unknown } : { code: outcome.refusal.code, body: outcome.refusal.body };
      },
    });
    ctx.registerSender(directLineSender(directLine));
    const uploads = new PendingUploads();
    await registerUpload(app, directLine, uploads, settings.mediaMaxBytes);
    ctx.registerMedia(webchatMedia(uploads, directLine));
  },
});
