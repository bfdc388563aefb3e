/**
 * WhatsApp through Twilio: `POST /webhooks/whatsapp`. The request must carry a valid
 * X-Twilio-Signature for PUBLIC_BASE_URL + path (403 and nothing changes otherwise); a delivery
 * Twilio retries with the same MessageSid is answered once, with the stored reply; the same signed
 * content under another MessageSid is refused as a replay. Malformed fields get 400 and a log line.
 * Replies go back as TwiML in the webhook's response.
 */
import { createHash } from 'node:crypto';
import formbody from '@fastify/formbody';
import twilio from 'twilio';
import type { Inbound } from '../../core/messages.js';
import type { ChannelAdapter } from '../adapter.js';
import { claimDelivery, releaseClaim } from '../../runtime/deliveries.js';
import { parseTwilioInbound, type TwilioForm } from './inbound.js';
import { renderWhatsApp } from './outbound.js';
import { WhatsAppSender } from './sender.js';

export const WHATSAPP_PATH = '/webhooks/whatsapp';
const CHANNEL = 'whatsapp';

function toTwiml(messages: readonly string[]): string {
  const response = new twilio.twiml.MessagingResponse();
  for (const text of messages) response.message(text);
  return response.toString();
}

/**
 * The delivery log's key for what Twilio signed: the signature covers the URL and every
 * parameter, so two requests with one signature carry the same signed content.
 */
function signedContentId(signature: string): string {
  return `signed:${createHash('sha256').update(signature).digest('hex').slice(0, 32)}`;
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
        const form = (req.body && typeof req.body === 'object' ? req.body : {}) as TwilioForm;
        const signature = req.headers['x-twilio-signature'];
        const url = `${core.config.publicBaseUrl}${req.url}`;
        if (typeof signature !== 'string' || !twilio.validateRequest(authToken, signature, url, form)) {
          return reply.code(403).send({ error: 'invalid or missing X-Twilio-Signature (is PUBLIC_BASE_URL the URL Twilio calls?)' });
        }
        const parsed = parseTwilioInbound(form, core.config.TWILIO_ACCOUNT_SID);
        if (parsed.status === 'invalid') {
          core.log.warn({ channel: CHANNEL, problem: parsed.problem }, 'whatsapp: malformed delivery refused');
          return reply.code(400).send({ error: parsed.problem });
        }
        const sid = parsed.messageSid;
        const claim = await claimDelivery(core.storage.deliveries, CHANNEL, sid, core.engine.now);
        // Still being handled elsewhere: Twilio tries again later, and gets the reply then.
        if (claim.status === 'busy') return reply.code(503).header('retry-after', '15').send({ error: 'this message is still being handled; retry later' });
        reply.type('text/xml; charset=utf-8');
        if (claim.status === 'answered') return claim.reply;
        // The same signed content under another MessageSid is a replay, never a new message.
        const signed = signedContentId(signature);
        if ((await core.storage.deliveries.claim(CHANNEL, signed, core.engine.now())).status !== 'new') {
          await core.storage.deliveries.release(CHANNEL, sid);
          core.log.warn({ channel: CHANNEL }, 'whatsapp: signed content already received under another MessageSid; refused as a replay');
          return reply.code(409).type('application/json; charset=utf-8').send({ error: 'this signed content was already delivered' });
        }
        try {
          const inbound: Inbound = parsed.status === 'media' ? { kind: 'unsupported' } : parsed.inbound;
          const { outbox } = await core.conversations.receive({ channel: CHANNEL, user: parsed.user }, inbound, { ...parsed.hints, deliveryId: sid });
          const xml = toTwiml(renderWhatsApp(outbox));
          await core.storage.deliveries.complete(CHANNEL, sid, xml);
          await core.storage.deliveries.complete(CHANNEL, signed, 'handled');
          return xml;
        } catch (err) {
          await releaseClaim(core.storage.deliveries, CHANNEL, sid);
          await releaseClaim(core.storage.deliveries, CHANNEL, signed);
          throw err;
        }
      });
    });
  },
};
