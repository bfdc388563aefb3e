/**
 * WhatsApp through Twilio: `POST /webhooks/whatsapp`, through the one pipeline. The request must
 * carry a valid X-Twilio-Signature for PUBLIC_BASE_URL + path (403 and nothing changes otherwise);
 * a delivery Twilio retries with the same MessageSid is answered once, with the stored reply; the
 * same signed content under another MessageSid is refused as a replay. Malformed fields get 400
 * and a log line. Replies go back as TwiML in the webhook's response; messages from our side
 * through Twilio's REST API.
 */
import formbody from '@fastify/formbody';
import { defineChannel } from '../adapter.js';
import { mountWebhook } from '../webhook.js';
import { CHANNEL, parseWhatsAppRequest } from './parse.js';
import { renderWhatsApp, toTwiml } from './render.js';
import { whatsappMedia } from './media.js';
import { WhatsAppSender } from './send.js';
import { verifyTwilio } from './verify.js';

export const WHATSAPP_PATH = '/webhooks/whatsapp';

/** What the WhatsApp channel reads of the configuration. */
export interface WhatsAppConfig {
  TWILIO_ACCOUNT_SID?: string;
  TWILIO_AUTH_TOKEN?: string;
  TWILIO_WHATSAPP_FROM?: string;
  TWILIO_API_BASE?: string;
  publicBaseUrl: string;
}

export interface WhatsAppSettings {
  accountSid: string;
  authToken: string;
  from: string;
  apiBase?: string;
  publicBaseUrl: string;
}

export const whatsappChannel = defineChannel<WhatsAppConfig, WhatsAppSettings>({
  name: CHANNEL,
  settings: (c) => {
    const missing = (['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_WHATSAPP_FROM'] as const).filter((k) => !c[k]);
    if (missing.length) return { missing };
    return { accountSid: c.TWILIO_ACCOUNT_SID!, authToken: c.TWILIO_AUTH_TOKEN!, from: c.TWILIO_WHATSAPP_FROM!, apiBase: c.TWILIO_API_BASE, publicBaseUrl: c.publicBaseUrl };
  },
  async register(app, ctx) {
    const s = ctx.settings;
    const sender = new WhatsAppSender({ accountSid: s.accountSid, authToken: s.authToken, from: s.from, now: ctx.now, apiBase: s.apiBase });
    ctx.registerSender(sender);
    ctx.registerMedia(whatsappMedia({ accountSid: s.accountSid, authToken: s.authToken, from: s.from, now: ctx.now, apiBase: s.apiBase }));
    await app.register(async (scope) => {
      await scope.register(formbody);
      mountWebhook(scope, ctx, {
        channel: CHANNEL,
        path: WHATSAPP_PATH,
        verify: { on: 'body', check: verifyTwilio(s.authToken, s.publicBaseUrl) },
        parse: (req) => parseWhatsAppRequest(req.body, req.headers['x-twilio-signature'] as string, s.accountSid),
        render: ({ outbox }) => toTwiml(renderWhatsApp(outbox)),
        type: 'text/xml; charset=utf-8',
        // Still being handled elsewhere: Twilio tries again later, and gets the reply then.
        busy: { code: 503, headers: { 'retry-after': '15' }, body: { error: 'this message is still being handled; retry later' } },
        replay: { code: 409, body: { error: 'this signed content was already delivered' } },
      });
    });
  },
});
