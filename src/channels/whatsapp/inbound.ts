/**
 * Twilio's WhatsApp webhook parameters as an inbound message (pure). Text, a shared location, a
 * tapped quick reply, or media we cannot read (answered kindly, never dropped silently).
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { ChannelHints, Inbound } from '../../core/messages.js';

export type TwilioParams = Record<string, string | undefined>;

export type WhatsAppInbound =
  | { status: 'ok'; messageSid: string; user: string; inbound: Inbound; hints: ChannelHints }
  | { status: 'media'; messageSid: string; user: string; hints: ChannelHints }
  | { status: 'invalid'; problem: string };

const MAX_BODY = 20_000;

/** The person's country from the phone number's country code (+233 is Ghana): a hint, nothing more. */
export function countryFromPhone(phone: string): string | undefined {
  return parsePhoneNumberFromString(phone.startsWith('+') ? phone : `+${phone}`)?.country;
}

export function parseTwilioInbound(params: TwilioParams): WhatsAppInbound {
  const messageSid = params.MessageSid ?? params.SmsMessageSid;
  const from = params.From;
  if (!messageSid || !/^[A-Za-z0-9]{10,64}$/.test(messageSid)) return { status: 'invalid', problem: 'MessageSid is missing or malformed' };
  if (!from || !/^whatsapp:\+?\d{6,16}$/.test(from)) return { status: 'invalid', problem: 'From must be whatsapp:+<number>' };
  const phone = from.slice('whatsapp:'.length);
  const user = params.WaId && /^\d{6,16}$/.test(params.WaId) ? params.WaId : phone.replace(/^\+/, '');
  const country = countryFromPhone(user);
  const hints: ChannelHints = country ? { country } : {};
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
  if (!body.trim() && Number(params.NumMedia ?? 0) > 0) return { status: 'media', ...base };
  return { status: 'ok', ...base, inbound: { kind: 'text', text: body } };
}
