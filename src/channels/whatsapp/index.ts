/**
 * WhatsApp through Twilio: `POST /webhooks/whatsapp`, through the one pipeline. The request must
 * carry a valid X-Twilio-Signature for PUBLIC_BASE_URL + path (403 and nothing changes otherwise);
 * a delivery Twilio retries with the same MessageSid is answered once, with the stored reply; the
 * same signed content under another MessageSid is refused as a replay. Malformed fields get 400
 * and a log line. Replies go back as TwiML in the webhook's response; messages from our side
 * through Twilio's REST API, each with a StatusCallback to `POST /webhooks/whatsapp/status`
 * (signed and verified the same way), where Twilio reports sent, delivered, read or failed.
 */
import formbody from '@fastify/formbody';
import { defineChannel } from '../adapter.js';
import { mountWebhook } from '../webhook.js';
import { CHANNEL, parseTwilioStatus, parseWhatsAppRequest } from './parse.js';
import { renderWhatsApp, toTwiml } from './render.js';
import { whatsappMedia } from './media.js';
import { WhatsAppSender } from './send.js';
import { loadTemplates, type WhatsAppTemplates } from './templates.js';
import { verifyTwilio } from './verify.js';

export const WHATSAPP_PATH = '/webhooks/whatsapp';
export const WHATSAPP_STATUS_PATH = '/webhooks/whatsapp/status';

/** What the WhatsApp channel reads of the configuration. */
export interface WhatsAppConfig {
  TWILIO_ACCOUNT_SID?: string;
  TWILIO_AUTH_TOKEN?: string;
  TWILIO_WHATSAPP_FROM?: string;
  TWILIO_API_BASE?: string;
  /** The approved templates: a JSON/YAML file, or the JSON itself (see templates.ts). */
  WHATSAPP_TEMPLATES?: string;
  publicBaseUrl: string;
}

export interface WhatsAppSettings {
  accountSid: string;
  authToken: string;
  from: string;
  apiBase?: string;
  publicBaseUrl: string;
  templatesSetting?: string;
}

export const whatsappChannel = defineChannel<WhatsAppConfig, WhatsAppSettings>({
  name: CHANNEL,
  settings: (c) => {
    const missing = (['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_WHATSAPP_FROM'] as const).filter((k) => !c[k]);
    if (missing.length) return { missing };
    return { accountSid: c.TWILIO_ACCOUNT_SID!, authToken: c.TWILIO_AUTH_TOKEN!, from: c.TWILIO_WHATSAPP_FROM!, apiBase: c.TWILIO_API_BASE, publicBaseUrl: c.publicBaseUrl, templatesSetting: c.WHATSAPP_TEMPLATES };
  },
  async register(app, ctx) {
    const s = ctx.settings;
    const loaded = loadTemplates(s.templatesSetting); // a wrong file stops the start, naming the entry
    if ('missing' in loaded) ctx.log.info({ channel: CHANNEL }, `whatsapp: no templates (${loaded.missing} not found): outside the 24-hour window nothing can be sent; set WHATSAPP_TEMPLATES`);
    else ctx.log.info({ channel: CHANNEL, templates: countTemplates(loaded.templates) }, `whatsapp: templates from ${loaded.source}`);
    const sender = new WhatsAppSender({
      accountSid: s.accountSid, authToken: s.authToken, from: s.from, now: ctx.now, apiBase: s.apiBase,
      templates: loaded.templates, statusCallback: `${s.publicBaseUrl}${WHATSAPP_STATUS_PATH}`,
    });
    ctx.registerSender(sender);
    ctx.registerMedia(whatsappMedia({ accountSid: s.accountSid, authToken: s.authToken, from: s.from, now: ctx.now, apiBase: s.apiBase }));
    const verify = verifyTwilio(s.authToken, s.publicBaseUrl);
    await app.register(async (scope) => {
      await scope.register(formbody);
      mountWebhook(scope, ctx, {
        channel: CHANNEL,
        path: WHATSAPP_PATH,
        verify: { on: 'body', check: verify },
        parse: (req) => parseWhatsAppRequest(req.body, req.headers['x-twilio-signature'] as string, s.accountSid),
        render: ({ outbox }) => toTwiml(renderWhatsApp(outbox)),
        pureRender: true,
        type: 'text/xml; charset=utf-8',
        // Still being handled elsewhere: Twilio tries again later, and gets the reply then.
        busy: { code: 503, headers: { 'retry-after': '15' }, body: { error: 'this message is still being handled; retry later' } },
        replay: { code: 409, body: { error: 'this signed content was already delivered' } },
      });
      // Twilio's reports on the messages we sent: verified like the webhook, 403 and nothing changed otherwise.
      scope.post(WHATSAPP_STATUS_PATH, async (req, reply) => {
        const refused = verify(req);
        if (refused) return reply.code(refused.code).send(refused.body);
        const parsed = parseTwilioStatus((req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>, s.accountSid);
        if (parsed.status === 'invalid') {
          ctx.log.warn({ channel: CHANNEL, problem: parsed.problem }, 'whatsapp: malformed status callback refused');
          return reply.code(400).send({ error: parsed.problem });
        }
        if (parsed.status === 'ok') await ctx.reportStatus(parsed.report);
        // An id we do not know (sent before, or forgotten) is answered too: Twilio need not try again.
        return reply.code(204).send();
      });
    });
  },
});

function countTemplates(templates: WhatsAppTemplates): number {
  return Object.values(templates).reduce((n, byLang) => n + Object.keys(byLang ?? {}).length, 0);
}
