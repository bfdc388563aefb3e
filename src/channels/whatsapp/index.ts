/**
 * WhatsApp through Twilio: `POST /webhooks/whatsapp`. The request must carry a valid
 * X-Twilio-Signature for PUBLIC_BASE_URL + path (403 and nothing changes otherwise); a delivery
 * Twilio retries with the same MessageSid is answered once, with the stored reply. Replies go back
 * as TwiML in the webhook's response.
 */
import formbody from '@fastify/formbody';
import twilio from 'twilio';
import type { Inbound } from '../../core/messages.js';
import type { ChannelAdapter } from '../adapter.js';
import { claimDelivery, releaseClaim } from '../deliveries.js';
import { parseTwilioInbound, type TwilioParams } from './inbound.js';
import { renderWhatsApp } from './outbound.js';
import { WhatsAppSender } from './sender.js';

export const WHATSAPP_PATH = '/webhooks/whatsapp';
const CHANNEL = 'whatsapp';

function toTwiml(messages: readonly string[]): string {
  const response = new twilio.twiml.MessagingResponse();
  for (const text of messages) response.message(text);
  return response.toString();
}

export const whatsappChannel: ChannelAdapter = {
  name: CHANNEL,
  missingConfig: (config) => (['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_WHATSAPP_FROM'] as const).filter((k) => !config[k]),
  async register(app, core) {
    const authToken = core.config.TWILIO_AUTH_TOKEN!;
    const sender = new WhatsAppSender({
      accountSid: core.config.TWILIO_ACCOUNT_SID!, authToken, from: core.config.TWILIO_WHATSAPP_FROM!, conversations: core.storage.conversations, now: core.engine.now,
      apiBase: core.config.TWILIO_API_BASE,
    });
    core.senders.set(CHANNEL, {
      async send(user, outbox) {
        const r = await sender.send(user, outbox);
        return r.status === 'sent' ? { status: 'sent' } : r.status === 'failed' ? { status: 'failed', reason: r.reason } : { status: 'refused', reason: r.reason };
      },
    });
    await app.register(async (scope) => {
      await scope.register(formbody);
      scope.post(WHATSAPP_PATH, async (req, reply) => {
        const params = (req.body && typeof req.body === 'object' ? req.body : {}) as TwilioParams;
        const signature = req.headers['x-twilio-signature'];
        const url = `${core.config.publicBaseUrl}${req.url}`;
        if (typeof signature !== 'string' || !twilio.validateRequest(authToken, signature, url, params)) {
          return reply.code(403).send({ error: 'invalid or missing X-Twilio-Signature (is PUBLIC_BASE_URL the URL Twilio calls?)' });
        }
        const parsed = parseTwilioInbound(params);
        if (parsed.status === 'invalid') return reply.code(400).send({ error: parsed.problem });
        const claim = await claimDelivery(core.storage.deliveries, CHANNEL, parsed.messageSid, core.engine.now);
        // Still being handled elsewhere: Twilio tries again later, and gets the reply then.
        if (claim.status === 'busy') return reply.code(503).header('retry-after', '15').send({ error: 'this message is still being handled; retry later' });
        reply.type('text/xml; charset=utf-8');
        if (claim.status === 'answered') return claim.reply;
        try {
          const inbound: Inbound = parsed.status === 'media' ? { kind: 'unsupported' } : parsed.inbound;
          const { outbox } = await core.conversations.receive({ channel: CHANNEL, user: parsed.user }, inbound, { ...parsed.hints, deliveryId: parsed.messageSid });
          const xml = toTwiml(renderWhatsApp(outbox));
          await core.storage.deliveries.complete(CHANNEL, parsed.messageSid, xml);
          return xml;
        } catch (err) {
          await releaseClaim(core.storage.deliveries, CHANNEL, parsed.messageSid);
          throw err;
        }
      });
    });
  },
};
