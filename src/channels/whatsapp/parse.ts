/**
 * Twilio's WhatsApp webhook parameters as an inbound message (pure). Text, a shared location, a
 * tapped quick reply, or files (voice notes, photos, documents) with their caption.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { mediaKindOf, type ChannelHints, type Inbound, type InboundMedia } from '../../core/messages.js';
import type { StatusReport } from '../adapter.js';
import type { Parsed } from '../webhook.js';
import { signedContentId } from './verify.js';

/** The form as parsed: a field sent twice arrives as an array, and is refused. */
export type TwilioParams = Record<string, string | undefined>;
export type TwilioForm = Record<string, unknown>;

export type WhatsAppInbound =
  | { status: 'ok'; messageSid: string; user: string; inbound: Inbound; hints: ChannelHints }
  /** `problem` is one of a few fixed sentences: safe to log, it never quotes the request. */
  | { status: 'invalid'; problem: string };

const MAX_BODY = 20_000;

/** The person's country from the phone number's country code (+233 is Ghana): a hint, nothing more. */
export function countryFromPhone(phone: string): string | undefined {
  const digits = phone.replace(/^\+/, '');
  // The country is decided by the calling code and the first digits after it (+1 809 is the
  // Dominican Republic): numbers that begin alike are parsed once (parsing is the costliest
  // part of reading a message). Only the beginning is kept, never a whole number.
  const prefix = digits.slice(0, COUNTRY_PREFIX_DIGITS);
  const known = countryByPrefix.get(prefix);
  if (known) return known;
  const country = parsePhoneNumberFromString(`+${digits}`)?.country;
  if (country) {
    if (countryByPrefix.size >= 5000) countryByPrefix.clear();
    countryByPrefix.set(prefix, country);
  }
  return country;
}

const COUNTRY_PREFIX_DIGITS = 7;
const countryByPrefix = new Map<string, string>();

/**
 * Twilio's signature covers the parameters concatenated without separators, so a signed request
 * can be re-cut (part of one value moved into the next name); strict shapes for the ids refuse
 * such a request, as does a field sent twice.
 */
const MESSAGE_SID = /^(SM|MM)[0-9a-f]{32}$/;
const ACCOUNT_SID = /^AC[0-9a-f]{32}$/;

/** `accountSid`: the configured account; a delivery for another account is refused. */
export function parseTwilioInbound(form: TwilioForm, accountSid?: string): WhatsAppInbound {
  if (Object.values(form).some((v) => typeof v !== 'string')) return { status: 'invalid', problem: 'every field must appear once, as text' };
  const params = form as TwilioParams;
  const messageSid = params.MessageSid;
  const from = params.From;
  if (!messageSid || !MESSAGE_SID.test(messageSid)) return { status: 'invalid', problem: 'MessageSid must be SM or MM and 32 hexadecimal digits' };
  if (!params.AccountSid || !ACCOUNT_SID.test(params.AccountSid)) return { status: 'invalid', problem: 'AccountSid must be AC and 32 hexadecimal digits' };
  if (accountSid !== undefined && params.AccountSid !== accountSid) return { status: 'invalid', problem: 'AccountSid is not this server’s Twilio account' };
  if (!from || !/^whatsapp:\+\d{6,16}$/.test(from)) return { status: 'invalid', problem: 'From must be whatsapp:+<number>' };
  const phone = from.slice('whatsapp:'.length);
  const user = params.WaId && /^\d{6,16}$/.test(params.WaId) ? params.WaId : phone.replace(/^\+/, '');
  const country = countryFromPhone(user);
  const hints: ChannelHints = { ...(country ? { country } : {}), phone: `+${user}` };
  const base = { messageSid, user, hints };

  const lat = Number(params.Latitude);
  const lon = Number(params.Longitude);
  if (params.Latitude !== undefined && params.Longitude !== undefined) {
    if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
      return { status: 'invalid', problem: 'Latitude and Longitude must be coordinates' };
    }
    return { status: 'ok', ...base, inbound: { kind: 'location', lat, lon, label: params.Label ?? params.Address } };
  }
  if (params.ButtonPayload) return { status: 'ok', ...base, inbound: { kind: 'choice', id: params.ButtonPayload, label: params.ButtonText } };
  const body = (params.Body ?? '').slice(0, MAX_BODY);
  const media = twilioMedia(params);
  if (media === 'invalid') return { status: 'invalid', problem: 'NumMedia must be 0 to 10, each MediaUrl<n> an https URL with its MediaContentType<n>' };
  if (media.length) return { status: 'ok', ...base, inbound: { kind: 'media', media, ...(body.trim() ? { text: body } : {}) } };
  return { status: 'ok', ...base, inbound: { kind: 'text', text: body } };
}

