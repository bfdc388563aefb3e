/**
 * Messages that start on our side (a staff reply, a reminder) go through Twilio's REST API.
 * WhatsApp allows free-form messages only within 24 hours of the person's last message; outside
 * that window a template is required, so the send is refused with a clear reason instead of
 * failing silently. A person who wrote "stop" gets nothing until they write again.
 */
import twilio from 'twilio';
import type { Outbound } from '../../core/messages.js';
import type { SendingTo, SendResult } from '../adapter.js';
import { renderWhatsApp } from './render.js';

export const CUSTOMER_SERVICE_WINDOW_MS = 24 * 3600_000;

export interface WhatsAppSenderOptions {
  accountSid: string;
  authToken: string;
  from: string;
  now: () => Date;
  /** Another API root (tests point it at a fake Twilio on 127.0.0.1). */
  apiBase?: string;
}

/** Twilio's own HTTP client, pointed at another host when asked. */
export function requestClient(apiBase: string | undefined): InstanceType<typeof twilio.RequestClient> | undefined {
  if (!apiBase) return undefined;
  type Options<T> = Parameters<InstanceType<typeof twilio.RequestClient>['request']>[0] & { data?: T };
  class Redirected extends twilio.RequestClient {
    override request<T>(opts: Options<T>) {
      return super.request<T>({ ...opts, uri: opts.uri.replace(/^https:\/\/[a-z.]*twilio\.com/, apiBase!) });
    }
  }
  return new Redirected();
}

export class WhatsAppSender {
  private readonly client: ReturnType<typeof twilio>;

  constructor(private readonly opts: WhatsAppSenderOptions) {
    const httpClient = requestClient(opts.apiBase);
    this.client = twilio(opts.accountSid, opts.authToken, httpClient ? { httpClient } : {});
  }

  /** `conversation`: the person's conversation as stored (its last message opens the 24-hour window). */
  async send(user: string, outbox: readonly Outbound[], conversation: SendingTo): Promise<SendResult> {
    if (conversation?.stopped) return { status: 'refused', why: 'opted-out', reason: 'the person wrote stop; they receive nothing until they write again' };
    const last = conversation ? Date.parse(conversation.updatedAt) : NaN;
    if (!conversation || this.opts.now().getTime() - last > CUSTOMER_SERVICE_WINDOW_MS) {
      return {
        status: 'refused',
        why: 'outside-window',
        reason: 'more than 24 hours since the person last wrote: WhatsApp allows only an approved template message now',
      };
    }
    const ids: string[] = [];
    try {
      for (const body of renderWhatsApp(outbox)) {
        const message = await this.client.messages.create({ from: this.opts.from, to: `whatsapp:+${user}`, body });
        ids.push(message.sid);
      }
      return { status: 'sent', ids };
    } catch (err) {
      const httpStatus = (err as { status?: unknown }).status;
      const reason = (err as Error).message;
      // Twilio refused the message itself (a 4xx other than 429 and 401): sending it again changes
      // nothing. Busy (429), failing (5xx), unreachable, or our credentials wrong (401): try later.
      const permanent = typeof httpStatus === 'number' && httpStatus >= 400 && httpStatus < 500 && httpStatus !== 429 && httpStatus !== 401;
      return permanent ? { status: 'refused', why: 'rejected', reason: `Twilio refused the message (${httpStatus}): ${reason}` } : { status: 'failed', reason };
    }
  }
}
