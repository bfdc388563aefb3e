/**
 * Messages that start on our side (a staff reply, a reminder) go through Twilio's REST API, each
 * with a StatusCallback so that Twilio reports whether it was delivered and read. WhatsApp allows
 * free-form messages only within 24 hours of the person's last message; outside that window the
 * approved template for the message's purpose is sent instead (in the person's language, else
 * English), and without one the send is refused with a clear reason instead of failing silently.
 * A person who wrote "stop" gets nothing until they write again.
 */
import type { Outbound } from '../../core/messages.js';
import type { PurposeKind, Reach, SendingTo, SendPurpose, SendResult } from '../adapter.js';
import { renderWhatsApp } from './render.js';
import { pickTemplate, templateVariables, type WhatsAppTemplates } from './templates.js';

export const CUSTOMER_SERVICE_WINDOW_MS = 24 * 3600_000;

export interface WhatsAppSenderOptions {
  accountSid: string;
  authToken: string;
  from: string;
  now: () => Date;
  /** Another API root (tests point it at a fake Twilio on 127.0.0.1). */
  apiBase?: string;
  /** Approved templates for messages outside the window (none: such messages are refused). */
  templates?: WhatsAppTemplates;
  /** Where Twilio reports each message's delivery status (PUBLIC_BASE_URL/webhooks/whatsapp/status). */
  statusCallback?: string;
}

type TwilioSdk = typeof import('twilio');
export type TwilioClient = ReturnType<TwilioSdk>;

/** Twilio's own HTTP client, pointed at another host when asked. */
function requestClient(sdk: TwilioSdk, apiBase: string | undefined): InstanceType<TwilioSdk['RequestClient']> | undefined {
  if (!apiBase) return undefined;
  type Options<T> = Parameters<InstanceType<TwilioSdk['RequestClient']>['request']>[0] & { data?: T };
  class Redirected extends sdk.RequestClient {
    override request<T>(opts: Options<T>) {
      return super.request<T>({ ...opts, uri: opts.uri.replace(/^https:\/\/[a-z.]*twilio\.com/, apiBase!) });
    }
  }
  return new Redirected();
}

/**
 * Twilio's REST client, loaded with the first message that starts on our side: the SDK is large
 * (a tenth of a start), and answering webhooks never needs it.
 */
export function lazyTwilioClient(opts: { accountSid: string; authToken: string; apiBase?: string }): () => Promise<TwilioClient> {
  let client: Promise<TwilioClient> | undefined;
  return () =>
    (client ??= import('twilio').then(({ default: sdk }) => {
      const httpClient = requestClient(sdk, opts.apiBase);
      return sdk(opts.accountSid, opts.authToken, httpClient ? { httpClient } : {});
    }));
}

export class WhatsAppSender {
  private readonly client: () => Promise<TwilioClient>;

  constructor(private readonly opts: WhatsAppSenderOptions) {
    this.client = lazyTwilioClient(opts);
  }

  private inWindow(conversation: SendingTo): boolean {
    return !!conversation && this.opts.now().getTime() - Date.parse(conversation.updatedAt) <= CUSTOMER_SERVICE_WINDOW_MS;
  }

  /** Free-form now, only the purpose's template (after 24 hours), or not at all (no template configured). */
  reach(conversation: SendingTo, purpose: PurposeKind): Reach {
    if (this.inWindow(conversation)) return 'now';
    return pickTemplate(this.opts.templates ?? {}, purpose, conversation?.lang) ? 'template' : 'no-template';
  }

  /**
   * `conversation`: the person's conversation as stored (its last message opens the 24-hour
   * window). Outside the window `purpose` picks the template sent instead of `outbox`.
   */
  async send(user: string, outbox: readonly Outbound[], conversation: SendingTo, purpose?: SendPurpose): Promise<SendResult> {
    if (conversation?.stopped) return { status: 'refused', why: 'opted-out', reason: 'the person wrote stop; they receive nothing until they write again' };
    const base = { from: this.opts.from, to: `whatsapp:+${user}`, ...(this.opts.statusCallback ? { statusCallback: this.opts.statusCallback } : {}) };
    if (!this.inWindow(conversation)) {
      const contentSid = purpose && pickTemplate(this.opts.templates ?? {}, purpose.kind, conversation?.lang);
      if (!purpose || !contentSid) {
        return {
          status: 'refused',
          why: 'outside-window',
          reason: `more than 24 hours since the person last wrote: WhatsApp allows only an approved template message now${purpose ? `, and no "${purpose.kind}" template is configured (WHATSAPP_TEMPLATES)` : ''}`,
        };
      }
      return this.create([{ ...base, contentSid, contentVariables: JSON.stringify(templateVariables(purpose)) }], true);
    }
    return this.create(renderWhatsApp(outbox).map((body) => ({ ...base, body })), false);
  }

  private async create(messages: readonly Parameters<TwilioClient['messages']['create']>[0][], template: boolean): Promise<SendResult> {
    const ids: string[] = [];
    try {
      const client = await this.client();
      for (const params of messages) ids.push((await client.messages.create(params)).sid);
      return { status: 'sent', ids, tracked: !!this.opts.statusCallback, ...(template ? { template } : {}) };
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