/**
 * The files of a message: `NumMedia`, then `MediaUrl<n>` (Twilio's address of the file, fetched
 * with the account's credentials) and `MediaContentType<n>` for each.
 */
function twilioMedia(params: TwilioParams): InboundMedia[] | 'invalid' {
  const count = params.NumMedia === undefined || params.NumMedia === '' ? 0 : Number(params.NumMedia);
  if (!Number.isInteger(count) || count < 0 || count > 10) return 'invalid';
  const media: InboundMedia[] = [];
  for (let i = 0; i < count; i++) {
    const url = params[`MediaUrl${i}`];
    const contentType = params[`MediaContentType${i}`];
    if (!url || url.length > 2000 || !/^https?:\/\/[^\s]+$/.test(url) || !contentType || contentType.length > 200) return 'invalid';
    media.push({ kind: mediaKindOf(contentType), ref: url, contentType });
  }
  return media;
}

export const CHANNEL = 'whatsapp';

/**
 * A verified webhook request for the pipeline: the MessageSid is the delivery id, and what Twilio
 * signed is claimed with it, so the same signed content under another MessageSid is a replay.
 */
export function parseWhatsAppRequest(form: unknown, signature: string, accountSid: string | undefined): Parsed<undefined> {
  const parsed = parseTwilioInbound((form && typeof form === 'object' ? form : {}) as TwilioForm, accountSid);
  if (parsed.status === 'invalid') return { status: 'refuse', refusal: { code: 400, body: { error: parsed.problem } }, problem: parsed.problem };
  return {
    status: 'turn',
    delivery: { ref: { channel: CHANNEL, user: parsed.user }, inbound: parsed.inbound, hints: parsed.hints, id: parsed.messageSid, replayKey: signedContentId(signature), extra: undefined },
  };
}

/** Twilio's message statuses as ours; the ones before "sent" are all still queued. */
const TWILIO_STATUSES: Record<string, StatusReport['status']> = {
  accepted: 'queued', scheduled: 'queued', queued: 'queued', sending: 'queued',
  sent: 'sent', delivered: 'delivered', read: 'read', failed: 'failed', undelivered: 'undelivered', canceled: 'failed',
};

export type WhatsAppStatus =
  | { status: 'ok'; report: StatusReport }
  /** A status we do not follow (Twilio may add some): answered, nothing stored. */
  | { status: 'ignore' }
  | { status: 'invalid'; problem: string };

/** A status callback of a message we sent (pure): MessageSid, MessageStatus and, for a failure, ErrorCode. */
export function parseTwilioStatus(form: TwilioForm, accountSid?: string): WhatsAppStatus {
  if (Object.values(form).some((v) => typeof v !== 'string')) return { status: 'invalid', problem: 'every field must appear once, as text' };
  const params = form as TwilioParams;
  if (!params.MessageSid || !MESSAGE_SID.test(params.MessageSid)) return { status: 'invalid', problem: 'MessageSid must be SM or MM and 32 hexadecimal digits' };
  if (!params.AccountSid || !ACCOUNT_SID.test(params.AccountSid)) return { status: 'invalid', problem: 'AccountSid must be AC and 32 hexadecimal digits' };
  if (accountSid !== undefined && params.AccountSid !== accountSid) return { status: 'invalid', problem: 'AccountSid is not this server’s Twilio account' };
  const given = params.MessageStatus ?? params.SmsStatus;
  if (!given || !/^[a-z-]{1,20}$/.test(given)) return { status: 'invalid', problem: 'MessageStatus is missing or malformed' };
  const status = TWILIO_STATUSES[given];
  if (!status) return { status: 'ignore' };
  const errorCode = params.ErrorCode && /^\d{1,6}$/.test(params.ErrorCode) ? params.ErrorCode : null;
  if (params.ErrorCode && errorCode === null) return { status: 'invalid', problem: 'ErrorCode must be a number' };
  return { status: 'ok', report: { channel: CHANNEL, messageId: params.MessageSid, status, errorCode } };
}
